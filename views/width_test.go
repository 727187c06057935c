package views

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestNormalizeEmojiWidth covers rows H24, H25 and H26b of docs/security.md
// §8.1 (wcwidth mode). Row H26 (mode 2027 on: text unchanged) is the
// caller's side: callers do not call NormalizeEmojiWidth then.
func TestNormalizeEmojiWidth(t *testing.T) {
	cases := []struct{ id, in, want string }{
		{"H24 family", "👨\u200d👩\u200d👧\u200d👦", "👨👩👧👦"},
		{"H25 text-default emoji with VS16", "☺\ufe0f", "☺"},
		{"H25 skin tone", "👍🏽", "👍"},
		{"H25 keycap", "1\ufe0f\u20e3", "1"},
		{"H25 in a sentence", "ok 👍🏽 and ❤\ufe0f!", "ok 👍 and ❤!"},
		{"H26b Devanagari", "क्षत्रिय", "क्षत्रिय"},
		{"H26b Hindi", "हिन्दी", "हिन्दी"},
		{"H26b Thai", "กำลัง", "กำลัง"},
		{"H26b Tamil", "தமிழ்", "தமிழ்"},
		{"H26b conjoining jamo", "\u1100\u1161\u11a8", "\u1100\u1161\u11a8"},
		{"country flag (widths agree)", "🇫🇷", "🇫🇷"},
		{"modifiers after flag letters", "🇫🏽🇷🇫\ufe0f\u094d", "🇫🇷🇫\u094d"},
		{"subdivision flag (widths agree)", "🏴\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F", "🏴\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F"},
		{"CJK and full width", "漢字 ｗｉｄｅ", "漢字 ｗｉｄｅ"},
		{"zalgo", "Z\u0301\u0301\u0301", "Z\u0301\u0301\u0301"},
		{"ASCII", "plain text", "plain text"},
		{"skin tone on a letter", "a🏽b", "ab"},
		{"skin tone after invalid bytes", "\ufffd🏽x", "\ufffdx"},
		{"skin tone after a space", "ok 🏽!", "ok !"},
		{"skin tone alone (widths agree)", "🏽", "🏽"},
		{"Devanagari with a joiner and a stray tone", "क्\u200dष🏽", "क्\u200dष"},
	}
	for _, tc := range cases {
		got := NormalizeEmojiWidth(tc.in)
		if got != tc.want {
			t.Errorf("%s: NormalizeEmojiWidth(%q) = %q, want %q", tc.id, tc.in, got, tc.want)
		}
	}
}

// TestNormalizedWidthsAgree: after normalisation, lipgloss's measure and the
// renderer's agree on emoji rows (H24: both 8).
func TestNormalizedWidthsAgree(t *testing.T) {
	for _, in := range []string{
		"👨\u200d👩\u200d👧\u200d👦", "☺\ufe0f", "👍🏽", "1\ufe0f\u20e3",
		"🏳\ufe0f\u200d🌈 pride", "👩🏾\u200d💻 dev", "#\ufe0f\u20e3", "❤\ufe0f\u200d🔥",
		"a🏽b", "\ufffd🏽x", " 🏽 ",
	} {
		out := NormalizeEmojiWidth(in)
		if g, w := ansi.StringWidth(out), ansi.StringWidthWc(out); g != w {
			t.Errorf("NormalizeEmojiWidth(%q) = %q: grapheme width %d, wcwidth %d", in, out, g, w)
		}
	}
	if w := ansi.StringWidth(NormalizeEmojiWidth("👨\u200d👩\u200d👧\u200d👦")); w != 8 {
		t.Errorf("H24 width = %d, want 8", w)
	}
}

// TestNormalizeEmojiWidthNoAllocations: ASCII and text that needs no change
// come back without allocating.
func TestNormalizeEmojiWidthNoAllocations(t *testing.T) {
	for _, in := range []string{"hello world", strings.Repeat("a line\n", 100)} {
		if n := testing.AllocsPerRun(100, func() { NormalizeEmojiWidth(in) }); n != 0 {
			t.Errorf("NormalizeEmojiWidth(%.20q…): %v allocations, want 0", in, n)
		}
	}
}

// FuzzNormalizeEmojiWidth: only the A10 code points are ever removed, text
// without an emoji cluster is unchanged, and normalising twice changes
// nothing more.
func FuzzNormalizeEmojiWidth(f *testing.F) {
	for _, s := range []string{
		"👨\u200d👩\u200d👧\u200d👦", "☺\ufe0f", "👍🏽", "1\ufe0f\u20e3", "क्षत्रिय", "กำลัง",
		"\u1100\u1161\u11a8", "🇫🇷🇩", "a\u20e3", "❤\ufe0f\u200d🔥 x", "plain",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := NormalizeEmojiWidth(in)
		rest := []rune(out)
		j := 0
		for _, r := range in {
			if j < len(rest) && rest[j] == r {
				j++
				continue
			}
			if !widthModifier(r) {
				t.Fatalf("NormalizeEmojiWidth(%q) = %q removed %U", in, out, r)
			}
		}
		if j != len(rest) {
			t.Fatalf("NormalizeEmojiWidth(%q) = %q added text", in, out)
		}
		if out != in && !strings.ContainsFunc(in, func(r rune) bool {
			emoji, _ := emojiCluster(string(r))
			return emoji
		}) {
			t.Fatalf("NormalizeEmojiWidth(%q) = %q changed text without emoji", in, out)
		}
		if again := NormalizeEmojiWidth(out); again != out {
			t.Fatalf("not idempotent on %q: %q then %q", in, out, again)
		}
	})
}
