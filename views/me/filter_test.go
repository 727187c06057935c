package me

import (
	"slices"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"imagine/internal/tuitest"
	"imagine/views"
)

// toFollowers opens the Followers section (30 agents, agent_00 to
// agent_29, named Agent 0 to Agent 29).
func toFollowers(hs *harness) {
	hs.t.Helper()
	hs.keys("s", "s", "s", "s")
	if hs.m.section != secFollowers || len(hs.m.follower.items) != 30 {
		hs.t.Fatalf("section %v with %d followers", hs.m.section, len(hs.m.follower.items))
	}
}

// selectedLine is the line of the view the gutter marks first.
func selectedLine(t *testing.T, m *Model) string {
	t.Helper()
	for _, l := range strings.Split(ansi.Strip(m.View()), "\n") {
		if strings.HasPrefix(l, "▌") {
			return l
		}
	}
	t.Fatalf("no selection in the view:\n%s", ansi.Strip(m.View()))
	return ""
}

// handlesShown are the follower handles the view shows, in order.
func handlesShown(m *Model) []string {
	var out []string
	for _, l := range strings.Split(ansi.Strip(m.View()), "\n") {
		if i := strings.Index(l, "@agent_"); i >= 0 {
			out = append(out, l[i+1:i+len("@agent_00")])
		}
	}
	return out
}

func TestFilterFollowersNarrowsKeepsMovesOpensAndClears(t *testing.T) {
	hs := newHarness(t, 80, 24)
	toFollowers(hs)
	hs.keys("j", "j") // agent_02
	hs.keys("/")
	if !hs.m.CapturesInput() {
		t.Fatal("the pane does not capture input while the filter is typed")
	}
	hs.typeText("agent_1")
	got := ansi.Strip(hs.m.View())
	if !strings.Contains(got, "/agent_1") || !strings.Contains(got, "10 of 30") {
		t.Fatalf("no query and count in the filter line:\n%s", got)
	}
	want := []string{"agent_10", "agent_11", "agent_12", "agent_13", "agent_14", "agent_15", "agent_16", "agent_17", "agent_18", "agent_19"}
	if shown := handlesShown(hs.m); !slices.Equal(shown, want) {
		t.Fatalf("rows shown %v, want %v:\n%s", shown, want, got)
	}
	if l := selectedLine(t, hs.m); !strings.Contains(l, "@agent_10") {
		t.Fatalf("the match nearest the selection is not marked: %q", l)
	}

	// enter keeps the filter and gives the list keys back.
	hs.keys("enter")
	if hs.m.CapturesInput() {
		t.Fatal("still capturing input after enter")
	}
	if got := ansi.Strip(hs.m.View()); !strings.Contains(got, "10 of 30") || !strings.Contains(got, "/ edit · esc clear") {
		t.Fatalf("enter did not keep the filter:\n%s", got)
	}
	hs.keys("j", "j")
	if l := selectedLine(t, hs.m); !strings.Contains(l, "@agent_12") {
		t.Fatalf("j j over the matches selects %q, want agent_12", l)
	}
	hs.keys("k")
	hs.out = nil
	hs.keys("enter")
	if o, ok := tuitest.Find[views.OpenProfileMsg](hs.out); !ok || o.Handle != "agent_11" {
		t.Fatalf("enter on the second match opened %+v (%v), want agent_11", o, ok)
	}
	hs.out = nil
	hs.keys("!")
	if r, ok := tuitest.Find[views.ReportMsg](hs.out); !ok || r.ID != "a11" {
		t.Fatalf("! on the second match: %+v", hs.out)
	}

	// esc clears it; the selection stays where it was.
	hs.keys("esc")
	got = ansi.Strip(hs.m.View())
	if strings.Contains(got, "of 30") || strings.Contains(got, "/agent_1") {
		t.Fatalf("esc left the filter on:\n%s", got)
	}
	if l := selectedLine(t, hs.m); !strings.Contains(l, "@agent_11") {
		t.Fatalf("after esc the selection is %q, want agent_11", l)
	}
	// The whole list shows again, agent_11 on the row it had among the
	// matches.
	if shown := handlesShown(hs.m); len(shown) < 2 || shown[1] != "agent_11" || !slices.Contains(shown, "agent_20") {
		t.Fatalf("after esc the rows are %v", shown)
	}
}

