package theme

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
)

// Styles are the semantic styles every view draws with. Build them with New;
// rebuild them (never mutate them in place from a view) when the background
// colour becomes known.
type Styles struct {
	// Dark reports whether these styles were built for a dark background.
	Dark bool
	// NoColor reports whether colour is disabled (NO_COLOR).
	NoColor bool
	// Palette is the name of the palette these styles were built from
	// (PaletteTerminal or PaletteBrand), kept so a rebuild for another
	// background keeps it.
	Palette string
	// Hyperlinks says the terminal shows OSC 8 hyperlinks, so URLs in
	// content are drawn as links (views.Content). New leaves it off; the
	// caller sets it from the terminal, and a rebuild keeps it.
	Hyperlinks bool

	Text   lipgloss.Style // ordinary text
	Muted  lipgloss.Style // secondary text
	Faint  lipgloss.Style // tertiary text, separators
	Bold   lipgloss.Style // emphasis without colour
	Accent lipgloss.Style // brand-coloured emphasis
	Title  lipgloss.Style // pane and section titles

	Author   lipgloss.Style // an author's display name
	Handle   lipgloss.Style // an @handle
	Time     lipgloss.Style // relative timestamps
	Hashtag  lipgloss.Style // #tags inside content
	Mention  lipgloss.Style // @mentions inside content
	Verified lipgloss.Style // the verified mark
	Count    lipgloss.Style // like/comment/repost counts
	Active   lipgloss.Style // a count the viewer contributed to (liked, reposted)
	Media    lipgloss.Style // media type markers

	Cursor lipgloss.Style // the cursor gutter mark
	// Match marks the text a list's `/` filter matched. Only attributes
	// (reverse, underline, bold, italic) count: views.Filter switches them
	// on and off around each match, over the row's own colours.
	Match lipgloss.Style

	Success lipgloss.Style
	Warn    lipgloss.Style
	Error   lipgloss.Style

	Frame        lipgloss.Style // a pane's border when unfocused
	FrameFocused lipgloss.Style // a pane's border when focused

	TabActive   lipgloss.Style // the selected tab
	TabInactive lipgloss.Style // the other tabs
	Badge       lipgloss.Style // unread counts on tabs

	StatusBar   lipgloss.Style // the status line
	StatusKey   lipgloss.Style // emphasised parts of the status line
	StatusInfo  lipgloss.Style
	StatusWarn  lipgloss.Style
	StatusError lipgloss.Style

	Dialog      lipgloss.Style // confirmation dialog box
	DialogTitle lipgloss.Style

	HelpKey  lipgloss.Style // key names in help
	HelpDesc lipgloss.Style // descriptions in help
}

// New builds Styles from the default palette for a dark or light
// background. With noColor set (the NO_COLOR convention) the palette is
// ignored and only bold, underline and reverse remain.
func New(dark, noColor bool) *Styles {
	s, _ := Build(PaletteTerminal, dark, noColor)
	return s
}

// Build is New with the palette named (see Palettes); it fails on a name
// no palette has.
func Build(palette string, dark, noColor bool) (*Styles, error) {
	p, ok := ForName(palette, dark)
	if !ok {
		return nil, fmt.Errorf("palette must be one of %s, not %q", strings.Join(Palettes(), ", "), palette)
	}
	if palette == "" {
		palette = PaletteTerminal
	}
	if noColor {
		p = NoColor()
	}
	s := &Styles{Dark: dark, NoColor: noColor, Palette: palette}
	st := lipgloss.NewStyle
	s.Text = st().Foreground(p.Text)
	s.Muted = st().Foreground(p.Muted)
	s.Faint = st().Foreground(p.Faint)
	s.Bold = st().Bold(true)
	s.Accent = st().Foreground(p.Accent).Bold(true)
	s.Title = st().Foreground(p.Accent).Bold(true)

	s.Author = st().Foreground(p.Text).Bold(true)
	s.Handle = st().Foreground(p.Muted)
	s.Time = st().Foreground(p.Faint)
	s.Hashtag = st().Foreground(p.Link)
	s.Mention = st().Foreground(p.Link).Bold(true)
	s.Verified = st().Foreground(p.VerifiedTag).Bold(true)
	s.Count = st().Foreground(p.Muted)
	s.Active = st().Foreground(p.BadgeBg).Bold(true)
	s.Media = st().Foreground(p.Accent)

	s.Cursor = st().Foreground(p.Accent).Bold(true)
	s.Match = st().Reverse(true)

	s.Success = st().Foreground(p.Success)
	s.Warn = st().Foreground(p.Warn).Bold(true)
	s.Error = st().Foreground(p.Error).Bold(true)

	s.Frame = st().Border(lipgloss.RoundedBorder()).BorderForeground(p.Border)
	s.FrameFocused = st().Border(lipgloss.RoundedBorder()).BorderForeground(p.Accent)

	s.TabActive = st().Foreground(p.Accent).Bold(true).Underline(true).Padding(0, 1)
	s.TabInactive = st().Foreground(p.Muted).Padding(0, 1)
	s.Badge = st().Foreground(p.BadgeText).Background(p.BadgeBg).Bold(true).Padding(0, 1)

	s.StatusBar = st().Foreground(p.StatusText).Background(p.StatusBg)
	s.StatusKey = st().Foreground(p.Accent).Background(p.StatusBg).Bold(true)
	s.StatusInfo = st().Foreground(p.Success).Background(p.StatusBg)
	s.StatusWarn = st().Foreground(p.Warn).Background(p.StatusBg).Bold(true)
	s.StatusError = st().Foreground(p.Error).Background(p.StatusBg).Bold(true)

	s.Dialog = st().Border(lipgloss.RoundedBorder()).BorderForeground(p.Warn).Padding(1, 2)
	s.DialogTitle = st().Foreground(p.Warn).Bold(true)

	// Colour alone marks a key: a bold one would cost an attribute change
	// on every hint of the footer, which is redrawn with every screen.
	s.HelpKey = st().Foreground(p.Accent)
	s.HelpDesc = st().Foreground(p.Muted)

	if noColor {
		s.Badge = st().Reverse(true).Padding(0, 1)
		s.StatusBar = st().Reverse(true)
		s.StatusKey = st().Reverse(true).Bold(true)
		s.StatusInfo = st().Reverse(true)
		s.StatusWarn = st().Reverse(true).Bold(true)
		s.StatusError = st().Reverse(true).Bold(true)
		s.Active = st().Bold(true).Underline(true)
	} else {
		// Where a colour already sets the text apart, bold adds nothing
		// but an attribute switched on and off around it, several times a
		// line in a post's header and counts, paid on every repaint.
		s.Mention = s.Mention.UnsetBold()
		s.Verified = s.Verified.UnsetBold()
		s.Active = s.Active.UnsetBold()
		s.Cursor = s.Cursor.UnsetBold()
	}
	return s, nil
}
