package markdown

import (
	"strings"

	"charm.land/glamour/v2"
	gansi "charm.land/glamour/v2/ansi"
	"github.com/charmbracelet/x/ansi"

	"imagine/api/sanitize"
	"imagine/theme"
	"imagine/views"
)

// minWidth is the narrowest column rendered as markdown; list bullets and
// quote bars need room, so narrower text is laid out plain.
const minWidth = 8

// maxEngines bounds the glamour renderers kept: one per width in use, and
// a resize makes a new one, so past this many they all start over.
const maxEngines = 8

// Renderer renders sanitized markdown for a width in the theme's colours.
// Each pane owns one (never shared between sessions: the TUI may serve
// several over SSH, and a glamour renderer is not safe for concurrent use)
// and keeps the lines it returns in its views.RenderCache, keyed by item,
// version and width; SetStyles drops the renderers along with the pane's
// cache. The zero value is not usable: build one with New.
type Renderer struct {
	styles  *theme.Styles
	config  gansi.StyleConfig
	content views.ContentStyles
	tags    tagStyles // body is per engine
	engines map[engineKey]*engine
	// Renders counts markdown renderings (not plain layouts); tests and
	// benchmarks use it to tell a cached frame from a rendered one.
	Renders int
}

// engineKey names a glamour renderer: the width it wraps at and the
// background it was styled for.
type engineKey struct {
	width int
	dark  bool
}

// engine is one glamour renderer and the style its body text comes out in.
type engine struct {
	tr   *glamour.TermRenderer
	body string
}

// New returns a Renderer drawing with st.
func New(st *theme.Styles) *Renderer {
	r := &Renderer{}
	r.SetStyles(st)
	return r
}

// SetStyles switches to new styles (the background became known, or the
// theme changed) and drops every glamour renderer built for the old ones.
func (r *Renderer) SetStyles(st *theme.Styles) {
	if st == nil {
		st = theme.New(true, false)
	}
	r.styles = st
	r.config = styleConfig(st)
	r.content = views.ContentStyles{Text: st.Text, Hashtag: st.Hashtag, Mention: st.Mention, Links: st.Hyperlinks}
	r.tags = tagStyles{hashtag: sgrOf(st.Hashtag.Render("x")), mention: sgrOf(st.Mention.Render("x"))}
	r.engines = nil
}

// Render lays out text, a sanitized post, message or bio, in lines at most
// width cells wide. Text with markdown in it is rendered by glamour; text
// without any is laid out exactly as views.Content does, so plain posts
// look and cost the same as before. Either way #hashtags and @mentions in
// running text are highlighted, the input is cut at MaxRunes and the
// output at MaxLines, and the lines hold no escape sequence but SGR and,
// where the styles say the terminal shows them, OSC 8 hyperlinks of our
// own to the addresses the text shows (links.go).
func (r *Renderer) Render(text string, width int) []string {
	width = max(width, 1)
	// Cleaning again is idempotent and cheap; it keeps the guarantee even
	// for a caller that forgot the decode boundary.
	text = views.NormalizeEmojiWidth(sanitize.Block(capRunes(text, MaxRunes)))
	if width >= minWidth {
		if src := prepare(text); !src.plain && !src.costly(width) {
			if lines, ok := r.markdown(src.text, width); ok {
				return r.capLines(lines, width)
			}
		}
	}
	return r.capLines(views.Content(firstLines(text, MaxLines+1), width, r.content), width)
}

// firstLines is s cut after n lines: every line of text is at least one
// line of layout, so no more are needed to fill MaxLines, and the layout
// of a long text stays cheap.
func firstLines(s string, n int) string {
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			if n--; n == 0 {
				return s[:i]
			}
		}
	}
	return s
}

