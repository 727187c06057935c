package media

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// sgrOnly matches a line made of our SGR sequences and the three glyphs.
var (
	anyEscape = regexp.MustCompile("\x1b[^m]*m|\x1b")
	ourSGR    = regexp.MustCompile(`^\x1b\[(38;2;\d{1,3};\d{1,3};\d{1,3}|48;2;\d{1,3};\d{1,3};\d{1,3}|49|)m$`)
)

// checkOnlySGR fails when a line holds any escape sequence but ours or any
// character but the half blocks and spaces.
func checkOnlySGR(t *testing.T, lines []string) {
	t.Helper()
	for i, l := range lines {
		for _, seq := range anyEscape.FindAllString(l, -1) {
			if !ourSGR.MatchString(seq) {
				t.Errorf("line %d holds %q, not one of our SGR codes", i, seq)
			}
		}
		if rest := strings.Trim(anyEscape.ReplaceAllString(l, ""), "▀▄ "); rest != "" {
			t.Errorf("line %d holds %q besides the blocks", i, rest)
		}
	}
}

// cellColours reads the SGR state in effect at each glyph of line.
type cellColours struct {
	glyph  string
	fg, bg string // "r;g;b", or "" for the terminal's own
}

func parseCells(line string) []cellColours {
	var out []cellColours
	fg, bg := "", ""
	for len(line) > 0 {
		if loc := anyEscape.FindStringIndex(line); loc != nil && loc[0] == 0 {
			seq := line[loc[0]:loc[1]]
			switch {
			case strings.HasPrefix(seq, "\x1b[38;2;"):
				fg = strings.TrimSuffix(strings.TrimPrefix(seq, "\x1b[38;2;"), "m")
			case strings.HasPrefix(seq, "\x1b[48;2;"):
				bg = strings.TrimSuffix(strings.TrimPrefix(seq, "\x1b[48;2;"), "m")
			case seq == "\x1b[49m":
				bg = ""
			case seq == "\x1b[m":
				fg, bg = "", ""
			}
			line = line[loc[1]:]
			continue
		}
		r := []rune(line)[0]
		out = append(out, cellColours{glyph: string(r), fg: fg, bg: bg})
		line = line[len(string(r)):]
	}
	return out
}

func TestHalfBlocksDrawsTheColoursOfA2x2Image(t *testing.T) {
	img := image.NewNRGBA(image.Rect(0, 0, 2, 2))
	img.SetNRGBA(0, 0, color.NRGBA{255, 0, 0, 255})   // top left: red
	img.SetNRGBA(1, 0, color.NRGBA{0, 255, 0, 255})   // top right: green
	img.SetNRGBA(0, 1, color.NRGBA{0, 0, 255, 255})   // bottom left: blue
	img.SetNRGBA(1, 1, color.NRGBA{255, 255, 255, 0}) // bottom right: transparent

	lines := HalfBlocks(img, PreviewCols, PreviewRows)
	if len(lines) != 1 {
		t.Fatalf("a 2×2 image is %d rows, want 1", len(lines))
	}
	checkOnlySGR(t, lines)
	cells := parseCells(lines[0])
	want := []cellColours{
		{glyph: "▀", fg: "255;0;0", bg: "0;0;255"}, // red over blue
		{glyph: "▀", fg: "0;255;0", bg: ""},        // green over the terminal's background
	}
	if len(cells) != len(want) {
		t.Fatalf("cells = %+v, want %+v", cells, want)
	}
	for i := range want {
		if cells[i] != want[i] {
			t.Errorf("cell %d = %+v, want %+v", i, cells[i], want[i])
		}
	}
	if !strings.HasSuffix(lines[0], "\x1b[m") {
		t.Error("the line does not end with a reset, so its colours would bleed")
	}
}

func TestHalfBlocksDrawsALowerOnlyPixelWithTheLowerBlock(t *testing.T) {
	img := image.NewNRGBA(image.Rect(0, 0, 1, 2))
	img.SetNRGBA(0, 1, color.NRGBA{10, 20, 30, 255})
	cells := parseCells(HalfBlocks(img, 4, 4)[0])
	if len(cells) != 1 || cells[0] != (cellColours{glyph: "▄", fg: "10;20;30"}) {
		t.Errorf("cells = %+v, want one ▄ in 10;20;30 on the terminal's background", cells)
	}
}

// pngOf encodes a w×h gradient as a PNG, as a server would serve it.
func pngOf(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.SetNRGBA(x, y, color.NRGBA{uint8(x * 255 / w), uint8(y * 255 / h), 128, 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestHalfBlocksOfAGeneratedPNGFitTheBox(t *testing.T) {
	cases := []struct {
		name       string
		w, h       int
		cols, rows int // expected size in cells
	}{
		{"wide", 480, 240, 24, 6},    // 24 px wide → 12 px tall → 6 rows
		{"square", 300, 300, 24, 12}, // 24×24 px → 12 rows
		{"tall", 100, 400, 6, 12},    // capped at 24 px tall → 6 px wide
		{"small", 8, 4, 8, 2},        // never enlarged: 8×4 px is 2 rows
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			img, err := Decode(pngOf(t, c.w, c.h))
			if err != nil {
				t.Fatal(err)
			}
			lines := HalfBlocks(Thumbnail(img, thumbSide), PreviewCols, PreviewRows)
			if len(lines) != c.rows {
				t.Errorf("%d rows, want %d", len(lines), c.rows)
			}
			for i, l := range lines {
				if w := ansi.StringWidth(l); w != c.cols {
					t.Errorf("row %d is %d cells, want %d", i, w, c.cols)
				}
			}
			checkOnlySGR(t, lines)
		})
	}
}

func TestThumbnailKeepsColoursAndAspect(t *testing.T) {
	img := image.NewNRGBA(image.Rect(0, 0, 1000, 500))
	for y := range 500 {
		for x := range 1000 {
			c := color.NRGBA{200, 0, 0, 255}
			if x >= 500 {
				c = color.NRGBA{0, 0, 200, 255}
			}
			img.SetNRGBA(x, y, c)
		}
	}
	th := Thumbnail(img, 128)
	if b := th.Bounds(); b.Dx() != 128 || b.Dy() != 64 {
		t.Fatalf("thumbnail is %v, want 128×64", b)
	}
	if c := th.NRGBAAt(10, 10); c != (color.NRGBA{200, 0, 0, 255}) {
		t.Errorf("left pixel = %v", c)
	}
	if c := th.NRGBAAt(120, 10); c != (color.NRGBA{0, 0, 200, 255}) {
		t.Errorf("right pixel = %v", c)
	}
}
