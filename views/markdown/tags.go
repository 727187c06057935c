package markdown

import (
	"unicode"
	"unicode/utf8"
)

// tagStyles are the SGR parameters hashtags and mentions are drawn with,
// and the style of the text they may sit in.
type tagStyles struct {
	body, hashtag, mention string
}

// highlight splits the runs in the body style so #hashtags and @mentions
// get their own styles, as in plain posts (views.Highlight, whose rule this
// follows: a tag starts at a '#' or '@' that does not follow a letter,
// digit or underscore, and runs over those). Only body text is looked at,
// so code, links and headings keep their own look and their '#'s.
func highlight(runs []run, ts tagStyles) []run {
	var out []run
	prev := ' '
	for i, r := range runs {
		if r.style != ts.body || !hasTagStart(r.text) {
			if out != nil {
				out = append(out, r)
			}
			prev = lastRune(r.text, prev)
			continue
		}
		if out == nil {
			out = append(make([]run, 0, len(runs)+4), runs[:i]...)
		}
		out = splitTags(out, r, ts, prev)
		prev = lastRune(r.text, prev)
	}
	if out == nil {
		return runs
	}
	return out
}

// splitTags appends r to out with its tags split off.
func splitTags(out []run, r run, ts tagStyles, prev rune) []run {
	s := r.text
	plain := 0
	for i := 0; i < len(s); {
		c, size := utf8.DecodeRuneInString(s[i:])
		if (c == '#' || c == '@') && !isTagRune(prev) {
			end := i + size
			for end < len(s) {
				c2, s2 := utf8.DecodeRuneInString(s[end:])
				if !isTagRune(c2) {
					break
				}
				end += s2
			}
			if end > i+size {
				if plain < i {
					out = append(out, run{style: r.style, text: s[plain:i]})
				}
				st := ts.hashtag
				if c == '@' {
					st = ts.mention
				}
				out = append(out, run{style: st, text: s[i:end]})
				plain, prev, i = end, 'x', end
				continue
			}
		}
		prev = c
		i += size
	}
	if plain < len(s) {
		out = append(out, run{style: r.style, text: s[plain:]})
	}
	return out
}

// hasTagStart reports whether s holds a '#' or '@' at all.
func hasTagStart(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == '#' || s[i] == '@' {
			return true
		}
	}
	return false
}

// lastRune is the last rune of s, or prev when s is empty.
func lastRune(s string, prev rune) rune {
	if s == "" {
		return prev
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func isTagRune(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)
}
