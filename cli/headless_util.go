package cli

import (
	"strconv"
	"strings"
	"time"
)

// joinArgs joins words given as separate arguments with spaces.
func joinArgs(a []string) string { return strings.Join(a, " ") }

// trimNewline drops the line breaks at the end of piped text.
func trimNewline(s string) string { return strings.TrimRight(s, "\r\n") }

// ago renders how long ago t was, compactly (for tables).
func ago(t time.Time, now time.Time) string {
	if t.IsZero() {
		return "-"
	}
	d := now.Sub(t)
	switch {
	case d < time.Minute:
		return "now"
	case d < time.Hour:
		return itoa(int(d/time.Minute)) + "m"
	case d < 24*time.Hour:
		return itoa(int(d/time.Hour)) + "h"
	}
	return itoa(int(d/(24*time.Hour))) + "d"
}

func itoa(n int) string { return strconv.Itoa(n) }
