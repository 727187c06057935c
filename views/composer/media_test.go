package composer

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"imagine/api"
	"imagine/internal/tuitest"
)

func TestAttachingFollowsTheCountAndMixingRules(t *testing.T) {
	files := t.TempDir()
	up := newFakeUploads()
	m, l := mediaComposer(t, "", files, up)
	for i := range 4 {
		l.attach(m, writeFile(t, files, "img"+string(rune('1'+i))+".png", head("png"), 1000))
		l.Settle()
	}
	if m.Attachments() != 4 {
		t.Fatalf("%d attachments, want 4", m.Attachments())
	}
	l.attach(m, writeFile(t, files, "img5.png", head("png"), 1000))
	l.Settle()
	if m.Attachments() != 4 || m.Problem() != "a post takes at most 4 images" {
		t.Errorf("a fifth image: %d attachments, problem %q", m.Attachments(), m.Problem())
	}
	l.attach(m, writeFile(t, files, "clip.mp4", head("mp4"), 5000))
	l.Settle()
	if m.Problem() != "a post takes 4 images or 1 video, not both" {
		t.Errorf("a video after images: problem %q", m.Problem())
	}
	l.attach(m, filepath.Join(files, "img1.png"))
	l.Settle()
	if m.Problem() != "img1.png is already attached" {
		t.Errorf("the same file twice: problem %q", m.Problem())
	}
	if n := len(up.uploads()); n != 4 {
		t.Errorf("%d uploads, want 4 (refused files are never uploaded)", n)
	}
	if v := plainView(m); !strings.Contains(v, "Attachments · 4 of 4 images") {
		t.Errorf("the attachment block is missing:\n%s", v)
	}

	// One video, and nothing more.
	m2, l2 := mediaComposer(t, "", files, newFakeUploads())
	l2.attach(m2, filepath.Join(files, "clip.mp4"))
	l2.Settle()
	l2.attach(m2, writeFile(t, files, "clip2.webm", head("webm"), 5000))
	l2.Settle()
	if m2.Attachments() != 1 || m2.Problem() != "a post takes only 1 video" {
		t.Errorf("a second video: %d attachments, problem %q", m2.Attachments(), m2.Problem())
	}
}

func TestARefusedFileSaysWhyBeforeAnyUpload(t *testing.T) {
	files := t.TempDir()
	up := newFakeUploads()
	m, l := mediaComposer(t, "", files, up)
	l.attach(m, writeFile(t, files, "clip.mp4", head("mp4"), 61<<20))
	l.Settle()
	if want := "clip.mp4: 61 MB is over the 50 MB video limit"; !strings.Contains(plainView(m), want) {
		t.Errorf("the refusal is not on screen:\n%s", plainView(m))
	}
	if m.Attachments() != 0 || len(up.uploads()) != 0 {
		t.Error("a refused file was attached or uploaded")
	}
}

func TestUploadProgressShowsInTheView(t *testing.T) {
	files := t.TempDir()
	up := newFakeUploads()
	release := up.hold("photo.png", 400, 1000)
	defer release()
	m, l := mediaComposer(t, "", files, up)
	l.attach(m, writeFile(t, files, "photo.png", head("png"), 1000))
	l.Until("the bar shows 40 %", func() bool { return strings.Contains(plainView(m), " 40%") })
	if v := plainView(m); !strings.Contains(v, "photo.png") || !strings.Contains(v, "━") {
		t.Errorf("the uploading attachment has no bar:\n%s", v)
	}
	release()
	l.Until("the upload is done", func() bool { return strings.Contains(plainView(m), "✓ uploaded") })
	if got := up.uploads(); !slices.Equal(got, []string{"IMAGE:photo.png:1000"}) {
		t.Errorf("uploads = %v", got)
	}
}

