package tuitest

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Marked is view without its styling, the text drawn in reverse video
// (how a list's `/` filter marks what it matched) between ⟦ and ⟧, so a
// golden shows what is marked and nothing else of the styling.
func Marked(view string) string {
	var b strings.Builder
	on := false
	var state byte
	for len(view) > 0 {
		seq, _, n, next := ansi.DecodeSequence(view, state, nil)
		state = next
		view = view[n:]
		if !strings.HasPrefix(seq, "\x1b") {
			b.WriteString(seq)
			continue
		}
		if !strings.HasPrefix(seq, "\x1b[") || !strings.HasSuffix(seq, "m") {
			continue
		}
		rev := reverseAfter(seq[2:len(seq)-1], on)
		switch {
		case rev && !on:
			b.WriteString("⟦")
		case !rev && on:
			b.WriteString("⟧")
		}
		on = rev
	}
	return b.String()
}

// reverseAfter is whether reverse video is on after an SGR sequence with
// params, reverse being on before it.
func reverseAfter(params string, on bool) bool {
	if params == "" {
		return false
	}
	ps := strings.FieldsFunc(params, func(r rune) bool { return r == ';' || r == ':' })
	for i := 0; i < len(ps); i++ {
		p, _ := strconv.Atoi(ps[i])
		switch p {
		case 0:
			on = false
		case 7:
			on = true
		case 27:
			on = false
		case 38, 48, 58:
			// An extended colour: its arguments are not attributes.
			if i+1 < len(ps) && ps[i+1] == "5" {
				i += 2
			} else if i+1 < len(ps) && ps[i+1] == "2" {
				i += 4
			}
		}
	}
	return on
}
