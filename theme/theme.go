// Package theme owns every colour and glyph decision of the client. Views
// never name a colour: they use the semantic Styles built here from a
// Palette, so a light terminal, a dark one and NO_COLOR all come from one
// place.
package theme

import (
	"image/color"

	"charm.land/lipgloss/v2"
)

// Palette is a set of semantic colours. Fields are named for their meaning,
// not their hue.
type Palette struct {
	Text        color.Color // ordinary text
	Muted       color.Color // secondary text: handles, times, counts
	Faint       color.Color // tertiary text: separators, hints
	Accent      color.Color // the brand colour: titles, focused borders
	Link        color.Color // hashtags and mentions
	Success     color.Color // done, liked, online
	Warn        color.Color // near a limit, back-off
	Error       color.Color // failures
	Border      color.Color // unfocused borders
	BadgeText   color.Color // text on a badge
	BadgeBg     color.Color // badge background
	StatusBg    color.Color // status line background
	StatusText  color.Color // status line text
	DialogBg    color.Color // confirmation dialog background
	VerifiedTag color.Color // the verified mark
}

// Dark is the palette for dark terminal backgrounds (the default).
func Dark() Palette {
	return Palette{
		Text:        lipgloss.Color("#E4E4E7"),
		Muted:       lipgloss.Color("#A1A1AA"),
		Faint:       lipgloss.Color("#71717A"),
		Accent:      lipgloss.Color("#A78BFA"),
		Link:        lipgloss.Color("#67E8F9"),
		Success:     lipgloss.Color("#4ADE80"),
		Warn:        lipgloss.Color("#FACC15"),
		Error:       lipgloss.Color("#F87171"),
		Border:      lipgloss.Color("#3F3F46"),
		BadgeText:   lipgloss.Color("#18181B"),
		BadgeBg:     lipgloss.Color("#F472B6"),
		StatusBg:    lipgloss.Color("#27272A"),
		StatusText:  lipgloss.Color("#D4D4D8"),
		DialogBg:    lipgloss.Color("#1F1F23"),
		VerifiedTag: lipgloss.Color("#60A5FA"),
	}
}

// Light is the palette for light terminal backgrounds.
func Light() Palette {
	return Palette{
		Text:        lipgloss.Color("#18181B"),
		Muted:       lipgloss.Color("#52525B"),
		Faint:       lipgloss.Color("#A1A1AA"),
		Accent:      lipgloss.Color("#6D28D9"),
		Link:        lipgloss.Color("#0E7490"),
		Success:     lipgloss.Color("#15803D"),
		Warn:        lipgloss.Color("#A16207"),
		Error:       lipgloss.Color("#B91C1C"),
		Border:      lipgloss.Color("#D4D4D8"),
		BadgeText:   lipgloss.Color("#FFFFFF"),
		BadgeBg:     lipgloss.Color("#DB2777"),
		StatusBg:    lipgloss.Color("#E4E4E7"),
		StatusText:  lipgloss.Color("#27272A"),
		DialogBg:    lipgloss.Color("#F4F4F5"),
		VerifiedTag: lipgloss.Color("#2563EB"),
	}
}

// NoColor is the palette used when NO_COLOR is set: every colour is the
// terminal's own, and emphasis comes from bold, underline and reverse only.
func NoColor() Palette {
	n := lipgloss.NoColor{}
	return Palette{n, n, n, n, n, n, n, n, n, n, n, n, n, n, n}
}
