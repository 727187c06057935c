package api_test

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"imagine/api"
)

// postJSON is a bare post in the sandbox's (spec) form.
const postJSON = `{"id":"p1","content":"hello","mediaType":"TEXT","createdAt":"2026-02-01T10:00:00.000Z",
 "agent":{"id":"a1","handle":"alice","name":"Alice"},"likeCount":3,"commentCount":1,"repostCount":0,
 "viewCount":9,"isLiked":true,"hashtags":["go"],"mentions":[]}`

func TestDecodePostWrappedAndBare(t *testing.T) {
	t.Parallel()
	for name, body := range map[string]string{
		"bare":    postJSON,
		"wrapped": `{"post":` + postJSON + `}`,
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			s := newStub(t)
			s.reply("GET /api/posts/p1", 200, body)
			c, _ := newClient(t, s.URL)
			p, err := c.Posts.Get(t.Context(), "p1")
			if err != nil {
				t.Fatal(err)
			}
			want := time.Date(2026, 2, 1, 10, 0, 0, 0, time.UTC)
			if p.ID != "p1" || p.Content != "hello" || p.Agent.Handle != "alice" || p.LikeCount != 3 ||
				!p.IsLiked || !p.CreatedAt.Equal(want) || len(p.Hashtags) != 1 || p.Mentions == nil {
				t.Errorf("got %+v", p)
			}
		})
	}
}

func TestDecodeTimestamps(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want time.Time
	}{
		{`"2026-02-01T10:00:00Z"`, time.Date(2026, 2, 1, 10, 0, 0, 0, time.UTC)},
		{`"2026-02-01T10:00:00.123Z"`, time.Date(2026, 2, 1, 10, 0, 0, 123e6, time.UTC)},
		{`"2026-02-01T12:00:00.5+02:00"`, time.Date(2026, 2, 1, 10, 0, 0, 5e8, time.UTC)},
		{`"2026-02-01T10:00:00"`, time.Date(2026, 2, 1, 10, 0, 0, 0, time.UTC)},
		{`null`, time.Time{}},
		{`""`, time.Time{}},
		{`"yesterday"`, time.Time{}},
		{`12345`, time.Time{}},
		{`{"a":1}`, time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			s := newStub(t)
			s.reply("GET /api/posts/p1", 200, fmt.Sprintf(`{"id":"p1","content":"x","createdAt":%s,"agent":{"id":"a1","handle":"a_b","createdAt":%s}}`, tt.in, tt.in))
			c, _ := newClient(t, s.URL)
			p, err := c.Posts.Get(t.Context(), "p1")
			if err != nil {
				t.Fatalf("a bad timestamp must not fail the decode: %v", err)
			}
			if !p.CreatedAt.Equal(tt.want) || !p.Agent.CreatedAt.Equal(tt.want) {
				t.Errorf("CreatedAt = %v / %v, want %v", p.CreatedAt, p.Agent.CreatedAt, tt.want)
			}
		})
	}
}

func TestDecodeAgentVariants(t *testing.T) {
	t.Parallel()
	tests := map[string]string{
		"counts top-level":  `{"id":"a1","handle":"alice","name":"Alice","followerCount":5,"followingCount":6,"postCount":7}`,
		"counts in stats":   `{"id":"a1","handle":"@alice","name":"Alice","stats":{"followers":5,"following":6,"posts":7}}`,
		"wrapped, both":     `{"agent":{"id":"a1","handle":"alice","name":"Alice","followerCount":5,"followingCount":6,"postCount":7,"stats":{"followers":50,"following":60,"posts":70}}}`,
		"string counts":     `{"id":"a1","handle":"alice","name":"Alice","followerCount":"5","followingCount":6.0,"postCount":"7"}`,
		"top-level wins":    `{"id":"a1","handle":"alice","name":"Alice","followerCount":5,"stats":{"followers":99,"following":6,"posts":7},"followingCount":6,"postCount":7}`,
		"wrapped, @handle":  `{"agent":{"id":"a1","handle":"@alice","name":"Alice","stats":{"followers":5,"following":6,"posts":7}}}`,
		"unknown and nulls": `{"id":"a1","handle":"alice","name":"Alice","bio":null,"avatarUrl":null,"gamification":{"level":3},"followerCount":5,"followingCount":6,"postCount":7,"capabilities":null}`,
	}
	for name, body := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			s := newStub(t)
			s.reply("GET /api/agents/alice", 200, body)
			c, _ := newClient(t, s.URL)
			a, err := c.Agents.Get(t.Context(), "@alice")
			if err != nil {
				t.Fatal(err)
			}
			if a.Handle != "alice" || a.Name != "Alice" || a.FollowerCount != 5 || a.FollowingCount != 6 || a.PostCount != 7 {
				t.Errorf("got %+v", a)
			}
		})
	}
}

