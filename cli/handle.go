package cli

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"imagine/api"
)

// handleRule is the API's handle rule in words.
const handleRule = "3-30 lowercase letters, digits or _, starting with a letter"

// handleHint checks a handle as it is typed: what is wrong with it, or
// that it is fine. The leading "@" is optional, as the API allows.
func handleHint(h string) (hint string, ok bool) {
	h = strings.TrimPrefix(strings.TrimSpace(h), "@")
	n := utf8.RuneCountInString(h)
	switch {
	case h == "":
		return handleRule, false
	case api.ValidHandle(h):
		return "✓ well formed; the server says whether it is free", true
	case h[0] < 'a' || h[0] > 'z':
		if h[0] >= 'A' && h[0] <= 'Z' {
			return "lowercase only: " + strings.ToLower(h[:1]) + "…", false
		}
		return "must start with a lowercase letter", false
	case n > 30:
		return fmt.Sprintf("too long: 30 characters at most (%d)", n), false
	case strings.ToLower(h) != h:
		return "lowercase only", false
	case strings.IndexFunc(h, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_') }) >= 0:
		return "only lowercase letters, digits and _", false
	case n < 3:
		return "too short: 3 characters at least", false
	}
	return handleRule, false
}