func TestSendWaitsForUploadsThenSendsTheMediaIDs(t *testing.T) {
	files := t.TempDir()
	up := newFakeUploads()
	release := up.hold("b.jpg", 10, 100)
	defer release()
	m, l := mediaComposer(t, "", files, up)
	l.attach(m, writeFile(t, files, "a.png", head("png"), 100))
	l.Until("a.png is uploaded", func() bool { return strings.Contains(plainView(m), "✓ uploaded") })
	l.attach(m, writeFile(t, files, "b.jpg", head("jpeg"), 100))
	l.Until("b.jpg is uploading", func() bool { return strings.Contains(plainView(m), " 10%") })
	for _, r := range "two pictures" {
		k := string(r)
		if r == ' ' {
			k = "space"
		}
		l.Press(k)
	}
	l.Press("ctrl+s")
	if !m.Waiting() || len(l.sent()) != 0 {
		t.Fatalf("waiting=%v sent=%v: the send must wait for b.jpg", m.Waiting(), l.sent())
	}
	if v := plainView(m); !strings.Contains(v, "waiting for uploads") {
		t.Errorf("the footer does not say it waits:\n%s", v)
	}
	l.Press("x")
	if m.Value() != "two pictures" {
		t.Errorf("typing while waiting changed the text to %q", m.Value())
	}
	release()
	l.Until("the post is sent", func() bool { return len(l.sent()) > 0 })
	got := l.sent()[0]
	if got.Text != "two pictures" || got.MediaType != api.MediaTypeImage || !slices.Equal(got.MediaIDs, []string{"med_1", "med_2"}) {
		t.Errorf("SendMsg = %+v, want the text with med_1, med_2 as IMAGE", got)
	}
	if !m.Sending() || m.Waiting() {
		t.Errorf("sending=%v waiting=%v after the send went", m.Sending(), m.Waiting())
	}
}

func TestFailedUploadKeepsTheTextAndCanBeRetriedOrRemoved(t *testing.T) {
	files := t.TempDir()
	up := newFakeUploads()
	up.fail["photo.png"] = errServer
	m, l := mediaComposer(t, "", files, up)
	l.Press("h", "i")
	l.attach(m, writeFile(t, files, "photo.png", head("png"), 300))
	l.Until("the failure shows", func() bool { return strings.Contains(plainView(m), "✗ server said no") })
	l.Press("ctrl+s")
	l.Settle()
	if len(l.sent()) != 0 || m.Value() != "hi" || m.Attachments() != 1 {
		t.Fatalf("sent=%v text=%q attachments=%d: nothing may be sent or lost", l.sent(), m.Value(), m.Attachments())
	}
	if !strings.Contains(m.Problem(), "failed to upload") || !strings.Contains(m.Problem(), "ctrl+x") {
		t.Errorf("problem = %q, want it to say how to retry", m.Problem())
	}
	l.Press("ctrl+x", "r")
	l.Until("the retry uploads", func() bool { return strings.Contains(plainView(m), "✓ uploaded") })
	l.Press("d")
	l.Settle()
	if m.Attachments() != 0 || m.Value() != "hi" {
		t.Errorf("after d: %d attachments, text %q", m.Attachments(), m.Value())
	}
	l.Press("ctrl+s")
	l.Settle()
	if s := l.sent(); len(s) != 1 || s[0].MediaIDs != nil || s[0].Text != "hi" {
		t.Errorf("sent = %+v, want the text alone", s)
	}
}

func TestRemovingAnUploadInFlightCancelsIt(t *testing.T) {
	files := t.TempDir()
	up := newFakeUploads()
	release := up.hold("slow.png", 1, 100)
	defer release()
	m, l := mediaComposer(t, "", files, up)
	l.attach(m, writeFile(t, files, "slow.png", head("png"), 100))
	l.Until("it uploads", func() bool { return strings.Contains(plainView(m), " 1%") })
	l.Press("ctrl+x", "d")
	l.Settle() // the cancelled upload returns; nothing is left running
	if m.Attachments() != 0 || len(up.uploads()) != 0 {
		t.Errorf("attachments=%d uploads=%v after removing it mid-upload", m.Attachments(), up.uploads())
	}
}

