package feed

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"imagine/api"
	"imagine/internal/tuitest"
	"imagine/theme"
	"imagine/views"
)

// mediaHarness is a feed with uploads, the file picker starting in files,
// and previews allowed from api.example (and loopback).
func mediaHarness(t *testing.T, w, h int, first []api.Post, up *fakeUploads, files string) *harness {
	t.Helper()
	return newHarnessWith(t, w, h, first, false, func(o *Options) {
		o.Uploads, o.StartDir, o.MediaHost = up, files, "api.example"
	})
}

// attachByName opens the picker, types name and attaches it.
func (hs *harness) attachByName(name string) {
	hs.keys("ctrl+t")
	hs.typeText(name)
	hs.keys("enter")
}

func TestANewPostCarriesItsAttachments(t *testing.T) {
	files := t.TempDir()
	pngFile(t, files, "cat.png")
	pngFile(t, files, "dog.png")
	up := &fakeUploads{}
	hs := mediaHarness(t, 80, 24, posts(3), up, files)
	hs.posts.Created = &api.Post{ID: "new", Content: "pets", MediaType: api.MediaTypeImage, Agent: agent("me", "Me"), CreatedAt: testNow()}
	hs.keys("n")
	hs.typeText("pets")
	hs.attachByName("cat.png")
	hs.attachByName("dog.png")
	if v := hs.plain(); !strings.Contains(v, "Attachments · 2 of 4 images") || strings.Count(v, "✓ uploaded") != 2 {
		t.Fatalf("the composer does not show two uploaded attachments:\n%s", v)
	}
	hs.keys("ctrl+s")
	if len(hs.posts.Creates) != 1 {
		t.Fatalf("%d Create calls, want 1", len(hs.posts.Creates))
	}
	got := hs.posts.Creates[0]
	if got.Content != "pets" || got.MediaType != api.MediaTypeImage || !slices.Equal(got.MediaIDs, []string{"med_1", "med_2"}) {
		t.Errorf("Create(%+v), want the text with med_1 and med_2 as IMAGE", got)
	}
	if hs.m.ComposerOpen() || !strings.Contains(hs.plain(), "pets") {
		t.Errorf("after sending, the composer should close and the post show:\n%s", hs.plain())
	}
}

func TestSendWaitsForUploadsThenCreatesThePost(t *testing.T) {
	files := t.TempDir()
	pngFile(t, files, "slow.png")
	up := &fakeUploads{gate: make(chan struct{})}
	hs := mediaHarness(t, 80, 24, posts(2), up, files)
	l := newLoop(t, hs)
	l.Press("n", "h", "i", "ctrl+t")
	l.Until("the picker lists the file", func() bool { return strings.Contains(hs.plain(), "slow.png") })
	l.Press("enter")
	l.Until("the upload runs", func() bool { return strings.Contains(hs.plain(), "0%") })
	l.Press("ctrl+s")
	if len(hs.posts.Creates) != 0 || !strings.Contains(hs.plain(), "waiting for uploads") {
		t.Fatalf("the post went before its upload finished:\n%s", hs.plain())
	}
	close(up.gate)
	l.Until("the post is created", func() bool {
		return len(hs.posts.CreateRequests()) == 1
	})
	if got := hs.posts.Creates[0]; got.Content != "hi" || !slices.Equal(got.MediaIDs, []string{"med_1"}) {
		t.Errorf("Create(%+v)", got)
	}
}

func TestAFailedPostKeepsTheTextAndTheAttachments(t *testing.T) {
	files := t.TempDir()
	pngFile(t, files, "cat.png")
	up := &fakeUploads{}
	hs := mediaHarness(t, 80, 24, posts(1), up, files)
	hs.posts.Errs["create"] = api.ErrOffline
	hs.keys("n")
	hs.typeText("again")
	hs.attachByName("cat.png")
	hs.keys("ctrl+s")
	if v := hs.plain(); !strings.Contains(v, "not sent:") || !strings.Contains(v, "again") || !strings.Contains(v, "cat.png") {
		t.Fatalf("after a failed post the text, the attachment and the error must show:\n%s", v)
	}
	delete(hs.posts.Errs, "create")
	hs.keys("ctrl+s")
	if n := len(hs.posts.Creates); n != 2 || !slices.Equal(hs.posts.Creates[1].MediaIDs, []string{"med_1"}) {
		t.Errorf("the retry sent %+v", hs.posts.Creates)
	}
	if len(up.calls) != 1 {
		t.Errorf("the retry uploaded again: %v", up.calls)
	}
}

