package termcost

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// editedFrame is prev with a few rows edited in place: a piece inserted,
// deleted or replaced somewhere inside the row, so the rest of the row
// shifts as a counter's new digit or a longer name shifts it. These are
// the rows the renderer writes with inserts and deletes (ICH, DCH) and
// with the diff of a row's changed middle.
func editedFrame(r *rand.Rand, prev []string, w, h int) []string {
	out := append([]string(nil), prev...)
	for range 1 + r.IntN(4) {
		y := r.IntN(h)
		row := out[y]
		n := ansi.StringWidth(row)
		at := 0
		if n > 0 {
			at = r.IntN(n + 1)
		}
		left, rest := ansi.Cut(row, 0, at), ansi.Cut(row, at, n)
		switch r.IntN(3) {
		case 0: // insert
			row = left + randomPieces[r.IntN(len(randomPieces))] + rest
		case 1: // delete a few cells
			row = left + ansi.Cut(rest, 1+r.IntN(4), n)
		default: // replace
			row = left + randomPieces[r.IntN(len(randomPieces))] + ansi.Cut(rest, 1+r.IntN(4), n)
		}
		out[y] = ansi.TruncateWc(row, w, "")
		if len(out[y]) > 8*w {
			// Cutting keeps every style sequence of what it cut away; a
			// row edited for long is then mostly sequences. Start it anew.
			out[y] = randomFrame(r, nil, w, 1)[0]
		}
	}
	return out
}

// TestEditedRowsLandExactly is TestRandomFramesLandExactly for rows
// edited in the middle rather than redrawn: after each frame the screen
// shows exactly the frame's text and looks as a fresh paint would.
func TestEditedRowsLandExactly(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {41, 12}} {
		w, h := size[0], size[1]
		t.Run(fmt.Sprintf("%dx%d", w, h), func(t *testing.T) {
			r := rand.New(rand.NewPCG(uint64(w)*7, uint64(h)*13))
			draw := frameDrawer(t, w, h)
			emu := virtualTerminal(w, h)
			frame := randomFrame(r, nil, w, h)
			for i := range 2000 {
				if i%200 == 0 {
					frame = randomFrame(r, nil, w, h) // a fresh start now and then
				} else {
					frame = editedFrame(r, frame, w, h)
				}
				if _, err := emu.Write([]byte(draw(frame))); err != nil {
					t.Fatal(err)
				}
				if got, want := screenText(emu, w, h), expected(frame); got != want {
					t.Fatalf("frame %d:\n%s\nwant:\n%s", i, got, want)
				}
				if x, y, ok := sameLook(emu, frame, w, h); !ok {
					t.Fatalf("frame %d: cell %d,%d looks different from the frame drawn on a clean screen:\n%s", i, x, y, expected(frame))
				}
			}
		})
	}
}
