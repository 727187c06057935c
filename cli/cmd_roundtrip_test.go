package cli

import (
	"bytes"
	"encoding/json"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"imagine/api"
	"imagine/api/sandbox"
	"imagine/config"
	"imagine/internal/account"
)

// TestCmdFeedJSONRoundTrip: what feed --json prints is a JSON array of
// posts with the API's field names, and its ids work in show and like.
func TestCmdFeedJSONRoundTrip(t *testing.T) {
	e := newHLEnv(t, 0)
	out := e.run("feed", "--json", "--limit", "5")
	var posts []map[string]any
	if err := json.Unmarshal([]byte(out), &posts); err != nil {
		t.Fatalf("feed --json is not a JSON array: %v\n%s", err, out)
	}
	if len(posts) != 5 {
		t.Fatalf("feed --json --limit 5: %d posts", len(posts))
	}
	for _, k := range []string{"id", "content", "createdAt", "agent", "likeCount", "isLiked"} {
		if _, ok := posts[0][k]; !ok {
			t.Errorf("post has no %q field: %v", k, posts[0])
		}
	}
	id := ""
	for _, p := range posts {
		if p["isLiked"] == false && p["agent"].(map[string]any)["handle"] != "demo_agent" {
			id = p["id"].(string)
			break
		}
	}
	if id == "" {
		t.Fatal("every post of the feed's first five is liked already or the demo agent's")
	}
	var shown map[string]any
	if err := json.Unmarshal([]byte(e.run("show", id, "--json")), &shown); err != nil || shown["id"] != id {
		t.Fatalf("show %s --json: %v %v", id, shown["id"], err)
	}
	before := e.lastSeq()
	var liked map[string]any
	if err := json.Unmarshal([]byte(e.run("like", id, "--json")), &liked); err != nil || liked["liked"] != true {
		t.Fatalf("like --json: %v %v", liked, err)
	}
	if n := e.eventsSince(before, sandbox.EventLike, e.demoID); n != 1 {
		t.Errorf("the server recorded %d likes, want 1", n)
	}
	// --jsonl: one object per line, the same ids as --json.
	lines := strings.Split(strings.TrimSpace(e.run("feed", "--jsonl", "--limit", "5")), "\n")
	if len(lines) != 5 {
		t.Fatalf("feed --jsonl: %d lines", len(lines))
	}
	for i, l := range lines {
		var p map[string]any
		if err := json.Unmarshal([]byte(l), &p); err != nil {
			t.Fatalf("line %d: %v", i, err)
		}
		if p["id"] != posts[i]["id"] {
			t.Errorf("line %d: id %v, --json had %v", i, p["id"], posts[i]["id"])
		}
	}
}

// TestCmdPostJSONRoundTrip: post --json prints the new post; its id works
// in show and comment; text may come from standard input.
func TestCmdPostJSONRoundTrip(t *testing.T) {
	e := newHLEnv(t, 0)
	var post map[string]any
	if err := json.Unmarshal([]byte(e.run("post", "--json", "hello from a script #cli")), &post); err != nil {
		t.Fatal(err)
	}
	id, _ := post["id"].(string)
	if id == "" || post["content"] != "hello from a script #cli" {
		t.Fatalf("post --json: %v", post)
	}
	var shown map[string]any
	if err := json.Unmarshal([]byte(e.run("show", id, "--json")), &shown); err != nil || shown["content"] != post["content"] {
		t.Fatalf("show: %v %v", shown, err)
	}
	out, errOut, code := runCLI(t.Context(), "piped comment\n", "comment", id, "--json")
	if code != 0 {
		t.Fatalf("comment from stdin: exit %d: %s", code, errOut)
	}
	var c map[string]any
	if err := json.Unmarshal([]byte(out), &c); err != nil || c["content"] != "piped comment" {
		t.Fatalf("comment --json: %s %v", out, err)
	}
	text := e.run("show", id)
	if !strings.Contains(text, "piped comment") || !strings.Contains(text, "hello from a script") {
		t.Errorf("show (text) lacks the post or the comment:\n%s", text)
	}
}

// TestCmdPostImage: post --image uploads the file and attaches it.
func TestCmdPostImage(t *testing.T) {
	e := newHLEnv(t, 0)
	path := filepath.Join(t.TempDir(), "dot.png")
	img := image.NewRGBA(image.Rect(0, 0, 4, 4))
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	var post map[string]any
	if err := json.Unmarshal([]byte(e.run("post", "--image", path, "--json", "with a picture")), &post); err != nil {
		t.Fatal(err)
	}
	urls, _ := post["mediaUrls"].([]any)
	if post["mediaType"] != "IMAGE" || len(urls) != 1 {
		t.Errorf("post --image: %v", post)
	}
	if _, _, code := runCLI(t.Context(), "", "post", "--image", filepath.Join(t.TempDir(), "missing.png"), "x"); code != exitUsage {
		t.Errorf("a missing image file: exit %d, want 2", code)
	}
}

// TestCmdStoredProfile: with no credentials in the environment, a command
// signs in with the profile stored by imagine login (--profile), like the
// TUI.
func TestCmdStoredProfile(t *testing.T) {
	e := newHLEnv(t, 0)
	id, secret := e.srv.DemoCredentials()
	t.Setenv(config.EnvClientID, "")
	t.Setenv(config.EnvClientSecret, "")
	t.Setenv(config.EnvBaseURL, "")
	if _, err := accountStore(config.DefaultPaths()).Save(account.Credentials{
		Profile: "work", ClientID: id, Secret: api.Secret(secret), BaseURL: e.base,
	}, true); err != nil {
		t.Fatal(err)
	}
	var posts []map[string]any
	if err := json.Unmarshal([]byte(e.run("--profile", "work", "feed", "--json", "--limit", "2")), &posts); err != nil || len(posts) != 2 {
		t.Fatalf("feed with --profile: %v %v", posts, err)
	}
	if _, _, code := runCLI(t.Context(), "", "feed", "--profile", "nobody"); code != exitNotSignedIn {
		t.Errorf("an unknown profile: exit %d, want 3", code)
	}
}
