package markdown

import (
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"imagine/theme"
	"imagine/views"
)

// linked is the styles of a terminal that shows hyperlinks.
func linked() *theme.Styles {
	st := theme.New(true, false)
	st.Hyperlinks = true
	return st
}

// TestAddressesAreHyperlinksWhereTheTerminalShowsThem: in rendered
// markdown (and in plain text laid out by the same renderer) each address
// the text shows is an OSC 8 hyperlink to itself where the terminal shows
// hyperlinks, and plain text elsewhere.
func TestAddressesAreHyperlinksWhereTheTerminalShowsThem(t *testing.T) {
	for _, doc := range []string{
		"**Docs**: see [the guide](https://ok.example/guide) or https://plain.example/x.",
		"no markdown here, just https://plain.example/x and https://ok.example/guide",
	} {
		out := strings.Join(New(linked()).Render(doc, 80), "\n")
		for _, u := range []string{"https://ok.example/guide", "https://plain.example/x"} {
			if !strings.Contains(out, ansi.SetHyperlink(u)+u+ansi.ResetHyperlink()) {
				t.Errorf("%q: %s is not a hyperlink to itself:\n%q", doc, u, out)
			}
		}
		if plain := strings.Join(New(theme.New(true, false)).Render(doc, 80), "\n"); strings.Contains(plain, "\x1b]") {
			t.Errorf("%q: a hyperlink without the terminal for it:\n%q", doc, plain)
		}
	}
}

// ourLink is the only OSC the renderer may write: a hyperlink to a
// printable ASCII address, or the end of one.
var ourLink = regexp.MustCompile("^\x1b]8;;([\x21-\x7e]*)\x07")

// TestHostileMarkdownMakesOnlyItsOwnHyperlinks: with hyperlinks on, the
// hostile documents still write no escape but SGR and our own OSC 8, each
// to an address shown right after it, and nothing the text smuggled
// (an OSC 8 of its own, an address with controls in it, one with a user
// and password) becomes one.
func TestHostileMarkdownMakesOnlyItsOwnHyperlinks(t *testing.T) {
	r := New(linked())
	for name, doc := range hostileDocs() {
		for _, w := range []int{20, 80} {
			for _, l := range r.Render(doc, w) {
				for i := strings.Index(l, "\x1b]"); i >= 0; i = strings.Index(l, "\x1b]") {
					m := ourLink.FindStringSubmatch(l[i:])
					if m == nil {
						t.Fatalf("%s at %d: an escape that is not our hyperlink: %q", name, w, l[i:])
					}
					if u := m[1]; u != "" && !strings.HasPrefix(l[i+len(m[0]):], u) {
						t.Errorf("%s at %d: a hyperlink to %q over other text: %q", name, w, u, l[i:])
					}
					if !views.Linkable(m[1]) && m[1] != "" {
						t.Errorf("%s at %d: a hyperlink to %q, which the link rule refuses", name, w, m[1])
					}
					l = l[i+len(m[0]):]
				}
				if stripped := strings.NewReplacer(ansi.ResetHyperlink(), "").Replace(ansi.Strip(l)); strings.ContainsAny(stripped, "\x1b\x07") {
					t.Errorf("%s at %d: a control left in %q", name, w, l)
				}
			}
		}
	}
}
