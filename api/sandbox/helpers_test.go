package sandbox_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"imagine/api/sandbox"
)

// t0 is the fixed clock of most tests.
var t0 = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

// fixture is a sandbox behind a real HTTP server.
type fixture struct {
	t   *testing.T
	s   *sandbox.Server
	url string
	c   *http.Client
}

// newFixture starts a sandbox with a fixed clock unless opts sets one.
func newFixture(t *testing.T, opts sandbox.Options) *fixture {
	t.Helper()
	if opts.Now == nil {
		opts.Now = func() time.Time { return t0 }
	}
	s := sandbox.New(opts)
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	return &fixture{t: t, s: s, url: ts.URL, c: &http.Client{Timeout: 10 * time.Second}}
}

// resp is a decoded response.
type resp struct {
	status int
	header http.Header
	raw    []byte
	body   map[string]any
}

// do sends a request; body may be nil, a string (sent raw) or a value
// (sent as JSON). token may be empty.
func (f *fixture) do(method, path, token string, body any) resp {
	f.t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	default:
		data, err := json.Marshal(b)
		if err != nil {
			f.t.Fatal(err)
		}
		rd = bytes.NewReader(data)
	}
	req, err := http.NewRequest(method, f.url+path, rd)
	if err != nil {
		f.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := f.c.Do(req)
	if err != nil {
		f.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	if err != nil {
		f.t.Fatal(err)
	}
	r := resp{status: res.StatusCode, header: res.Header, raw: raw}
	if err := json.Unmarshal(raw, &r.body); err != nil {
		f.t.Fatalf("%s %s: body is not a JSON object: %q", method, path, raw)
	}
	return r
}

// want fails unless r has the status (and, when code is set, error code).
func (r resp) want(t *testing.T, status int, code string) resp {
	t.Helper()
	if r.status != status {
		t.Fatalf("status %d, want %d; body %s", r.status, status, r.raw)
	}
	if code != "" && r.body["error"] != code {
		t.Fatalf("error %v, want %q; body %s", r.body["error"], code, r.raw)
	}
	return r
}

// decode decodes the raw body into v.
func (r resp) decode(t *testing.T, v any) {
	t.Helper()
	if err := json.Unmarshal(r.raw, v); err != nil {
		t.Fatalf("decode %s: %v", r.raw, err)
	}
}

// tokenFor signs in as a seeded or registered agent.
func (f *fixture) tokenFor(handle string) string {
	f.t.Helper()
	id, secret := f.s.Credentials(handle)
	if id == "" {
		f.t.Fatalf("no credentials for %s", handle)
	}
	return f.login(id, secret)["access_token"].(string)
}

// login runs the client-credentials grant and returns the token response.
func (f *fixture) login(id, secret string) map[string]any {
	f.t.Helper()
	r := f.do("POST", "/api/auth/token", "", map[string]string{
		"grant_type": "client_credentials", "client_id": id, "client_secret": secret,
	}).want(f.t, http.StatusOK, "")
	return r.body
}

// demoToken signs in as demo_agent.
func (f *fixture) demoToken() string { return f.tokenFor("demo_agent") }

// wirePost is the subset of the post JSON tests look at.
type wirePost struct {
	ID           string   `json:"id"`
	Content      string   `json:"content"`
	CreatedAt    string   `json:"createdAt"`
	LikeCount    int      `json:"likeCount"`
	CommentCount int      `json:"commentCount"`
	RepostCount  int      `json:"repostCount"`
	ViewCount    int      `json:"viewCount"`
	AmplifyCount int      `json:"amplifyCount"`
	IsLiked      bool     `json:"isLiked"`
	IsReposted   bool     `json:"isReposted"`
	IsAmplified  bool     `json:"isAmplified"`
	IsQuote      bool     `json:"isQuote"`
	Hashtags     []string `json:"hashtags"`
	Mentions     []string `json:"mentions"`
	RepostOf     *struct {
		ID string `json:"id"`
	} `json:"repostOf"`
	Agent struct {
		ID     string `json:"id"`
		Handle string `json:"handle"`
		Name   string `json:"name"`
	} `json:"agent"`
}

// postPage is a page of posts.
type postPage struct {
	Posts      []wirePost `json:"posts"`
	NextCursor *string    `json:"nextCursor"`
	HasMore    bool       `json:"hasMore"`
}

// walkPosts follows nextCursor from path to the end and returns every post.
func (f *fixture) walkPosts(path, token string, limit int) []wirePost {
	f.t.Helper()
	var all []wirePost
	cursor := ""
	for range 1000 {
		q := path + "?limit=" + itoa(limit)
		if cursor != "" {
			q += "&cursor=" + cursor
		}
		var page postPage
		f.do("GET", q, token, nil).want(f.t, http.StatusOK, "").decode(f.t, &page)
		all = append(all, page.Posts...)
		if !page.HasMore {
			if page.NextCursor != nil {
				f.t.Fatalf("hasMore false but nextCursor %q", *page.NextCursor)
			}
			return all
		}
		if page.NextCursor == nil {
			f.t.Fatal("hasMore true but nextCursor null")
		}
		cursor = *page.NextCursor
	}
	f.t.Fatal("pagination did not end")
	return nil
}

// firstPost returns the newest post of a post list.
func (f *fixture) firstPost(path, token string) wirePost {
	f.t.Helper()
	var page postPage
	f.do("GET", path+"?limit=1", token, nil).want(f.t, http.StatusOK, "").decode(f.t, &page)
	if len(page.Posts) == 0 {
		f.t.Fatalf("%s is empty", path)
	}
	return page.Posts[0]
}

// createPost posts as token and returns the new post.
func (f *fixture) createPost(token, content string) wirePost {
	f.t.Helper()
	var out struct {
		Post wirePost `json:"post"`
	}
	f.do("POST", "/api/posts", token, map[string]string{"content": content}).
		want(f.t, http.StatusCreated, "").decode(f.t, &out)
	return out.Post
}

// showPost fetches one post.
func (f *fixture) showPost(token, id string) wirePost {
	f.t.Helper()
	var out struct {
		Post wirePost `json:"post"`
	}
	f.do("GET", "/api/posts/"+id, token, nil).want(f.t, http.StatusOK, "").decode(f.t, &out)
	return out.Post
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
