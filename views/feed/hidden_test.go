package feed

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"imagine/api"
	"imagine/api/sanitize"
	"imagine/internal/outguard"
	"imagine/internal/tuitest"
	"imagine/views"
)

// hiddenFixture is a timeline with one post that lost hidden text at
// decode (a bidi override and zero-width space in the content, an escape
// sequence in the author's name) between two clean ones.
func hiddenFixture() []api.Post {
	bad := post("p2", "mirror_bot", "alice: hello\u202e olleh :bob\u200b and an \x1b]52;c;U0VOVElORUwtT1NDNTI=\x07 OSC 52", 2*time.Minute)
	bad.Agent.Name = "Mirror\x1b[31m Bot"
	fs := []api.Post{post("p1", "alice", "A clean post.", time.Minute), bad, post("p3", "bob", "Another clean one.", 3*time.Minute)}
	for i := range fs {
		sanitize.Struct(&fs[i])
	}
	return fs
}

// TestGoldenHiddenText: a list row whose text lost hidden characters
// carries one ⚠ cell, clean rows none; the post screen adds the note
// naming the raw key; Raw hands the records to the root's raw view.
func TestGoldenHiddenText(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			hs := newHarness(t, sz[0], sz[1], hiddenFixture(), false)
			list := ansi.Strip(hs.m.View())
			if n := strings.Count(list, views.HiddenMark); n != 1 {
				t.Errorf("%d marks in the list, want 1:\n%s", n, list)
			}
			if _, recs := hs.m.Raw(); len(recs) != 0 {
				t.Errorf("the clean first post has records: %v", recs)
			}
			hs.keys("j")
			what, recs := hs.m.Raw()
			if what != "post by @mirror_bot" || len(recs) != 2 {
				t.Fatalf("Raw on the row = %q, %d records", what, len(recs))
			}
			hs.keys("enter")
			view := hs.m.View()
			tuitest.CheckFrame(t, view, sz[0], sz[1])
			for i, ln := range strings.Split(view, "\n") {
				if !outguard.Check(ln) {
					t.Errorf("line %d trips the guard: %q", i, ln)
				}
			}
			plain := ansi.Strip(view)
			if !strings.Contains(plain, "⚠ hidden characters removed · i raw") {
				t.Errorf("no note on the post screen:\n%s", plain)
			}
			if _, recs := hs.m.Raw(); len(recs) != 2 {
				t.Errorf("Raw on the post screen: %d records", len(recs))
			}
			golden.RequireEqual(t, []byte(plain))
		})
	}
}

// TestHiddenTextQuoteRowOneMark: a clean post quoting a hostile one shows
// one mark on its list row, and both records in the raw view.
func TestHiddenTextQuoteRowOneMark(t *testing.T) {
	bad := hiddenFixture()[1]
	q := post("q1", "carol", "Quoting this odd one.", time.Minute)
	q.IsQuote, q.RepostOf = true, &bad
	hs := newHarness(t, 80, 24, []api.Post{q}, false)
	if n := strings.Count(ansi.Strip(hs.m.View()), views.HiddenMark); n != 1 {
		t.Errorf("%d marks on the row, want 1:\n%s", n, ansi.Strip(hs.m.View()))
	}
	_, parts := hs.m.Raw()
	if len(parts) != 2 || parts[0].Label != "quoted post" || parts[1].Label != "quoted author @mirror_bot" {
		t.Errorf("parts = %+v", parts)
	}
}
