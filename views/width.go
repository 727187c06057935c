package views

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/clipperhouse/uax29/v2/graphemes"
)

// NormalizeEmojiWidth applies rule A10 of docs/security.md (width
// normalisation) to already sanitized text: for every emoji grapheme cluster
// (one holding an Extended_Pictographic code point, a regional indicator or
// the keycap mark U+20E3) whose grapheme width (ansi.StringWidth, what
// lipgloss measures) differs from its wcwidth (ansi.StringWidthWc, what the
// Bubble Tea renderer uses without mode 2027), it drops the joiners U+200D,
// the variation selectors U+FE0E/U+FE0F, the skin-tone modifiers
// U+1F3FB–U+1F3FF and U+20E3 inside the cluster (a cluster holding a
// regional indicator loses them whatever its widths; see emojiCluster). A
// family emoji becomes its members, "❤\ufe0f" becomes "❤", "👍🏽" becomes
// "👍": the meaning survives and both width methods then agree, so hostile
// emoji cannot shift borders.
// Clusters of other scripts are never altered, even when the two widths
// disagree (Devanagari, Thai, conjoining jamo).
//
// Call it only while the terminal has not confirmed grapheme-cluster mode
// (mode 2027). When mode 2027 is on, lipgloss, Bubble Tea and the terminal
// all count graphemes, and callers must skip it (row H26 of §8.1).
//
// ASCII input, and any input that needs no change, is returned as is
// without allocating.
func NormalizeEmojiWidth(s string) string {
	// All bytes before the first non-ASCII byte are single clusters, except
	// that the last of them may start one ("1\ufe0f\u20e3"), so iteration
	// starts one byte earlier.
	start := 0
	for start < len(s) && s[start] < utf8.RuneSelf {
		start++
	}
	if start == len(s) {
		return s
	}
	start = max(0, start-1)
	var out []byte
	iter := graphemes.FromString(s[start:])
	for iter.Next() {
		g := iter.Value()
		if !needsNormalizing(g) {
			if out != nil {
				out = append(out, g...)
			}
			continue
		}
		if out == nil {
			out = make([]byte, 0, len(s))
			out = append(out, s[:start+iter.Start()]...)
		}
		drop := widthModifier
		if emoji, _ := emojiCluster(g); !emoji {
			drop = skinTone
		}
		for _, r := range g {
			if !drop(r) {
				out = utf8.AppendRune(out, r)
			}
		}
	}
	if out == nil {
		return s
	}
	return string(out)
}

// needsNormalizing reports whether A10 removes anything from cluster g.
// A cluster of another script is left alone, but for a skin-tone modifier
// that has no emoji to modify ("a🏽", or U+FFFD left by invalid bytes):
// lipgloss counts it as part of the letter, wcwidth as two more cells, and
// it means nothing there, so it goes when the two disagree.
func needsNormalizing(g string) bool {
	emoji, flag := emojiCluster(g)
	switch {
	case !emoji:
		return strings.ContainsFunc(g, skinTone) && ansi.StringWidth(g) != ansi.StringWidthWc(g)
	case flag:
		return strings.ContainsFunc(g, widthModifier)
	}
	return ansi.StringWidth(g) != ansi.StringWidthWc(g)
}

// emojiCluster reports whether grapheme cluster g is an emoji cluster, and
// whether it holds a regional indicator. A regional indicator followed by
// one of the A10 code points is never a valid emoji, and removing them only
// when the widths disagree would re-pair the flag letters after it (so a
// second call would change more); such clusters lose them always, which
// keeps NormalizeEmojiWidth idempotent. Valid flags hold none.
func emojiCluster(g string) (emoji, flag bool) {
	for _, r := range g {
		switch {
		case r >= 0x1f1e6 && r <= 0x1f1ff:
			return true, true
		case r == 0x20e3 || unicode.Is(extendedPictographic, r):
			emoji = true
		}
	}
	return emoji, false
}

// widthModifier reports whether r is one of the code points A10 drops from
// an emoji cluster whose widths disagree.
func widthModifier(r rune) bool {
	return r == 0x200d || r == 0xfe0e || r == 0xfe0f || r == 0x20e3 ||
		skinTone(r)
}

