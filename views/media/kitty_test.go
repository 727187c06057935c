package media

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/ansi/kitty"
)

// kittyCommand is one parsed graphics command: its keys and payload.
type kittyCommand struct {
	keys    map[string]string
	order   []string
	payload string
}

// parseKitty splits seq into graphics commands, failing on anything else.
func parseKitty(t *testing.T, seq string) []kittyCommand {
	t.Helper()
	var out []kittyCommand
	for seq != "" {
		if !strings.HasPrefix(seq, "\x1b_G") {
			t.Fatalf("not a graphics command at %q", seq[:min(len(seq), 20)])
		}
		end := strings.Index(seq, "\x1b\\")
		if end < 0 {
			t.Fatal("unterminated graphics command")
		}
		body := seq[3:end]
		seq = seq[end+2:]
		ctrl, payload, _ := strings.Cut(body, ";")
		c := kittyCommand{keys: map[string]string{}, payload: payload}
		for kv := range strings.SplitSeq(ctrl, ",") {
			k, v, _ := strings.Cut(kv, "=")
			c.keys[k] = v
			c.order = append(c.order, k)
		}
		out = append(out, c)
	}
	return out
}

// noisy is a w×h image of pseudo-random colours, which PNG cannot shrink
// much: big enough to need several chunks.
func noisy(w, h int) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	x := uint32(12345)
	for i := range len(img.Pix) {
		x = x*1664525 + 1013904223
		img.Pix[i] = uint8(x >> 24)
	}
	return img
}

func TestKittyTransmitChunksTheThumbnailAsPNG(t *testing.T) {
	img := noisy(64, 48)
	seq, err := kittyTransmit(img, 42, 24, 9, false)
	if err != nil {
		t.Fatal(err)
	}
	cmds := parseKitty(t, seq)
	if len(cmds) < 3 {
		t.Fatalf("%d commands for a ~12 KB PNG, want several 4096-byte chunks", len(cmds))
	}
	first := cmds[0]
	want := map[string]string{"a": "T", "q": "2", "f": "100", "t": "d", "i": "42", "U": "1", "c": "24", "r": "9", "m": "1"}
	for k, v := range want {
		if first.keys[k] != v {
			t.Errorf("first command %s=%q, want %q", k, first.keys[k], v)
		}
	}
	var payload strings.Builder
	for i, c := range cmds {
		last := i == len(cmds)-1
		wantM := map[bool]string{false: "1", true: "0"}[last]
		if c.keys["m"] != wantM {
			t.Errorf("command %d has m=%q, want %s", i, c.keys["m"], wantM)
		}
		if i > 0 && strings.Join(c.order, ",") != "q,m" {
			t.Errorf("command %d carries keys %v; later chunks may hold only q and m", i, c.order)
		}
		if !last && len(c.payload) != kittyChunk {
			t.Errorf("chunk %d is %d bytes, want %d", i, len(c.payload), kittyChunk)
		}
		if len(c.payload) > kittyChunk || len(c.payload) == 0 {
			t.Errorf("chunk %d is %d bytes", i, len(c.payload))
		}
		payload.WriteString(c.payload)
	}
	raw, err := base64.StdEncoding.DecodeString(payload.String())
	if err != nil {
		t.Fatalf("the payloads do not join into base64: %v", err)
	}
	got, err := png.Decode(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("the payload is not a PNG: %v", err)
	}
	if got.Bounds() != img.Bounds() {
		t.Errorf("the PNG is %v, want the thumbnail's %v", got.Bounds(), img.Bounds())
	}
	if c := color.NRGBAModel.Convert(got.At(5, 7)); c != img.At(5, 7) {
		t.Errorf("pixel (5,7) is %v, want %v", c, img.At(5, 7))
	}
}

func TestKittyTransmitOfASmallImageIsOneCommand(t *testing.T) {
	seq, err := kittyTransmit(noisy(4, 4), 16, 4, 2, false)
	if err != nil {
		t.Fatal(err)
	}
	cmds := parseKitty(t, seq)
	if len(cmds) != 1 || cmds[0].keys["m"] != "0" || cmds[0].keys["i"] != "16" {
		t.Fatalf("want one command with m=0 and i=16, got %+v", cmds)
	}
}

