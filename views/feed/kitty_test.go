package feed

import (
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"imagine/api"
	"imagine/internal/tuitest"
	"imagine/views/media"
)

// kittyHarness is a media harness drawing previews with protocol.
func kittyHarness(t *testing.T, protocol media.Protocol) *harness {
	t.Helper()
	return newHarnessWith(t, 80, 30, nil, false, func(o *Options) {
		o.Uploads, o.StartDir, o.MediaHost, o.Protocol = &fakeUploads{}, t.TempDir(), "api.example", protocol
	})
}

// imagePost is one IMAGE post whose image is at u.
func imagePost(u string) api.Post {
	p := post("p1", "alice", "A red and blue square.", time.Hour)
	p.MediaType, p.MediaURLs = api.MediaTypeImage, []string{u}
	return p
}

func TestKittyPreviewIsTransmittedOnceAndViewHoldsOnlyPlaceholders(t *testing.T) {
	srv := newImageServer(t, pngBytes(t, 48, 48))
	hs := kittyHarness(t, media.Kitty)
	hs.home.Pages[""] = &api.Page[api.Post]{Items: []api.Post{imagePost(srv.URL + "/media/a.png")}}
	hs.settle(hs.m.Refresh(t.Context()))
	msgs := hs.keys("enter")
	raw, ok := tuitest.Find[tea.RawMsg](msgs)
	seq, _ := raw.Msg.(string)
	if !ok || !strings.HasPrefix(seq, "\x1b_Ga=T,") || !strings.Contains(seq, ",U=1,c=24,r=12") {
		t.Fatalf("opening the post wrote no kitty transmission: %q", seq[:min(len(seq), 60)])
	}
	view := hs.m.View()
	if strings.Contains(view, "\x1b_") || strings.Contains(view, "\x1bP") || strings.Contains(view, "▀") {
		t.Error("View holds a graphics command or half-blocks; it must paste placeholders only")
	}
	if n := strings.Count(view, string(rune(0x10EEEE))); n != 24*12 {
		t.Errorf("%d placeholder cells, want 24×12", n)
	}
	// Every escape in View is SGR, and the preview rows set the image id
	// (the transmission's i=) as a 256-colour foreground.
	id := regexp.MustCompile(`i=(\d+)`).FindStringSubmatch(seq)[1]
	anyEscape := regexp.MustCompile("\x1b(\\[[0-9;:?<=>]*[ -/]*[@-~]|.)")
	rows := 0
	for _, l := range strings.Split(view, "\n") {
		for _, e := range anyEscape.FindAllString(l, -1) {
			if !regexp.MustCompile(`^\x1b\[[0-9;]*m$`).MatchString(e) {
				t.Errorf("View holds %q", e)
			}
		}
		if strings.ContainsRune(l, 0x10EEEE) {
			rows++
			if !strings.Contains(l, "\x1b[38;5;"+id+"m") {
				t.Errorf("a preview row does not carry the id colour %s: %q", id, l)
			}
		}
	}
	if rows != 12 {
		t.Errorf("%d preview rows, want 12", rows)
	}
	// Back and in again: held, so neither fetched nor transmitted twice.
	if _, again := tuitest.Find[tea.RawMsg](hs.keys("esc", "enter")); again || srv.hits.Load() != 1 {
		t.Errorf("reopening transmitted again (%v) or fetched again (%d requests)", again, srv.hits.Load())
	}
}

func TestKittyPreviewInTmuxIsWrappedInPassthrough(t *testing.T) {
	srv := newImageServer(t, pngBytes(t, 8, 8))
	hs := kittyHarness(t, media.KittyInTmux)
	hs.home.Pages[""] = &api.Page[api.Post]{Items: []api.Post{imagePost(srv.URL + "/a.png")}}
	hs.settle(hs.m.Refresh(t.Context()))
	raw, _ := tuitest.Find[tea.RawMsg](hs.keys("enter"))
	if seq, _ := raw.Msg.(string); !strings.HasPrefix(seq, "\x1bPtmux;\x1b\x1b_G") {
		t.Errorf("the transmission is not in tmux passthrough: %q", seq[:min(len(seq), 40)])
	}
}

func TestPreviewProtocolNoneShowsTheAltText(t *testing.T) {
	srv := newImageServer(t, pngBytes(t, 8, 8))
	hs := kittyHarness(t, media.None)
	hs.home.Pages[""] = &api.Page[api.Post]{Items: []api.Post{imagePost(srv.URL + "/a.png")}}
	hs.settle(hs.m.Refresh(t.Context()))
	hs.keys("enter")
	if v := ansi.Strip(hs.m.View()); !strings.Contains(v, "[image: 127.0.0.1]") || srv.hits.Load() != 0 {
		t.Errorf("want the alt text and no request (%d):\n%s", srv.hits.Load(), v)
	}
}