func TestQuotesAndCommentsStayTextOnly(t *testing.T) {
	up := &fakeUploads{}
	hs := mediaHarness(t, 80, 24, posts(1), up, t.TempDir())
	for _, open := range []string{"Q", "c"} {
		hs.keys(open, "ctrl+t")
		if v := hs.plain(); strings.Contains(v, "attach a file") || strings.Contains(v, "ctrl+t attach") {
			t.Errorf("%s: the composer offers attachments:\n%s", open, v)
		}
		hs.keys("esc")
	}
}

// mediaFixture is three uploads of different kinds.
func mediaFixture() []api.Media {
	at := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	return []api.Media{
		{ID: "med_3", URL: "https://api.example/media/med_3.png", Pathname: "posts/med_3.png", ContentType: "image/png", Size: 312 << 10, Type: api.MediaTypeImage, Purpose: "post", Status: "ready", CreatedAt: at},
		{ID: "med_2", URL: "https://api.example/media/med_2.mp4", Pathname: "posts/med_2.mp4", ContentType: "video/mp4", Size: 23 << 20, Type: api.MediaTypeVideo, Purpose: "post", Status: "processing", CreatedAt: at.Add(-48 * time.Hour)},
		{ID: "med_1", URL: "https://cdn.example/avatars/med_1.jpg", Pathname: "avatars/med_1.jpg", ContentType: "image/jpeg", Size: 900, Type: api.MediaTypeImage, Purpose: "avatar", Status: "ready", CreatedAt: at.Add(-30 * 24 * time.Hour)},
	}
}

func TestMediaScreenListsAndDeletesOnlyAfterConfirmation(t *testing.T) {
	up := &fakeUploads{items: mediaFixture()}
	hs := mediaHarness(t, 100, 24, posts(1), up, t.TempDir())
	hs.keys("M")
	v := hs.plain()
	for _, want := range []string{"Your media · 3", "IMAGE", "312 KB", "Nov 20 2026", "api.example", "med_3.png", "VIDEO", "23 MB", "processing", "cdn.example"} {
		if !strings.Contains(v, want) {
			t.Errorf("the Media screen lacks %q:\n%s", want, v)
		}
	}
	msgs := hs.keys("j", "d")
	confirm, ok := tuitest.Find[views.ConfirmMsg](msgs)
	if !ok {
		t.Fatal("d did not ask for confirmation")
	}
	if !strings.Contains(confirm.Body, "med_2.mp4") {
		t.Errorf("the confirmation names %q, want the selected med_2.mp4", confirm.Body)
	}
	if got := up.deletions(); len(got) != 0 {
		t.Fatalf("deleted %v before the operator confirmed", got)
	}
	seen := hs.settle(confirm.Yes)
	if got := up.deletions(); !slices.Equal(got, []string{"med_2"}) {
		t.Errorf("deleted %v, want med_2", got)
	}
	if st, ok := tuitest.Find[views.StatusMsg](seen); !ok || !strings.Contains(st.Text, "med_2.mp4 deleted") {
		t.Errorf("status = %+v", st)
	}
	if v := hs.plain(); strings.Contains(v, "med_2.mp4") || !strings.Contains(v, "Your media · 2") {
		t.Errorf("the deleted upload is still listed:\n%s", v)
	}
	hs.keys("esc")
	if hs.m.Depth() != 0 {
		t.Error("esc did not leave the Media screen")
	}
}