func TestDecodeQuotedPost(t *testing.T) {
	t.Parallel()
	inner := `{"id":"p0","content":"original","agent":{"id":"a2","handle":"bob"}}`
	for _, key := range []string{"repostOf", "quotedPost", "quoteOf"} {
		t.Run(key, func(t *testing.T) {
			t.Parallel()
			s := newStub(t)
			s.reply("GET /api/posts/p1", 200, `{"post":{"id":"p1","content":"my take","isQuote":true,"agent":{"id":"a1","handle":"alice"},"`+key+`":`+inner+`}}`)
			c, _ := newClient(t, s.URL)
			p, err := c.Posts.Get(t.Context(), "p1")
			if err != nil {
				t.Fatal(err)
			}
			if p.RepostOf == nil || p.RepostOf.ID != "p0" || p.RepostOf.Agent.Handle != "bob" || !p.IsQuote {
				t.Errorf("quoted post not read from %s: %+v", key, p.RepostOf)
			}
		})
	}
}

func TestDecodeCommentsNestedAndFlat(t *testing.T) {
	t.Parallel()
	flat := `{"comments":[
	  {"id":"c1","postId":"p1","content":"top","agent":{"id":"a1","handle":"alice"}},
	  {"id":"c2","postId":"p1","content":"reply","parentId":"c1","agent":{"id":"a2","handle":"bob"}},
	  {"id":"c3","postId":"p1","content":"other","agent":{"id":"a1","handle":"alice"}}],"nextCursor":null,"hasMore":false}`
	nested := `{"comments":[
	  {"id":"c1","postId":"p1","content":"top","agent":{"id":"a1","handle":"alice"},"replies":[
	    {"id":"c2","content":"reply","agent":{"id":"a2","handle":"bob"},"replies":[]}]},
	  {"id":"c3","postId":"p1","content":"other","agent":{"id":"a1","handle":"alice"},"replies":null}],"nextCursor":null}`
	for name, body := range map[string]string{"flat": flat, "nested": nested} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			s := newStub(t)
			s.reply("GET /api/posts/p1/comments", 200, body)
			c, _ := newClient(t, s.URL)
			page, err := c.Posts.Comments(t.Context(), "p1", nil)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, cm := range page.Items {
				got = append(got, cm.ID+"<"+cm.ParentID+"@"+cm.PostID)
				if len(cm.Replies) != 0 {
					t.Errorf("%s still has nested replies", cm.ID)
				}
			}
			want := "[c1<@p1 c2<c1@p1 c3<@p1]"
			if fmt.Sprint(got) != want || page.HasMore || page.NextCursor != "" {
				t.Errorf("got %v more=%v cursor=%q, want %s", got, page.HasMore, page.NextCursor, want)
			}
		})
	}
}

func TestDecodePagination(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, body string
		items      int
		cursor     string
		more       bool
	}{
		{"hasMore absent, cursor set", `{"posts":[` + postJSON + `],"nextCursor":"c2"}`, 1, "c2", true},
		{"hasMore absent, cursor null", `{"posts":[` + postJSON + `],"nextCursor":null}`, 1, "", false},
		{"explicit false wins", `{"posts":[` + postJSON + `],"nextCursor":"c2","hasMore":false}`, 1, "c2", false},
		{"null array", `{"posts":null,"nextCursor":null,"hasMore":false}`, 0, "", false},
		{"absent array", `{"hasMore":false}`, 0, "", false},
		{"null items dropped", `{"posts":[null,` + postJSON + `],"hasMore":true,"nextCursor":"x"}`, 1, "x", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := newStub(t)
			s.reply("GET /api/posts", 200, tt.body)
			c, _ := newClient(t, s.URL)
			page, err := c.Posts.List(t.Context(), nil)
			if err != nil {
				t.Fatal(err)
			}
			if page.Items == nil || len(page.Items) != tt.items || page.NextCursor != tt.cursor || page.HasMore != tt.more {
				t.Errorf("got %d items (nil=%v), cursor %q, more %v", len(page.Items), page.Items == nil, page.NextCursor, page.HasMore)
			}
		})
	}
}

func TestDecodeNullListsInPost(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	s.reply("GET /api/posts/p1", 200, `{"id":"p1","content":"x","agent":{"id":"a","handle":"abc"},"mediaUrls":null,"hashtags":null,"mentions":[{"handle":"bob"}]}`)
	c, _ := newClient(t, s.URL)
	p, err := c.Posts.Get(t.Context(), "p1")
	if err != nil {
		t.Fatal(err)
	}
	if p.MediaURLs == nil || p.Hashtags == nil || len(p.Mentions) != 1 || p.Mentions[0] != "bob" {
		t.Errorf("lists: media %#v tags %#v mentions %#v", p.MediaURLs, p.Hashtags, p.Mentions)
	}
}

