package views

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"imagine/internal/tuitest"
	"imagine/keymap"
	"imagine/theme"
)

func newTestFilter() Filter {
	return NewFilter(theme.New(true, false), keymap.Default().List)
}

// typeQuery starts f and types q key by key.
func typeQuery(f *Filter, q string) {
	f.Start(Window{})
	for _, k := range tuitest.Type(q) {
		f.Edit(k)
	}
}

func matches(f *Filter, items []string) []int {
	f.Refresh(len(items), func(i int) string { return Fold(items[i]) })
	out := []int{}
	for j := range f.Len() {
		out = append(out, f.Item(j))
	}
	return out
}

func TestFilterMatchesEveryWordIgnoringCase(t *testing.T) {
	items := []string{"Alice ships a Release", "bob: release notes", "ALICE and BOB", "nothing here"}
	f := newTestFilter()
	typeQuery(&f, "alice")
	if got := matches(&f, items); !slices.Equal(got, []int{0, 2}) {
		t.Fatalf("alice: %v", got)
	}
	typeQuery(&f, " REL")
	if got := matches(&f, items); !slices.Equal(got, []int{0}) {
		t.Fatalf("alice rel: %v", got)
	}
	f.Edit(tuitest.Press("ctrl+u"))
	if got := matches(&f, items); len(got) != len(items) {
		t.Fatalf("an empty query must keep every item, got %v", got)
	}
}

func TestFilterKeys(t *testing.T) {
	f := newTestFilter()
	if f.Active() {
		t.Fatal("a new filter is off")
	}
	typeQuery(&f, "q1 fog")
	if !f.Editing() || f.Query() != "q1 fog" {
		t.Fatalf("typing: editing %v query %q", f.Editing(), f.Query())
	}
	if ev := f.Edit(tuitest.Press("backspace")); ev != FilterChanged || f.Query() != "q1 fo" {
		t.Fatalf("backspace: %v %q", ev, f.Query())
	}
	if ev := f.Edit(tuitest.Press("ctrl+w")); ev != FilterChanged || f.Query() != "q1 " {
		t.Fatalf("ctrl+w: %v %q", ev, f.Query())
	}
	if ev := f.Edit(tuitest.Press("ctrl+r")); ev != FilterIgnored {
		t.Fatalf("a control key typed: %v", ev)
	}
	if ev := f.Edit(tuitest.Press("enter")); ev != FilterApplied || f.Editing() || !f.Active() {
		t.Fatalf("enter: %v editing %v active %v", ev, f.Editing(), f.Active())
	}
	f.Start(Window{})
	if f.Query() != "q1 " {
		t.Fatalf("/ again must edit the same query, got %q", f.Query())
	}
	if ev := f.Edit(tuitest.Press("esc")); ev != FilterClosed {
		t.Fatalf("esc: %v", ev)
	}
	f.Clear()
	if f.Active() || f.Query() != "" {
		t.Fatalf("cleared: active %v query %q", f.Active(), f.Query())
	}
	f.Start(Window{})
	if ev := f.Edit(tuitest.Press("enter")); ev != FilterClosed {
		t.Fatalf("enter on an empty query must ask to close the filter: %v", ev)
	}
	f.Clear()
	f.Start(Window{})
	f.Paste("two\nlines\x1b[31m")
	if f.Query() != "two lines [31m" {
		t.Fatalf("paste: %q", f.Query())
	}
}

// TestFilterNarrowingAgreesWithAFullScan types and erases random queries
// over random items: the matches found by narrowing the previous ones must
// be those a fresh filter finds.
func TestFilterNarrowingAgreesWithAFullScan(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	letters := "abc É"
	items := make([]string, 300)
	for i := range items {
		var b strings.Builder
		for range 3 + r.IntN(12) {
			b.WriteByte(letters[r.IntN(len(letters))])
		}
		items[i] = b.String()
	}
	f := newTestFilter()
	f.Start(Window{})
	for step := range 2000 {
		if r.IntN(3) == 0 {
			f.Edit(tuitest.Press("backspace"))
		} else {
			f.Edit(tuitest.Type(string(letters[r.IntN(len(letters))]))[0])
		}
		got := matches(&f, items)
		fresh := newTestFilter()
		typeQuery(&fresh, f.Query())
		if want := matches(&fresh, items); !slices.Equal(got, want) {
			t.Fatalf("step %d, query %q: narrowed %v, full %v", step, f.Query(), got, want)
		}
	}
}

