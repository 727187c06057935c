package composer

import (
	"cmp"
	"slices"
	"strings"
	"sync"

	"github.com/kyokomi/emoji/v2"
)

// Emoji shortcodes (anchors.md §3.1.6: mention and emoji completion).
// After ":" and the start of a shortcode (":fi"), the completion line
// offers the emoji whose codes start so ("🔥 fire · 🐟 fish…"), and tab
// writes the emoji itself in place of the ":fi" typed: the post says 🔥
// on every client, not ":fire:". The codes are GitHub's and Slack's, as
// github.com/kyokomi/emoji keeps them.

// emojiMinQuery is how much of a code is typed before emoji are offered:
// one letter after a colon is too common in plain text to mean one.
const emojiMinQuery = 2

// emojiCode is one shortcode, without its colons, and its emoji.
type emojiCode struct{ name, emoji string }

// emojiCodes are every shortcode, in name order, made the first time a
// code is typed.
var emojiCodes = sync.OnceValue(func() []emojiCode {
	codes := make([]emojiCode, 0, len(emoji.CodeMap()))
	for code, e := range emoji.CodeMap() {
		name := strings.Trim(code, ":")
		if name == "" || strings.IndexFunc(name, func(r rune) bool { return !handleRune(r) }) >= 0 {
			continue // ":+1:" and ":-1:" have word names too (thumbsup)
		}
		codes = append(codes, emojiCode{name: name, emoji: e})
	}
	slices.SortFunc(codes, func(a, b emojiCode) int { return strings.Compare(a.name, b.name) })
	return codes
})

// emojiItems are the shortcodes offered for query (lower case), the
// shortest first, flags and keycaps after the rest (":fi" means 🔥 more
// often than 🇫🇯), each emoji once (under its shortest code).
func emojiItems(query string) []string {
	if len(query) < emojiMinQuery {
		return nil
	}
	codes := emojiCodes()
	i, _ := slices.BinarySearchFunc(codes, query, func(c emojiCode, q string) int { return strings.Compare(c.name, q) })
	var match []emojiCode
	for ; i < len(codes) && strings.HasPrefix(codes[i].name, query); i++ {
		match = append(match, codes[i])
	}
	slices.SortStableFunc(match, func(a, b emojiCode) int {
		return cmp.Or(cmp.Compare(rare(a.emoji), rare(b.emoji)), cmp.Compare(len(a.name), len(b.name)))
	})
	seen := map[string]bool{}
	var out []string
	for _, c := range match {
		if !seen[c.emoji] {
			seen[c.emoji] = true
			out = append(out, c.name)
		}
	}
	return out
}

// rare is 1 for a flag (regional indicators) or a keycap (a digit and
// U+20E3), which shortcodes name by words common in text, else 0.
func rare(e string) int {
	for _, r := range e {
		if r >= 0x1F1E6 && r <= 0x1F1FF || r == 0x20E3 {
			return 1
		}
	}
	return 0
}

// emojiOf is the emoji of the shortcode name (without colons).
func emojiOf(name string) string { return emoji.CodeMap()[":"+name+":"] }
