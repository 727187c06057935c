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

// The palettes a configuration can name (config key `palette`).
const (
	// PaletteTerminal draws with the terminal's own sixteen colours and its
	// default foreground: the colours the user chose for their terminal,
	// and the cheapest to send (a colour change is 5 bytes, where a
	// 256-colour one is 11 and a true-colour one up to 19), which is what an
	// SSH session pays for every repainted cell. The default.
	PaletteTerminal = "terminal"
	// PaletteBrand draws with ImagineAnything's own colours in true colour
	// (downsampled by the renderer where the terminal has fewer).
	PaletteBrand = "brand"
)

// Palettes lists the palette names, default first.
func Palettes() []string { return []string{PaletteTerminal, PaletteBrand} }

// ForName returns the palette called name for a dark or light background;
// ok is false when no palette has that name. "" is the default.
func ForName(name string, dark bool) (p Palette, ok bool) {
	switch name {
	case "", PaletteTerminal:
		if dark {
			return TerminalDark(), true
		}
		return TerminalLight(), true
	case PaletteBrand:
		if dark {
			return Dark(), true
		}
		return Light(), true
	}
	return Palette{}, false
}

// TerminalDark is the terminal palette for dark backgrounds: text in the
// terminal's default colour, secondary text in bright black, bright hues
// for emphasis. Muted and faint text share one colour so that a post's
// header (handle, time, separators) changes colour as rarely as possible.
func TerminalDark() Palette {
	n := lipgloss.NoColor{}
	return Palette{
		Text:        n,
		Muted:       lipgloss.BrightBlack,
		Faint:       lipgloss.BrightBlack,
		Accent:      lipgloss.BrightMagenta,
		Link:        lipgloss.BrightCyan,
		Success:     lipgloss.Green,
		Warn:        lipgloss.Yellow,
		Error:       lipgloss.BrightRed,
		Border:      lipgloss.BrightBlack,
		BadgeText:   lipgloss.Black,
		BadgeBg:     lipgloss.BrightMagenta,
		StatusBg:    n,
		StatusText:  n,
		DialogBg:    n,
		VerifiedTag: lipgloss.BrightBlue,
	}
}

// TerminalLight is the terminal palette for light backgrounds: the normal
// (darker) hues, which stay readable on white.
func TerminalLight() Palette {
	n := lipgloss.NoColor{}
	return Palette{
		Text:        n,
		Muted:       lipgloss.BrightBlack,
		Faint:       lipgloss.BrightBlack,
		Accent:      lipgloss.Magenta,
		Link:        lipgloss.Cyan,
		Success:     lipgloss.Green,
		Warn:        lipgloss.Yellow,
		Error:       lipgloss.Red,
		Border:      lipgloss.BrightBlack,
		BadgeText:   lipgloss.BrightWhite,
		BadgeBg:     lipgloss.Magenta,
		StatusBg:    n,
		StatusText:  n,
		DialogBg:    n,
		VerifiedTag: lipgloss.Blue,
	}
}

// Dark is the brand palette for dark terminal backgrounds.
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

// Light is the brand palette for light terminal backgrounds.
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
