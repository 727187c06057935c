package markdown

// onlySGR is the last check on a rendered line before it leaves the
// package (security.md §4.3, layer C): it holds no escape sequence but
// SGR ("ESC [" digits, ';' and ':' then 'm') and no control character at
// all. The tidy-up that builds lines already refuses anything else; this
// checks the result independently, so a bug there cannot let an OSC or DCS
// smuggled through glamour reach the terminal.
func onlySGR(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == 0x1b:
			if i+1 >= len(s) || s[i+1] != '[' {
				return false
			}
			j := i + 2
			for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == ';' || s[j] == ':') {
				j++
			}
			if j >= len(s) || s[j] != 'm' {
				return false
			}
			i = j
		case c < 0x20 || c == 0x7f:
			return false
		case c == 0xc2 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9f:
			return false // a C1 control, UTF-8 encoded
		}
	}
	return true
}
