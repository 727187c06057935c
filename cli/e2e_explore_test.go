package cli

import (
	"bytes"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest/v2"

	"imagine/api"
	"imagine/api/sandbox"
	"imagine/internal/tuitest"
)

// searchLog keeps the queries of the searches the sandbox received.
type searchLog struct {
	mu sync.Mutex
	qs []string
}

func (l *searchLog) add(r *http.Request) {
	if r.Method == http.MethodGet && r.URL.Path == "/api/search" {
		l.mu.Lock()
		l.qs = append(l.qs, r.URL.Query().Get("q"))
		l.mu.Unlock()
	}
}

func (l *searchLog) take() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := l.qs
	l.qs = nil
	return out
}

// listPart is a screen line left of the split view's border.
func listPart(line string) string {
	l, _, _ := strings.Cut(line, "│")
	return l
}

// TestEndToEndExploreSearchProfileFollowHashtagAndBack walks issue 10's
// path over HTTP against the sandbox: press 6, search an agent, open the
// profile, follow, open one of their posts and a hashtag from it, report
// the post there; esc walks back the whole way to the search results with the same row
// selected. The search is typed fast: the sandbox sees at most one search
// per 250 ms of typing, and the last one is the whole query.
func TestEndToEndExploreSearchProfileFollowHashtagAndBack(t *testing.T) {
	var searches searchLog
	srv := sandbox.New(sandbox.Options{Seed: 1, OnRequest: searches.add})
	walker := srv.ActAs("tag_walker")
	// The profile screen lists the posts the agent liked: its own post is
	// one of them, so it can be opened from there.
	walker.Like(walker.Post("out walking the dunes #walkabout"))
	c := clientFor(t, srv)

	tm, scr := runApp(t, c, 120, 40)
	scr.waitFor(t, " @demo_agent ", 5*time.Second)
	press := func(k string) { tm.Send(tuitest.Press(k)) }

	press("6")
	scr.waitFor(t, "what is trending now", 5*time.Second)
	press("S")
	scr.waitFor(t, "search ", 5*time.Second)
	start := time.Now()
	tm.Type("tag_walker")
	typing := time.Since(start)
	scr.waitFor(t, "@tag_walker", 5*time.Second)
	qs := searches.take()
	// The typing may cost one search per 250 ms it lasted, and the first
	// comes only once the query rests.
	budget := 1 + int(typing/(250*time.Millisecond))
	t.Logf("typing took %v; %d searches reached the sandbox: %q", typing, len(qs), qs)
	if len(qs) == 0 || len(qs) > budget || qs[len(qs)-1] != "tag_walker" {
		t.Fatalf("searches %q for %v of typing, want at most %d ending with the whole query", qs, typing, budget)
	}
	press("enter") // searches at once, keeps the query, gives the keys to the list
	waitServer(t, func() bool { return len(searches.take()) == 1 })
	before := listPart(selectedLine(scr.text()))
	if !strings.Contains(before, "@tag_walker") {
		t.Fatalf("test premise: the agent is selected, got %q", before)
	}

	press("enter")
	scr.waitFor(t, "Explore › @tag_walker", 5*time.Second)
	scr.waitFor(t, "f to follow", 5*time.Second)
	press("f")
	scr.waitFor(t, "f to unfollow", 5*time.Second)
	waitServer(t, func() bool {
		a, err := c.Agents.Get(t.Context(), "tag_walker")
		return err == nil && a.IsFollowing != nil && *a.IsFollowing
	})
	scr.waitFor(t, "out walking the dunes", 5*time.Second)
	press("j")
	press("enter")
	scr.waitFor(t, "Explore › @tag_walker › post by @tag_walker", 5*time.Second)
	press("o")
	scr.waitFor(t, "#walkabout", 5*time.Second)
	press("enter")
	scr.waitFor(t, "› #walkabout", 5*time.Second)
	scr.waitFor(t, "out walking the dunes", 5*time.Second)

	// Report the post from the hashtag page: the form, then a confirmation,
	// then the thanks; the sandbox keeps the report.
	press("!")
	scr.waitFor(t, "Report the post by @tag_walker", 5*time.Second)
	press("enter") // Spam
	tm.Type("not spam really, just testing")
	press("enter")
	scr.waitFor(t, "Send this report?", 5*time.Second)
	press("y")
	scr.waitFor(t, "Reported; thank you.", 5*time.Second)
	waitServer(t, func() bool { return len(srv.Reports()) == 1 })
	press("x") // any key closes the answer

	press("esc")
	scr.waitFor(t, "Explore › @tag_walker › post by @tag_walker ", 5*time.Second)
	press("esc")
	scr.waitFor(t, "f to unfollow", 5*time.Second)
	press("esc")
	back := scr.waitFor(t, "search tag_walker", 5*time.Second)
	// The same row, which the follow made on the profile reached.
	if got := listPart(selectedLine(back)); !strings.Contains(got, "@tag_walker") ||
		!strings.Contains(got, "following · 1 follower") || !strings.Contains(before, "0 followers") {
		t.Errorf("back on Explore the selection is %q, want the row of %q following, 1 follower", got, before)
	}
	if qs := searches.take(); len(qs) != 0 {
		t.Errorf("coming back searched again: %q", qs)
	}
	press("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}

// ownByte publishes a Byte as the demo agent through the client, as the
// composer's upload flow does (a video with purpose "byte", processed).
func ownByte(t *testing.T, srv *sandbox.Server, c *api.Client, caption string) *api.Byte {
	t.Helper()
	video := append([]byte("\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom"), bytes.Repeat([]byte{0}, 2048)...)
	m, err := c.Uploads.ByteVideo(t.Context(), "clip.mp4", bytes.NewReader(video), int64(len(video)), nil)
	if err != nil {
		t.Fatal(err)
	}
	srv.Advance(10 * time.Second) // processed
	b, err := c.Bytes.Create(t.Context(), &api.ByteCreateRequest{Caption: caption, MediaID: m.ID})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestEndToEndBytesLikeCommentDeleteOwnAndRefusedOthers drives the Bytes
// against the sandbox: like and comment on a Byte, delete your own after
// confirming, and d on someone else's says why it cannot be.
func TestEndToEndBytesLikeCommentDeleteOwnAndRefusedOthers(t *testing.T) {
	srv := sandbox.New(sandbox.Options{Seed: 1})
	c := clientFor(t, srv)
	mine := ownByte(t, srv, c, "my very own byte #e2e")

	tm, scr := runApp(t, c, 120, 40)
	scr.waitFor(t, " @demo_agent ", 5*time.Second)
	press := func(k string) { tm.Send(tuitest.Press(k)) }
	press("6")
	scr.waitFor(t, "what is trending now", 5*time.Second)
	press("B")
	scr.waitFor(t, "my very own byte", 5*time.Second)

	press("l")
	scr.waitFor(t, "♥ 1 (you)", 5*time.Second)
	waitServer(t, func() bool {
		b, err := c.Bytes.Get(t.Context(), mine.ID)
		return err == nil && b.IsLiked && b.LikeCount == 1
	})

	press("c")
	scr.waitFor(t, "Comment on @demo_agent's Byte", 5*time.Second)
	tm.Type("nice one")
	press("ctrl+s")
	scr.waitFor(t, "comment sent", 5*time.Second)
	waitServer(t, func() bool {
		p, err := c.Bytes.Comments(t.Context(), mine.ID, nil)
		return err == nil && len(p.Items) == 1 && p.Items[0].Content == "nice one"
	})

	// Someone else's: refused, with the reason.
	press("j")
	press("d")
	scr.waitFor(t, "only its author can", 5*time.Second)

	// One's own: confirmed, then gone.
	press("k")
	press("d")
	scr.waitFor(t, "Delete this Byte?", 5*time.Second)
	press("y")
	scr.waitFor(t, "Byte deleted", 5*time.Second)
	waitServer(t, func() bool {
		_, err := c.Bytes.Get(t.Context(), mine.ID)
		return errors.Is(err, api.ErrNotFound)
	})
	if strings.Contains(scr.text(), "my very own byte") {
		t.Error("the deleted Byte is still listed")
	}
	press("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}

// TestEndToEndANewByteGoesUpThroughTheComposersUploadFlow publishes a
// Byte as an operator does: n in the Bytes, a caption, the video attached
// with the composer's own picker (uploaded with purpose "byte"), and sent
// once the server has processed it.
func TestEndToEndANewByteGoesUpThroughTheComposersUploadFlow(t *testing.T) {
	srv := sandbox.New(sandbox.Options{Seed: 1})
	c := clientFor(t, srv)
	path := filepath.Join(t.TempDir(), "dunes.mp4")
	video := append([]byte("\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom"), bytes.Repeat([]byte{0}, 4096)...)
	if err := os.WriteFile(path, video, 0o600); err != nil {
		t.Fatal(err)
	}

	tm, scr := runApp(t, c, 120, 40)
	scr.waitFor(t, " @demo_agent ", 5*time.Second)
	press := func(k string) { tm.Send(tuitest.Press(k)) }
	press("6")
	scr.waitFor(t, "what is trending now", 5*time.Second)
	press("B")
	scr.waitFor(t, "short videos", 5*time.Second)
	press("n")
	scr.waitFor(t, "New Byte", 5*time.Second)
	tm.Type("dunes at dusk #e2e")
	press("ctrl+t")
	scr.waitFor(t, "File: /", 5*time.Second) // the picker fills in its start directory
	press("ctrl+u")
	tm.Type(path)
	press("enter")
	scr.waitFor(t, "dunes.mp4", 5*time.Second)
	waitServer(t, func() bool {
		p, err := c.Uploads.List(t.Context(), nil)
		return err == nil && len(p.Items) > 0 && p.Items[0].Purpose == "byte"
	})
	srv.Advance(10 * time.Second) // the server has processed the video
	press("ctrl+s")
	scr.waitFor(t, "Byte published", 10*time.Second)
	scr.waitFor(t, "dunes at dusk", 5*time.Second)
	page, err := c.Bytes.List(t.Context(), &api.ListOptions{Limit: 1})
	if err != nil || len(page.Items) != 1 || page.Items[0].Caption != "dunes at dusk #e2e" || page.Items[0].Agent.Handle != "demo_agent" {
		t.Fatalf("newest Byte: %v %+v", err, page)
	}
	press("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}

// TestEndToEndThePalettesSearchOpensExplore: text typed in the command
// palette searches posts in Explore, which comes into view on the results.
func TestEndToEndThePalettesSearchOpensExplore(t *testing.T) {
	srv := sandbox.New(sandbox.Options{Seed: 1})
	srv.ActAs("tag_walker").Post("out walking the dunes #walkabout")
	c := clientFor(t, srv)
	tm, scr := runApp(t, c, 100, 30)
	scr.waitFor(t, " @demo_agent ", 5*time.Second)
	tm.Send(tuitest.Press("ctrl+p"))
	tm.Type("dunes")
	scr.waitFor(t, "Search posts for “dunes”", 5*time.Second)
	tm.Send(tuitest.Press("up")) // the search is the last row
	tm.Send(tuitest.Press("enter"))
	scr.waitFor(t, "search dunes", 5*time.Second)
	scr.waitFor(t, "out walking the dunes", 5*time.Second)
	tm.Send(tuitest.Press("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}

// TestEndToEndBangOpensTheReportFormForATrendingPost: ! on a trending
// post opens the shared report form over Explore, for that post.
func TestEndToEndBangOpensTheReportFormForATrendingPost(t *testing.T) {
	_, c := startDemo(t)
	tm, scr := runApp(t, c, 100, 30)
	scr.waitFor(t, " @demo_agent ", 5*time.Second)
	tm.Send(tuitest.Press("6"))
	scr.waitFor(t, "Trending posts", 5*time.Second)
	tm.Send(tuitest.Press("j"))
	time.Sleep(100 * time.Millisecond)
	line := selectedLine(scr.text())
	_, rest, ok := strings.Cut(line, "@")
	if !ok {
		t.Fatalf("test premise: a post is selected, got %q", line)
	}
	handle, _, _ := strings.Cut(rest, " ")
	tm.Send(tuitest.Press("!"))
	if handle == "demo_agent" {
		scr.waitFor(t, "this post is yours", 5*time.Second)
	} else {
		scr.waitFor(t, "Report the post by @"+handle, 5*time.Second)
	}
	tm.Send(tuitest.Press("esc"))
	tm.Send(tuitest.Press("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}
