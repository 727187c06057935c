package ui

import (
	"strings"
	"time"
	"unicode"

	"github.com/charmbracelet/x/ansi"
)

// NotifyMethod is how the terminal is told that something needs the
// operator while they look elsewhere.
type NotifyMethod string

// The notification methods. Auto is resolved by the caller (cli) from the
// environment, since only it knows which terminal is on the other end.
const (
	NotifyOff    NotifyMethod = "off"
	NotifyBell   NotifyMethod = "bell"
	NotifyOSC9   NotifyMethod = "osc9"   // iTerm2, WezTerm, Ghostty, Windows Terminal
	NotifyOSC777 NotifyMethod = "osc777" // foot, urxvt, Ghostty, WezTerm, VTE terminals
	NotifyOSC99  NotifyMethod = "osc99"  // kitty
)

// NotifyOptions configure terminal notifications.
type NotifyOptions struct {
	Method NotifyMethod
	// Tmux wraps the sequence in tmux's passthrough (needs tmux's
	// allow-passthrough option; a bell is sent too, which tmux always
	// forwards as an alert).
	Tmux bool
	// DoNotDisturb silences every notification; badges still move.
	DoNotDisturb bool
	// Muted lists the sources (pane names: "notifications", "messages",
	// "jobs", …) that never notify.
	Muted map[string]bool
}

// minGap is the shortest time between two terminal notifications, so a
// burst of events is one alert, not a flood (security.md D5: BEL at most
// once per 10 s).
const minGap = 10 * time.Second

// notifier turns "something new in pane X" into terminal sequences.
type notifier struct {
	opts NotifyOptions
	last time.Time
}

// sequence returns what to write to the terminal for text now, or "" when
// nothing should be sent (off, muted, do-not-disturb, or too soon).
func (n *notifier) sequence(now time.Time, source, text string) string {
	o := n.opts
	if o.Method == NotifyOff || o.Method == "" || o.DoNotDisturb || o.Muted[source] {
		return ""
	}
	if !n.last.IsZero() && now.Sub(n.last) < minGap {
		return ""
	}
	n.last = now
	body := notificationText(text)
	var seq string
	switch o.Method {
	case NotifyOSC9:
		seq = ansi.Notify(body)
	case NotifyOSC777:
		seq = "\x1b]777;notify;imagine;" + body + "\x07"
	case NotifyOSC99:
		seq = ansi.DesktopNotification(body, "i=imagine")
	case NotifyBell, NotifyOff:
		return "\a"
	}
	if o.Tmux {
		seq = ansi.TmuxPassthrough(seq) + "\a"
	}
	return seq
}

// notificationText makes text safe inside an OSC payload (security.md D5):
// printable characters only, no ";" (a field separator of OSC 777 and 99),
// at most 80 cells. The text is already sanitized by package api; this is
// the sink's own rule.
func notificationText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == ';':
			b.WriteRune(',')
		case unicode.IsPrint(r):
			b.WriteRune(r)
		case unicode.IsSpace(r):
			b.WriteRune(' ')
		}
	}
	out := strings.TrimSpace(b.String())
	if out == "" {
		out = "something new"
	}
	return ansi.Truncate(out, 80, "…")
}