func TestFilterEveryWordMustAppear(t *testing.T) {
	hs := newHarness(t, 120, 40)
	toFollowers(hs)
	hs.keys("/")
	hs.typeText("1 AGENT_2") // "Agent 21" is the only one with both
	if shown := handlesShown(hs.m); !slices.Equal(shown, []string{"agent_21"}) {
		t.Fatalf("rows shown %v, want agent_21 only", shown)
	}
	if got := ansi.Strip(hs.m.View()); !strings.Contains(got, "1 of 30") {
		t.Fatalf("count:\n%s", got)
	}
	hs.typeText("x")
	if got := ansi.Strip(hs.m.View()); !strings.Contains(got, "no match in 30 loaded") || !strings.Contains(got, "Nothing loaded matches the filter.") {
		t.Fatalf("no match:\n%s", got)
	}
}

func TestFilterEscWhileTypingKeepsTheSelection(t *testing.T) {
	hs := newHarness(t, 80, 24)
	toFollowers(hs)
	hs.keys("j", "j", "j") // agent_03
	hs.keys("/")
	hs.typeText("agent_2")
	if l := selectedLine(t, hs.m); !strings.Contains(l, "@agent_20") {
		t.Fatalf("while typing, the nearest match is %q", l)
	}
	hs.keys("esc")
	if hs.m.CapturesInput() || hs.m.follower.filter.Active() {
		t.Fatal("esc did not drop the filter")
	}
	if hs.m.follower.win.Cursor != 3 {
		t.Fatalf("selection %d after esc, want 3 (where it was)", hs.m.follower.win.Cursor)
	}
	if l := selectedLine(t, hs.m); !strings.Contains(l, "@agent_03") {
		t.Fatalf("after esc the gutter marks %q", l)
	}
}

func TestFilterTypingRunsNoSectionKey(t *testing.T) {
	hs := newHarness(t, 80, 24)
	toFollowers(hs)
	hs.keys("/")
	hs.out = nil
	hs.typeText("asSeAoy!")
	if hs.m.comp.IsOpen() {
		t.Fatal("a opened the avatar picker while the filter was typed")
	}
	if hs.m.section != secFollowers || hs.m.form != nil || hs.m.links.IsOpen() {
		t.Fatalf("a letter ran a section key: section %v form %v", hs.m.section, hs.m.form != nil)
	}
	if len(hs.out) != 0 {
		t.Fatalf("typing asked the root for %+v", hs.out)
	}
	if q := hs.m.follower.filter.Query(); q != "asSeAoy!" {
		t.Fatalf("query %q", q)
	}
	// The footer shows only the filter's keys.
	var helps []string
	for _, b := range hs.m.ShortHelp() {
		helps = append(helps, b.Help().Key+" "+b.Help().Desc)
	}
	if !slices.Equal(helps, []string{"enter keep filter", "esc clear filter"}) {
		t.Fatalf("short help while typing: %v", helps)
	}
}

func TestFilterLikedOpensTheMatchedPost(t *testing.T) {
	hs := newHarness(t, 80, 24)
	hs.keys("s", "s", "s") // Liked: "Liked post number 0..2" by @bob
	hs.keys("/")
	hs.typeText("number 2")
	if got := ansi.Strip(hs.m.View()); !strings.Contains(got, "1 of 3") || strings.Contains(got, "number 0") {
		t.Fatalf("liked filtered:\n%s", got)
	}
	hs.out = nil
	hs.keys("enter", "enter")
	if o, ok := tuitest.Find[views.OpenPostMsg](hs.out); !ok || o.PostID != "lp2" {
		t.Fatalf("enter on the match opened %+v (%v), want lp2", o, ok)
	}
}