func TestFilterNearest(t *testing.T) {
	f := newTestFilter()
	typeQuery(&f, "x")
	items := []string{"a", "x", "a", "a", "a", "x", "a", "x"}
	matches(&f, items) // items 1, 5, 7
	for i, want := range []int{0, 0, 0, 1, 1, 1, 2, 2} {
		if got := f.Nearest(i); got != want {
			t.Errorf("Nearest(%d) = %d, want %d", i, got, want)
		}
	}
	typeQuery(&f, "zzz")
	matches(&f, items)
	if f.Nearest(3) != -1 || f.Len() != 0 {
		t.Fatal("no match must give -1")
	}
	if _, ok := f.Selected(); ok {
		t.Fatal("nothing is selected when nothing matches")
	}
}

func TestFilterMarksOnlyTheMatchedText(t *testing.T) {
	s := theme.New(true, false)
	f := newTestFilter()
	typeQuery(&f, "rel bob")
	line := s.Author.Render("Bob") + " " + s.Text.Render("ships a RELEASE") + s.Muted.Render(" · 3m")
	got := f.Mark([]string{line})[0]
	if ansi.Strip(got) != ansi.Strip(line) {
		t.Fatalf("marking changed the text: %q", ansi.Strip(got))
	}
	if n := strings.Count(got, "\x1b[7m"); n < 2 {
		t.Fatalf("want both words marked, got %q", got)
	}
	// Walk the cells: exactly the matched characters are reversed.
	var rev []string
	on := false
	for i := 0; i < len(got); {
		if got[i] == 0x1b {
			end := escEnd(got, i)
			seq := got[i:end]
			switch {
			case seq == "\x1b[7m":
				on = true
			case seq == "\x1b[27m" || seq == "\x1b[m" || seq == "\x1b[0m":
				on = false
			}
			i = end
			continue
		}
		if on {
			rev = append(rev, got[i:i+1])
		}
		i++
	}
	if strings.Join(rev, "") != "BobREL" {
		t.Fatalf("reversed text %q, want BobREL (in %q)", strings.Join(rev, ""), got)
	}
	if plain := "no match at all"; f.Mark([]string{plain})[0] != plain {
		t.Fatal("a line without a match must be left as it is")
	}
}

func TestFilterMarkKeepsWideAndFoldedText(t *testing.T) {
	f := newTestFilter()
	typeQuery(&f, "éCOLE 猫")
	line := "L'ÉCOLE du 猫 🐈"
	got := f.Mark([]string{line})[0]
	want := "L'\x1b[7mÉCOLE\x1b[27m du \x1b[7m猫\x1b[27m 🐈"
	if got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}

func TestFilterLine(t *testing.T) {
	f := newTestFilter()
	f.Start(Window{})
	if got := ansi.Strip(f.Line(480, 80)); !strings.Contains(got, "type to filter the 480 loaded") {
		t.Fatalf("empty query line: %q", got)
	}
	typeQuery(&f, "fog")
	items := make([]string, 480)
	for i := range items {
		items[i] = fmt.Sprint("post ", i)
		if i%40 == 0 {
			items[i] += " fog"
		}
	}
	matches(&f, items)
	got := ansi.Strip(f.Line(480, 80))
	if !strings.HasPrefix(got, "/fog   12 of 480") || !strings.HasSuffix(got, "enter keep · esc clear") {
		t.Fatalf("line %q", got)
	}
	if w := ansi.StringWidth(f.Line(480, 30)); w > 30 {
		t.Fatalf("line is %d cells in 30", w)
	}
	f.Edit(tuitest.Press("enter"))
	if got := ansi.Strip(f.Line(480, 80)); !strings.HasSuffix(got, "/ edit · esc clear") {
		t.Fatalf("applied line %q", got)
	}
}

func TestNeedleAgreesWithContains(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	alphabet := "ax1 éb"
	word := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteByte(alphabet[r.IntN(len(alphabet))])
		}
		return b.String()
	}
	for range 20000 {
		text, w := word(r.IntN(30)), word(1+r.IntN(4))
		if got, want := newNeedle(w).in(text), strings.Contains(text, w); got != want {
			t.Fatalf("%q in %q: %v, want %v", w, text, got, want)
		}
	}
}
