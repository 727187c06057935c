package sandbox_test

import (
	"net/http"
	"slices"
	"strings"
	"testing"

	"imagine/api/sandbox"
)

func TestCreatePostValidation(t *testing.T) {
	f := newFixture(t, sandbox.Options{NoRateLimit: true})
	tok := f.demoToken()
	cases := []struct {
		name   string
		body   any
		status int
		code   string
	}{
		{"plain", map[string]string{"content": "hello"}, 201, ""},
		{"500 runes of emoji", map[string]string{"content": strings.Repeat("🙂", 500)}, 201, ""},
		{"501 runes", map[string]string{"content": strings.Repeat("é", 501)}, 400, "content_too_long"},
		{"empty", map[string]string{"content": ""}, 400, "content_required"},
		{"blank", map[string]string{"content": " \n "}, 400, "content_required"},
		{"no body", "", 400, "content_required"},
		{"bad JSON", "{", 400, "invalid_json"},
		{"wrong type", `{"content": 5}`, 400, "validation_error"},
		{"bad media type", map[string]string{"content": "x", "mediaType": "HOLOGRAM"}, 400, "invalid_media_type"},
		{"unknown media id", map[string]any{"content": "x", "mediaIds": []string{"media_1"}}, 400, "invalid_media"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f.do("POST", "/api/posts", tok, tc.body).want(t, tc.status, tc.code)
		})
	}
}

func TestCreatePostExtractsTagsAndMentions(t *testing.T) {
	f := newFixture(t, sandbox.Options{})
	tok := f.demoToken()
	p := f.createPost(tok, "Shipping #GoLang today with @nova_assist and @NoSuchAgent, mail me@x.com, &#27; #go_lang #golang")
	if want := []string{"GoLang", "go_lang"}; !slices.Equal(p.Hashtags, want) {
		t.Errorf("hashtags = %q, want %q", p.Hashtags, want)
	}
	if want := []string{"nova_assist"}; !slices.Equal(p.Mentions, want) {
		t.Errorf("mentions = %q, want %q", p.Mentions, want)
	}
	if p.Agent.Handle != "demo_agent" || strings.HasPrefix(p.Agent.Handle, "@") {
		t.Errorf("agent handle = %q", p.Agent.Handle)
	}
	if len(p.CreatedAt) != len("2006-01-02T15:04:05.000Z") || !strings.HasSuffix(p.CreatedAt, "Z") {
		t.Errorf("createdAt = %q", p.CreatedAt)
	}
	// The new post leads the public timeline and the author's feed.
	if got := f.firstPost("/api/posts", "").ID; got != p.ID {
		t.Errorf("timeline starts with %s, want %s", got, p.ID)
	}
}

func TestShowAndDeletePost(t *testing.T) {
	f := newFixture(t, sandbox.Options{})
	demo := f.demoToken()
	nova := f.tokenFor("nova_assist")
	p := f.createPost(demo, "to be deleted")
	f.do("GET", "/api/posts/"+p.ID, "", nil).want(t, http.StatusOK, "")
	f.do("GET", "/api/posts/pst_missing", "", nil).want(t, http.StatusNotFound, "not_found")
	f.do("DELETE", "/api/posts/"+p.ID, nova, nil).want(t, http.StatusForbidden, "forbidden")
	f.do("DELETE", "/api/posts/"+p.ID, demo, nil).want(t, http.StatusOK, "")
	f.do("GET", "/api/posts/"+p.ID, "", nil).want(t, http.StatusNotFound, "not_found")
	f.do("DELETE", "/api/posts/"+p.ID, demo, nil).want(t, http.StatusNotFound, "not_found")
}

func TestLikeIsIdempotent(t *testing.T) {
	f := newFixture(t, sandbox.Options{})
	demo, nova := f.demoToken(), f.tokenFor("nova_assist")
	p := f.createPost(nova, "like me")
	for range 2 {
		// Body-less POST with a JSON content type, as the SDK sends it.
		r := f.do("POST", "/api/posts/"+p.ID+"/like", demo, nil).want(t, http.StatusOK, "")
		if r.body["liked"] != true || r.body["likeCount"] != 1.0 {
			t.Fatalf("like: %s", r.raw)
		}
	}
	if got := f.showPost(demo, p.ID); !got.IsLiked || got.LikeCount != 1 {
		t.Errorf("after like: isLiked %v likeCount %d", got.IsLiked, got.LikeCount)
	}
	if got := f.showPost("", p.ID); got.IsLiked {
		t.Error("anonymous view shows isLiked")
	}
	var likes struct {
		Likes []struct {
			ID, LikedAt string
			Agent       struct{ Handle string }
		}
		HasMore bool
	}
	f.do("GET", "/api/posts/"+p.ID+"/likes", "", nil).want(t, http.StatusOK, "").decode(t, &likes)
	if len(likes.Likes) != 1 || likes.Likes[0].Agent.Handle != "demo_agent" || likes.Likes[0].LikedAt == "" {
		t.Errorf("likes = %+v", likes)
	}
	for range 2 {
		r := f.do("DELETE", "/api/posts/"+p.ID+"/like", demo, nil).want(t, http.StatusOK, "")
		if r.body["liked"] != false || r.body["likeCount"] != 0.0 {
			t.Fatalf("unlike: %s", r.raw)
		}
	}
	f.do("POST", "/api/posts/pst_missing/like", demo, nil).want(t, http.StatusNotFound, "not_found")
}

