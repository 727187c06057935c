package media

import (
	"bytes"
	"encoding/base64"
	"image"
	"image/png"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/ansi/kitty"
)

// Kitty graphics with Unicode placeholders: the thumbnail is transmitted
// once as a PNG with a virtual placement (U=1) of cols×rows cells, and the
// preview lines are placeholder cells (U+10EEEE) whose foreground colour
// names the image and whose two combining diacritics name the cell's row
// and column. The lines are plain text to Bubble Tea's renderer, so they
// scroll, clip and survive tmux like any other text; only the transmit
// sequence is raw, and it is written with tea.Raw, never from a View.
//
// See https://sw.kovidgoyal.net/kitty/graphics-protocol/#unicode-placeholders

// kittyChunk is the largest base64 payload of one graphics command; the
// protocol requires every chunk but the last to be a multiple of 4 bytes.
const kittyChunk = 4096

// Image ids are 256-colour indices, 16–255, set with 38;5;id. The spec
// also allows 24-bit ids (38;2;r;g;b), but Bubble Tea lowers truecolour to
// the nearest 256-colour entry on terminals (tmux, often) that report only
// 256 colours, which would silently change the id; an index survives every
// profile from 256 colours up. Indices below 16 are left out, as they are
// the palette colours a renderer may rewrite as 30–37 and 90–97.
const (
	firstKittyID = 16
	lastKittyID  = 255
)

// maxKittyCells bounds a placement's columns and rows: the spec's
// diacritic table numbers 297 rows and columns, and previews are far
// smaller.
const maxKittyCells = 256

// kittyTransmit is the graphics command that sends img as a PNG with image
// id id and a virtual placement of cols×rows cells, quietly (q=2: the
// terminal answers nothing, so no reply can land in the input stream). The
// base64 payload is split into kittyChunk-byte commands with m=1 on all but
// the last (m=0); only the first carries the keys other than q and m. With
// tmux set each command is wrapped in tmux's passthrough on its own, which
// keeps every wrapped piece small.
func kittyTransmit(img image.Image, id, cols, rows int, tmux bool) (string, error) {
	var raw bytes.Buffer
	if err := png.Encode(&raw, img); err != nil {
		return "", err
	}
	payload := base64.StdEncoding.EncodeToString(raw.Bytes())
	var sb strings.Builder
	for first := true; first || payload != ""; first = false {
		n := min(len(payload), kittyChunk)
		chunk := payload[:n]
		payload = payload[n:]
		opts := []string{"q=2"}
		if first {
			opts = []string{
				"a=T", "q=2", "f=100", "t=d",
				"i=" + strconv.Itoa(id), "U=1",
				"c=" + strconv.Itoa(cols), "r=" + strconv.Itoa(rows),
			}
		}
		if payload != "" {
			opts = append(opts, "m=1")
		} else {
			opts = append(opts, "m=0")
		}
		seq := ansi.KittyGraphics([]byte(chunk), opts...)
		if tmux {
			seq = ansi.TmuxPassthrough(seq)
		}
		sb.WriteString(seq)
	}
	return sb.String(), nil
}

// kittyPlaceholders are the preview lines of image id placed in cols×rows
// cells: each line sets the foreground to the id, then holds one
// placeholder per cell followed by the diacritics of its row and column,
// and ends with a reset. Every cell is one column wide.
func kittyPlaceholders(id, cols, rows int) []string {
	cols, rows = min(cols, maxKittyCells), min(rows, maxKittyCells)
	if cols <= 0 || rows <= 0 {
		return nil
	}
	out := make([]string, rows)
	for row := range rows {
		var sb strings.Builder
		sb.WriteString("\x1b[38;5;")
		sb.WriteString(strconv.Itoa(id))
		sb.WriteByte('m')
		for col := range cols {
			sb.WriteRune(kitty.Placeholder)
			sb.WriteRune(kitty.Diacritic(row))
			sb.WriteRune(kitty.Diacritic(col))
		}
		sb.WriteString("\x1b[m")
		out[row] = sb.String()
	}
	return out
}
