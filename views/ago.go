package views

import (
	"strconv"
	"time"
)

// Ago formats t relative to now the way a timeline shows it: "now" under a
// minute, then "3m", "2h", "5d"; a week or more ago it shows the date
// ("Jan 2", with the year when it differs from now's). A zero t gives "".
// Times slightly in the future (clock skew) count as "now".
func Ago(now, t time.Time) string {
	if t.IsZero() {
		return ""
	}
	d := now.Sub(t)
	switch {
	case d < time.Minute:
		return "now"
	case d < time.Hour:
		return strconv.Itoa(int(d/time.Minute)) + "m"
	case d < 24*time.Hour:
		return strconv.Itoa(int(d/time.Hour)) + "h"
	case d < 7*24*time.Hour:
		return strconv.Itoa(int(d/(24*time.Hour))) + "d"
	}
	local := t.In(now.Location())
	if local.Year() == now.Year() {
		return local.Format("Jan 2")
	}
	return local.Format("Jan 2 2006")
}
