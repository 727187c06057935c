package termcost

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/clipperhouse/uax29/v2/graphemes"
)

// wideRows are list rows of every kind of wide text the renderer has to
// get right: emoji, a flag, a ZWJ sequence, CJK, and plain ASCII.
var wideRows = []string{
	"plain ascii row with nothing wide in it",
	"emoji 🙂 then 🚀 and text after them",
	"flag 🇯🇵 between words 🇫🇷 again",
	"zwj 👩‍💻 a developer and 👨‍👩‍👧 a family",
	"cjk 漢字とかなの混じった行 then ascii",
	"🙂 emoji first, 漢字 later, 🇯🇵 last",
}

// wideList is a minimal list: a gutter mark on the selected row, j/k to
// move, f/b to scroll a page, e to change the selected row's text, s to
// show the selected row's detail beside the list (the split view).
type wideList struct {
	rows     []string
	cur, top int
	w, h     int
	split    bool
}

func newWideList(n int) *wideList {
	l := &wideList{}
	for i := range n {
		l.rows = append(l.rows, fmt.Sprintf("r%03d %s", i, wideRows[i%len(wideRows)]))
	}
	return l
}

func (l *wideList) Init() tea.Cmd { return nil }

func (l *wideList) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		l.w, l.h = msg.Width, msg.Height
	case tea.KeyPressMsg:
		switch msg.String() {
		case "j":
			l.cur = min(l.cur+1, len(l.rows)-1)
		case "k":
			l.cur = max(l.cur-1, 0)
		case "f":
			l.cur = min(l.cur+l.h-1, len(l.rows)-1)
		case "b":
			l.cur = max(l.cur-l.h+1, 0)
		case "e":
			l.rows[l.cur] += " 🎉"
		case "s":
			l.split = !l.split
		}
		if l.cur < l.top {
			l.top = l.cur
		}
		if l.cur >= l.top+l.h-1 {
			l.top = l.cur - l.h + 2
		}
	}
	return l, nil
}

// lines is the frame as text: the rows in view, then a status line.
func (l *wideList) lines() []string {
	var out []string
	for i := l.top; i < l.top+l.h-1 && i < len(l.rows); i++ {
		mark := "  "
		if i == l.cur {
			mark = "\x1b[1;35m▌\x1b[m "
		}
		row := mark + l.rows[i]
		if !l.split {
			out = append(out, ansi.Truncate(row, l.w, ""))
			continue
		}
		// The list in the left half, the selected row's detail in the right:
		// moving the selection changes cells on both sides of the list's
		// wide text. Measured as the program measures (wcwidth, Bubble
		// Tea's default), so that no row runs past the margin.
		listW := l.w/2 - 1
		row = ansi.TruncateWc(row, listW, "")
		row += strings.Repeat(" ", listW-ansi.StringWidthWc(row))
		// The detail holds no ZWJ sequence: the virtual terminal measures
		// one as a grapheme, narrower than the program, and a row measured
		// two ways cannot end at the margin both ways (the sanitizer drops
		// the joiners of such sequences from everything the client shows).
		detail := fmt.Sprintf("r%03d says: %s", l.cur, strings.ReplaceAll(wideRows[(l.cur+i)%len(wideRows)], "\u200d", ""))
		out = append(out, row+"│"+ansi.TruncateWc(detail, l.w-listW-1, ""))
	}
	for len(out) < l.h-1 {
		out = append(out, "")
	}
	return append(out, fmt.Sprintf("row %d of %d", l.cur+1, len(l.rows)))
}

func (l *wideList) View() tea.View {
	v := tea.NewView(strings.Join(l.lines(), "\n"))
	v.AltScreen = true
	return v
}

// TestWideRowsStayCorrectOnScreen drives a list of emoji, flag, ZWJ and
// CJK rows through the real renderer (moves, page scrolls, edits) and
// checks after every step that the terminal shows exactly the frame: no
// row duplicated, displaced or left stale (ultraviolet issue #164 is what
// a wrong skip of an unchanged row would look like).
func TestWideRowsStayCorrectOnScreen(t *testing.T) {
	const w, h = 80, 16
	term := Start(t, newWideList(120), w, h)
	term.WaitFor("row 1 of 120", 5*time.Second)
	// ref is the same list driven by the same keys on this goroutine: what
	// the screen must show.
	ref := newWideList(120)
	ref.Update(tea.WindowSizeMsg{Width: w, Height: h})
	keys := strings.Split("j j j j j e j f j j k k e b k j f f e j j j j j j j j j j j j j j j j j j j j j j b b e f", " ")
	for i, k := range keys {
		term.Send(press(k))
		ref.Update(press(k))
		if got, exp := settledOn(term, expected(ref.lines())); got != exp {
			t.Fatalf("after key %d (%q) the screen shows:\n%s\nwant:\n%s", i, k, got, exp)
		}
	}
	// The last screen, kept as a golden so a change in how these rows are
	// drawn is seen in review.
	golden.RequireEqual(t, []byte(term.Text()))
}

