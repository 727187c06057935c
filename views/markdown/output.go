package markdown

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// run is text drawn in one style: the SGR parameters in force ("" for
// none).
type run struct {
	style string
	text  string
}

// splitRuns reads one line of glamour's output into runs. glamour writes
// every fragment as "ESC[<params>m text ESC[m", pads lines with one such
// fragment per space and wraps links in OSC 8; so only SGR and OSC 8 are
// understood. OSC 8 is dropped (hyperlinks are for later, and the address
// is shown as text anyway). Anything else (another escape, a control
// character) makes it return false: the rendering is then not used.
func splitRuns(line string, runs []run) ([]run, bool) {
	style := ""
	start := 0 // start of the pending text
	flush := func(end int) {
		if end > start {
			runs = append(runs, run{style: style, text: line[start:end]})
		}
	}
	for i := 0; i < len(line); {
		c := line[i]
		switch {
		case c == 0x1b:
			flush(i)
			n, params, ok := escape(line[i:])
			if !ok {
				return runs, false
			}
			if n > 0 && line[i+1] == '[' {
				style = applySGR(style, params)
			}
			i += n
			start = i
		case c < 0x20 || c == 0x7f:
			return runs, false
		case c < utf8.RuneSelf:
			i++
		default:
			r, size := utf8.DecodeRuneInString(line[i:])
			if forbiddenRune(r) {
				return runs, false
			}
			i += size
		}
	}
	flush(len(line))
	return runs, true
}

// escape measures the escape sequence at the start of s: an SGR (its
// parameters returned) or an OSC 8 hyperlink, terminated by BEL or ST.
func escape(s string) (n int, params string, ok bool) {
	if len(s) < 2 {
		return 0, "", false
	}
	switch s[1] {
	case '[':
		for j := 2; j < len(s); j++ {
			c := s[j]
			switch {
			case c == 'm':
				return j + 1, s[2:j], true
			case (c >= '0' && c <= '9') || c == ';' || c == ':':
			default:
				return 0, "", false
			}
		}
	case ']':
		if !strings.HasPrefix(s, "\x1b]8;") {
			return 0, "", false
		}
		for j := 4; j < len(s); j++ {
			c := s[j]
			switch {
			case c == 0x07:
				return j + 1, "", true
			case c == 0x1b && j+1 < len(s) && s[j+1] == '\\':
				return j + 2, "", true
			case c < 0x20 || c == 0x7f:
				return 0, "", false
			}
		}
	}
	return 0, "", false
}

// applySGR is the style in force after an SGR with params: a reset ("" or
// "0") clears it, anything else adds to it.
func applySGR(style, params string) string {
	switch {
	case params == "" || params == "0":
		return ""
	case strings.HasPrefix(params, "0;"):
		style, params = "", params[2:]
	}
	if style == "" {
		return params
	}
	return style + ";" + params
}

// forbiddenRune reports the code points no rendered line may hold: C1
// controls and bidi controls (the sanitizer removed them from the input;
// this checks that nothing put them back).
func forbiddenRune(r rune) bool {
	return (r >= 0x80 && r <= 0x9f) || unicode.Is(unicode.Bidi_Control, r)
}

// showsOnSpace reports whether a style is visible on a space (a background,
// reverse, underline, strike-through or overline); trailing spaces in any
// other style only cost bytes.
func showsOnSpace(style string) bool {
	ps := strings.Split(style, ";")
	for i := 0; i < len(ps); i++ {
		p := ps[i]
		if k := strings.IndexByte(p, ':'); k >= 0 {
			p = p[:k] // "4:3" is an underline style
		}
		switch p {
		case "38", "58":
			i += colourArgs(ps[i+1:])
		case "48":
			return true
		case "4", "7", "9", "53":
			return true
		default:
			if n := atoi(p); (n >= 40 && n <= 47) || (n >= 100 && n <= 107) {
				return true
			}
		}
	}
	return false
}

// colourArgs is how many parameters follow an extended colour introducer:
// "5;n" or "2;r;g;b".
func colourArgs(rest []string) int {
	if len(rest) == 0 {
		return 0
	}
	switch rest[0] {
	case "5":
		return min(2, len(rest))
	case "2":
		return min(4, len(rest))
	}
	return 0
}

// atoi is a small non-negative decimal, or -1.
func atoi(s string) int {
	if s == "" || len(s) > 3 {
		return -1
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return -1
		}
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// merge joins neighbouring runs of one style and drops empty ones.
func merge(runs []run) []run {
	out := runs[:0]
	for _, r := range runs {
		if r.text == "" {
			continue
		}
		if k := len(out) - 1; k >= 0 && out[k].style == r.style {
			out[k].text += r.text
			continue
		}
		out = append(out, r)
	}
	return out
}

// trimPadding drops the trailing spaces glamour pads every line with, as
// long as they are invisible.
func trimPadding(runs []run) []run {
	for len(runs) > 0 {
		k := len(runs) - 1
		if showsOnSpace(runs[k].style) {
			break
		}
		t := strings.TrimRight(runs[k].text, " ")
		if t != "" {
			runs[k].text = t
			break
		}
		runs = runs[:k]
	}
	return runs
}

// write serialises runs with as few SGR bytes as it can: a style is written
// only when it changes; one that adds to the current style (bold on the
// text colour) writes only what it adds, any other goes through a reset.
func write(b *strings.Builder, runs []run) {
	cur := ""
	for _, r := range runs {
		if r.style != cur {
			switch {
			case r.style == "":
				b.WriteString("\x1b[m")
			case cur == "":
				b.WriteString("\x1b[" + r.style + "m")
			case len(r.style) > len(cur) && r.style[len(cur)] == ';' && strings.HasPrefix(r.style, cur):
				b.WriteString("\x1b[" + r.style[len(cur)+1:] + "m")
			default:
				b.WriteString("\x1b[0;" + r.style + "m")
			}
			cur = r.style
		}
		b.WriteString(r.text)
	}
	if cur != "" {
		b.WriteString("\x1b[m")
	}
}
