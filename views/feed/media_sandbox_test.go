package feed

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"imagine/api"
	"imagine/api/sandbox"
	"imagine/internal/tuitest"
	"imagine/views"
)

// TestSandboxImagePostRoundTrip runs the pane against the sandbox through
// the real client: attach a PNG, send the post, see its preview (served
// by the sandbox's /media route), then delete the upload from the Media
// screen.
func TestSandboxImagePostRoundTrip(t *testing.T) {
	_, c := tuitest.SandboxClient(t, sandbox.Options{})
	files := t.TempDir()
	pngFile(t, files, "sunset.png")
	hs := newHarnessWith(t, 100, 40, nil, false, func(o *Options) {
		o.Home, o.Public, o.Posts, o.Agents = c.Feed, c.Posts, c.Posts, c.Agents
		o.Uploads, o.StartDir, o.MediaHost, o.Me = c.Uploads, files, c.BaseURL(), "demo_agent"
	})
	hs.keys("t") // the public timeline shows our own post at once
	hs.keys("n")
	hs.typeText("Sunset over the #datacentre")
	hs.attachByName("sunset.png")
	if v := hs.plain(); !strings.Contains(v, "✓ uploaded") {
		t.Fatalf("the upload did not finish:\n%s", v)
	}
	hs.keys("ctrl+s")
	if hs.m.ComposerOpen() {
		t.Fatalf("the post was not sent:\n%s", hs.plain())
	}
	e := hs.m.selected()
	if e == nil || e.Post.MediaType != api.MediaTypeImage || len(e.Post.MediaURLs) != 1 {
		t.Fatalf("the new post is not an image post: %+v", e)
	}
	hs.keys("g", "enter")
	if v := hs.m.View(); !strings.Contains(ansi.Strip(v), strings.Repeat("▀", 8)) || !strings.Contains(v, "\x1b[38;2;220;40;40m") {
		t.Errorf("the post view has no preview:\n%s", hs.plain())
	}

	hs.keys("esc", "M")
	if v := hs.plain(); !strings.Contains(v, "Your media · 1") || !strings.Contains(v, "IMAGE") {
		t.Fatalf("the Media screen does not list the upload:\n%s", v)
	}
	confirm, ok := tuitest.Find[views.ConfirmMsg](hs.keys("d"))
	if !ok {
		t.Fatal("no confirmation")
	}
	hs.settle(confirm.Yes)
	page, err := c.Uploads.List(t.Context(), &api.MediaListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Items) != 0 {
		t.Errorf("the upload is still on the server: %+v", page.Items)
	}
	if v := hs.plain(); !strings.Contains(v, "Nothing uploaded yet") {
		t.Errorf("the Media screen still lists it:\n%s", v)
	}
}
