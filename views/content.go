package views

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// ContentStyles are the styles Content draws with. Panes pass the theme's
// Text, Hashtag and Mention styles, or variants of them (for instance with
// the selection background) for a highlighted row.
type ContentStyles struct {
	Text    lipgloss.Style
	Hashtag lipgloss.Style
	Mention lipgloss.Style
	// Links draws each URL that fits whole on a line as an OSC 8 hyperlink
	// to itself (theme.Styles.Hyperlinks). A URL cut by the wrap stays
	// text: a link to a part of it would lead somewhere else.
	Links bool
}

// Content lays out already-sanitized text (a post, a comment, a bio) in
// lines of at most width cells: words wrap, a word longer than the width is
// hard-wrapped, emoji widths are normalised first, and #hashtags and
// @mentions get their styles. It never measures with len and never adds a
// byte the input did not have besides the styles' own SGR sequences.
func Content(text string, width int, st ContentStyles) []string {
	if width < 1 {
		width = 1
	}
	text = NormalizeEmojiWidth(text)
	var urls map[string]bool
	if st.Links {
		urls = map[string]bool{}
		for _, l := range FindLinks(text) {
			if l.Kind == LinkURL && Linkable(l.Target) {
				urls[l.Target] = true
			}
		}
	}
	wrapped := ansi.Wrap(text, width, "")
	lines := strings.Split(wrapped, "\n")
	for i, l := range lines {
		if ansi.StringWidth(l) > width {
			// Wrap keeps a single grapheme wider than a narrow column; cut it
			// rather than let it push the frame.
			l = ansi.Truncate(l, width, "")
		}
		if len(urls) > 0 {
			lines[i] = highlightLinked(l, st, urls)
			continue
		}
		lines[i] = Highlight(l, st)
	}
	return lines
}

// highlightLinked is Highlight for a line that may hold URLs of the text:
// each whole one becomes a hyperlink (our own OSC 8, to a URL the
// sanitizer already cleaned of every control character), and the rest is
// highlighted as usual.
func highlightLinked(line string, st ContentStyles, urls map[string]bool) string {
	var b strings.Builder
	at := 0
	for _, loc := range urlPattern.FindAllStringIndex(line, -1) {
		u := strings.TrimRight(line[loc[0]:loc[1]], ".,;:!?)]}")
		if !urls[u] {
			continue
		}
		b.WriteString(Highlight(line[at:loc[0]], st))
		b.WriteString(st.Text.Underline(true).Hyperlink(u).Render(u))
		at = loc[0] + len(u)
	}
	b.WriteString(Highlight(line[at:], st))
	return b.String()
}

// Highlight styles one line of plain text: #hashtags and @mentions get their
// styles (eachTag says what counts as one), the rest the text style.
func Highlight(line string, st ContentStyles) string {
	var b strings.Builder
	b.Grow(len(line) + 32)
	plainStart := 0
	eachTag(line, func(start, end int) {
		if plainStart < start {
			b.WriteString(st.Text.Render(line[plainStart:start]))
		}
		tag := st.Hashtag
		if line[start] == '@' {
			tag = st.Mention
		}
		b.WriteString(tag.Render(line[start:end]))
		plainStart = end
	})
	if plainStart < len(line) {
		b.WriteString(st.Text.Render(line[plainStart:]))
	}
	return b.String()
}

// eachTag calls fn with the byte range of every #hashtag and @mention of
// text, in order. A tag starts at a '#' or '@' that follows a space,
// punctuation or the start of the text (so e-mail addresses stay plain)
// and runs over letters, digits and underscores.
func eachTag(text string, fn func(start, end int)) {
	prev := ' '
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if (r == '#' || r == '@') && !isTagRune(prev) {
			end := i + size
			for end < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[end:])
				if !isTagRune(r2) {
					break
				}
				end += s2
			}
			if end > i+size {
				fn(i, end)
				prev = 'x'
				i = end
				continue
			}
		}
		prev = r
		i += size
	}
}

func isTagRune(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

// Name is the display name to show for an agent: the name itself, or
// "(blank name)" when it has no visible character (security.md A13), so a
// blank name can never make a post look authorless.
func Name(name string) string {
	if strings.TrimFunc(name, func(r rune) bool {
		return unicode.IsSpace(r) || r == '\u2800'
	}) == "" || ansi.StringWidth(name) == 0 {
		return "(blank name)"
	}
	return name
}
