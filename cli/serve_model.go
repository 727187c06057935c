package cli

import (
	"fmt"
	"strings"

	"imagine/internal/sshserve"
	"imagine/ui"
)

// serveSession is what buildModel changes for an SSH session of `imagine
// serve`: the terminal is the operator's, so its environment is the
// session's (TERM and COLORTERM only) and nothing may run or be opened on
// the server: no $EDITOR, no file picker, no URL opener (addresses are
// copied to the operator's clipboard with OSC 52 instead).
type serveSession struct {
	env      []string
	operator string
	activity func() ([]string, <-chan struct{})
	presence func(where string)
}

// getenv reads the session's environment.
func (s *serveSession) getenv(name string) string {
	for _, kv := range s.env {
		if k, v, ok := strings.Cut(kv, "="); ok && k == name {
			return v
		}
	}
	return ""
}

// apply sets the root model's options for the session; a nil session
// (the local TUI) changes nothing.
func (s *serveSession) apply(o *ui.Options) {
	if s == nil {
		return
	}
	o.OpenURL = nil
	o.CopyURLs = true
	o.Operator = s.operator
	o.Activity = s.activity
	o.AlignTicks = true
	o.Presence = s.presence
}

// activityLines turns audit records into the Activity screen's lines,
// newest first.
func activityLines(recs []sshserve.Record) []string {
	out := make([]string, 0, len(recs))
	for i := len(recs) - 1; i >= 0; i-- {
		r := recs[i]
		line := fmt.Sprintf("%s  %-12s %-8s %-44s %-14s %s",
			r.Time.Local().Format("Jan 02 15:04:05"), r.Operator, r.Role, r.Action, r.Target, r.Outcome)
		out = append(out, printable(line))
	}
	return out
}

// printable drops control characters: the log file is ours, but it is
// still a file on disk.
func printable(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return -1
		}
		return r
	}, s)
}