func TestKittyTransmitInTmuxWrapsEveryCommand(t *testing.T) {
	img := noisy(64, 48)
	plain, _ := kittyTransmit(img, 42, 24, 9, false)
	wrapped, err := kittyTransmit(img, 42, 24, 9, true)
	if err != nil {
		t.Fatal(err)
	}
	pieces := regexp.MustCompile(`\x1bPtmux;((?:\x1b\x1b|[^\x1b])*)\x1b\\`).FindAllStringSubmatch(wrapped, -1)
	if len(pieces) != len(parseKitty(t, plain)) {
		t.Fatalf("%d passthrough pieces, want one per command (%d)", len(pieces), len(parseKitty(t, plain)))
	}
	var joined, all strings.Builder
	for _, p := range pieces {
		all.WriteString(p[0])
		joined.WriteString(strings.ReplaceAll(p[1], "\x1b\x1b", "\x1b"))
	}
	if all.String() != wrapped {
		t.Error("something besides passthrough pieces in the tmux sequence")
	}
	if joined.String() != plain {
		t.Error("unwrapping the passthrough does not give the plain commands")
	}
}

func TestKittyPlaceholderGrid(t *testing.T) {
	lines := kittyPlaceholders(200, 7, 3)
	if len(lines) != 3 {
		t.Fatalf("%d lines, want 3", len(lines))
	}
	for row, l := range lines {
		if w := ansi.StringWidth(l); w != 7 {
			t.Errorf("row %d is %d cells wide, want 7", row, w)
		}
		if !strings.HasPrefix(l, "\x1b[38;5;200m") || !strings.HasSuffix(l, "\x1b[m") {
			t.Errorf("row %d does not set the id colour and reset: %q", row, l)
		}
		cells := []rune(strings.TrimSuffix(strings.TrimPrefix(l, "\x1b[38;5;200m"), "\x1b[m"))
		if len(cells) != 7*3 {
			t.Fatalf("row %d holds %d runes, want 3 per cell", row, len(cells))
		}
		for col := range 7 {
			got := cells[3*col : 3*col+3]
			want := []rune{kitty.Placeholder, kitty.Diacritic(row), kitty.Diacritic(col)}
			if string(got) != string(want) {
				t.Errorf("cell %d,%d is %U, want %U", row, col, got, want)
			}
		}
	}
}

func TestDetectProtocol(t *testing.T) {
	cases := []struct {
		env  map[string]string
		want Protocol
	}{
		{map[string]string{}, HalfBlock},
		{map[string]string{"TERM": "xterm-256color"}, HalfBlock},
		{map[string]string{"TERM": "xterm-kitty"}, Kitty},
		{map[string]string{"TERM_PROGRAM": "ghostty"}, Kitty},
		{map[string]string{"TERM_PROGRAM": "WezTerm"}, Kitty},
		{map[string]string{"TERM_PROGRAM": "iTerm.app"}, HalfBlock},
		{map[string]string{"TERM": "tmux-256color", "TERM_PROGRAM": "tmux", "KITTY_WINDOW_ID": "3", "TMUX": "/tmp/tmux-1/default,1,0"}, HalfBlock},
		{map[string]string{"TERM": "tmux-256color", "TERM_PROGRAM": "tmux", "TMUX": "/tmp/tmux-1/default,1,0"}, HalfBlock},
		{map[string]string{"TERM": "xterm-kitty", "NO_COLOR": "1"}, None},
		{map[string]string{"NO_COLOR": "1"}, None},
	}
	for _, c := range cases {
		if got := DetectProtocol(func(k string) string { return c.env[k] }); got != c.want {
			t.Errorf("DetectProtocol(%v) = %v, want %v", c.env, got, c.want)
		}
	}
}

