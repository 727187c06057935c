package cli

import (
	"fmt"
	"strings"

	"imagine/config"
	"imagine/ui"
)

// notifyOptions resolves the [notify] table against the terminal the
// client runs in. getenv is os.Getenv for a local run, the session's
// environment over SSH.
func notifyOptions(c config.Notify, getenv func(string) string) (ui.NotifyOptions, error) {
	o := ui.NotifyOptions{DoNotDisturb: c.DND, Muted: map[string]bool{}, Tmux: getenv("TMUX") != ""}
	for _, s := range c.Mute {
		o.Muted[strings.ToLower(s)] = true
	}
	switch m := ui.NotifyMethod(strings.ToLower(c.Method)); m {
	case "", "auto":
		o.Method = detectNotify(getenv)
	case ui.NotifyOSC9, ui.NotifyOSC777, ui.NotifyOSC99, ui.NotifyBell, ui.NotifyOff:
		o.Method = m
	default:
		return o, fmt.Errorf("config: notify.method must be auto, osc9, osc777, osc99, bell or off, not %q", c.Method)
	}
	return o, nil
}

// detectNotify picks the notification sequence the terminal understands,
// falling back to the bell, which every terminal (and tmux) turns into an
// alert of some kind.
func detectNotify(getenv func(string) string) ui.NotifyMethod {
	prog := strings.ToLower(getenv("TERM_PROGRAM"))
	term := strings.ToLower(getenv("TERM"))
	lcTerm := strings.ToLower(getenv("LC_TERMINAL")) // survives ssh and tmux
	switch {
	case prog == "iterm.app" || lcTerm == "iterm2":
		return ui.NotifyOSC9
	case strings.Contains(term, "kitty") || getenv("KITTY_WINDOW_ID") != "":
		return ui.NotifyOSC99
	case prog == "wezterm" || prog == "ghostty" || strings.HasPrefix(term, "foot") ||
		strings.Contains(term, "ghostty") || getenv("VTE_VERSION") != "":
		return ui.NotifyOSC777
	}
	return ui.NotifyBell
}
