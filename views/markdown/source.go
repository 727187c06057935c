package markdown

import (
	"bytes"
	"slices"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Bounds on what is rendered as markdown. Posts and bios are at most 500
// characters and DMs 5,000; anything longer is cut, so no input can make a
// render costly. glamour pads every line of every block to the width with
// styled spaces and re-wraps them at each level of nesting, so its cost
// grows with lines × width × depth (40 nested quotes take 77 ms and 80
// never finish, security.md §2.2; 400 one-level quote lines at width 100
// take 80 ms here). Text past maxDepth or maxWork is laid out plain, which
// is fast, instead.
const (
	// MaxRunes is the longest text rendered; the rest is cut off.
	MaxRunes = 10000
	// MaxLines is the most lines a rendering has; a longer one ends in a
	// line saying how much was left out.
	MaxLines = 400
	// maxDepth is the deepest nesting of quotes and lists rendered as
	// markdown.
	maxDepth = 6
	// maxWork bounds the estimated cost of a rendering, in units of about
	// a microsecond: lines × (depth + 1) × width, plus markerWork for each
	// character that may open an inline element (a run of emphasis, links,
	// table cells, HTML and entities cost far more than plain words). A
	// 2,000-character post at width 100 is about 8,000.
	maxWork = 16000
	// markerWork is the cost of one inline marker.
	markerWork = 6
)

// md parses exactly as glamour v2.0.1 does (glamour.go NewTermRenderer:
// GFM, definition lists, automatic heading IDs), so the tree walked here
// is the tree glamour renders. Re-check on every glamour upgrade. A
// goldmark parser keeps no state between parses and is safe for concurrent
// use, so one serves every session.
var md = goldmark.New(
	goldmark.WithExtensions(extension.GFM, extension.DefinitionList),
	goldmark.WithParserOptions(parser.WithAutoHeadingID()),
)

// parse returns the tree of src.
func parse(src []byte) ast.Node {
	return md.Parser().Parse(text.NewReader(src))
}

// capRunes cuts s to at most n runes.
func capRunes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// mayHaveMarkdown reports whether s holds any character markdown gives a
// meaning to; text without one is plain, and the parse is skipped.
func mayHaveMarkdown(s string) bool {
	return strings.ContainsAny(s, "*_`#>-+[]!<|~\\=:&") || hasOrderedMarker(s)
}

// hasOrderedMarker reports whether a line starts like "1." or "1)".
func hasOrderedMarker(s string) bool {
	for len(s) > 0 {
		line := s
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			line, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		line = strings.TrimLeft(line, " ")
		d := 0
		for d < len(line) && line[d] >= '0' && line[d] <= '9' {
			d++
		}
		if d > 0 && d < len(line) && (line[d] == '.' || line[d] == ')') {
			return true
		}
	}
	return false
}

// source is markdown made safe to hand to glamour.
type source struct {
	text string
	// plain is set when the text has no markdown structure at all (only
	// paragraphs of text), so the plain layout shows it the same.
	plain bool
	// depth is the deepest nesting of quotes and lists.
	depth int
}

// prepare parses s (already sanitized and capped) and rewrites what glamour
// would turn into terminal controls. glamour runs html.UnescapeString over
// text, code spans, strikethrough and HTML (ansi/elements.go), so "&#27;"
// would become a live ESC even though the sanitizer let no control byte
// through (security.md T13, rule B2). Every "&" of those spans becomes
// "&amp;", which the unescaping turns back into "&": entities show as
// typed and none can produce a control. Code blocks, link destinations and
// autolinks are not unescaped and stay verbatim.
func prepare(s string) source {
	if !mayHaveMarkdown(s) {
		return source{text: s, plain: true}
	}
	src := []byte(s)
	a := analyse(parse(src), src)
	if len(a.amps) > 0 {
		// The walk meets segments in document order, which is source
		// order except where an extension reorders nodes; sort to be sure.
		slices.Sort(a.amps)
		s = rewriteAmps(src, slices.Compact(a.amps))
	}
	return source{text: s, plain: a.plain, depth: a.depth}
}

// analysis is what one walk over a parsed text finds.
type analysis struct {
	amps  []int // offsets of the "&" glamour would unescape
	plain bool  // only paragraphs of text, nothing to render
	depth int   // deepest nesting of quotes and lists
}

// analyse walks doc once.
func analyse(doc ast.Node, src []byte) analysis {
	a := analysis{plain: true}
	depth := 0
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n.Kind() {
		case ast.KindDocument, ast.KindParagraph:
		case ast.KindText:
			if entering && !inImage(n) {
				seg := n.(*ast.Text).Segment
				a.amps = collectAmps(src, seg.Start, seg.Stop, a.amps)
				if bytes.IndexByte(seg.Value(src), '\\') >= 0 {
					a.plain = false // an escape, which the plain layout would show
				}
			}
		case ast.KindRawHTML:
			a.plain = false
			if entering {
				segs := n.(*ast.RawHTML).Segments
				for i := range segs.Len() {
					seg := segs.At(i)
					a.amps = collectAmps(src, seg.Start, seg.Stop, a.amps)
				}
			}
		case ast.KindHTMLBlock:
			a.plain = false
			if entering {
				hb := n.(*ast.HTMLBlock)
				lines := hb.Lines()
				for i := range lines.Len() {
					seg := lines.At(i)
					a.amps = collectAmps(src, seg.Start, seg.Stop, a.amps)
				}
				if hb.HasClosure() {
					a.amps = collectAmps(src, hb.ClosureLine.Start, hb.ClosureLine.Stop, a.amps)
				}
			}
		case ast.KindBlockquote, ast.KindList:
			a.plain = false
			if entering {
				depth++
				a.depth = max(a.depth, depth)
			} else {
				depth--
			}
		default:
			a.plain = false
		}
		return ast.WalkContinue, nil
	})
	return a
}

