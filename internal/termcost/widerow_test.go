package termcost

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	uv "github.com/charmbracelet/ultraviolet"
)

// frames renders two frames through ultraviolet's terminal renderer the way
// Bubble Tea v2.1.1 does (clear the buffer, draw the whole view, render,
// flush) and returns the bytes the second frame wrote. The frames differ in
// the last row only.
func secondFrameBytes(t *testing.T, rows []string, lastA, lastB string) int {
	t.Helper()
	const w, h = 60, 20
	var out bytes.Buffer
	r := uv.NewTerminalRenderer(&out, []string{"TERM=xterm-256color"})
	r.SetFullscreen(true)
	r.Resize(w, h)
	buf := uv.NewScreenBuffer(w, h)
	draw := func(last string) int {
		out.Reset()
		buf.Clear()
		uv.NewStyledString(strings.Join(append(append([]string{}, rows...), last), "\n")).Draw(buf, buf.Bounds())
		r.Render(buf.RenderBuffer)
		if err := r.Flush(); err != nil {
			t.Fatal(err)
		}
		return out.Len()
	}
	draw(lastA)
	return draw(lastB)
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
			plain := secondFrameBytes(t, ascii, "status 1", "status 2")
			withWide := secondFrameBytes(t, wide, "status 1", "status 2")
			if withWide > plain+8 {
				t.Errorf("one changed cell under %d unchanged %s rows wrote %d B; the same under ASCII rows wrote %d B",
					len(wide), tc.name, withWide, plain)
			}
		})
	}
}
