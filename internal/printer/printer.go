// Package printer writes the answers of imagine's headless commands: a
// readable table or text for people, compact JSON (or JSON lines) with the
// API's field names for programs: the objects as the client read them,
// where a field the server did not send is left out (the api types' tags
// say omitempty/omitzero) rather than printed as a zero value. Text cells are cleaned with the one
// sanitizer again as single lines; colour is used only on a terminal
// without NO_COLOR.
package printer

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/charmbracelet/x/term"

	"imagine/api/sanitize"
)

// Mode is the output format.
type Mode int

// Output formats.
const (
	// Text is a table or short text for people (the default).
	Text Mode = iota
	// JSON is one compact JSON value: an object, or an array for a list.
	JSON
	// JSONL is one compact JSON object per line.
	JSONL
)

// Printer writes one command's output.
type Printer struct {
	Out   io.Writer
	Mode  Mode
	Color bool
}

// New returns a printer on w; colour is on when w is a terminal and
// NO_COLOR is unset.
func New(w io.Writer, mode Mode) *Printer {
	color := false
	if f, ok := w.(*os.File); ok && os.Getenv("NO_COLOR") == "" {
		color = term.IsTerminal(f.Fd())
	}
	return &Printer{Out: w, Mode: mode, Color: color}
}

// Encode renders v as compact JSON on one line, without HTML escaping.
func Encode(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

// Object prints one object: as JSON in the JSON modes, else text (the
// lines are printed as given; build them with Cell and Block).
func (p *Printer) Object(v any, text string) error {
	if p.Mode != Text {
		b, err := Encode(v)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(p.Out, "%s\n", b)
		return err
	}
	if text == "" {
		return nil
	}
	if !strings.HasSuffix(text, "\n") {
		text += "\n"
	}
	_, err := io.WriteString(p.Out, text)
	return err
}

// Bold renders s bold when colour is on.
func (p *Printer) Bold(s string) string { return p.sgr("1", s) }

// Faint renders s dimmed when colour is on.
func (p *Printer) Faint(s string) string { return p.sgr("2", s) }

// Accent renders s in the terminal's cyan when colour is on.
func (p *Printer) Accent(s string) string { return p.sgr("36", s) }

func (p *Printer) sgr(code, s string) string {
	if !p.Color || s == "" {
		return s
	}
	return "\x1b[" + code + "m" + s + "\x1b[0m"
}

// Cell cleans s as one line and caps it at n runes (0: no cap).
func Cell(s string, n int) string {
	s = sanitize.Line(s)
	if n > 0 && utf8.RuneCountInString(s) > n {
		r := []rune(s)
		s = string(r[:n-1]) + "…"
	}
	return s
}

// Block cleans s keeping line breaks.
func Block(s string) string { return sanitize.Block(s) }

// List prints a list item by item: a JSON array, JSON lines, or a table
// with this header.
type List struct {
	p      *Printer
	header []string
	rows   [][]string
	n      int
}

// List starts a list.
func (p *Printer) List(header ...string) *List {
	return &List{p: p, header: header}
}

// Item adds one object (for JSON) with its table row (for text).
func (l *List) Item(v any, row ...string) error {
	defer func() { l.n++ }()
	switch l.p.Mode {
	case JSON, JSONL:
		b, err := Encode(v)
		if err != nil {
			return err
		}
		sep := ""
		switch {
		case l.p.Mode == JSONL:
			sep = ""
		case l.n == 0:
			sep = "["
		default:
			sep = ","
		}
		end := ""
		if l.p.Mode == JSONL {
			end = "\n"
		}
		_, err = fmt.Fprintf(l.p.Out, "%s%s%s", sep, b, end)
		return err
	}
	l.rows = append(l.rows, row)
	return nil
}

// Len is the number of items so far.
func (l *List) Len() int { return l.n }

// End finishes the list: closes the JSON array, or prints the table (or
// "nothing" for an empty one, on text only).
func (l *List) End(empty string) error {
	switch l.p.Mode {
	case JSON:
		var err error
		if l.n == 0 {
			_, err = io.WriteString(l.p.Out, "[]\n")
		} else {
			_, err = io.WriteString(l.p.Out, "]\n")
		}
		return err
	case JSONL:
		return nil
	}
	if len(l.rows) == 0 {
		if empty != "" {
			_, err := fmt.Fprintln(l.p.Out, empty)
			return err
		}
		return nil
	}
	tw := tabwriter.NewWriter(l.p.Out, 0, 0, 2, ' ', 0)
	if len(l.header) > 0 {
		// Padding is computed on the plain header; bold is added per cell
		// with zero-width escapes only when colour is on.
		cells := make([]string, len(l.header))
		for i, h := range l.header {
			cells[i] = h
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	for _, r := range l.rows {
		fmt.Fprintln(tw, strings.Join(r, "\t"))
	}
	return tw.Flush()
}
