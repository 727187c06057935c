package api_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"

	"imagine/api"
	"imagine/api/sandbox"
)

func TestHashtagPostsAgainstTheSandbox(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{})
	ctx := t.Context()
	a := e.srv.ActAs("tag_poster")
	var want []string
	for _, text := range []string{"first #Pangolin", "second #pangolin", "third #PANGOLIN", "plain pangolin"} {
		id := a.Post(text)
		if strings.Contains(text, "#") {
			want = append([]string{id}, want...)
		}
	}
	// With or without "#", any case; two per page, walked with All.
	for _, tag := range []string{"pangolin", "#Pangolin", " PANGOLIN "} {
		var got []string
		for p, err := range api.All(ctx, func(ctx context.Context, o api.ListOptions) (*api.Page[api.Post], error) {
			o.Limit = 2
			return e.c.Hashtags.Posts(ctx, tag, &o)
		}) {
			if err != nil {
				t.Fatalf("%q: %v", tag, err)
			}
			got = append(got, p.ID)
		}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%q: %v, want %v", tag, got, want)
		}
	}
	// Signed in, the posts carry the caller's own state.
	if _, err := e.c.Posts.Like(ctx, want[0]); err != nil {
		t.Fatal(err)
	}
	page, err := e.c.Hashtags.Posts(ctx, "pangolin", nil)
	if err != nil || len(page.Items) != 3 || !page.Items[0].IsLiked || page.Items[0].Agent.Handle != "tag_poster" {
		t.Fatalf("first page: %v %+v", err, page)
	}
	// A tag nobody used is an empty page, not an error: a hashtag exists
	// only through its posts.
	page, err = e.c.Hashtags.Posts(ctx, "nobody_tags_this", nil)
	if err != nil || len(page.Items) != 0 || page.HasMore || page.NextCursor != "" {
		t.Errorf("unknown tag: %v %+v", err, page)
	}
}

func TestHashtagTagsAreCheckedBeforeSending(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{})
	before := e.srv.Stats().Requests
	for _, bad := range []string{"", "#", "  ", "two words", "a/b", "..", "trending/x", "tag?x=1", "#a#b", strings.Repeat("x", 101)} {
		if _, err := e.c.Hashtags.Posts(t.Context(), bad, nil); !errors.Is(err, api.ErrValidation) {
			t.Errorf("Posts(%q): %v", bad, err)
		}
	}
	if n := e.srv.Stats().Requests - before; n != 0 {
		t.Errorf("%d invalid tags reached the server", n)
	}
	// Letters of any script, digits and underscores are a tag.
	for _, good := range []string{"日本語", "Go_1", "café"} {
		if _, err := e.c.Hashtags.Posts(t.Context(), good, nil); err != nil {
			t.Errorf("Posts(%q): %v", good, err)
		}
	}
}

func TestHashtagBadLimitIsA400(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{})
	// The server refuses a limit that is not a number…
	for _, path := range []string{"/api/hashtags/ai?limit=abc", "/api/hashtags/trending?limit=abc"} {
		res, err := http.Get(e.url + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusBadRequest || !strings.Contains(string(body), "invalid_limit") {
			t.Errorf("%s: %d %s", path, res.StatusCode, body)
		}
	}
	// …which the client never sends: out-of-range limits are brought
	// within 1–100 first.
	for _, limit := range []int{-5, 0, 1000} {
		if _, err := e.c.Hashtags.Posts(t.Context(), "ai", &api.ListOptions{Limit: limit}); err != nil {
			t.Errorf("Posts limit %d: %v", limit, err)
		}
		if _, err := e.c.Hashtags.Trending(t.Context(), limit); err != nil {
			t.Errorf("Trending limit %d: %v", limit, err)
		}
	}
	// A 400 from a server is a validation error with its message.
	s := newStub(t)
	s.reply("GET /api/hashtags/{tag}", 400, `{"error":"invalid_limit","message":"limit must be an integer"}`)
	c, _ := newClient(t, s.URL)
	_, err := c.Hashtags.Posts(t.Context(), "ai", nil)
	var apiErr *api.Error
	if !errors.Is(err, api.ErrValidation) || !errors.As(err, &apiErr) || apiErr.Message != "limit must be an integer" {
		t.Errorf("400: %v", err)
	}
}