func TestFilterAnalyticsAndAXP(t *testing.T) {
	hs := newHarness(t, 120, 40)
	hs.keys("s", "/") // Analytics
	hs.typeText("number 3")
	hs.keys("enter")
	hs.out = nil
	hs.keys("enter")
	if o, ok := tuitest.Find[views.OpenPostMsg](hs.out); !ok || o.PostID != "p3" {
		t.Fatalf("enter on the analytics match opened %+v (%v), want p3", o, ok)
	}
	hs.keys("s", "/") // AXP
	hs.typeText("liked")
	got := ansi.Strip(hs.m.View())
	if !strings.Contains(got, "2 of 6") || strings.Contains(got, "Published a post") {
		t.Fatalf("AXP filtered by its descriptions:\n%s", got)
	}
}

// Each section keeps its own filter, as Explore's do.
func TestFilterIsKeptPerSection(t *testing.T) {
	hs := newHarness(t, 80, 24)
	toFollowers(hs)
	hs.keys("/")
	hs.typeText("agent_1")
	hs.keys("enter", "s")
	if got := ansi.Strip(hs.m.View()); strings.Contains(got, "of 30") {
		t.Fatalf("Following shows the Followers' filter:\n%s", got)
	}
	hs.keys("S")
	if got := ansi.Strip(hs.m.View()); !strings.Contains(got, "10 of 30") {
		t.Fatalf("back on Followers, the filter is gone:\n%s", got)
	}
}

func TestFilterNotOnYouOrSettings(t *testing.T) {
	hs := newHarness(t, 80, 24)
	for _, sec := range []section{secYou, secSettings} {
		for hs.m.section != sec {
			hs.keys("s")
		}
		hs.out = nil
		hs.keys("/")
		st, ok := tuitest.Find[views.StatusMsg](hs.out)
		if !ok || !strings.Contains(st.Text, "nothing to filter in "+sec.String()) {
			t.Fatalf("/ on %v: %+v", sec, hs.out)
		}
		if hs.m.CapturesInput() {
			t.Fatalf("/ on %v captures input", sec)
		}
		if why := hs.m.ActionDisabled("list.filter"); why == "" {
			t.Fatalf("the palette offers / on %v", sec)
		}
		if hasKey(hs.m.FullHelp(), "/") {
			t.Fatalf("FullHelp lists / on %v", sec)
		}
	}
	hs.keys("S") // Following
	if !hasKey(hs.m.FullHelp(), "/") || hs.m.ActionDisabled("list.filter") != "" {
		t.Fatal("FullHelp does not list / on Following")
	}
}

// hasKey reports whether the help lists a binding answering to k.
func hasKey(groups [][]key.Binding, k string) bool {
	for _, g := range groups {
		for _, b := range g {
			if slices.Contains(b.Keys(), k) {
				return true
			}
		}
	}
	return false
}

// The matches are marked (reverse video, the theme's Match) in the rows.
func TestFilterMarksMatches(t *testing.T) {
	hs := newHarness(t, 80, 24)
	toFollowers(hs)
	hs.keys("/")
	hs.typeText("agent_1")
	hs.keys("enter")
	if raw := hs.m.View(); !strings.Contains(raw, "\x1b[7magent_1\x1b[27m") {
		t.Fatalf("matches not marked:\n%q", raw)
	}
}

func TestGoldenFilteredFollowers(t *testing.T) {
	each(t, func(t *testing.T, w, h int) {
		hs := newHarness(t, w, h)
		toFollowers(hs)
		hs.keys("/")
		hs.typeText("agent 1")
		hs.keys("enter", "j")
		got := frame(t, hs.m, w, h)
		if !strings.Contains(got, "12 of 30") {
			t.Fatalf("filtered Followers without its count:\n%s", got)
		}
		golden.RequireEqual(t, []byte(got))
	})
}
