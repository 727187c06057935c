package sanitize

import (
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

// fastest runs f n times and returns the shortest run, which is robust
// against a busy machine.
func fastest(n int, f func()) time.Duration {
	best := time.Duration(1<<63 - 1)
	for range n {
		start := time.Now()
		f()
		best = min(best, time.Since(start))
	}
	return best
}

// TestBidiSwitchMatchesUnicode keeps the hand-written A5 switch equal to
// unicode.Bidi_Control.
func TestBidiSwitchMatchesUnicode(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if isBidi(r) != unicode.Is(unicode.Bidi_Control, r) {
			t.Fatalf("isBidi(%U) = %v, unicode.Bidi_Control says %v", r, isBidi(r), !isBidi(r))
		}
	}
}

// TestInvisibleSetRemoved: every A6 code point disappears between two
// letters, in both contexts, and is reported.
func TestInvisibleSetRemoved(t *testing.T) {
	ranges := [][2]rune{
		{0x00ad, 0x00ad}, {0x034f, 0x034f}, {0x115f, 0x1160}, {0x17b4, 0x17b5},
		{0x180e, 0x180e}, {0x200b, 0x200b}, {0x2060, 0x2064}, {0x206a, 0x206f},
		{0x3164, 0x3164}, {0xfeff, 0xfeff}, {0xffa0, 0xffa0}, {0xfff9, 0xfffb},
		{0x1bca0, 0x1bca3}, {0x1d173, 0x1d17a}, {0xe0080, 0xe00ff},
	}
	for _, rg := range ranges {
		for r := rg[0]; r <= rg[1]; r++ {
			in := "a" + string(r) + "b"
			for _, f := range []func(string) (string, Flags){LineFlags, BlockFlags} {
				if out, fl := f(in); out != "ab" || !fl.HiddenTextRemoved {
					t.Errorf("%U: got %q %+v, want \"ab\" with HiddenTextRemoved", r, out, fl)
				}
			}
		}
	}
}

// TestJoiners covers rule A8: joiners survive inside emoji, Indic and
// Persian words, and go everywhere else.
func TestJoiners(t *testing.T) {
	cases := []struct{ in, want string }{
		{"👨\u200d👩\u200d👧", "👨\u200d👩\u200d👧"},
		{"🏳\ufe0f\u200d🌈", "🏳\ufe0f\u200d🌈"}, // the mark rides with the left base
		{"क्\u200dष", "क्\u200dष"},
		{"می\u200cخواهم", "می\u200cخواهم"},
		{"pay\u200dpal", "paypal"},
		{"é\u200da", "éa"},
		{"\u200dé", "é"},
		{"é\u200d", "é"},
		{"é\u200d\u200c\u200dé", "é\u200dé"},
		{"é\u200d é", "é é"},
		{"é\u200d\u0301", "é\u0301"},
		{"é\u200d…", "é…"},
	}
	for _, tc := range cases {
		if got := Line(tc.in); got != tc.want {
			t.Errorf("Line(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if _, f := LineFlags("pay\u200dpal"); !f.HiddenTextRemoved {
		t.Error("a dropped joiner is not reported as hidden text")
	}
}

// TestMarksAcrossDroppedJoiner: dropping a joiner between two runs of marks
// must not leave a run longer than the cap (the order of A8 and A9).
func TestMarksAcrossDroppedJoiner(t *testing.T) {
	in := "e" + strings.Repeat("\u0301", 5) + "\u200d" + strings.Repeat("\u0302", 5)
	out := Line(in)
	if n := utf8.RuneCountInString(out); n != 1+maxMarks {
		t.Errorf("Line(%q) = %q (%d runes), want the base and %d marks", in, out, n, maxMarks)
	}
}

// TestEscapeParserEdges pins parser decisions beyond the §8.1 table.
func TestEscapeParserEdges(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"0x9C inside a character does not end an OSC", "\x1b]0;\u011c title\x07x", "x"},
		{"raw ST ends an OSC", "\x1b]0;t\x9cx", "x"},
		{"character aborts a CSI", "a\x1b[1é", "aé"},
		{"malformed CSI ignored to its final byte", "a\x1b[ 1;2mb", "ab"},
		{"CAN aborts an OSC", "a\x1b]0;t\x18b", "ab"},
		{"SUB aborts a CSI", "a\x1b[1\x1ab", "ab"},
		{"APC with non-ASCII payload", "a\x1b_Gé=1\x1b\\b", "ab"},
		{"unterminated APC", "a\x1b_Gé=1 b", "a"},
		{"ESC inside OSC starts a new sequence", "a\x1b]0;t\x1b[31mb", "ab"},
		{"raw CSI after broken UTF-8 lead", "a\xe2\x9b31mb", "a\ufffdb"},
		{"C0 inside CSI is executed and dropped", "a\x1b[3\x071mb", "ab"},
		{"8-bit SOS", "a\x98x\x9cb", "ab"},
		{"8-bit PM", "a\x9ex\x9cb", "ab"},
		{"8-bit APC", "a\x9fx\x9cb", "ab"},
		{"lone raw ST", "a\x9cb", "a\ufffdb"},
		{"invalid bytes merge across a removed sequence", "a\x85\x1b[m\x85b", "a\ufffdb"},
		{"literal U+FFFD kept", "a\ufffdb", "a\ufffdb"},
		{"DEL inside CSI ignored", "a\x1b[3\x7f1mb", "ab"},
		{"charset designation", "a\x1b)0b", "ab"},
		{"DECSTR", "a\x1b[!pb", "ab"},
	}
	for _, tc := range cases {
		if got := Line(tc.in); got != tc.want {
			t.Errorf("%s: Line(%q) = %q, want %q", tc.name, tc.in, got, tc.want)
		}
	}
}

