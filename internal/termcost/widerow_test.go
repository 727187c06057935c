package termcost

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	uv "github.com/charmbracelet/ultraviolet"
)

// frameDrawer renders frames through ultraviolet's terminal renderer the
// way Bubble Tea v2.1.1 does (clear the buffer, draw the whole view,
// render, flush) and returns what each frame wrote.
func frameDrawer(t *testing.T, w, h int) func(lines []string) string {
	t.Helper()
	var out bytes.Buffer
	r := uv.NewTerminalRenderer(&out, []string{"TERM=xterm-256color"})
	r.SetFullscreen(true)
	r.SetScrollOptim(true) // as Bubble Tea sets it outside Windows
	r.SetColorProfile(colorProfile)
	r.Resize(w, h)
	buf := uv.NewScreenBuffer(w, h)
	return func(lines []string) string {
		out.Reset()
		buf.Clear()
		uv.NewStyledString(strings.Join(lines, "\n")).Draw(buf, buf.Bounds())
		r.Render(buf.RenderBuffer)
		if err := r.Flush(); err != nil {
			t.Fatal(err)
		}
		return out.String()
	}
}

// lastLineChangeBytes draws rows plus a last line, then the same with the
// last line changed, and returns the bytes of the second frame.
func lastLineChangeBytes(t *testing.T, rows []string, lastA, lastB string) int {
	t.Helper()
	draw := frameDrawer(t, 60, len(rows)+1)
	draw(append(append([]string{}, rows...), lastA))
	return len(draw(append(append([]string{}, rows...), lastB)))
}

// TestUnchangedWideRowsAreNotRewritten reproduces ultraviolet issue #163
// (https://github.com/charmbracelet/ultraviolet/issues/163): rows holding a
// wide character were rewritten on every frame even when unchanged, because
// Bubble Tea marks every row touched and the renderer sent any touched row
// with a wide cell down its repaint path before diffing. Without the patch
// in third_party/ultraviolet the emoji frame costs over 20 times the ASCII
// one; with it, the same.
func TestUnchangedWideRowsAreNotRewritten(t *testing.T) {
	for _, tc := range []struct{ name, glyph string }{
		{"emoji", "🙂"}, {"cjk", "漢字"}, {"flag", "🇯🇵"}, {"zwj", "👩‍💻"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ascii := make([]string, 19)
			wide := make([]string, 19)
			for i := range ascii {
				ascii[i] = fmt.Sprintf("row %02d plain text of a post, nothing special", i)
				wide[i] = fmt.Sprintf("row %02d %s text of a post with %s inside", i, tc.glyph, tc.glyph)
			}
			plain := lastLineChangeBytes(t, ascii, "status 1", "status 2")
			withWide := lastLineChangeBytes(t, wide, "status 1", "status 2")
			if withWide > plain+8 {
				t.Errorf("one changed cell under %d unchanged %s rows wrote %d B; the same under ASCII rows wrote %d B",
					len(wide), tc.name, withWide, plain)
			}
		})
	}
}

// TestAMarkLeftOfWideTextIsWrittenInPlace: moving a list's selection mark
// in the first column of rows that hold emoji writes the two marks, not
// the two rows (a changed row with a wide cell used to be repainted from
// column 0 whatever changed in it).
func TestAMarkLeftOfWideTextIsWrittenInPlace(t *testing.T) {
	rows := make([]string, 19)
	for i := range rows {
		rows[i] = fmt.Sprintf("  row %02d 🙂 with 漢字 and 🇯🇵 text", i)
	}
	marked := append([]string{}, rows...)
	marked[3] = "▌" + marked[3][1:]
	moved := append([]string{}, rows...)
	moved[4] = "▌" + moved[4][1:]
	draw := frameDrawer(t, 60, len(rows))
	draw(marked)
	if got := draw(moved); len(got) > 40 {
		t.Errorf("moving the mark from row 3 to row 4 wrote %d B: %q", len(got), got)
	}
}

// TestAScrollDoesNotRepaintTheWideRowsItMoved: scrolling a list of emoji
// rows by one writes the scroll and the one new row; the rows the terminal
// moved itself are not written again (they used to be repainted, each from
// column 0, after every hardware scroll).
func TestAScrollDoesNotRepaintTheWideRowsItMoved(t *testing.T) {
	rows := make([]string, 40)
	for i := range rows {
		rows[i] = fmt.Sprintf("row %02d 🙂 a post with 漢字 and a flag 🇯🇵 inside", i)
	}
	draw := frameDrawer(t, 60, 20)
	draw(rows[0:20])
	got := draw(rows[1:21])
	if one := len(rows[20]); len(got) > 2*one+40 {
		t.Errorf("scrolling by one row wrote %d B (one row is %d B): %q", len(got), one, got)
	}
}
