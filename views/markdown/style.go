package markdown

import (
	"fmt"
	"image/color"

	"charm.land/glamour/v2/ansi"
	"charm.land/lipgloss/v2"

	"imagine/theme"
)

// styleConfig is glamour's style built from the theme's colours, so
// markdown matches the rest of the screen in dark, light and NO_COLOR, and
// glamour never guesses the background. It is lean on purpose, since every
// byte is paid for over SSH: no margins, no backgrounds on whole lines
// (their padding could not be trimmed), no syntax highlighting (chroma
// keeps its styles in a process-wide registry, first session wins, and its
// regexp lexers are not something to run on hostile input).
func styleConfig(st *theme.Styles) ansi.StyleConfig {
	text := hex(st.Text.GetForeground())
	muted := hex(st.Muted.GetForeground())
	faint := hex(st.Faint.GetForeground())
	accent := hex(st.Accent.GetForeground())
	link := hex(st.Hashtag.GetForeground())
	code := hex(st.Success.GetForeground())
	yes := true
	zero, one, two := uint(0), uint(1), uint(2)
	bar := "│ "

	c := ansi.StyleConfig{
		Document: ansi.StyleBlock{StylePrimitive: ansi.StylePrimitive{Color: text}, Margin: &zero},
		BlockQuote: ansi.StyleBlock{
			StylePrimitive: ansi.StylePrimitive{Color: muted},
			Indent:         &one,
			IndentToken:    &bar,
		},
		List:          ansi.StyleList{LevelIndent: 2},
		Heading:       ansi.StyleBlock{StylePrimitive: ansi.StylePrimitive{Color: accent, Bold: &yes}},
		Strikethrough: ansi.StylePrimitive{CrossedOut: &yes},
		Emph:          ansi.StylePrimitive{Italic: &yes},
		Strong:        ansi.StylePrimitive{Bold: &yes},
		HorizontalRule: ansi.StylePrimitive{
			Color:  faint,
			Format: "\n────────\n",
		},
		Item:        ansi.StylePrimitive{BlockPrefix: "• "},
		Enumeration: ansi.StylePrimitive{BlockPrefix: ". "},
		Task:        ansi.StyleTask{Ticked: "[✓] ", Unticked: "[ ] "},
		// A link is its text then its address, both in the link colour;
		// the address is underlined so it reads as one even without it.
		LinkText:  ansi.StylePrimitive{Color: link},
		Link:      ansi.StylePrimitive{Color: link, Underline: &yes},
		ImageText: ansi.StylePrimitive{Color: muted, Format: "image: {{.text}} →"},
		Image:     ansi.StylePrimitive{Color: link, Underline: &yes},
		Code:      ansi.StyleBlock{StylePrimitive: ansi.StylePrimitive{Color: code}},
		CodeBlock: ansi.StyleCodeBlock{
			StyleBlock: ansi.StyleBlock{StylePrimitive: ansi.StylePrimitive{Color: code}, Margin: &zero},
		},
		DefinitionDescription: ansi.StylePrimitive{BlockPrefix: "\n  "},
	}
	if st.NoColor {
		// Without colour, code spans keep their backticks and code blocks
		// are indented, so both still read apart from the text. (With
		// colour the colour does it: glamour indents only the first line
		// of a code line it wraps, which looks broken.)
		c.Code.Prefix, c.Code.Suffix = "`", "`"
		c.CodeBlock.Indent = &two
	}
	return c
}

// hex is a colour as glamour's style wants it ("#rrggbb"), or nil for no
// colour (NO_COLOR), which leaves the terminal's own.
func hex(c color.Color) *string {
	if c == nil {
		return nil
	}
	if _, ok := c.(lipgloss.NoColor); ok {
		return nil
	}
	r, g, b, _ := c.RGBA()
	s := fmt.Sprintf("#%02x%02x%02x", r>>8, g>>8, b>>8)
	return &s
}
