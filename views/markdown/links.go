package markdown

import (
	"regexp"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"imagine/views"
)

// Links in rendered markdown: glamour writes a link as its text then its
// address, and its own OSC 8 is dropped with every other escape
// (splitRuns). Where the terminal shows hyperlinks (theme.Styles.
// Hyperlinks), each address that stands whole on a line is made an OSC 8
// hyperlink to itself here, after the guard (onlySGR) has passed the
// line: the sequence is ours, and the address in it is one the text
// itself shows and the link rule allows (views.Linkable: printable
// ASCII), so it can neither end the sequence early nor lead anywhere the
// screen does not say.

// styledURL finds an address in a styled line; an escape ends it.
var styledURL = regexp.MustCompile("https?://[^\\s<>\"'\x1b]+")

// textURLs is the set of addresses the text holds, as views.FindLinks
// reads them; nil when it holds none.
func textURLs(text string) map[string]bool {
	var urls map[string]bool
	for _, l := range views.FindLinks(text) {
		if l.Kind == views.LinkURL && views.Linkable(l.Target) {
			if urls == nil {
				urls = map[string]bool{}
			}
			urls[l.Target] = true
		}
	}
	return urls
}

// linkURLs wraps each whole address of line that urls holds in an OSC 8
// hyperlink to itself.
func linkURLs(line string, urls map[string]bool) string {
	locs := styledURL.FindAllStringIndex(line, -1)
	if len(locs) == 0 {
		return line
	}
	var b strings.Builder
	at := 0
	for _, loc := range locs {
		u := strings.TrimRight(line[loc[0]:loc[1]], ".,;:!?)]}")
		if !urls[u] {
			continue
		}
		b.WriteString(line[at:loc[0]])
		b.WriteString(ansi.SetHyperlink(u))
		b.WriteString(u)
		b.WriteString(ansi.ResetHyperlink())
		at = loc[0] + len(u)
	}
	if at == 0 {
		return line
	}
	b.WriteString(line[at:])
	return b.String()
}
