package sanitize

import "unicode"

// Byte values the escape-sequence scanner (rule A2) acts on.
const (
	bel = 0x07
	can = 0x18
	sub = 0x1a
	esc = 0x1b
	del = 0x7f
)

// Limits of rules A4, A9 and the Block tab stops.
const (
	maxMarks  = 8 // A9: combining marks kept after one base
	maxBlank  = 2 // A4: blank lines kept in a row (Block)
	tabStop   = 4 // A3: tabs expand to the next multiple of this column (Block)
	zwj       = 0x200d
	zwnj      = 0x200c
	blackFlag = 0x1f3f4 // U+1F3F4 WAVING BLACK FLAG, base of subdivision flags
	cancelTag = 0xe007f
)

// isBidi reports whether r is a Unicode Bidi_Control code point (rule A5). A
// switch is used instead of unicode.Is because it runs for every non-ASCII
// rune; a test keeps it equal to unicode.Bidi_Control.
func isBidi(r rune) bool {
	switch {
	case r == 0x061c, r == 0x200e, r == 0x200f:
		return true
	case r >= 0x202a && r <= 0x202e:
		return true
	case r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// isInvisible reports whether r belongs to the invisible set of rule A6:
// default-ignorable code points other than the joiners (A8), the variation
// selectors (A9) and the tag block (A7), plus the Hangul fillers used to make
// names look blank.
func isInvisible(r rune) bool {
	switch {
	case r == 0x00ad, r == 0x034f, r == 0x115f, r == 0x1160,
		r == 0x17b4, r == 0x17b5, r == 0x180e, r == 0x200b,
		r == 0x3164, r == 0xfeff, r == 0xffa0:
		return true
	case r >= 0x2060 && r <= 0x2064:
		return true
	case r >= 0x206a && r <= 0x206f:
		return true
	case r >= 0xfff9 && r <= 0xfffb:
		return true
	case r >= 0x1bca0 && r <= 0x1bca3:
		return true
	case r >= 0x1d173 && r <= 0x1d17a:
		return true
	case r >= 0xe0080 && r <= 0xe00ff:
		return true
	}
	return false
}

// isTag reports whether r is in the Unicode tag block U+E0000–U+E007F (A7).
func isTag(r rune) bool { return r >= 0xe0000 && r <= 0xe007f }

// isFlagTag reports whether r may appear inside a well-formed emoji tag
// sequence: a tag digit or a tag lowercase letter.
func isFlagTag(r rune) bool {
	return (r >= 0xe0030 && r <= 0xe0039) || (r >= 0xe0061 && r <= 0xe007a)
}

// isMark reports whether r is a combining mark (Mn, Mc, Me), which includes
// the variation selectors. No mark lies below U+0300, so ASCII and Latin-1
// skip the table lookup.
func isMark(r rune) bool { return r >= 0x300 && unicode.IsMark(r) }

// isBase reports whether r may sit on either side of a kept joiner (A8): a
// non-ASCII character that is not a space, punctuation, mark, joiner or tag.
func isBase(r rune) bool {
	return r >= 0x80 && r != zwj && r != zwnj && !isTag(r) &&
		!unicode.IsSpace(r) && !unicode.IsPunct(r) && !unicode.IsMark(r)
}

// isSpace reports whether r is white space for trimming and collapsing (A3,
// A4). Only ASCII space can reach this point among the ASCII white space: the
// other ASCII white space has been mapped or dropped earlier.
func isSpace(r rune) bool { return r == ' ' || (r >= 0x80 && unicode.IsSpace(r)) }

// runeCols approximates the terminal columns of r for Block tab stops. The
// package may not import a width table, so this counts marks, joiners and
// tags as 0, the main East Asian wide blocks and emoji blocks as 2 and
// everything else as 1. Only tab expansion depends on it.
func runeCols(r rune) int {
	switch {
	case r < 0x300:
		return 1
	case r == zwj || r == zwnj || isTag(r) || unicode.IsMark(r):
		return 0
	case r >= 0x1100 && r <= 0x115f, r >= 0x2e80 && r <= 0x303e,
		r >= 0x3041 && r <= 0x33ff, r >= 0x3400 && r <= 0x4dbf,
		r >= 0x4e00 && r <= 0x9fff, r >= 0xa000 && r <= 0xa4cf,
		r >= 0xac00 && r <= 0xd7a3, r >= 0xf900 && r <= 0xfaff,
		r >= 0xfe30 && r <= 0xfe4f, r >= 0xff00 && r <= 0xff60,
		r >= 0xffe0 && r <= 0xffe6, r >= 0x1f300 && r <= 0x1f64f,
		r >= 0x1f900 && r <= 0x1f9ff, r >= 0x20000 && r <= 0x3fffd:
		return 2
	}
	return 1
}

// isBlankRune reports whether r shows nothing on its own: white space, the
// Braille blank U+2800, a combining mark or a format character (rule A13).
func isBlankRune(r rune) bool {
	return r == 0x2800 || isSpace(r) || unicode.IsMark(r) || unicode.Is(unicode.Cf, r)
}