// inImage reports whether n is part of an image's alt text, which glamour
// shows without unescaping.
func inImage(n ast.Node) bool {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Kind() == ast.KindImage {
			return true
		}
	}
	return false
}

// collectAmps appends the offsets of every "&" in src[start:stop].
func collectAmps(src []byte, start, stop int, amps []int) []int {
	for i := start; i < stop && i < len(src); i++ {
		if src[i] == '&' {
			amps = append(amps, i)
		}
	}
	return amps
}

// rewriteAmps returns src with the "&" at each offset written "&amp;". A
// backslash right before one ("\&", an escaped ampersand) is dropped with
// it: glamour would otherwise show the backslash.
func rewriteAmps(src []byte, amps []int) string {
	var b strings.Builder
	b.Grow(len(src) + 4*len(amps))
	last := 0
	for _, i := range amps {
		j := i
		if j > last && src[j-1] == '\\' {
			j--
		}
		b.Write(src[last:j])
		b.WriteString("&amp;")
		last = i + 1
	}
	b.Write(src[last:])
	return b.String()
}

// costly reports whether glamour would take too long over src at width:
// nesting beyond maxDepth, or an estimate beyond maxWork. Lengths are
// counted in bytes, which are at least the cells, so it errs towards plain.
func (src source) costly(width int) bool {
	if src.depth > maxDepth {
		return true
	}
	work := markerWork * countMarkers(src.text)
	for rest := src.text; work <= maxWork; {
		line, more, found := strings.Cut(rest, "\n")
		work += (1 + len(line)/width) * (src.depth + 1) * width
		if !found {
			break
		}
		rest = more
	}
	return work > maxWork
}

// countMarkers counts the characters that may open an inline element.
func countMarkers(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '*', '_', '[', '`', '~', '|', '<', '&', ':':
			n++
		}
	}
	return n
}
