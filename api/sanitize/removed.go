package sanitize

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Removed records what cleaning took out of the fields people read of one
// decoded item (a post's content, an agent's name and bio, …): the marker
// and the raw view of docs/security.md §4.5 E2. Struct fills it for a struct
// with a field of type *Removed, from the string fields whose clean tag has
// the "keep" option (`clean:"block,keep"`), and only when hidden text or
// controls were removed; otherwise the field stays nil, so a clean item
// costs one nil pointer. A non-nil Removed is never cleared by Struct.
type Removed struct {
	// Flags is the union of what was removed from the kept fields.
	Flags Flags `json:"flags"`
	// Raw is the original text of those fields, escaped for display: one
	// or more lines per field, "name: " then the text with every control,
	// bidi, invisible, tag and combining character (and any invalid byte)
	// written as a Go-style escape (\x1b, \u202e, \U000e0041), tag runs
	// followed by their decoded ASCII, source line breaks as a visible \n at
	// the end of each line. It holds printable text only, never raw bytes,
	// and is at most RawCap bytes (longer originals end in a note).
	Raw string `json:"raw" clean:"block"`
}

// RawCap bounds Removed.Raw in bytes, so a hostile item costs little memory.
const RawCap = 4 << 10

// Shows reports whether f calls for the hidden-text marker: hidden code
// points or control sequences were removed (a cut alone does not).
func (f Flags) Shows() bool { return f.HiddenTextRemoved || f.ControlsRemoved }

// Lines returns Raw split into display lines; nil for a nil Removed.
func (r *Removed) Lines() []string {
	if r == nil || r.Raw == "" {
		return nil
	}
	return strings.Split(r.Raw, "\n")
}

// add records that field name was cleaned from orig with flags f.
func (r *Removed) add(name, orig string, f Flags) {
	r.Flags.HiddenTextRemoved = r.Flags.HiddenTextRemoved || f.HiddenTextRemoved
	r.Flags.ControlsRemoved = r.Flags.ControlsRemoved || f.ControlsRemoved
	r.Flags.Truncated = r.Flags.Truncated || f.Truncated
	var b strings.Builder
	b.WriteString(r.Raw)
	if b.Len() > 0 {
		b.WriteByte('\n')
	}
	b.WriteString(name)
	b.WriteString(": ")
	Escape(&b, orig, RawCap)
	r.Raw = b.String()
}

// Escape writes s to b escaped for display, as described at Removed.Raw,
// stopping with a "… (N more bytes)" note once b holds limit bytes.
func Escape(b *strings.Builder, s string, limit int) {
	for i := 0; i < len(s); {
		if b.Len() >= limit {
			b.WriteString("… (" + strconv.Itoa(len(s)-i) + " more bytes)")
			return
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			b.WriteString(`\x`)
			b.WriteString(hex2(s[i]))
		case r == '\n' && i+1 < len(s):
			b.WriteString("\\n\n")
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == ' ' && (i+1 == len(s) || s[i+1] == '\n'):
			b.WriteString(`\x20`) // a trailing space stays visible
		case r >= 0x20 && r < 0x7f:
			b.WriteByte(byte(r))
		case isTag(r):
			i += escapeTags(b, s[i:], limit)
			continue
		case plain(r):
			b.WriteRune(r)
		default:
			b.WriteString(quoteRune(r))
		}
		i += n
	}
}

// escapeTags writes the run of tag characters at the start of s as escapes
// followed by its decoded ASCII, and returns the bytes consumed; it stops
// early once b holds limit bytes.
func escapeTags(b *strings.Builder, s string, limit int) int {
	var dec strings.Builder
	i := 0
	for i < len(s) && b.Len() < limit {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isTag(r) {
			break
		}
		b.WriteString(quoteRune(r))
		if a := r - 0xe0000; a >= 0x20 && a < 0x7f {
			dec.WriteByte(byte(a))
		}
		i += n
	}
	if dec.Len() > 0 {
		b.WriteString(" [tag text: ")
		b.WriteString(strconv.Quote(dec.String()))
		b.WriteString("]")
	}
	return i
}

// plain reports whether non-ASCII r is shown as itself in the raw view: a
// graphic character that is not a bidi control, invisible, a joiner, a
// combining mark or private-use.
func plain(r rune) bool {
	if r < 0xa0 || isBidi(r) || isInvisible(r) || isMark(r) || r == zwj || r == zwnj {
		return false
	}
	return unicode.IsGraphic(r) && !unicode.Is(unicode.Co, r) && !unicode.IsSpace(r)
}

// quoteRune returns the Go escape of r (\a, \x1b, \u202e, \U000e0041);
// r is never printable ASCII here.
func quoteRune(r rune) string {
	q := strconv.QuoteRuneToASCII(r)
	return q[1 : len(q)-1]
}

// hex2 returns b as two lower-case hex digits.
func hex2(b byte) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[b>>4], digits[b&15]})
}
