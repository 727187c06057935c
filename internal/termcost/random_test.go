package termcost

import (
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"

	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/vt"
)

// randomPieces are what random frames are made of: words, spaces, styled
// runs, and wide text that every width model measures alike (emoji
// without joiners or selectors, CJK, flags): what the sanitizer leaves.
var randomPieces = []string{
	"word", "a", "longer words here", "  ", "    ", "·", "│", "▌", "…", "─────",
	"🙂", "🚀", "👀", "漢字", "かな", "🇯🇵", "🏴\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f",
	"\x1b[1mbold\x1b[22m", "\x1b[90mmuted\x1b[m", "\x1b[95m#tag\x1b[m", "\x1b[96m@who\x1b[m",
	"\x1b[7mrev\x1b[m", "\x1b[4munder\x1b[m", "\x1b[42mbg\x1b[m",
}

// randomFrame is h lines of random pieces, each cut to w cells as the
// program measures them (wcwidth), some lines kept from prev so that
// frames differ the way a UI's do: a few rows at a time.
func randomFrame(r *rand.Rand, prev []string, w, h int) []string {
	out := make([]string, h)
	// Now and then the rows move up or down, as a scrolled list's do.
	shift := 0
	if prev != nil && r.IntN(4) == 0 {
		shift = r.IntN(5) - 2
	}
	for y := range h {
		if py := y + shift; prev != nil && py >= 0 && py < h && r.IntN(3) > 0 {
			out[y] = prev[py]
			continue
		}
		var b strings.Builder
		for n := r.IntN(12); n > 0; n-- {
			b.WriteString(randomPieces[r.IntN(len(randomPieces))])
			if r.IntN(2) == 0 {
				b.WriteByte(' ')
			}
		}
		out[y] = ansi.TruncateWc(b.String(), w, "")
	}
	return out
}

// TestRandomFramesLandExactly draws thousands of random frames of wide and
// styled text through the patched renderer into a virtual terminal and
// checks after each that the screen shows exactly the frame's text: the
// narrow-part diff, blanks drawn with the pen set, the deferred re-anchor
// and the skipped autowrap switches must never leave a cell stale.
func TestRandomFramesLandExactly(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {41, 12}, {120, 40}} {
		w, h := size[0], size[1]
		t.Run(fmt.Sprintf("%dx%d", w, h), func(t *testing.T) {
			r := rand.New(rand.NewPCG(uint64(w), uint64(h)))
			draw := frameDrawer(t, w, h)
			emu := virtualTerminal(w, h)
			var prev []string
			for i := range 1000 {
				frame := randomFrame(r, prev, w, h)
				if _, err := emu.Write([]byte(draw(frame))); err != nil {
					t.Fatal(err)
				}
				if got, want := screenText(emu, w, h), expected(frame); got != want {
					t.Fatalf("frame %d:\n%s\nwant:\n%s\nprevious frame:\n%s", i, got, want, expected(prev))
				}
				if x, y, ok := sameLook(emu, frame, w, h); !ok {
					t.Fatalf("frame %d: cell %d,%d looks different from the frame drawn on a clean screen:\n%s", i, x, y, expected(frame))
				}
				prev = frame
			}
		})
	}
}

// screenText is the emulator's screen as text, a line per row, trailing
// spaces trimmed.
func screenText(emu *vt.Emulator, w, h int) string {
	var b strings.Builder
	for y := range h {
		var row strings.Builder
		for x := 0; x < w; x++ {
			c := emu.CellAt(x, y)
			if c == nil || c.Width == 0 && c.Content == "" {
				if c == nil {
					row.WriteByte(' ')
				}
				continue
			}
			if c.Content == "" {
				row.WriteByte(' ')
				continue
			}
			row.WriteString(c.Content)
		}
		b.WriteString(strings.TrimRight(row.String(), " "))
		b.WriteByte('\n')
	}
	return b.String()
}

