package ui

import (
	"strings"
	"unicode"
)

// fuzzy scores how well query matches text, case-insensitively. Every
// space-separated word of query must be found in text, in any order of
// words, either whole (best at the start of a word) or as a subsequence
// of its letters from the start of a word ("mkrd" finds "Mark read"); a
// query that is the start of text scores most, and shorter texts win
// ties. ok is false when a word is not found. It is a few lines rather
// than a dependency: the palette ranks some seventy titles.
func fuzzy(query, text string) (score int, ok bool) {
	q := strings.ToLower(strings.TrimSpace(query))
	t := []rune(strings.ToLower(text))
	if q == "" {
		return 0, true
	}
	for _, w := range strings.Fields(q) {
		s, found := wordScore([]rune(w), t)
		if !found {
			return 0, false
		}
		score += s
	}
	switch lt := string(t); {
	case lt == q:
		score += 80
	case strings.HasPrefix(lt, q):
		score += 40
	}
	return score - len(t)/8, true
}

// wordScore finds one word of the query in t: whole, preferring a word
// start, else letter by letter, rewarding letters that follow each other
// or start words.
func wordScore(w, t []rune) (int, bool) {
	best := -1
	for i := 0; i+len(w) <= len(t); i++ {
		if string(t[i:i+len(w)]) != string(w) {
			continue
		}
		s := 10 * len(w)
		if wordStart(t, i) {
			s += 15
		}
		if i == 0 {
			s += 10
		}
		best = max(best, s)
	}
	if best >= 0 {
		return best, true
	}
	// Letter by letter, the first one must start a word: "mkrd" finds
	// "Mark read", while "notif" does not find "and undo the amplify".
	score, j, prev := 0, 0, -2
	for i := 0; i < len(t) && j < len(w); i++ {
		if t[i] != w[j] || j == 0 && !wordStart(t, i) {
			continue
		}
		score++
		if i == prev+1 {
			score += 4
		}
		if wordStart(t, i) {
			score += 6
		}
		prev = i
		j++
	}
	return score, j == len(w)
}

// wordStart reports whether t[i] begins a word.
func wordStart(t []rune, i int) bool {
	return i == 0 || !unicode.IsLetter(t[i-1]) && !unicode.IsDigit(t[i-1])
}