func TestPreviewerDrawsKittyPlaceholdersAndTransmitsOnce(t *testing.T) {
	srv := newImageServer(t, "image/png", pngOf(t, 40, 40))
	p := NewPreviewer(Options{AllowedHost: "api.example", Protocol: Kitty})
	a, b := srv.URL+"/a.png", srv.URL+"/b.png"
	first, err := p.Draw(context.Background(), a, PreviewCols, PreviewRows)
	if err != nil {
		t.Fatal(err)
	}
	if len(first.Lines) != 12 || ansi.StringWidth(first.Lines[0]) != 24 {
		t.Fatalf("a square image is %d rows, want 24×12 cells as with half-blocks", len(first.Lines))
	}
	cmds := parseKitty(t, first.Transmit)
	id := cmds[0].keys["i"]
	if !strings.HasPrefix(first.Lines[0], "\x1b[38;5;"+id+"m") || cmds[0].keys["c"] != "24" || cmds[0].keys["r"] != "12" {
		t.Errorf("lines and transmit disagree: id %s, c=%s r=%s, line %q", id, cmds[0].keys["c"], cmds[0].keys["r"], first.Lines[0])
	}
	again, _ := p.Draw(context.Background(), a, PreviewCols, PreviewRows)
	if again.Transmit != "" || strings.Join(again.Lines, "\n") != strings.Join(first.Lines, "\n") {
		t.Error("drawing the same image again transmitted it again or changed its lines")
	}
	other, _ := p.Draw(context.Background(), b, PreviewCols, PreviewRows)
	if other.Transmit == "" || parseKitty(t, other.Transmit)[0].keys["i"] == id {
		t.Error("a second image did not get its own id and transmission")
	}
	smaller, _ := p.Draw(context.Background(), a, 10, PreviewRows)
	if s := parseKitty(t, smaller.Transmit); len(smaller.Lines) != 5 || s[0].keys["i"] != id || s[0].keys["c"] != "10" {
		t.Errorf("at 10 columns: %d rows, transmit %v; want 5 rows re-sent under id %s", len(smaller.Lines), s[0].keys, id)
	}
	if n := srv.hits.Load(); n != 2 {
		t.Errorf("%d downloads, want 2", n)
	}
}

func TestPreviewerReusesKittyIDsAfterTheLast(t *testing.T) {
	p := NewPreviewer(Options{Protocol: Kitty})
	ids := map[int]bool{}
	for i := range lastKittyID - firstKittyID + 1 {
		pl, fresh := p.place(fmt.Sprint("u", i), 4, 4)
		if !fresh || ids[pl.id] || pl.id < firstKittyID || pl.id > lastKittyID {
			t.Fatalf("image %d got id %d (fresh %v)", i, pl.id, fresh)
		}
		ids[pl.id] = true
	}
	next, _ := p.place("one more", 4, 4)
	if next.id != firstKittyID {
		t.Errorf("after the last id came %d, want %d again", next.id, firstKittyID)
	}
	// u0 lost its id to "one more": drawing it again must send it again.
	if pl, fresh := p.place("u0", 4, 4); !fresh || pl.id == firstKittyID {
		t.Errorf("u0 after its id was reused: id %d, fresh %v", pl.id, fresh)
	}
}

func TestPreviewerWithNoneFetchesNothing(t *testing.T) {
	srv := newImageServer(t, "image/png", pngOf(t, 8, 8))
	p := NewPreviewer(Options{Protocol: None})
	d, err := p.Draw(context.Background(), srv.URL+"/a.png", PreviewCols, PreviewRows)
	if err != nil || d.Lines != nil || d.Transmit != "" || srv.hits.Load() != 0 {
		t.Errorf("None drew %v / fetched %d times", d, srv.hits.Load())
	}
}

func TestPreviewSetting(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	tmux := env(map[string]string{"TMUX": "/tmp/x", "KITTY_WINDOW_ID": "1"})
	for _, tc := range []struct {
		setting string
		getenv  func(string) string
		want    Protocol
	}{
		{"auto", tmux, HalfBlock},
		{"kitty", tmux, KittyInTmux},
		{"kitty", env(nil), Kitty},
		{"halfblock", env(map[string]string{"TERM": "xterm-kitty"}), HalfBlock},
		{"off", env(nil), None},
	} {
		got, err := ForSetting(tc.setting, tc.getenv)
		if err != nil || got != tc.want {
			t.Errorf("%s: %v %v, want %v", tc.setting, got, err, tc.want)
		}
	}
	if _, err := ForSetting("sixel", env(nil)); err == nil {
		t.Error("an unknown setting should be refused")
	}
}