// sameLook draws frame on a clean virtual terminal and compares every cell
// with emu's as a person would see it (looksAlike): text, colours,
// attributes, and for blanks only what a blank shows. It returns the first
// cell that differs.
func sameLook(emu *vt.Emulator, frame []string, w, h int) (x, y int, ok bool) {
	clean := virtualTerminal(w, h)
	var b strings.Builder
	b.WriteString("\x1b[?7l") // nothing wraps, as the renderer keeps it
	for i, l := range frame {
		fmt.Fprintf(&b, "\x1b[%d;1H%s\x1b[m", i+1, l)
	}
	_, _ = clean.Write([]byte(b.String()))
	for y := range h {
		for x := range w {
			a, c := emu.CellAt(x, y), clean.CellAt(x, y)
			if a == nil || c == nil {
				if a != c {
					return x, y, false
				}
				continue
			}
			if !looksAlike(a, c) {
				return x, y, false
			}
		}
	}
	return 0, 0, true
}

// mismeasuredPieces add to randomPieces glyphs the virtual terminal
// measures differently than the program: ZWJ sequences (narrower: one
// grapheme, where wcwidth adds up their parts) and an emoji with a
// variation selector (wider). The sanitizer keeps such glyphs out of what
// the client shows, but a terminal with older width tables measures
// plain emoji differently too, and the renderer must then still leave a
// screen that does not depend on the frames before it.
var mismeasuredPieces = []string{"👩\u200d💻", "👨\u200d👩\u200d👧", "❤\ufe0f", "🙂 x", "a👩\u200d💻b"}

// TestMismeasuredGlyphsLeaveTheScreenAFreshPaintWould draws random frames
// holding glyphs the virtual terminal measures differently than the
// program, and checks after each that the screen looks exactly as the
// same frame painted by a new renderer on a clean screen: the narrow part
// diffed, each stretch after a wide glyph diffed from its anchor
// (third_party/ultraviolet/tail_patch.go), the repaint from the first
// change after the last anchor, and no cell left stale in the blanks a
// narrower glyph leaves.
func TestMismeasuredGlyphsLeaveTheScreenAFreshPaintWould(t *testing.T) {
	pieces := randomPieces
	defer func() { randomPieces = pieces }()
	randomPieces = append(append([]string{}, pieces...), mismeasuredPieces...)
	for _, size := range [][2]int{{80, 24}, {41, 12}} {
		w, h := size[0], size[1]
		t.Run(fmt.Sprintf("%dx%d", w, h), func(t *testing.T) {
			r := rand.New(rand.NewPCG(uint64(w)+7, uint64(h)))
			draw := frameDrawer(t, w, h)
			emu := virtualTerminal(w, h)
			var prev []string
			for i := range 500 {
				frame := randomFrame(r, prev, w, h)
				_, _ = emu.Write([]byte(draw(frame)))
				fresh := virtualTerminal(w, h)
				_, _ = fresh.Write([]byte(frameDrawer(t, w, h)(frame)))
				for y := range h {
					for x := range w {
						a, c := emu.CellAt(x, y), fresh.CellAt(x, y)
						if (a == nil) != (c == nil) || a != nil && !looksAlike(a, c) {
							t.Fatalf("frame %d: cell %d,%d is %s, a fresh paint's %s:\n%s\nfresh:\n%s\nprevious frame:\n%s",
								i, x, y, describe(a), describe(c), screenText(emu, w, h), screenText(fresh, w, h), expected(prev))
						}
					}
				}
				prev = frame
			}
		})
	}
}

// describe is a cell's content, width and style, for a failure message.
func describe(c *uv.Cell) string {
	if c == nil {
		return "nil"
	}
	return fmt.Sprintf("%q (width %d, %#v)", c.Content, c.Width, c.Style)
}

// virtualTerminal is a w x h virtual terminal whose replies (to queries
// the renderer sends) are read and dropped, so that writing to it never
// blocks.
func virtualTerminal(w, h int) *vt.Emulator {
	emu := vt.NewEmulator(w, h)
	go func() { _, _ = io.Copy(io.Discard, emu) }()
	return emu
}
