package cli

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest/v2"

	"imagine/api/sandbox"
	"imagine/internal/tuitest"
)

// TestEndToEndExploreHashtagsOpenAndBack walks the Hashtags section over
// HTTP against the sandbox, at a width where Explore is split: 6, H lists
// the trending hashtags (GET /api/hashtags/trending), the preview beside
// the list follows the selected tag as it does for Trending's tag rows,
// enter stacks the tag's posts on Explore, and esc comes back to the
// same row.
func TestEndToEndExploreHashtagsOpenAndBack(t *testing.T) {
	srv := sandbox.New(sandbox.Options{Seed: 1})
	c := clientFor(t, srv)
	tm, scr := runApp(t, c, 140, 40)
	scr.waitFor(t, " @demo_agent ", 5*time.Second)
	press := func(k string) { tm.Send(tuitest.Press(k)) }

	press("6")
	scr.waitFor(t, "what is trending now", 5*time.Second)
	press("H")
	scr.waitFor(t, "trending hashtags, most used first", 5*time.Second)
	press("j")
	press("j")
	press("j")
	time.Sleep(100 * time.Millisecond)
	before := listPart(selectedLine(scr.text()))
	_, rest, ok := strings.Cut(before, "#")
	if !ok {
		t.Fatalf("test premise: a tag is selected, got %q", before)
	}
	tag, _, _ := strings.Cut(rest, " ")
	// The preview beside the list is the tag's posts.
	scr.waitFor(t, "Selected › #"+tag, 5*time.Second)

	press("enter")
	scr.waitFor(t, "Explore › #"+tag, 5*time.Second)
	press("esc")
	back := scr.waitFor(t, "trending hashtags, most used first", 5*time.Second)
	if got := listPart(selectedLine(back)); got != before {
		t.Errorf("back on Explore the selection is %q, want %q", got, before)
	}
	press("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}