func TestDecodeToggles(t *testing.T) {
	t.Parallel()
	type call func(context.Context, *api.Client) (*api.Toggle, error)
	var (
		likeCall     call = func(ctx context.Context, c *api.Client) (*api.Toggle, error) { return c.Posts.Like(ctx, "p1") }
		unlikeCall   call = func(ctx context.Context, c *api.Client) (*api.Toggle, error) { return c.Posts.Unlike(ctx, "p1") }
		repostCall   call = func(ctx context.Context, c *api.Client) (*api.Toggle, error) { return c.Posts.Repost(ctx, "p1") }
		amplifyCall  call = func(ctx context.Context, c *api.Client) (*api.Toggle, error) { return c.Posts.Amplify(ctx, "p1") }
		followCall   call = func(ctx context.Context, c *api.Client) (*api.Toggle, error) { return c.Agents.Follow(ctx, "@bob") }
		unfollowCall call = func(ctx context.Context, c *api.Client) (*api.Toggle, error) { return c.Agents.Unfollow(ctx, "bob") }
	)
	tests := []struct {
		name, status, body string
		call               call
		want               api.Toggle
	}{
		{"like with counts", "200", `{"liked":true,"likeCount":4}`, likeCall, api.Toggle{Active: true, Count: 4, CountKnown: true}},
		{"like empty 200", "200", ``, likeCall, api.Toggle{Active: true}},
		{"like 204", "204", ``, likeCall, api.Toggle{Active: true}},
		{"like success only", "201", `{"success":true}`, likeCall, api.Toggle{Active: true}},
		{"like not JSON", "200", `OK`, likeCall, api.Toggle{Active: true}},
		{"unlike default", "200", `{}`, unlikeCall, api.Toggle{}},
		{"unlike with count", "200", `{"liked":false,"likeCount":"2"}`, unlikeCall, api.Toggle{Count: 2, CountKnown: true}},
		{"repost answered by a post", "201", `{"post":` + postJSON + `}`, repostCall, api.Toggle{Active: true}},
		{"amplify", "200", `{"amplified":true,"amplifyCount":8}`, amplifyCall, api.Toggle{Active: true, Count: 8, CountKnown: true}},
		{"follow", "200", `{"following":true,"followerCount":12}`, followCall, api.Toggle{Active: true, Count: 12, CountKnown: true}},
		{"unfollow empty", "200", `{"success":true}`, unfollowCall, api.Toggle{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := newStub(t)
			code, _ := strconv.Atoi(tt.status)
			for _, p := range []string{"/api/posts/p1/like", "/api/posts/p1/repost", "/api/posts/p1/amplify", "/api/agents/bob/follow"} {
				s.reply(p, code, tt.body)
			}
			c, _ := newClient(t, s.URL)
			got, err := tt.call(t.Context(), c)
			if err != nil {
				t.Fatal(err)
			}
			if *got != tt.want {
				t.Errorf("got %+v, want %+v", *got, tt.want)
			}
		})
	}
}

func TestDecodeHostileStrings(t *testing.T) {
	t.Parallel()
	const evil = `\u001b]52;c;ZXZpbA==\u0007x\u001b[31m\u009b2J\r\u0000`
	s := newStub(t)
	s.reply("GET /api/posts", 200, `{"posts":[{"id":"p1`+evil+`","content":"line1\nline2`+evil+`","mediaType":"TEXT`+evil+`",
	  "agent":{"id":"a1","handle":"alice`+evil+`","name":"Al`+evil+`ice","bio":"b`+evil+`","avatarUrl":"https://x/`+evil+`"},
	  "hashtags":["go`+evil+`"],"mentions":["bob`+evil+`"],"mediaUrls":["u`+evil+`"],
	  "repostOf":{"id":"p0","content":"q`+evil+`","agent":{"id":"a2","handle":"bob","name":"B`+evil+`"}}}],
	  "nextCursor":"c`+evil+`","hasMore":true}`)
	s.reply("GET /api/posts/p1/comments", 200, `{"comments":[{"id":"c1","content":"c`+evil+`","agent":{"id":"a1","handle":"h","name":"n`+evil+`"},
	  "replies":[{"id":"c2","content":"r`+evil+`","agent":{"id":"a2","handle":"h2","name":"m`+evil+`"}}]}]}`)
	c, _ := newClient(t, s.URL)
	page, err := c.Posts.List(t.Context(), nil)
	if err != nil {
		t.Fatal(err)
	}
	noControls(t, "post", fmt.Sprintf("%+v", *page))
	p := page.Items[0]
	if p.Content != "line1\nline2x" && !strings.Contains(p.Content, "line1\nline2") {
		t.Errorf("block content lost its line break: %q", p.Content)
	}
	comments, err := c.Posts.Comments(t.Context(), "p1", nil)
	if err != nil {
		t.Fatal(err)
	}
	noControls(t, "comments", fmt.Sprintf("%+v", *comments))
}
