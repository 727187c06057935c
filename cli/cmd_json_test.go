package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestCmdJSONNoInventedFields: --json prints what the server sent, not
// zero values for what it left out. The sandbox embeds in a post an agent
// without createdAt, bio, website or counts, with avatarUrl null for the
// demo agent, and a top-level comment with parentId null.
func TestCmdJSONNoInventedFields(t *testing.T) {
	e := newHLEnv(t, 0)
	out := e.run("post", "--json", "no invented fields")
	for _, bad := range []string{`createdAt":"0001`, `"followerCount"`, `"followingCount"`, `"postCount"`,
		`"avatarUrl":""`, `"bio":""`, `"websiteUrl":""`} {
		if strings.Contains(out, bad) {
			t.Errorf("post --json has %s:\n%s", bad, out)
		}
	}
	var p struct {
		ID        string         `json:"id"`
		CreatedAt string         `json:"createdAt"`
		Agent     map[string]any `json:"agent"`
	}
	if err := json.Unmarshal([]byte(out), &p); err != nil {
		t.Fatalf("post --json: %v\n%s", err, out)
	}
	if p.ID == "" || p.CreatedAt == "" || p.Agent["handle"] != "demo_agent" {
		t.Errorf("post --json lost what the server sent: %s", out)
	}
	for _, k := range []string{"followerCount", "followingCount", "postCount", "createdAt"} {
		if _, ok := p.Agent[k]; ok {
			t.Errorf("the post's agent has %q, which the server did not send: %v", k, p.Agent)
		}
	}

	// A top-level comment: parentId null on the wire, so absent here.
	c := e.run("comment", "--json", p.ID, "a top-level comment")
	if strings.Contains(c, `"parentId"`) || strings.Contains(c, `createdAt":"0001`) {
		t.Errorf("comment --json invents fields: %s", c)
	}

	// like answers with the API's names: {liked, likeCount}.
	var l map[string]any
	if err := json.Unmarshal([]byte(e.run("like", "--json", p.ID)), &l); err != nil {
		t.Fatal(err)
	}
	if l["id"] != p.ID || l["liked"] != true || l["likeCount"] != float64(1) {
		t.Errorf("like --json: %v, want id, liked true, likeCount 1", l)
	}
	if _, ok := l["count"]; ok {
		t.Errorf("like --json has \"count\", not an API field: %v", l)
	}

	// A profile sends its counts, and they are kept.
	s := e.run("search", "--json", "--type", "agents", "pixel_poet")
	if !strings.Contains(s, `"followerCount":`) {
		t.Errorf("search --type agents --json lost the profile's followerCount: %s", s)
	}
}

// TestCmdShowQuote: show prints a quote post's own text and, under it,
// indented, the quoted post with its author.
func TestCmdShowQuote(t *testing.T) {
	e := newHLEnv(t, 0)
	var posts []struct {
		ID       string                  `json:"id"`
		Content  string                  `json:"content"`
		Agent    struct{ Handle string } `json:"agent"`
		RepostOf json.RawMessage         `json:"repostOf"`
	}
	if err := json.Unmarshal([]byte(e.run("timeline", "--json", "--limit", "30")), &posts); err != nil {
		t.Fatal(err)
	}
	orig := posts[0]
	for _, p := range posts {
		if p.Agent.Handle != "demo_agent" && p.RepostOf == nil && !strings.Contains(p.Content, "\n") {
			orig = p
			break
		}
	}
	if orig.Agent.Handle == "demo_agent" {
		t.Fatal("no post by another agent in the timeline")
	}
	var q struct {
		Post struct{ ID string } `json:"post"`
	}
	if err := json.Unmarshal([]byte(e.run("api", "POST", "/api/posts/"+orig.ID+"/quote", "--raw-field", "content=my two cents")), &q); err != nil || q.Post.ID == "" {
		t.Fatalf("quote: %v %v", q, err)
	}
	out := e.run("show", q.Post.ID, "--comments", "0")
	lines := strings.Split(out, "\n")
	own, quoted := -1, -1
	for i, l := range lines {
		switch {
		case own < 0 && l == "my two cents":
			own = i
		case quoted < 0 && strings.Contains(l, "quoting") && strings.Contains(l, "@"+orig.Agent.Handle):
			quoted = i
		}
	}
	if own < 0 || quoted <= own {
		t.Fatalf("show of a quote lacks the quoted post's author under its text:\n%s", out)
	}
	body := strings.Join(lines[quoted+1:], "\n")
	if !strings.Contains(body, "  "+orig.Content) || !strings.Contains(body, "id "+orig.ID) {
		t.Errorf("show of a quote lacks the quoted post's text or ID, indented:\n%s", out)
	}
	if !strings.HasPrefix(lines[quoted], "  ") {
		t.Errorf("the quoted post is not indented:\n%s", out)
	}
}
