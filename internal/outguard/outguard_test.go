package outguard

import (
	"strings"
	"testing"
)

func TestOurOwnOutputPasses(t *testing.T) {
	for _, s := range []string{
		"plain text\nand a second line",
		"\x1b[1mbold\x1b[22m \x1b[38;5;141mcolour\x1b[m \x1b[4:3mcurly\x1b[m",
		"\x1b]8;;https://example.com/a?b=c\x1b\\link\x1b]8;;\x1b\\",
		"\x1b]8;id=1;https://example.com\x07link\x1b]8;;\x07",
		"emoji 🙂 CJK 漢字 flag 🇯🇵 England 🏴\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f",
		"zalgo Z\u0301\u0301 and é",
	} {
		if !Check(s) {
			t.Errorf("refused our own output %q", s)
		}
		if got, n := Guard(s); got != s || n != 0 {
			t.Errorf("changed %q to %q", s, got)
		}
	}
}

func TestAnythingElseTripsTheLine(t *testing.T) {
	for name, bad := range map[string]string{
		"osc 52":      "\x1b]52;c;SGVsbG8=\x07",
		"osc 0 title": "\x1b]0;pwned\x07",
		"csi clear":   "\x1b[2J",
		"csi move":    "\x1b[10;10H",
		"dcs":         "\x1bP1$qm\x1b\\",
		"apc":         "\x1b_payload\x1b\\",
		"pm":          "\x1b^payload\x1b\\",
		"sos":         "\x1bXpayload\x1b\\",
		"lone esc":    "a\x1b",
		"bel":         "ding\x07",
		"cr":          "over\rwrite",
		"c1 csi":      "a\u009b31mred",
		"del":         "a\x7fb",
		"bidi":        "in\u202evoice",
		"isolate":     "a\u2066b\u2069",
		"stray tag":   "hidden\U000e0049\U000e0047",
		"osc 8 space": "\x1b]8;;https://a b\x07x\x1b]8;;\x07",
		"osc 8 open":  "\x1b]8;;https://example.com",
		"bad utf-8":   "a\xffb",
	} {
		frame := "header\n\x1b[1mkept\x1b[m\nbefore " + bad + " after\nfooter"
		before := Trips()
		got, n := Guard(frame)
		if n != 1 || Trips() != before+1 {
			t.Errorf("%s: %d lines cleaned, want 1", name, n)
		}
		lines := strings.Split(got, "\n")
		if len(lines) != 4 || lines[0] != "header" || lines[1] != "\x1b[1mkept\x1b[m" || lines[3] != "footer" {
			t.Errorf("%s: lines around the bad one changed: %q", name, got)
		}
		// An OSC left open swallows the rest of its line when stripped.
		keepsAfter := name == "osc 8 open" || strings.Contains(lines[2], "after")
		if !Check(lines[2]) || !strings.Contains(lines[2], "before") || !keepsAfter {
			t.Errorf("%s: cleaned line %q", name, lines[2])
		}
	}
}

// FuzzGuard: whatever goes in, what comes out passes Check, has as many
// lines, and is unchanged when it already passed.
func FuzzGuard(f *testing.F) {
	for _, s := range []string{"", "a\nb", "\x1b[31mx\x1b[m", "\x1b]8;;https://x\x07y\x1b]8;;\x07", "\x1b]52;c;x\x07", "\u202e", "🏴\U000e0067\U000e007f"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, _ := Guard(s)
		if strings.Count(got, "\n") != strings.Count(s, "\n") {
			t.Fatalf("lines changed: %q -> %q", s, got)
		}
		for _, l := range strings.Split(got, "\n") {
			if !Check(l) {
				t.Fatalf("the guard let %q through (from %q)", l, s)
			}
		}
		if Check(s) && got != s {
			t.Fatalf("changed a good frame %q to %q", s, got)
		}
	})
}