func TestTrendingAgainstTheSandbox(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{})
	ctx := t.Context()
	a := e.srv.ActAs("trend_setter")
	for range 40 {
		a.Post("#Aardvark news")
	}
	tags, err := e.c.Hashtags.Trending(ctx, 5)
	if err != nil || len(tags) == 0 || len(tags) > 5 {
		t.Fatalf("Trending(5): %v %+v", err, tags)
	}
	if tags[0].Tag != "Aardvark" || tags[0].Posts != 40 {
		t.Errorf("top = %+v", tags[0])
	}
	for i := 1; i < len(tags); i++ {
		if tags[i].Posts > tags[i-1].Posts || tags[i].Tag == "" {
			t.Errorf("not most used first: %+v", tags)
		}
	}
	if tags, err := e.c.Hashtags.Trending(ctx, 0); err != nil || len(tags) > api.DefaultTrendingLimit {
		t.Errorf("Trending(0): %v, %d tags", err, len(tags))
	}
}

func TestTrendingDecodesEveryShapeAndCleans(t *testing.T) {
	t.Parallel()
	cases := map[string]string{
		"bare strings":      `["#go","rust"," #zig "]`,
		"wrapped objects":   `{"hashtags":[{"tag":"go","postCount":3},{"name":"#rust","count":"2"},{"hashtag":"zig","usageCount":1}]}`,
		"explore key":       `{"trendingHashtags":[{"tag":"go","posts":3},"rust",{"tag":"zig","uses":1},{"tag":""},null,{"count":9}]}`,
		"data key":          `{"data":[{"tag":"go"},{"tag":"rust"},{"tag":"zig"}],"nextCursor":null}`,
		"unknown fields in": `{"tags":[{"tag":"go","trend":"up","color":"#fff"},{"tag":"rust"},{"tag":"zig"}]}`,
	}
	for name, body := range cases {
		t.Run(name, func(t *testing.T) {
			s := newStub(t)
			s.reply("GET /api/hashtags/trending", 200, body)
			c, _ := newClient(t, s.URL)
			tags, err := c.Hashtags.Trending(t.Context(), 3)
			if err != nil || len(tags) != 3 {
				t.Fatalf("%v %+v", err, tags)
			}
			if tags[0].Tag != "go" || tags[1].Tag != "rust" || tags[2].Tag != "zig" {
				t.Errorf("tags = %+v", tags)
			}
		})
	}
	s := newStub(t)
	s.reply("GET /api/hashtags/trending", 200, `{"hashtags":[{"tag":"evil\u001b]52;c;Y3VybA==\u0007tag\u001b[31m","postCount":1}]}`)
	c, _ := newClient(t, s.URL)
	tags, err := c.Hashtags.Trending(t.Context(), 1)
	if err != nil || len(tags) != 1 {
		t.Fatalf("%v %+v", err, tags)
	}
	noControls(t, "trending tag", tags[0].Tag)
	s.reply("GET /api/hashtags/{tag}", 200, `{"posts":[{"id":"p1","content":"x\u001b]0;title\u0007 #t","agent":{"handle":"a_b","name":"\u001b[31mRed"}}]}`)
	page, err := c.Hashtags.Posts(t.Context(), "t", nil)
	if err != nil || len(page.Items) != 1 {
		t.Fatalf("%v %+v", err, page)
	}
	noControls(t, "post content", page.Items[0].Content)
	noControls(t, "author name", page.Items[0].Agent.Name)
	if got := s.count("GET /api/hashtags/t"); got != 1 {
		t.Errorf("hits = %d", got)
	}
}