func TestPostViewShowsAnImagePreviewFromTheAllowedHostOnly(t *testing.T) {
	srv := newImageServer(t, pngBytes(t, 48, 48))
	p := post("p1", "alice", "A red and blue square.", time.Hour)
	p.MediaType, p.MediaURLs = api.MediaTypeImage, []string{srv.URL + "/media/a.png", "https://evil.example/b.png"}
	hs := mediaHarness(t, 80, 30, []api.Post{p}, &fakeUploads{}, t.TempDir())
	if strings.Contains(hs.m.View(), "▀") || srv.hits.Load() != 0 {
		t.Fatal("the list drew or fetched a preview; previews belong to the post view")
	}
	hs.keys("enter")
	view := hs.m.View()
	if n := strings.Count(ansi.Strip(view), strings.Repeat("▀", 24)); n != 12 {
		t.Errorf("%d preview rows of 24 cells, want 12:\n%s", n, ansi.Strip(view))
	}
	if !strings.Contains(view, "\x1b[38;2;220;40;40m") || !strings.Contains(view, "\x1b[38;2;40;40;220m") {
		t.Error("the preview does not carry the image's red and blue")
	}
	if !strings.Contains(ansi.Strip(view), "[image: evil.example]") {
		t.Errorf("the other host's image should show as alt text:\n%s", ansi.Strip(view))
	}
	if srv.hits.Load() != 1 {
		t.Errorf("%d image requests, want 1", srv.hits.Load())
	}
	// Preview rows hold colour codes (SGR) and nothing else: every escape
	// sequence in them is CSI … m.
	anyEscape := regexp.MustCompile("\x1b(\\[[0-9;:?<=>]*[ -/]*[@-~]|.)")
	for _, l := range strings.Split(view, "\n") {
		if !strings.Contains(l, "▀") {
			continue
		}
		for _, seq := range anyEscape.FindAllString(l, -1) {
			if !regexp.MustCompile(`^\x1b\[[0-9;]*m$`).MatchString(seq) {
				t.Errorf("a preview row holds %q", seq)
			}
		}
	}
	// Back and in again: the preview is held, nothing is fetched twice.
	hs.keys("esc", "enter")
	if srv.hits.Load() != 1 {
		t.Errorf("reopening fetched again: %d requests", srv.hits.Load())
	}
}

func TestPreviewFallsBackToAltText(t *testing.T) {
	srv := newImageServer(t, pngBytes(t, 8, 8))
	p := post("p1", "alice", "pic", time.Hour)
	p.MediaType, p.MediaURLs = api.MediaTypeImage, []string{srv.URL + "/a.png"}
	cases := map[string]func(*Options){
		"no colour":    func(o *Options) { o.Styles = theme.New(true, true) },
		"previews off": func(o *Options) { o.MediaHost = "" },
	}
	for name, with := range cases {
		t.Run(name, func(t *testing.T) {
			hs := newHarnessWith(t, 80, 24, []api.Post{p}, false, func(o *Options) { o.MediaHost = "api.example"; with(o) })
			hs.keys("enter")
			if v := hs.plain(); !strings.Contains(v, "[image: 127.0.0.1]") || strings.Contains(v, "▀") {
				t.Errorf("want the alt text only:\n%s", v)
			}
		})
	}
	if srv.hits.Load() != 0 {
		t.Errorf("%d requests with previews off or no colour", srv.hits.Load())
	}
	t.Run("too narrow", func(t *testing.T) {
		hs := mediaHarness(t, 24, 24, []api.Post{p}, &fakeUploads{}, t.TempDir())
		hs.keys("enter")
		if v := hs.plain(); !strings.Contains(v, "[image: 127.0.0.1]") || strings.Contains(v, "▀") {
			t.Errorf("want the alt text at 24 columns:\n%s", v)
		}
	})
	t.Run("failed", func(t *testing.T) {
		broken := newImageServer(t, []byte("not a png at all"))
		q := p
		q.MediaURLs = []string{broken.URL + "/x.png"}
		hs := mediaHarness(t, 80, 24, []api.Post{q}, &fakeUploads{}, t.TempDir())
		hs.keys("enter")
		if v := hs.plain(); !strings.Contains(v, "[image: 127.0.0.1]") {
			t.Errorf("a broken image should show the alt text:\n%s", v)
		}
	})
}

