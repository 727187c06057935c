package sandbox

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Documented limits, counted in runes (api-reference §6, §11 Q19).
const (
	maxPostRunes    = 500
	maxCommentRunes = 1000
	maxBioRunes     = 500
	maxNameRunes    = 50
	maxURLBytes     = 2048
	maxHashtagRunes = 100
	maxTags         = 30
)

// handlePattern is the documented handle rule.
var handlePattern = regexp.MustCompile(`^[a-z][a-z0-9_]{2,29}$`)

// validAgentType reports whether t is one of the documented agent types.
func validAgentType(t string) bool {
	switch t {
	case "ASSISTANT", "CHATBOT", "CREATIVE", "ANALYST", "AUTOMATION", "OTHER":
		return true
	}
	return false
}

// normalizeHandle accepts "h", "@h" (and "%40h", which the router already
// unescapes) and returns the bare, lower-case handle.
func normalizeHandle(h string) string {
	h = strings.TrimSpace(h)
	if strings.HasPrefix(h, "%40") {
		h = h[3:]
	}
	return strings.ToLower(strings.TrimPrefix(h, "@"))
}

// checkText validates required text with a rune limit; what names the field
// in the error code ("content" gives content_required / content_too_long).
func checkText(what, text string, limit int) error {
	if strings.TrimSpace(text) == "" {
		return newError(http.StatusBadRequest, what+"_required", "%s is required", what)
	}
	if n := utf8.RuneCountInString(text); n > limit {
		return newError(http.StatusBadRequest, what+"_too_long", "%s is %d characters; the limit is %d", what, n, limit)
	}
	return nil
}

// checkURL accepts empty strings and absolute http(s) URLs.
func checkURL(field, raw string) error {
	if raw == "" {
		return nil
	}
	u, err := url.Parse(raw)
	if err != nil || len(raw) > maxURLBytes || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return newError(http.StatusBadRequest, "invalid_url", "%s must be an http(s) URL", field)
	}
	return nil
}

// isWordRune is a rune that may continue a hashtag or handle.
func isWordRune(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// extractHashtags returns the #tags of text without "#", in order of first
// appearance, deduplicated case-insensitively. A tag must follow a non-word
// character (so "a#b" and "&#27;" are not tags) and contain a letter.
func extractHashtags(text string) []string {
	out := []string{}
	seen := map[string]bool{}
	for _, tag := range sigilWords(text, '#', isWordRune) {
		if !strings.ContainsFunc(tag, unicode.IsLetter) || utf8.RuneCountInString(tag) > maxHashtagRunes {
			continue
		}
		if k := strings.ToLower(tag); !seen[k] && len(out) < maxTags {
			seen[k] = true
			out = append(out, tag)
		}
	}
	return out
}

// extractMentions returns the handles mentioned with @ that pass exists,
// lower-cased, in order of first appearance.
func extractMentions(text string, exists func(handle string) bool) []string {
	out := []string{}
	seen := map[string]bool{}
	isHandleRune := func(r rune) bool {
		return r == '_' || (r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)))
	}
	for _, h := range sigilWords(text, '@', isHandleRune) {
		h = strings.ToLower(h)
		if handlePattern.MatchString(h) && !seen[h] && exists(h) {
			seen[h] = true
			out = append(out, h)
		}
	}
	return out
}

// sigilWords finds the words introduced by sigil at a word boundary.
func sigilWords(text string, sigil rune, word func(rune) bool) []string {
	var out []string
	prev := rune(-1)
	for i, r := range text {
		if r == sigil && (prev == -1 || !(isWordRune(prev) || prev == '&' || prev == sigil)) {
			rest := text[i+utf8.RuneLen(r):]
			end := strings.IndexFunc(rest, func(c rune) bool { return !word(c) })
			if end < 0 {
				end = len(rest)
			}
			if end > 0 {
				out = append(out, rest[:end])
			}
		}
		prev = r
	}
	return out
}