func TestAttachmentsComeBackWithTheDraft(t *testing.T) {
	files, drafts := t.TempDir(), t.TempDir()
	up := newFakeUploads()
	up.fail["broken.png"] = errServer
	m, l := mediaComposer(t, drafts, files, up)
	l.Press("y", "o")
	l.attach(m, writeFile(t, files, "good.png", head("png"), 100))
	l.Settle()
	l.attach(m, writeFile(t, files, "broken.png", head("png"), 100))
	l.Settle()
	l.Run(m.Close())
	l.Settle()
	info, err := os.Stat(filepath.Join(drafts, "post.media.json"))
	if err != nil {
		t.Fatalf("no sidecar next to the draft: %v", err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("sidecar mode %v, want 0600", info.Mode().Perm())
	}

	// A new session: the text and both attachments are offered again.
	m2, l2 := mediaComposer(t, drafts, files, up)
	if m2.Value() != "yo" || m2.Attachments() != 2 {
		t.Fatalf("restored text %q with %d attachments, want yo with 2", m2.Value(), m2.Attachments())
	}
	v := plainView(m2)
	if !strings.Contains(v, "good.png") || !strings.Contains(v, "✓ uploaded") || !strings.Contains(v, "not uploaded · r uploads it") {
		t.Errorf("restored attachments:\n%s", v)
	}
	// The one never uploaded goes up on r; then the post carries both.
	l2.Press("ctrl+x", "down", "r")
	l2.Until("broken.png uploads", func() bool {
		return !strings.Contains(plainView(m2), "not uploaded") && strings.Count(plainView(m2), "✓ uploaded") == 2
	})
	l2.Press("esc", "ctrl+s")
	l2.Settle()
	if s := l2.sent(); len(s) != 1 || !slices.Equal(s[0].MediaIDs, []string{"med_1", "med_2"}) {
		t.Fatalf("sent = %+v", s)
	}
	l2.Run(m2.Sent())
	l2.Settle()
	if _, err := os.Stat(filepath.Join(drafts, "post.media.json")); !os.IsNotExist(err) {
		t.Errorf("the sidecar outlived the sent post: %v", err)
	}
}

func TestPickFromEarlierUploads(t *testing.T) {
	up := newFakeUploads()
	at := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	up.pages["@"] = &api.Page[api.Media]{Items: []api.Media{
		{ID: "med_a", Type: "AUDIO", Pathname: "posts/voice.mp3", Size: 1000, CreatedAt: at},
		{ID: "med_v", Type: api.MediaTypeVideo, ContentType: "video/mp4", Pathname: "posts/med_v.mp4", Size: 3 << 20, CreatedAt: at, Status: "ready"},
		{ID: "med_i", Type: api.MediaTypeImage, ContentType: "image/png", Pathname: "posts/med_i.png", Size: 2048, CreatedAt: at, Status: "ready"},
	}}
	m, l := mediaComposer(t, "", t.TempDir(), up)
	l.Press("ctrl+o")
	l.Settle()
	v := plainView(m)
	if strings.Contains(v, "voice.mp3") || !strings.Contains(v, "med_v.mp4") || !strings.Contains(v, "med_i.png") {
		t.Fatalf("the uploads list (audio left out):\n%s", v)
	}
	l.Press("j", "enter")
	l.Settle()
	if m.Attachments() != 1 || !strings.Contains(plainView(m), "✓ from your uploads") {
		t.Fatalf("the picked upload is not attached:\n%s", plainView(m))
	}
	l.Press("ctrl+s")
	l.Settle()
	if s := l.sent(); len(s) != 1 || !slices.Equal(s[0].MediaIDs, []string{"med_i"}) || s[0].MediaType != api.MediaTypeImage {
		t.Errorf("sent = %+v, want med_i as an image post with no text", s)
	}
}

func TestAVideoIsSentOnlyOnceProcessed(t *testing.T) {
	files := t.TempDir()
	up := newFakeUploads()
	up.status["clip.mp4"] = "processing"
	m, l := mediaComposer(t, "", files, up)
	l.attach(m, writeFile(t, files, "clip.mp4", head("mp4"), 5000))
	l.Until("the server processes it", func() bool { return strings.Contains(plainView(m), "processing") })
	l.Press("ctrl+s")
	if !m.Waiting() {
		t.Fatal("the send did not wait for processing")
	}
	// The list now says ready.
	up.mu.Lock()
	up.pages["VIDEO@"] = &api.Page[api.Media]{Items: []api.Media{{ID: "med_1", Type: api.MediaTypeVideo, Status: "ready"}}}
	up.mu.Unlock()
	l.Until("the post is sent", func() bool { return len(l.sent()) > 0 })
	if s := l.sent()[0]; s.MediaType != api.MediaTypeVideo || !slices.Equal(s.MediaIDs, []string{"med_1"}) {
		t.Errorf("sent = %+v", s)
	}
}

func TestAttachKeysAreOffForRequestsWithoutMedia(t *testing.T) {
	m := newComposer(t, "", "")
	settle(m, m.Open(Request{Key: "comment-p1", Limit: api.MaxCommentRunes}))
	settle(m, m.Update(teaPaste("hi")))
	for _, k := range []string{"ctrl+t", "ctrl+o", "ctrl+x"} {
		settle(m, m.Update(tuitest.Press(k)))
		if m.mode != modeText || strings.Contains(plainView(m), "attach") {
			t.Errorf("%s changed a comment composer:\n%s", k, plainView(m))
		}
	}
	if strings.Contains(plainView(m), "ctrl+t") {
		t.Error("a comment composer advertises attachments")
	}
}