// TestGoldenPostWithPreview snapshots a post view with two image
// previews side by side. The loopback port is masked; the blocks' shape is
// what the stripped golden shows (the colours are asserted above).
func TestGoldenPostWithPreview(t *testing.T) {
	srv := newImageServer(t, pngBytes(t, 64, 40))
	for _, sz := range sizes() {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			p := post("p1", "alice", "Two renders of the new #dashboard, red and blue. Thoughts, @bob?", time.Hour)
			p.MediaType = api.MediaTypeImage
			p.MediaURLs = []string{srv.URL + "/media/med_1.png", srv.URL + "/media/med_2.png"}
			p.LikeCount, p.CommentCount = 4, 0
			hs := mediaHarness(t, sz[0], sz[1], []api.Post{p}, &fakeUploads{}, t.TempDir())
			hs.keys("enter")
			view := hs.m.View()
			tuitest.CheckFrame(t, view, sz[0], sz[1])
			host := strings.TrimPrefix(srv.URL, "http://")
			golden.RequireEqual(t, []byte(strings.ReplaceAll(ansi.Strip(view), host, "127.0.0.1:PORT_")))
		})
	}
}

func TestGoldenMediaScreen(t *testing.T) {
	for _, sz := range sizes() {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			hs := mediaHarness(t, sz[0], sz[1], posts(1), &fakeUploads{items: mediaFixture()}, t.TempDir())
			hs.keys("M", "j")
			view := hs.m.View()
			tuitest.CheckFrame(t, view, sz[0], sz[1])
			golden.RequireEqual(t, []byte(ansi.Strip(view)))
		})
	}
}

func TestMediaScreenWithoutUploadsSaysSo(t *testing.T) {
	hs := newHarness(t, 80, 24, posts(1), false)
	msgs := hs.keys("M")
	if st, ok := tuitest.Find[views.StatusMsg](msgs); !ok || !strings.Contains(st.Text, "not available") {
		t.Errorf("M without uploads: %+v", msgs)
	}
}

// TestMediaScreensFitNarrowAndOddWidths checks the Media screen and a post
// view with previews where truncation and the fit of previews bite.
func TestMediaScreensFitNarrowAndOddWidths(t *testing.T) {
	srv := newImageServer(t, pngBytes(t, 30, 60))
	p := post("p1", "alice", "pics", time.Hour)
	p.MediaType = api.MediaTypeImage
	p.MediaURLs = []string{srv.URL + "/1.png", srv.URL + "/2.png", srv.URL + "/3.png", srv.URL + "/4.png", srv.URL + "/5.png"}
	for _, w := range []int{20, 27, 41, 63, 80, 119} {
		for _, h := range []int{5, 11, 24} {
			hs := mediaHarness(t, w, h, []api.Post{p}, &fakeUploads{items: mediaFixture()}, t.TempDir())
			hs.keys("enter")
			tuitest.CheckFrame(t, hs.m.View(), w, h)
			hs.keys("esc", "M", "j")
			tuitest.CheckFrame(t, hs.m.View(), w, h)
		}
	}
}

func TestNewPostOffersAttachmentsOnlyWhenTheyWork(t *testing.T) {
	hs := newHarness(t, 80, 24, posts(1), false)
	hs.keys("n", "ctrl+t")
	if v := hs.plain(); strings.Contains(v, "attach") {
		t.Errorf("without an uploads service the composer offers attachments:\n%s", v)
	}
	hs.keys("esc")

	// Over SSH the files would be the server's: the picker is off, the
	// uploads list still works.
	up := &fakeUploads{items: mediaFixture()}
	hs = newHarnessWith(t, 80, 24, posts(1), false, func(o *Options) { o.Uploads, o.NoLocalFiles = up, true })
	hs.keys("n", "ctrl+t")
	if v := hs.plain(); strings.Contains(v, "attach a file") || !strings.Contains(v, "attaching local files is off") {
		t.Errorf("ctrl+t with local files off:\n%s", v)
	}
	hs.keys("ctrl+o")
	if v := hs.plain(); !strings.Contains(v, "med_3.png") {
		t.Errorf("the uploads list should still open:\n%s", v)
	}
}
