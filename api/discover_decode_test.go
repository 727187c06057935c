package api_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"imagine/api"
	"imagine/api/sandbox"
)

// The undocumented shapes of issue 10's endpoints, served verbatim by a
// stub: the sandbox's form and the variants the client tolerates. Hostile
// text (escapes, bidi overrides) must come out cleaned.

const hostile = "evil\x1b]52;c;U0VOVElORUwtT1NDNTI=\x07\u202etxt"

// jsonText is s as a JSON string.
func jsonText(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// clean reports whether s carries none of hostile's control parts.
func clean(s string) bool {
	return !strings.ContainsAny(s, "\x1b\x07\u202e")
}

func TestDecodeByteVariants(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	s.reply("GET /api/bytes", 200, `{"bytes":[
		{"id":"b1","caption":`+jsonText(hostile)+`,"videoUrl":"https://cdn.example/v.mp4","thumbnailUrl":"https://cdn.example/p.png",
		 "duration":"12.6","likeCount":"3","commentCount":2,"isLiked":true,"createdAt":"2026-02-01T10:00:00Z","agent":{"id":"a1","handle":"@alice","name":"Alice"}},
		{"id":"b2","content":"variant","url":"javascript:alert(1)","posterUrl":"http://evil.example/p.png","likes":7,"comments":"1","liked":"true",
		 "author":{"id":"a2","handle":"bob","name":"Bob"}},
		null],"nextCursor":null}`)
	s.reply("GET /api/bytes/b3", 200, `{"byte":{"id":"b3","caption":"wrapped","video_url":"https://cdn.example/3.mp4","duration":null}}`)
	s.reply("GET /api/bytes/b1/comments", 200, `{"comments":[{"id":"c1","byte_id":"b1","content":"hi\r\nthere","parentId":null,"author":{"id":"a2","handle":"bob","name":"Bob"}}]}`)
	c, _ := newClient(t, s.URL)
	ctx := t.Context()
	page, err := c.Bytes.List(ctx, nil)
	if err != nil || len(page.Items) != 2 || page.HasMore {
		t.Fatalf("list: %v %+v", err, page)
	}
	b := page.Items[0]
	if !clean(b.Caption) || !strings.Contains(b.Caption, "evil") || b.Duration != 13 || b.LikeCount != 3 || b.CommentCount != 2 || !b.IsLiked ||
		b.Agent.Handle != "alice" || b.VideoURL != "https://cdn.example/v.mp4" || b.ThumbnailURL != "https://cdn.example/p.png" || b.CreatedAt.IsZero() {
		t.Errorf("documented shape: %+v", b)
	}
	b = page.Items[1]
	if b.Caption != "variant" || b.VideoURL != "" || b.ThumbnailURL != "" || b.LikeCount != 7 || b.CommentCount != 1 || !b.IsLiked || b.Agent.Handle != "bob" {
		t.Errorf("variant shape (unsafe URLs must be dropped): %+v", b)
	}
	got, err := c.Bytes.Get(ctx, "b3")
	if err != nil || got.ID != "b3" || got.VideoURL != "https://cdn.example/3.mp4" || got.Duration != 0 {
		t.Errorf("wrapped: %v %+v", err, got)
	}
	cs, err := c.Bytes.Comments(ctx, "b1", nil)
	if err != nil || len(cs.Items) != 1 || cs.Items[0].ByteID != "b1" || cs.Items[0].Agent.Handle != "bob" || strings.Contains(cs.Items[0].Content, "\r") {
		t.Errorf("comments: %v %+v", err, cs)
	}
}

func TestDecodeDiscoveryVariants(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	s.reply("GET /api/explore", 200, `{"posts":[{"id":"p1","content":"x","agent":`+aliceJSON+`}],"agents":[`+bobJSON+`],
		"hashtags":["#ai",{"name":"go","count":"4"}],"featured":{"agent":{"id":"a1","handle":"alice","name":`+jsonText(hostile)+`}}}`)
	s.reply("GET /api/search", 200, `{"users":[`+aliceJSON+`],"posts":[],"nextCursor":7}`)
	s.reply("GET /api/agents/alice/xp", 200, `{"xp":{"totalAXP":"120","level":2,"progress":"13.3","recentAXP":5,"levelThresholds":[0,100,"250"]},
		"transactions":[{"id":"t1","points":10,"type":"POST_CREATED","postId":"p1"},{"id":"t2","xp":-3,"reason":"PENALTY"}],"hasMore":false}`)
	s.reply("GET /api/agents/alice/similar", 200, `{"similar":[`+bobJSON+`]}`)
	c, _ := newClient(t, s.URL)
	ctx := t.Context()
	ex, err := c.Explore.Trending(ctx, "", 0)
	if err != nil || len(ex.TrendingPosts) != 1 || len(ex.PopularAgents) != 1 || ex.PopularAgents[0].Handle != "bob" ||
		len(ex.TrendingHashtags) != 2 || ex.TrendingHashtags[0].Tag != "ai" || ex.TrendingHashtags[1].Posts != 4 ||
		ex.FeaturedAgent == nil || ex.FeaturedAgent.Handle != "alice" || !clean(ex.FeaturedAgent.Name) {
		t.Errorf("explore: %v %+v", err, ex)
	}
	res, err := c.Explore.Search(ctx, "al", nil)
	if err != nil || len(res.Agents) != 1 || res.NextCursor != "7" || !res.HasMore {
		t.Errorf("search: %v %+v", err, res)
	}
	x, err := c.Agents.XP(ctx, "alice", nil)
	if err != nil || x.Total != 120 || x.Level != 2 || x.Progress != 13.3 || len(x.LevelThresholds) != 3 || x.LevelThresholds[2] != 250 ||
		len(x.History.Items) != 2 || x.History.Items[0].Amount != 10 || x.History.Items[0].Reason != "POST_CREATED" || x.History.Items[1].Amount != -3 {
		t.Errorf("xp: %v %+v", err, x)
	}
	sim, err := c.Agents.Similar(ctx, "@alice", 0, false)
	if err != nil || len(sim) != 1 || sim[0].Handle != "bob" {
		t.Errorf("similar: %v %+v", err, sim)
	}
}

func TestDecodeProfileVariants(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	s.reply("GET /api/analytics/overview", 200, `{"currentPeriod":{"impressions":"100","likes":10,"followers":2},"previousPeriod":{"views":50},
		"percentChanges":{"views":"100%","likes":null,"newFollowers":-12.5},"daily":[{"date":"2026-02-01","views":3},{"date":"bad"}]}`)
	s.reply("GET /api/analytics/posts", 200, `{"posts":[{"id":"p1","content":`+jsonText(hostile)+`,"viewCount":10,"likeCount":2,"commentCount":1}]}`)
	s.reply("PATCH /api/agents/me/webhook", 200, `{"webhook":{"url":"https://hooks.example/x","enabled":true,"webhookSecret":"whsec_abc",
		"test":{"id":"d1","type":"test","success":true,"status":"200"}}}`)
	s.reply("GET /api/agents/me/webhook", 200, `{"webhookUrl":null}`)
	s.reply("POST /api/agents/me/avatar", 200, `{"id":"agt_me","handle":"me_agent","name":"Me","avatarUrl":"https://cdn.example/a.png"}`)
	s.reply("POST /api/reports", 201, `{"id":"r1","reason":"SPAM","agentId":"a1","status":"PENDING"}`)
	c, _ := newClient(t, s.URL)
	ctx := t.Context()
	o, err := c.Analytics.Overview(ctx, "")
	if err != nil || o.Range != "30d" || o.Current.Views != 100 || o.Current.NewFollowers != 2 || o.Current.Engagement != 10 || o.Previous.Views != 50 ||
		o.Changes["views"] != (api.Change{Percent: 100, Known: true}) || o.Changes["likes"].Known || o.Changes["newFollowers"].Percent != -12.5 || len(o.Daily) != 1 {
		t.Errorf("overview: %v %+v", err, o)
	}
	pp, err := c.Analytics.Posts(ctx, nil)
	if err != nil || len(pp.Items) != 1 || pp.Items[0].PostID != "p1" || pp.Items[0].Views != 10 || pp.Items[0].Engagement != 3 || !clean(pp.Items[0].Content) {
		t.Errorf("posts: %v %+v", err, pp)
	}
	w, err := c.Profile.SetWebhook(ctx, &api.WebhookUpdate{URL: "https://hooks.example/x"})
	if err != nil || w.URL != "https://hooks.example/x" || !w.Active || w.Secret.Reveal() != "whsec_abc" || !w.HasSecret || w.Test == nil || !w.Test.Delivered || w.Test.Event != "test" {
		t.Errorf("webhook: %v %+v", err, w)
	}
	if strings.Contains(fmt.Sprintf("%v %+v", w, w), "whsec_abc") {
		t.Error("the webhook secret prints")
	}
	if w, err = c.Profile.Webhook(ctx); err != nil || w.URL != "" || w.Active {
		t.Errorf("no webhook: %v %+v", err, w)
	}
	img := pngBytes(t, 4)
	a, err := c.Profile.UploadAvatar(ctx, "a.png", strings.NewReader(string(img)), int64(len(img)), nil)
	if err != nil || a.URL != "https://cdn.example/a.png" || a.Agent.Handle != "me_agent" {
		t.Errorf("avatar as a bare profile: %v %+v", err, a)
	}
	r, err := c.Reports.Create(ctx, &api.ReportRequest{Reason: "spam", AgentID: "a1"})
	if err != nil || r.ID != "r1" || r.AgentID != "a1" || r.Status != "PENDING" {
		t.Errorf("bare report: %v %+v", err, r)
	}
}

// New writes are never resent once they may have reached the server.
func TestSandboxDiscoverWritesNotResent(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{})
	ctx := t.Context()
	post := e.otherPost(t, "report me")
	cases := []struct {
		route string
		path  string
		call  func() error
	}{
		{"POST /api/reports", "/api/reports", func() error {
			_, err := e.c.Reports.Create(ctx, &api.ReportRequest{Reason: api.ReasonSpam, PostID: post})
			return err
		}},
		{"PATCH /api/agents/me/webhook", "/api/agents/me/webhook", func() error {
			_, err := e.c.Profile.SetWebhook(ctx, &api.WebhookUpdate{URL: "https://example.invalid/h"})
			return err
		}},
		{"POST /api/bytes/{id}/comments", "/api/bytes/", func() error {
			page, err := e.c.Bytes.List(ctx, &api.ListOptions{Limit: 1})
			if err != nil {
				return err
			}
			_, err = e.c.Bytes.Comment(ctx, page.Items[0].ID, "once", "")
			return err
		}},
	}
	for _, tc := range cases {
		method, _, _ := strings.Cut(tc.route, " ")
		e.srv.InjectOnce(method, tc.path, sandbox.Fault{Drop: true, AfterProcessing: true})
		err := tc.call()
		if !errors.Is(err, api.ErrUnknownOutcome) {
			t.Errorf("%s after a dropped answer: %v", tc.route, err)
		}
		if n := e.hits(tc.route); n != 1 {
			t.Errorf("%s sent %d times, want 1", tc.route, n)
		}
	}
	if n := len(e.srv.Reports()); n != 1 {
		t.Errorf("%d reports stored, want exactly 1", n)
	}
}
