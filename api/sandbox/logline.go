package sandbox

import (
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
)

// maxLoggedField caps one untrusted value in a log line (security.md §4.4
// D6): a longer value is cut and marked with "…".
const maxLoggedField = 200

// EscapeLog renders an untrusted value (a request path, a header, a name)
// so that it is safe to print on one line of a terminal or a log file:
// every control character, escape sequence introducer, C1 control, line or
// paragraph separator, bidi control and other invisible format character
// becomes a Go escape (\x1b, \n, \u202e, …), a backslash becomes "\\", and
// invalid UTF-8 bytes become \xNN. Printable text, including non-ASCII
// letters and spaces, stays as it is. The result never holds a byte below
// 0x20, DEL, or a code point that is not graphic, so it can neither move
// the cursor, talk to the terminal, nor start a forged log line. Values
// longer than 200 bytes are cut (at a rune boundary) and end in "…".
//
// Every log line the sandbox writes passes its untrusted parts through
// this one function.
func EscapeLog(s string) string {
	cut := false
	if len(s) > maxLoggedField {
		s, cut = trimPartialRune(s[:maxLoggedField]), true
	}
	if !cut && isPlainLogText(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\\':
			b.WriteString(`\\`)
		case r == ' ' || (unicode.IsGraphic(r) && !unicode.Is(unicode.Cf, r)):
			b.WriteRune(r)
		default:
			q := strconv.QuoteRuneToASCII(r) // '\x1b', '\n', '\u202e'
			b.WriteString(q[1 : len(q)-1])
		}
		i += size
	}
	if cut {
		b.WriteString("…")
	}
	return b.String()
}

// trimPartialRune drops an incomplete UTF-8 sequence left at the end of s
// by a byte cut.
func trimPartialRune(s string) string {
	for back := 1; back <= utf8.UTFMax && back <= len(s); back++ {
		if j := len(s) - back; utf8.RuneStart(s[j]) {
			if !utf8.FullRuneInString(s[j:]) {
				return s[:j]
			}
			return s
		}
	}
	return s
}

// isPlainLogText reports whether s is printable ASCII without a backslash,
// which EscapeLog returns unchanged without allocating.
func isPlainLogText(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f || c == '\\' {
			return false
		}
	}
	return true
}

// RequestLogger returns an Options.OnRequest hook that writes one line per
// request to w: the local time, the method and the decoded path, each
// escaped by EscapeLog, so a request cannot write to the operator's
// terminal or forge a line. Lines from concurrent requests never
// interleave.
func RequestLogger(w io.Writer) func(*http.Request) {
	var mu sync.Mutex
	return func(r *http.Request) {
		line := time.Now().Format("15:04:05.000") + " " + EscapeLog(r.Method) + " " + EscapeLog(r.URL.Path) + "\n"
		mu.Lock()
		defer mu.Unlock()
		_, _ = io.WriteString(w, line)
	}
}