// TestSplitWideRowsStayCorrectOnScreen is the same with the selected row's
// detail beside the list: a move changes the mark left of the list's wide
// text and the detail right of it, which the renderer writes as a patch of
// the narrow part and of each stretch anchored after a wide cell or, when
// a wide cell itself changes (the detail holds wide text of its own), a
// repaint from the first change after the last anchor.
func TestSplitWideRowsStayCorrectOnScreen(t *testing.T) {
	const w, h = 100, 16
	term := Start(t, newWideList(120), w, h)
	term.WaitFor("row 1 of 120", 5*time.Second)
	ref := newWideList(120)
	ref.Update(tea.WindowSizeMsg{Width: w, Height: h})
	keys := strings.Split("s j j j k e j f j k e b j j j j j j j j j j j j j j j j s j s k", " ")
	for i, k := range keys {
		term.Send(press(k))
		ref.Update(press(k))
		if got, exp := settledOn(term, expected(ref.lines())); got != exp {
			t.Fatalf("after key %d (%q) the screen shows:\n%s\nwant:\n%s", i, k, got, exp)
		}
	}
	golden.RequireEqual(t, []byte(term.Text()))
}

// settledOn waits until the screen shows exp, or has stopped changing
// for a while without showing it, and returns what it shows: a busy
// machine may draw a frame later than one quiet period, and what is
// checked is where the renderer leaves the screen, not how fast.
func settledOn(term *Terminal, exp string) (got, want string) {
	deadline := time.Now().Add(5 * time.Second)
	for {
		term.Settle(2 * time.Second)
		got = term.Text()
		if got == exp || time.Now().After(deadline) {
			return got, exp
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// expected is the screen text a frame's lines should leave on the virtual
// terminal, which measures a ZWJ sequence as one grapheme, narrower than
// the program (wcwidth). See onScreen. Where both measure alike, which is
// all the sanitizer lets through, that is the frame's text.
func expected(lines []string) string {
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(strings.TrimRight(onScreen(ansi.Strip(l)), " "))
		b.WriteByte('\n')
	}
	return b.String()
}

// anchorGap is the renderer's: the shortest stretch of text after a wide
// glyph, before the next, that it reaches with an absolute move
// (anchorsOf in third_party/ultraviolet/tail_patch.go).
const anchorGap = 8

// onScreen is the plain text row as the virtual terminal shows it. After
// a wide glyph that the row's end or at least anchorGap cells of other
// text follow, the text sits at the column the program gave it (the
// renderer moves there), so the columns the terminal measured narrower
// up to that glyph show as blanks after it. Elsewhere the text runs on as
// the terminal measured it.
func onScreen(row string) string {
	type glyph struct {
		text      string
		col, wide int // model column, and model width when over 1
	}
	var glyphs []glyph
	col := 0
	for g := graphemes.FromString(row); g.Next(); {
		w := ansi.StringWidthWc(g.Value())
		glyphs = append(glyphs, glyph{text: g.Value(), col: col, wide: w * btoi(w > 1)})
		col += w
	}
	var b strings.Builder
	saved := 0
	for i, g := range glyphs {
		b.WriteString(g.text)
		if g.wide == 0 {
			continue
		}
		saved += g.wide - ansi.StringWidth(g.text)
		next := col // the next wide glyph's column, or the row's end
		for _, h := range glyphs[i+1:] {
			if h.wide > 0 {
				next = h.col
				break
			}
		}
		if next == col || next-(g.col+g.wide) >= anchorGap {
			b.WriteString(strings.Repeat(" ", saved))
			saved = 0
		}
	}
	return b.String()
}

// btoi is 1 for true, 0 for false.
func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// press is a key press of one printable character.
func press(k string) tea.KeyPressMsg { return tea.KeyPressMsg{Code: rune(k[0]), Text: k} }
