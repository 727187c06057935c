package explore

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"imagine/internal/tuitest"
	"imagine/theme"
	"imagine/views"
)

// tagsOf is the tags of l's visible rows, in order.
func tagsOf(l *list) []string {
	var out []string
	for _, r := range l.vis {
		if r.kind == kindTag {
			out = append(out, r.tag.Tag)
		}
	}
	return out
}

func TestHashtagsListsMoreTagsThanTrendingEmbeds(t *testing.T) {
	hs := newHarness(t, 80, 24)
	if n := hs.f.n("hashtags"); n != 0 {
		t.Fatalf("the Hashtags section was read %d times before it was shown", n)
	}
	hs.keys("H")
	if hs.m.section != sectionHashtags || hs.f.n("hashtags") != 1 {
		t.Fatalf("H: section %v, calls %v", hs.m.section, hs.f.calls)
	}
	if got := hs.f.limits; len(got) != 1 || got[0] != hashtagsLimit {
		t.Errorf("asked with limits %v, want [%d]", got, hashtagsLimit)
	}
	got := tagsOf(hs.m.front())
	want := []string{"poetry", "space", "moonwalk", "ml", "spacecraft", "haiku", "evals", "lofi", "sre", "数据"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("tags %q, want %q (most used first, the repeated one once)", got, want)
	}
	if embedded := tagsOf(hs.m.lists[sectionTrending]); len(got) <= len(embedded) {
		t.Errorf("%d tags, no more than the %d Trending embeds", len(got), len(embedded))
	}
	v := ansi.Strip(hs.m.View())
	for _, s := range []string{"H Hashtags", "trending hashtags, most used first", "#poetry · 30 posts", "#moonwalk · 26 posts"} {
		if !strings.Contains(v, s) {
			t.Errorf("the section lacks %q:\n%s", s, v)
		}
	}
	// Back to Trending and again: fresh, so not read again.
	hs.keys("T", "H")
	if n := hs.f.n("hashtags"); n != 1 {
		t.Errorf("a fresh section was read again: %d reads", n)
	}
}

func TestEnterOnAHashtagOpensItsPostsAsTrendingDoes(t *testing.T) {
	hs := newHarness(t, 120, 40)
	hs.keys("H", "j", "j")
	before := hs.m.front().selected().id()
	if before != "t:moonwalk" {
		t.Fatalf("test premise: #moonwalk selected, got %s", before)
	}
	if !hs.m.ShowsList() {
		t.Error("the split view is not offered beside the tags")
	}
	if got, ok := hs.m.Target().(views.OpenHashtagMsg); !ok || got.Tag != "moonwalk" {
		t.Errorf("Target (the split view's preview) %+v", hs.m.Target())
	}
	hs.take()
	hs.keys("enter")
	if got, ok := tuitest.Find[views.OpenHashtagMsg](hs.take()); !ok || got.Tag != "moonwalk" {
		t.Errorf("enter on #moonwalk: %+v", got)
	}
	// The root stacks the hashtag screen and comes back to the pane with
	// esc: the pane kept its section and row.
	hs.m.SetFocused(false)
	hs.m.SetFocused(true)
	hs.settle(hs.m.Update(views.ShownMsg{}))
	if hs.m.section != sectionHashtags || hs.m.front().selected().id() != before {
		t.Errorf("back: section %v, selection %s, want the same row %s", hs.m.section, hs.m.front().selected().id(), before)
	}
	if why := hs.m.ActionDisabled("explore.similar"); why == "" {
		t.Error("s is offered on a hashtag")
	}
	if why := hs.m.ActionDisabled("explore.type"); why == "" {
		t.Error("t is offered in the hashtags")
	}
}

func TestSlashFiltersTheHashtags(t *testing.T) {
	hs := newHarness(t, 80, 24)
	hs.keys("H", "/")
	hs.typeText("space")
	l := hs.m.front()
	if got := tagsOf(l); strings.Join(got, " ") != "space spacecraft" {
		t.Fatalf("/space keeps %q", got)
	}
	if v := ansi.Strip(hs.m.View()); !strings.Contains(v, "2 of 10") {
		t.Errorf("no count of what the filter keeps:\n%s", v)
	}
	hs.keys("enter", "j")
	if got := l.selected().id(); got != "t:spacecraft" {
		t.Errorf("moving in the filtered tags selects %s", got)
	}
	hs.keys("esc")
	if len(l.vis) != len(l.rows) || l.selected().id() != "t:spacecraft" {
		t.Errorf("esc: %d of %d rows, %s selected", len(l.vis), len(l.rows), l.selected().id())
	}
}

func TestHashtagsRefreshErrorAndRetry(t *testing.T) {
	hs := newHarness(t, 80, 24)
	hs.f.failReads = 1
	hs.keys("H")
	v := ansi.Strip(hs.m.View())
	if !strings.Contains(v, "couldn't load") || !strings.Contains(v, "r tries again") {
		t.Fatalf("a failed read:\n%s", v)
	}
	hs.m.ForceRefresh()
	hs.settle(hs.m.Refresh(t.Context()))
	if n := hs.f.n("hashtags"); n != 2 || len(hs.m.front().rows) != 10 {
		t.Fatalf("r: %d reads, %d rows", n, len(hs.m.front().rows))
	}
	// r re-reads a loaded section too, and the new counts are drawn.
	hs.f.tags[0].Posts = 99
	hs.m.ForceRefresh()
	hs.settle(hs.m.Refresh(t.Context()))
	if v := ansi.Strip(hs.m.View()); hs.f.n("hashtags") != 3 || !strings.Contains(v, "#poetry · 99 posts") {
		t.Errorf("r on a loaded section: %d reads\n%s", hs.f.n("hashtags"), v)
	}
}

func TestHashtagsEmptyAndUnavailable(t *testing.T) {
	hs := newHarness(t, 80, 24)
	hs.f.tags = nil
	hs.keys("H")
	if v := ansi.Strip(hs.m.View()); !strings.Contains(v, "No hashtags are trending.") {
		t.Errorf("no tags:\n%s", v)
	}
	f := newFake()
	m := New(Options{Explore: f, Agents: f, Bytes: bytesFake{f}, Styles: theme.New(true, false)})
	m.SetFocused(true)
	tuitest.Settle(m.Update, m.Update(views.ShownMsg{}))
	tuitest.Keys(m.Update, "H")
	if v := ansi.Strip(m.View()); !strings.Contains(v, "not available") || strings.Contains(v, "loading") {
		t.Errorf("without the hashtags source:\n%s", v)
	}
}

// TestTheSectionBarFitsASplitList: beside a preview the list is about 54
// columns; the six sections still show with their keys, the shown one
// under its full name.
func TestTheSectionBarFitsASplitList(t *testing.T) {
	for _, tc := range []struct {
		w    int
		want string
	}{
		{80, "Explore · T Trending  H Hashtags  S Search  D Directory  R Recommended  B Bytes"},
		{72, "T Trending H Hashtags S Search D Directory R Recommended B Bytes"},
		{54, "T Trend H Hashtags S Search D Dir R Recs B Bytes"},
	} {
		hs := newHarness(t, tc.w, 24)
		hs.keys("H")
		bar := strings.TrimRight(ansi.Strip(strings.SplitN(hs.m.View(), "\n", 2)[0]), " ")
		if bar != tc.want {
			t.Errorf("at %d columns the bar is %q, want %q", tc.w, bar, tc.want)
		}
	}
}
