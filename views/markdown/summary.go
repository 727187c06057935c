package markdown

import (
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"

	"imagine/api/sanitize"
)

// Summary is text as one plain line, for lists (conversation previews,
// notification snippets): the markdown markers are removed (emphasis,
// headings, backticks, bullets, quote marks, fences; a link shows its text,
// an image its alt text) and all white space collapses to single spaces.
// Entities are not decoded, so nothing can turn into a control.
func Summary(s string) string {
	return strings.Join(strings.Fields(plainText(s, false)), " ")
}

// Plain is text without its markdown markers but with its line breaks, for
// a list that shows a post over several lines: list items keep a "• " or
// "1. " bullet, blocks a line each. Text with no markdown in it is returned
// unchanged, so a plain post shows exactly as typed.
func Plain(s string) string { return plainText(s, true) }

// plainText is the text of s's markdown; bullets keeps list markers.
func plainText(s string, bullets bool) string {
	s = sanitize.Block(capRunes(s, MaxRunes))
	if !mayHaveMarkdown(s) {
		return s
	}
	src := []byte(s)
	doc := parse(src)
	if analyse(doc, src).plain {
		return s
	}
	w := plainWriter{src: src, bullets: bullets}
	w.blocks(doc, "", "")
	w.endLine()
	return strings.Join(w.lines, "\n")
}

// plainWriter collects the lines of a document's text.
type plainWriter struct {
	src     []byte
	bullets bool
	lines   []string
	cur     strings.Builder
	open    bool // cur holds a started line
}

// blocks writes the children of a container; first is the prefix of the
// first line (a bullet), rest the prefix of the others (its indent).
func (w *plainWriter) blocks(n ast.Node, first, rest string) {
	i := 0
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if n.Kind() == ast.KindDocument && i > 0 && c.HasBlankPreviousLines() {
			w.lines = append(w.lines, "")
		}
		p := rest
		if i == 0 {
			p = first
		}
		w.block(c, p, rest)
		i++
	}
}

// block writes one block.
func (w *plainWriter) block(n ast.Node, first, rest string) {
	switch n := n.(type) {
	case *ast.List:
		num := n.Start
		for it := n.FirstChild(); it != nil; it = it.NextSibling() {
			mark := ""
			if w.bullets {
				mark = "• "
				if n.IsOrdered() {
					mark = strconv.Itoa(num) + ". "
					num++
				}
			}
			p := first
			if it != n.FirstChild() {
				p = rest
			}
			w.blocks(it, p+mark, rest+strings.Repeat(" ", len([]rune(mark))))
		}
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		lines := n.Lines()
		for i := range lines.Len() {
			p := rest
			if i == 0 {
				p = first
			}
			seg := lines.At(i)
			w.line(p + strings.TrimRight(string(seg.Value(w.src)), "\n"))
		}
	case *ast.HTMLBlock, *ast.ThematicBreak:
		// Markup and rules carry no text worth a list line.
	case *east.TableRow, *east.TableHeader:
		w.start(first)
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if c != n.FirstChild() {
				w.cur.WriteString("  ")
			}
			w.inlines(c, rest)
		}
		w.endLine()
	default:
		if n.Type() == ast.TypeBlock && n.FirstChild() != nil && n.FirstChild().Type() == ast.TypeInline {
			w.start(first)
			w.inlines(n, rest)
			w.endLine()
			return
		}
		w.blocks(n, first, rest)
	}
}

// inlines writes the text of n's inline children; rest prefixes the lines
// a line break starts.
func (w *plainWriter) inlines(n ast.Node, rest string) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			v := c.Segment.Value(w.src)
			if _, code := c.Parent().(*ast.CodeSpan); !code {
				v = util.UnescapePunctuations(v)
			}
			w.cur.Write(v)
			if c.SoftLineBreak() || c.HardLineBreak() {
				w.endLine()
				w.start(rest)
			}
		case *ast.String:
			w.cur.Write(c.Value)
		case *ast.AutoLink:
			w.cur.Write(c.Label(w.src))
		case *ast.RawHTML:
			// Tags are markup; the text between them is kept.
		case *east.TaskCheckBox:
			if c.IsChecked {
				w.cur.WriteString("[x] ")
			} else {
				w.cur.WriteString("[ ] ")
			}
		default:
			w.inlines(c, rest)
		}
	}
}

// start begins a line with prefix p.
func (w *plainWriter) start(p string) {
	w.endLine()
	w.cur.WriteString(p)
	w.open = true
}

// line writes a whole line.
func (w *plainWriter) line(s string) {
	w.start(s)
	w.endLine()
}

// endLine finishes the current line, dropping its trailing spaces.
func (w *plainWriter) endLine() {
	if !w.open {
		return
	}
	w.lines = append(w.lines, strings.TrimRight(w.cur.String(), " "))
	w.cur.Reset()
	w.open = false
}