// markdown renders src with glamour and tidies the result; false when
// glamour failed or its output held anything but SGR and OSC 8.
func (r *Renderer) markdown(src string, width int) ([]string, bool) {
	e, err := r.engine(width)
	if err != nil {
		return nil, false
	}
	r.Renders++
	out, err := e.tr.Render(src)
	if err != nil {
		return nil, false
	}
	ts := r.tags
	ts.body = e.body
	raw := strings.Split(strings.TrimRight(out, "\n"), "\n")
	lines := make([]string, 0, len(raw))
	var runs []run
	var b strings.Builder
	blank := true // the previous line was blank (or there is none yet)
	for _, l := range raw {
		var ok bool
		if runs, ok = splitRuns(l, runs[:0]); !ok {
			return nil, false
		}
		rs := clip(highlight(trimPadding(merge(runs)), ts), width)
		if len(rs) == 0 {
			// One blank line between blocks is enough, and none at the
			// ends.
			if !blank {
				lines = append(lines, "")
			}
			blank = true
			continue
		}
		b.Reset()
		write(&b, rs)
		line := b.String()
		if !onlySGR(line) {
			return nil, false
		}
		lines = append(lines, line)
		blank = false
	}
	if n := len(lines); n > 0 && lines[n-1] == "" {
		lines = lines[:n-1]
	}
	if r.styles.Hyperlinks {
		if urls := textURLs(src); urls != nil {
			for i, l := range lines {
				lines[i] = linkURLs(l, urls)
			}
		}
	}
	return lines, true
}

// engine returns the glamour renderer for width, building it on first use.
func (r *Renderer) engine(width int) (*engine, error) {
	k := engineKey{width: width, dark: r.styles.Dark}
	if e, ok := r.engines[k]; ok {
		return e, nil
	}
	tr, err := glamour.NewTermRenderer(
		glamour.WithStyles(r.config),
		glamour.WithWordWrap(width),
		// Agents write posts and DMs like chat: a line break is meant.
		glamour.WithPreservedNewLines(),
	)
	if err != nil {
		return nil, err
	}
	e := &engine{tr: tr}
	// The style plain text comes out in is what tags may be highlighted
	// in; a one-word document shows it.
	if out, err := tr.Render("x"); err == nil {
		if runs, ok := splitRuns(strings.TrimSpace(out), nil); ok {
			for _, ru := range runs {
				if strings.Contains(ru.text, "x") {
					e.body = ru.style
				}
			}
		}
	}
	if r.engines == nil || len(r.engines) >= maxEngines {
		r.engines = make(map[engineKey]*engine, 2)
	}
	r.engines[k] = e
	return e, nil
}

// clip cuts runs to width cells; glamour wraps words, but a table or a
// bullet in a narrow column can still run over. A run is measured by both
// width methods (lipgloss's grapheme width and the renderer's wcwidth), so
// text they disagree on that normalisation leaves (a script's own
// clusters) cannot push a line past the width under either.
func clip(runs []run, width int) []run {
	used := 0
	for i, ru := range runs {
		w := cells(ru.text)
		if used+w > width {
			runs[i].text = truncateCells(ru.text, width-used)
			return runs[:i+1]
		}
		used += w
	}
	return runs
}

// cells is the width of s by the wider of the two width methods.
func cells(s string) int { return max(ansi.StringWidth(s), ansi.StringWidthWc(s)) }

// truncateCells cuts s to at most n cells by both width methods.
func truncateCells(s string, n int) string {
	t := ansi.Truncate(s, n, "")
	for k := ansi.StringWidth(t); cells(t) > n && k > 0; k-- {
		t = ansi.Truncate(t, k-1, "")
	}
	return t
}

// capLines keeps at most MaxLines lines, the last saying that the rest is
// left out (not how much: the plain layout stops early to stay cheap).
func (r *Renderer) capLines(lines []string, width int) []string {
	if len(lines) <= MaxLines {
		return lines
	}
	return append(lines[:MaxLines-1:MaxLines-1], r.styles.Faint.Render(views.Truncate("… the rest is not shown", width)))
}

// sgrOf is the SGR parameters a lipgloss style renders with, read from its
// rendering of one character ("" for a style that adds none).
func sgrOf(rendered string) string {
	runs, ok := splitRuns(rendered, nil)
	if !ok {
		return ""
	}
	for _, ru := range runs {
		if ru.text != "" {
			return ru.style
		}
	}
	return ""
}