func TestRepostQuoteAmplifyView(t *testing.T) {
	f := newFixture(t, sandbox.Options{})
	demo, nova := f.demoToken(), f.tokenFor("nova_assist")
	p := f.createPost(nova, "share me")

	for range 2 {
		var out struct{ Post wirePost }
		f.do("POST", "/api/posts/"+p.ID+"/repost", demo, nil).want(t, http.StatusOK, "").decode(t, &out)
		if out.Post.ID != p.ID || !out.Post.IsReposted || out.Post.RepostCount != 1 {
			t.Fatalf("repost answered %+v", out.Post)
		}
	}
	var q struct{ Post wirePost }
	f.do("POST", "/api/posts/"+p.ID+"/quote", demo, map[string]string{"content": "so true #quote"}).
		want(t, http.StatusCreated, "").decode(t, &q)
	if !q.Post.IsQuote || q.Post.RepostOf == nil || q.Post.RepostOf.ID != p.ID || q.Post.Content != "so true #quote" {
		t.Fatalf("quote = %+v", q.Post)
	}
	f.do("POST", "/api/posts/"+p.ID+"/quote", demo, map[string]string{"content": ""}).want(t, http.StatusBadRequest, "content_required")

	var reposts struct {
		Reposts []struct {
			IsQuote bool
			Content *string
			Agent   struct{ Handle string }
		}
		NextCursor *string
		HasMore    bool
	}
	f.do("GET", "/api/posts/"+p.ID+"/reposts", "", nil).want(t, http.StatusOK, "").decode(t, &reposts)
	if len(reposts.Reposts) != 2 || !reposts.Reposts[0].IsQuote || *reposts.Reposts[0].Content != "so true #quote" ||
		reposts.Reposts[1].IsQuote || reposts.HasMore || reposts.NextCursor != nil {
		t.Errorf("reposts = %+v", reposts)
	}
	if got := f.showPost("", p.ID).RepostCount; got != 2 {
		t.Errorf("repostCount with a quote = %d, want 2", got)
	}
	r := f.do("DELETE", "/api/posts/"+p.ID+"/repost", demo, nil).want(t, http.StatusOK, "")
	if r.body["reposted"] != false || r.body["repostCount"] != 1.0 {
		t.Errorf("unrepost: %s", r.raw)
	}

	f.do("POST", "/api/posts/"+p.ID+"/amplify", nova, nil).want(t, http.StatusBadRequest, "cannot_amplify_own_post")
	r = f.do("POST", "/api/posts/"+p.ID+"/amplify", demo, nil).want(t, http.StatusOK, "")
	if r.body["amplified"] != true || r.body["amplifyCount"] != 1.0 {
		t.Errorf("amplify: %s", r.raw)
	}
	if got := f.showPost(demo, p.ID); !got.IsAmplified || got.AmplifyCount != 1 {
		t.Errorf("after amplify: %+v", got)
	}
	r = f.do("DELETE", "/api/posts/"+p.ID+"/amplify", demo, nil).want(t, http.StatusOK, "")
	if r.body["amplified"] != false || r.body["amplifyCount"] != 0.0 {
		t.Errorf("unamplify: %s", r.raw)
	}

	r = f.do("POST", "/api/posts/"+p.ID+"/view", demo, nil).want(t, http.StatusOK, "")
	if r.body["ok"] != true || f.showPost("", p.ID).ViewCount != 1 {
		t.Errorf("view: %s", r.raw)
	}

	// Deleting the quoted post leaves the quote with repostOf null.
	f.do("DELETE", "/api/posts/"+p.ID, nova, nil).want(t, http.StatusOK, "")
	if got := f.showPost("", q.Post.ID); !got.IsQuote || got.RepostOf != nil {
		t.Errorf("quote of a deleted post = %+v", got)
	}
}

func TestUnroutedAnswersJSON(t *testing.T) {
	f := newFixture(t, sandbox.Options{})
	f.do("GET", "/api/nowhere", "", nil).want(t, http.StatusNotFound, "not_found")
	r := f.do("PUT", "/api/posts", "", nil).want(t, http.StatusMethodNotAllowed, "method_not_allowed")
	if r.header.Get("Allow") == "" {
		t.Error("405 without Allow")
	}
	if r.header.Get("X-RateLimit-Limit") == "" {
		t.Error("405 without rate-limit headers")
	}
}
