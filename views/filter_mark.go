package views

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"charm.land/lipgloss/v2"
)

// Marking matches in rendered rows. A row is cached as styled text, so
// the words of the query are looked for in its visible characters and the
// match style is switched on and off around each occurrence: a few bytes
// per match, no background over the row, and the row's own colours kept
// (the style is an attribute such as reverse, whose codes do not touch
// colour).

// sgrToggles are the SGR sequences that switch st's attributes on and
// off; reverse when it has none.
func sgrToggles(st lipgloss.Style) (on, off string) {
	var ons, offs []string
	if st.GetReverse() {
		ons, offs = append(ons, "7"), append(offs, "27")
	}
	if st.GetUnderline() {
		ons, offs = append(ons, "4"), append(offs, "24")
	}
	if st.GetBold() {
		ons, offs = append(ons, "1"), append(offs, "22")
	}
	if st.GetItalic() {
		ons, offs = append(ons, "3"), append(offs, "23")
	}
	if len(ons) == 0 {
		ons, offs = []string{"7"}, []string{"27"}
	}
	return "\x1b[" + strings.Join(ons, ";") + "m", "\x1b[" + strings.Join(offs, ";") + "m"
}

// Mark marks the query's words wherever they show in lines, which must
// be the caller's own slice (a Gutter's output is): its elements are
// replaced. Lines without a match are left as they are.
func (f *Filter) Mark(lines []string) []string {
	if len(f.words) == 0 {
		return lines
	}
	for i, l := range lines {
		lines[i] = f.markLine(l)
	}
	return lines
}

// span is a byte range of a line.
type span struct{ from, to int }

// markScratch is Mark's working memory, kept between lines and frames so
// marking a screenful allocates only the marked lines.
type markScratch struct {
	folded   []byte
	from, to []int
	spans    []span
}

// markLine marks the matches in one styled line.
func (f *Filter) markLine(line string) string {
	spans := f.matchSpans(line)
	if len(spans) == 0 {
		return line
	}
	var b strings.Builder
	b.Grow(len(line) + len(spans)*(len(f.on)+len(f.off)))
	k, in := 0, false
	for i := 0; i < len(line); {
		if in && i == spans[k].to {
			b.WriteString(f.off)
			in = false
			k++
		}
		if !in && k < len(spans) && i == spans[k].from {
			b.WriteString(f.on)
			in = true
		}
		if line[i] == 0x1b {
			end := escEnd(line, i)
			b.WriteString(line[i:end])
			if in && end-i > 2 && line[i+1] == '[' && line[end-1] == 'm' {
				// The row's own style codes may reset every attribute.
				b.WriteString(f.on)
			}
			i = end
			continue
		}
		_, size := utf8.DecodeRuneInString(line[i:])
		b.WriteString(line[i : i+size])
		i += size
	}
	if in {
		b.WriteString(f.off)
	}
	return b.String()
}

// matchSpans finds the query's words in the visible text of line, and
// returns where they lie in line, in order, merged where they overlap.
func (f *Filter) matchSpans(line string) []span {
	// folded is the visible text folded; from[j] and to[j] are where the
	// character holding its byte j starts and ends in line.
	sc := &f.scratch
	folded, from, to := sc.folded[:0], sc.from[:0], sc.to[:0]
	defer func() { sc.folded, sc.from, sc.to = folded, from, to }()
	for i := 0; i < len(line); {
		if line[i] == 0x1b {
			i = escEnd(line, i)
			continue
		}
		r, size := utf8.DecodeRuneInString(line[i:])
		n := len(folded)
		folded = utf8.AppendRune(folded, unicode.ToLower(r))
		for range len(folded) - n {
			from, to = append(from, i), append(to, i+size)
		}
		i += size
	}
	text := string(folded)
	spans := sc.spans[:0]
	defer func() { sc.spans = spans }()
	for _, w := range f.words {
		for at := 0; ; {
			j := strings.Index(text[at:], w)
			if j < 0 {
				break
			}
			s := at + j
			spans = append(spans, span{from[s], to[s+len(w)-1]})
			at = s + len(w)
		}
	}
	if len(spans) < 2 {
		return spans
	}
	slices.SortFunc(spans, func(a, b span) int { return a.from - b.from })
	merged := spans[:1]
	for _, s := range spans[1:] {
		if last := &merged[len(merged)-1]; s.from <= last.to {
			last.to = max(last.to, s.to)
			continue
		}
		merged = append(merged, s)
	}
	return merged
}

// escEnd is the end of the escape sequence starting at line[i]: a CSI
// runs to its final byte; an OSC, DCS, APC, PM or SOS to its terminator
// (BEL or ST); any other escape is two bytes.
func escEnd(line string, i int) int {
	if i+1 >= len(line) {
		return len(line)
	}
	switch line[i+1] {
	case '[':
		for j := i + 2; j < len(line); j++ {
			if c := line[j]; c >= 0x40 && c <= 0x7e {
				return j + 1
			}
		}
		return len(line)
	case ']', 'P', '_', '^', 'X':
		for j := i + 2; j < len(line); j++ {
			switch {
			case line[j] == 0x07:
				return j + 1
			case line[j] == 0x1b && j+1 < len(line) && line[j+1] == '\\':
				return j + 2
			}
		}
		return len(line)
	}
	return i + 2
}
