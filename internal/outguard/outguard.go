// Package outguard is the last check on every frame before it reaches the
// terminal (security.md §4.3, layer C). The sanitizer (api/sanitize) cleans
// every string from the API at decode and the markdown path allows only
// SGR out of glamour; this checks the assembled frame independently, so a
// bug in either cannot let an escape sequence from content through.
//
// A line may hold printable text, SGR ("ESC [" digits, ';' and ':' then
// 'm') and OSC 8 hyperlinks whose parameters and address are printable
// ASCII, ended by ST or BEL. Anything else (another CSI, another OSC,
// DCS, SOS, PM, APC, a lone ESC, a C0 or C1 control, DEL, a bidi control,
// a tag character outside an emoji tag sequence) trips the guard: that
// line loses all its escape sequences and controls (styling is lost rather
// than guessed at) and the trip is counted.
package outguard

import (
	"strings"
	"sync/atomic"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// trips counts the lines the guard has cleaned since the program started.
var trips atomic.Int64

// Trips is how many lines the guard has cleaned since the program started;
// in tests, anything but 0 is a failure.
func Trips() int64 { return trips.Load() }

// Guard returns frame with every line that holds anything but text, SGR
// and OSC 8 cleaned to plain text, and how many lines it cleaned.
func Guard(frame string) (string, int) {
	if Check(frame) {
		return frame, 0 // the common case: one pass, no allocation
	}
	lines := strings.Split(frame, "\n")
	n := 0
	for i, l := range lines {
		if !Check(l) {
			lines[i] = plain(l)
			n++
		}
	}
	trips.Add(int64(n))
	return strings.Join(lines, "\n"), n
}

// plain is a line without escape sequences, controls, bidi controls or
// stray tag characters.
func plain(l string) string {
	l = ansi.Strip(l)
	var b strings.Builder
	prev := rune(0)
	for _, r := range l {
		if r < 0x20 || r == 0x7f || bad(r, prev) {
			continue
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// Check reports whether s holds nothing but text, newlines, SGR and
// well-formed OSC 8.
func Check(s string) bool {
	prev := rune(0)
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == 0x1b:
			n := sequence(s[i:])
			if n == 0 {
				return false
			}
			i += n
			continue
		case c == '\n':
			i++
			prev = '\n'
			continue
		case c < 0x20 || c == 0x7f:
			return false
		case c < 0x80:
			i++
			prev = rune(c)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 || bad(r, prev) {
			return false
		}
		prev = r
		i += size
	}
	return true
}

// sequence is the length of the allowed escape sequence at the start of
// s (SGR or OSC 8), or 0.
func sequence(s string) int {
	if len(s) < 2 {
		return 0
	}
	switch s[1] {
	case '[':
		j := 2
		for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == ';' || s[j] == ':') {
			j++
		}
		if j < len(s) && s[j] == 'm' {
			return j + 1
		}
	case ']':
		return osc8(s)
	}
	return 0
}

// osc8 is the length of the OSC 8 hyperlink at the start of s: "ESC ] 8 ;"
// parameters (printable ASCII but ';') ";" an address (printable ASCII,
// possibly empty) and ST ("ESC \") or BEL; 0 for anything else.
func osc8(s string) int {
	const head = "\x1b]8;"
	if !strings.HasPrefix(s, head) {
		return 0
	}
	j := len(head)
	for j < len(s) && s[j] > 0x20 && s[j] < 0x7f && s[j] != ';' {
		j++
	}
	if j >= len(s) || s[j] != ';' {
		return 0
	}
	j++
	for j < len(s) && s[j] > 0x20 && s[j] < 0x7f {
		j++
	}
	switch {
	case j < len(s) && s[j] == 0x07:
		return j + 1
	case j+1 < len(s) && s[j] == 0x1b && s[j+1] == '\\':
		return j + 2
	}
	return 0
}

// bad reports whether r may not appear in a frame after prev: a C1
// control, a bidi control, or a tag character that does not continue an
// emoji tag sequence (a black flag then tags, as in the flag of England).
func bad(r, prev rune) bool {
	switch {
	case r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	case isTag(r):
		return prev != 0x1f3f4 && !isTag(prev)
	}
	return false
}

// isTag reports whether r is a Unicode tag character.
func isTag(r rune) bool { return r >= 0xe0000 && r <= 0xe007f }
