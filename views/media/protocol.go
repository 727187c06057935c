package media

import (
	"fmt"
	"strings"
)

// Protocol is how previews are drawn. The zero value is HalfBlock, which
// works in every colour terminal; the caller picks another only when the
// terminal is known to support it (see DetectProtocol).
type Protocol int

const (
	// HalfBlock draws previews with ▀ and ▄ characters in SGR colours.
	HalfBlock Protocol = iota
	// Kitty transmits each thumbnail once with the kitty graphics protocol
	// and draws it with Unicode placeholder cells (U+10EEEE), which
	// Bubble Tea's renderer treats as ordinary text.
	Kitty
	// KittyInTmux is Kitty with every graphics command wrapped in tmux's
	// passthrough (tmux needs "set -g allow-passthrough on"); the
	// placeholder cells themselves need no wrapping.
	KittyInTmux
	// None draws no previews: the alt text shows instead (NO_COLOR).
	None
)

// String names the protocol for logs and diagnostics.
func (p Protocol) String() string {
	switch p {
	case Kitty:
		return "kitty"
	case KittyInTmux:
		return "kitty (tmux)"
	case None:
		return "none"
	default:
		return "half-blocks"
	}
}

// kitty reports whether p uses the kitty graphics protocol.
func (p Protocol) kitty() bool { return p == Kitty || p == KittyInTmux }

// DetectProtocol picks the preview protocol from the environment, read
// through getenv (os.Getenv in the program, a map in tests). NO_COLOR
// (set to anything) means None. Kitty graphics are used only where the
// terminal is known to support them: TERM contains "kitty", TERM_PROGRAM
// is "ghostty" or "WezTerm", or KITTY_WINDOW_ID is set. Inside tmux the
// image only arrives when tmux has allow-passthrough on, which cannot be
// seen from here, so tmux gets half-blocks unless the operator asks for
// kitty (ForSetting "kitty"). Everything else gets half-blocks.
func DetectProtocol(getenv func(string) string) Protocol {
	if getenv("NO_COLOR") != "" {
		return None
	}
	prog := getenv("TERM_PROGRAM")
	kitty := strings.Contains(getenv("TERM"), "kitty") ||
		prog == "ghostty" || prog == "WezTerm" ||
		getenv("KITTY_WINDOW_ID") != ""
	if !kitty || getenv("TMUX") != "" {
		return HalfBlock
	}
	return Kitty
}

// ForSetting turns the config's preview setting ("auto", "kitty",
// "halfblock", "off") into a protocol; "auto" (or empty) detects.
func ForSetting(setting string, getenv func(string) string) (Protocol, error) {
	switch setting {
	case "", "auto":
		return DetectProtocol(getenv), nil
	case "kitty":
		if getenv("TMUX") != "" {
			return KittyInTmux, nil
		}
		return Kitty, nil
	case "halfblock":
		return HalfBlock, nil
	case "off":
		return None, nil
	}
	return None, fmt.Errorf("preview must be auto, kitty, halfblock or off, not %q", setting)
}
