package sanitize

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// forbidden reports why r may not appear in cleaned output, or "" when it
// may. Tags are checked separately (they are allowed inside flags).
func forbidden(r rune, m mode) string {
	switch {
	case r == '\n' && m == modeBlock:
		return ""
	case r < 0x20 || (r >= 0x7f && r <= 0x9f):
		return "control"
	case unicode.Is(unicode.Bidi_Control, r):
		return "bidi control"
	case isInvisible(r):
		return "invisible (A6)"
	case m == modeIdentity && unicode.Is(unicode.Co, r):
		return "private use in identity"
	}
	return ""
}

// violation returns a description of the first A14 guarantee that out (the
// cleaned form of in, in mode m) breaks, or "" when it keeps them all.
// Idempotence is checked by the callers.
func violation(in, out string, m mode) string {
	if !utf8.ValidString(out) {
		return "invalid UTF-8"
	}
	runes := []rune(out)
	marks := 0
	for i, r := range runes {
		if why := forbidden(r, m); why != "" {
			return fmt.Sprintf("%s %U at rune %d", why, r, i)
		}
		if isMark(r) {
			if marks++; marks > maxMarks {
				return fmt.Sprintf("more than %d marks in a row at rune %d", maxMarks, i)
			}
		} else {
			marks = 0
		}
		if r == zwj || r == zwnj {
			left := rune(0)
			for j := i - 1; j >= 0; j-- {
				if !isMark(runes[j]) {
					left = runes[j]
					break
				}
			}
			if !isBase(left) || i+1 >= len(runes) || !isBase(runes[i+1]) {
				return fmt.Sprintf("joiner not between two bases at rune %d", i)
			}
		}
	}
	if why := strayTag(runes); why != "" {
		return why
	}
	switch m {
	case modeBlock:
		if len(out) > BlockCap {
			return "longer than BlockCap"
		}
		if strings.HasPrefix(out, "\n\n\n") || strings.Contains(out, "\n\n\n\n") {
			return "more than two blank lines in a row"
		}
		for _, line := range strings.Split(out, "\n") {
			if strings.TrimRightFunc(line, unicode.IsSpace) != line {
				return "trailing white space on a line"
			}
		}
	default:
		if strings.Contains(out, "\n") {
			return "newline in a single-line field"
		}
		if strings.TrimFunc(out, unicode.IsSpace) != out {
			return "leading or trailing white space"
		}
		if strings.Contains(out, "  ") {
			return "two spaces in a row"
		}
		if len(out) > LineCap {
			return "longer than LineCap"
		}
	}
	if m == modeIdentity {
		if n := utf8.RuneCountInString(out); n > IdentityRunes || n == 0 {
			return fmt.Sprintf("identity of %d runes", n)
		}
	} else if len(out) > 4*len(in)+3 {
		return "output more than 4×input+3 bytes"
	}
	return ""
}

// strayTag reports a tag character that is not part of a well-formed emoji
// tag sequence (U+1F3F4, 2–6 tag digits/letters, U+E007F).
func strayTag(runes []rune) string {
	for i := 0; i < len(runes); i++ {
		if !isTag(runes[i]) {
			continue
		}
		if i == 0 || runes[i-1] != blackFlag {
			return fmt.Sprintf("tag %U at rune %d outside a flag", runes[i], i)
		}
		j := i
		for j < len(runes) && isFlagTag(runes[j]) {
			j++
		}
		if n := j - i; n < 2 || n > 6 || j >= len(runes) || runes[j] != cancelTag {
			return fmt.Sprintf("malformed flag tag sequence at rune %d", i)
		}
		i = j
	}
	return ""
}

// cleaners lists the three public cleaners with their mode.
var cleaners = []struct {
	name string
	mode mode
	fn   func(string) string
}{
	{"Line", modeLine, Line},
	{"Block", modeBlock, Block},
	{"Identity", modeIdentity, Identity},
}