// TestBlockWhitespace covers A3/A4 in Block.
func TestBlockWhitespace(t *testing.T) {
	cases := []struct{ in, want string }{
		{"a\r\nb\r\n", "a\nb\n"},
		{"a\n\n\n\n\n\nb", "a\n\n\nb"},
		{"\n\n\n\nb", "\n\nb"},
		{"a  \nb\t\n  \n\n\n", "a\nb\n\n\n"},
		{"ab\tc", "ab  c"},
		{"abcd\te", "abcd    e"},
		{"漢\tx", "漢  x"},
		{"e\u0301\tx", "e\u0301   x"},
		{"\tx", "    x"},
		{"  indented\n    code", "  indented\n    code"},
		{"a\u00a0\u3000\nb", "a\nb"},
	}
	for _, tc := range cases {
		if got := Block(tc.in); got != tc.want {
			t.Errorf("Block(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestLineWhitespace covers A3/A4 in Line.
func TestLineWhitespace(t *testing.T) {
	cases := []struct{ in, want string }{
		{"  a   b  ", "a b"},
		{"a\r\n\r\nb", "a b"},
		{"a\t\t b", "a b"},
		{"\u3000a\u00a0", "a"},
		{"a\u2029b", "a b"},
	}
	for _, tc := range cases {
		if got := Line(tc.in); got != tc.want {
			t.Errorf("Line(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestCaps covers A11: raw caps, the Truncated flag, and output that grows
// past the cap (tabs, U+FFFD) staying idempotent.
func TestCaps(t *testing.T) {
	long := strings.Repeat("a", LineCap+10)
	if out, f := LineFlags(long); len(out) != LineCap || !f.Truncated {
		t.Errorf("Line of %d bytes: len %d, Truncated %v", len(long), len(out), f.Truncated)
	}
	// A cut inside a character backs up to its start.
	if out := Line(strings.Repeat("a", LineCap-1) + "é"); out != strings.Repeat("a", LineCap-1) {
		t.Errorf("cut inside a character: got %d bytes ending %q", len(out), out[len(out)-3:])
	}
	// A cut inside an escape sequence leaves an unterminated one: removed.
	if out := Line(strings.Repeat("a", LineCap-3) + "\x1b]52;c;QUFB\x07zzz"); out != strings.Repeat("a", LineCap-3) {
		t.Errorf("cut inside an OSC: got ...%q", out[max(0, len(out)-10):])
	}
	grow := map[string]func(string) (string, Flags){
		strings.Repeat("\x85a", LineCap/2):  LineFlags,
		strings.Repeat("a\t", BlockCap/2):   BlockFlags,
		strings.Repeat("\x85a", BlockCap/2): BlockFlags,
	}
	for in, f := range grow {
		out, fl := f(in)
		if !fl.Truncated {
			t.Errorf("input of %d bytes growing past the cap: Truncated not set", len(in))
		}
		if again, _ := f(out); again != out {
			t.Errorf("input of %d bytes growing past the cap: not idempotent (%d then %d bytes)", len(in), len(out), len(again))
		}
	}
}

// TestIdentity covers A12, A13 and the identity length cap.
func TestIdentity(t *testing.T) {
	long := strings.Repeat("x", 100)
	if got, want := Identity(long), strings.Repeat("x", IdentityRunes-1)+"…"; got != want {
		t.Errorf("Identity(100 × x) = %q, want %q", got, want)
	}
	// A cut right after a joiner (rune 63) must not leave it dangling.
	fam := strings.Repeat("ab", 30) + "c👨\u200d👩"
	if got := Identity(fam + "tail"); strings.ContainsRune(got, zwj) || Identity(got) != got {
		t.Errorf("Identity cut through a ZWJ sequence: %q", got)
	}
	for _, in := range []string{"", "   ", "\u0301\u0301", "\u200d", "\x1b[31m"} {
		if got := Identity(in); got != BlankName {
			t.Errorf("Identity(%q) = %q, want %q", in, got, BlankName)
		}
	}
	for _, in := range []string{"Ada Lovelace", "René", "李小龙", "🤖 bot"} {
		if got := Identity(in); got != in {
			t.Errorf("Identity(%q) = %q, want unchanged", in, got)
		}
	}
	// Private use stays in Block (icons in bodies are harmless).
	if got := Block("\ue000 icon"); got != "\ue000 icon" {
		t.Errorf("Block kept private use as %q", got)
	}
}

// TestHandle covers the handle rule of A11.
func TestHandle(t *testing.T) {
	cases := []struct {
		in   string
		want string
		ok   bool
	}{
		{"@alice", "alice", true},
		{"alice_99", "alice_99", true},
		{"abc", "abc", true},
		{"a" + strings.Repeat("b", 29), "a" + strings.Repeat("b", 29), true},
		{"a" + strings.Repeat("b", 30), "", false},
		{"ab", "", false},
		{"@@alice", "", false},
		{"Alice", "", false},
		{"9lives", "", false},
		{"al ice", "", false},
		{"alice\u200b", "", false},
		{"p\u0430ypal", "", false},
		{"", "", false},
	}
	for _, tc := range cases {
		got, ok := Handle(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("Handle(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

// TestHostileMegabyte: 1 MiB of hostile input of several shapes is cleaned
// well under 50 ms in every context (linear time; nothing is quadratic in
// look-ahead, tab stops or mark runs).
func TestHostileMegabyte(t *testing.T) {
	shapes := map[string]string{
		"escapes":      "\x1b[31m\x1b]52;c;QUFB\x07\x9b2J\x1bPq#0\x1b\\x",
		"unterminated": "\x1b]0;",
		"tabs":         "a\t",
		"marks":        "\u0301",
		"joiners":      "é\u200d\u200c",
		"tags":         "🏴\U000E0067\U000E0062\U000E0073",
		"newlines":     "\n\r \n",
		"invalid":      "\xff\x85\xe2",
		"mixed":        "ab\u202e\u200b\ue000 \u2028",
	}
	for name, unit := range shapes {
		in := strings.Repeat(unit, (1<<20)/len(unit))
		for _, cl := range cleaners {
			if d := fastest(3, func() { cl.fn(in) }); d > 50*timeScale {
				t.Errorf("%s on 1 MiB of %s took %v, want < %v", cl.name, name, d, 50*timeScale)
			}
		}
	}
}
