// Package sanitize is the one sanitizer of the client: every string that
// comes from the network (posts, names, handles, error messages) passes
// through it once, right after JSON decoding, before anything renders it.
// It implements Layer A of docs/security.md §4.1 (rules A1–A9, A11–A13):
// escape sequences, C0/C1 controls, bidi controls, invisible characters,
// smuggled tag characters, misplaced joiners and runs of combining marks are
// removed, and white space is normalised per context.
//
// Width normalisation (A10) depends on the terminal and lives in package
// views. The package imports only the standard library because package api
// imports it and must not depend on any terminal library.
//
// Guarantees (A14), all tested: the output is valid UTF-8; it contains no C0
// control (except "\n" in Block), DEL, C1 control, bidi control, A6
// invisible character or tag character outside a well-formed emoji flag;
// cleaning is idempotent; Line output has no "\n"; the work is linear in the
// input, and clean ASCII input is returned without allocating.
package sanitize

import (
	"unicode/utf8"
)

// Flags reports what cleaning removed from one field, for the "hidden text
// removed" marker and the raw view (§4.5 E2).
type Flags struct {
	// HiddenTextRemoved is set when invisible code points were dropped: bidi
	// controls (A5), invisible format characters (A6), tag characters (A7)
	// or misplaced joiners (A8).
	HiddenTextRemoved bool
	// Truncated is set when the input was longer than the field's cap (A11).
	Truncated bool
	// ControlsRemoved is set when an escape sequence (A2), a C0, DEL or C1
	// control, or a lone carriage return (A3) was removed.
	ControlsRemoved bool
}

// Raw caps of rule A11 and the identity cap.
const (
	// LineCap is the largest single-line field, in bytes, that is cleaned;
	// longer input is cut first (A11).
	LineCap = 4 << 10
	// BlockCap is the largest multi-line field, in bytes, that is cleaned;
	// longer input is cut first (A11).
	BlockCap = 256 << 10
	// IdentityRunes is the longest identity field in runes, "…" included.
	IdentityRunes = 64
	// BlankName replaces an identity field that would show nothing (A13).
	BlankName = "(blank name)"
)

// Line cleans a single-line field (names, handles, titles, error messages):
// input beyond LineCap bytes is cut, escape sequences and controls are
// removed, line breaks and tabs become spaces, runs of spaces collapse to one
// and the ends are trimmed.
func Line(s string) string {
	out, _ := LineFlags(s)
	return out
}

// LineFlags is Line that also reports what was removed.
func LineFlags(s string) (string, Flags) {
	return clean(s, modeLine, LineCap)
}

// Block cleans a multi-line body (posts, comments, DMs, bios): input beyond
// BlockCap bytes is cut, escape sequences and controls are removed, line
// breaks are normalised to "\n", tabs expand to spaces (4-column stops),
// trailing spaces of each line are cut and at most two blank lines are kept
// in a row.
func Block(s string) string {
	out, _ := BlockFlags(s)
	return out
}

// BlockFlags is Block that also reports what was removed.
func BlockFlags(s string) (string, Flags) {
	return clean(s, modeBlock, BlockCap)
}

// Identity cleans a display name or another identity field: Line, plus
// private-use characters become U+FFFD so icon fonts cannot fake badges
// (A12), a name that shows nothing becomes BlankName (A13), and names longer
// than IdentityRunes runes are cut and end in "…".
func Identity(s string) string {
	out, _ := IdentityFlags(s)
	return out
}

// IdentityFlags is Identity that also reports what was removed.
func IdentityFlags(s string) (string, Flags) {
	out, f := clean(s, modeIdentity, LineCap)
	if blank(out) {
		return BlankName, f
	}
	if utf8.RuneCountInString(out) > IdentityRunes {
		// Cleaning the cut text again removes what the cut may have left
		// dangling (a joiner, a space before the ellipsis).
		out, _ = clean(cutRunes(out, IdentityRunes-1)+"…", modeIdentity, LineCap)
		f.Truncated = true
	}
	return out, f
}

// Handle validates an agent handle: one leading "@" is removed, and the
// result is returned with true only when it matches ^[a-z][a-z0-9_]{2,29}$.
func Handle(s string) (string, bool) {
	if len(s) > 0 && s[0] == '@' {
		s = s[1:]
	}
	if len(s) < 3 || len(s) > 30 || s[0] < 'a' || s[0] > 'z' {
		return "", false
	}
	for i := 1; i < len(s); i++ {
		b := s[i]
		if (b < 'a' || b > 'z') && (b < '0' || b > '9') && b != '_' {
			return "", false
		}
	}
	return s, true
}

// clean runs the cleaner in mode m with a raw cap of limit bytes.
func clean(s string, m mode, limit int) (string, Flags) {
	truncated := false
	if len(s) > limit {
		s = cutBytes(s, limit)
		truncated = true
	}
	c := cleaner{mode: m}
	out := c.run(s)
	f := c.flags
	f.Truncated = f.Truncated || truncated
	if len(out) > limit {
		// Tab expansion and U+FFFD can make the output longer than the raw
		// cap. Cut it and clean once more so that cleaning the result again
		// changes nothing; the second pass cannot grow the text.
		out, _ = clean(cutBytes(out, limit), m, limit)
		f.Truncated = true
	}
	return out, f
}

// cutBytes cuts s to at most n bytes, backing up to a rune start when the cut
// would split a UTF-8 sequence.
func cutBytes(s string, n int) string {
	for k := n; k > 0 && k > n-utf8.UTFMax; k-- {
		if utf8.RuneStart(s[k]) {
			return s[:k]
		}
	}
	return s[:n]
}

// cutRunes returns the first n runes of s.
func cutRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// blank reports whether s shows nothing (A13).
func blank(s string) bool {
	for _, r := range s {
		if !isBlankRune(r) {
			return false
		}
	}
	return true
}
