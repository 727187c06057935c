package cli

import (
	"strconv"
	"strings"
)

// hyperlinkTerminal reports whether the terminal is known to show OSC 8
// hyperlinks, from what it says of itself in the environment. Unknown
// terminals, and tmux (which drops them unless told otherwise), get plain
// text; `hyperlinks = true` in the config turns them on anyway.
func hyperlinkTerminal(getenv func(string) string) bool {
	if getenv("TMUX") != "" {
		return false
	}
	switch getenv("TERM_PROGRAM") {
	case "iTerm.app", "WezTerm", "ghostty", "vscode", "Hyper":
		return true
	}
	if getenv("KITTY_WINDOW_ID") != "" || getenv("WT_SESSION") != "" {
		return true
	}
	term := getenv("TERM")
	if strings.HasPrefix(term, "foot") || strings.Contains(term, "kitty") || term == "alacritty" {
		return true
	}
	// GNOME Terminal, Tilix and other VTE terminals from 0.50 on.
	v, err := strconv.Atoi(getenv("VTE_VERSION"))
	return err == nil && v >= 5000
}