// skinTone reports whether r is an emoji modifier (Fitzpatrick U+1F3FB–U+1F3FF).
func skinTone(r rune) bool { return r >= 0x1f3fb && r <= 0x1f3ff }

// extendedPictographic is the Unicode 15.0 Extended_Pictographic property
// (emoji-data.txt), which the standard library does not provide. It is a
// read-only table like those of package unicode.
var extendedPictographic = &unicode.RangeTable{
	R16: []unicode.Range16{
		{0x00A9, 0x00A9, 1}, {0x00AE, 0x00AE, 1}, {0x203C, 0x203C, 1}, {0x2049, 0x2049, 1},
		{0x2122, 0x2122, 1}, {0x2139, 0x2139, 1}, {0x2194, 0x2199, 1}, {0x21A9, 0x21AA, 1},
		{0x231A, 0x231B, 1}, {0x2328, 0x2328, 1}, {0x2388, 0x2388, 1}, {0x23CF, 0x23CF, 1},
		{0x23E9, 0x23F3, 1}, {0x23F8, 0x23FA, 1}, {0x24C2, 0x24C2, 1}, {0x25AA, 0x25AB, 1},
		{0x25B6, 0x25B6, 1}, {0x25C0, 0x25C0, 1}, {0x25FB, 0x25FE, 1}, {0x2600, 0x2605, 1},
		{0x2607, 0x2612, 1}, {0x2614, 0x2685, 1}, {0x2690, 0x2705, 1}, {0x2708, 0x2712, 1},
		{0x2714, 0x2714, 1}, {0x2716, 0x2716, 1}, {0x271D, 0x271D, 1}, {0x2721, 0x2721, 1},
		{0x2728, 0x2728, 1}, {0x2733, 0x2734, 1}, {0x2744, 0x2744, 1}, {0x2747, 0x2747, 1},
		{0x274C, 0x274C, 1}, {0x274E, 0x274E, 1}, {0x2753, 0x2755, 1}, {0x2757, 0x2757, 1},
		{0x2763, 0x2767, 1}, {0x2795, 0x2797, 1}, {0x27A1, 0x27A1, 1}, {0x27B0, 0x27B0, 1},
		{0x27BF, 0x27BF, 1}, {0x2934, 0x2935, 1}, {0x2B05, 0x2B07, 1}, {0x2B1B, 0x2B1C, 1},
		{0x2B50, 0x2B50, 1}, {0x2B55, 0x2B55, 1}, {0x3030, 0x3030, 1}, {0x303D, 0x303D, 1},
		{0x3297, 0x3297, 1}, {0x3299, 0x3299, 1},
	},
	R32: []unicode.Range32{
		{0x1F000, 0x1F0FF, 1}, {0x1F10D, 0x1F10F, 1}, {0x1F12F, 0x1F12F, 1}, {0x1F16C, 0x1F171, 1},
		{0x1F17E, 0x1F17F, 1}, {0x1F18E, 0x1F18E, 1}, {0x1F191, 0x1F19A, 1}, {0x1F1AD, 0x1F1E5, 1},
		{0x1F201, 0x1F20F, 1}, {0x1F21A, 0x1F21A, 1}, {0x1F22F, 0x1F22F, 1}, {0x1F232, 0x1F23A, 1},
		{0x1F23C, 0x1F23F, 1}, {0x1F249, 0x1F3FA, 1}, {0x1F400, 0x1F53D, 1}, {0x1F546, 0x1F64F, 1},
		{0x1F680, 0x1F6FF, 1}, {0x1F774, 0x1F77F, 1}, {0x1F7D5, 0x1F7FF, 1}, {0x1F80C, 0x1F80F, 1},
		{0x1F848, 0x1F84F, 1}, {0x1F85A, 0x1F85F, 1}, {0x1F888, 0x1F88F, 1}, {0x1F8AE, 0x1F8FF, 1},
		{0x1F90C, 0x1F93A, 1}, {0x1F93C, 0x1F945, 1}, {0x1F947, 0x1FAFF, 1}, {0x1FC00, 0x1FFFD, 1},
	},
	LatinOffset: 2,
}
