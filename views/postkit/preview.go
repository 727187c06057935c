package postkit

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"imagine/api"
	"imagine/views/media"
)

// Image previews show in the post view only (the list stays cheap): the
// first images of an IMAGE post, side by side as far as the width allows.
// They are fetched and drawn in Cmds; View pastes the stored lines.
const (
	maxPreviews = 4
	previewGap  = 2
	// maxHeldPreviews bounds the rendered previews kept; past it the ones
	// not loading are dropped (the previewer still holds the decoded
	// thumbnails, so drawing them again needs no download).
	maxHeldPreviews = 64
)

// preview is the state of one image URL's preview.
type preview struct {
	loading bool
	lines   []string
	err     error
}

// previewMsg brings a rendered preview (or why there is none) and, for
// kitty graphics, the command that sends the image to the terminal.
type previewMsg struct {
	url      string
	lines    []string
	transmit string
	err      error
}

// previewsOn reports whether previews are drawn at all: a previewer was
// configured, the protocol is not None and colours are on (half-blocks are
// nothing but colour, and kitty placeholders name the image by colour).
func (m *Kit) previewsOn() bool {
	return m.previewer != nil && m.protocol != media.None && !m.styles.NoColor
}

// imageURLs are the preview candidates of a post.
func imageURLs(p *api.Post) []string {
	if p.MediaType != api.MediaTypeImage || len(p.MediaURLs) == 0 {
		return nil
	}
	return p.MediaURLs[:min(len(p.MediaURLs), maxPreviews)]
}

// FetchPreviews starts the previews of p that are not held or loading.
func (m *Kit) FetchPreviews(p *api.Post) tea.Cmd {
	if !m.previewsOn() {
		return nil
	}
	if len(m.previews) > maxHeldPreviews {
		for u, pv := range m.previews {
			if !pv.loading {
				delete(m.previews, u)
			}
		}
	}
	var cmds []tea.Cmd
	for _, u := range imageURLs(p) {
		if _, ok := m.previews[u]; ok {
			continue
		}
		if err := m.previewer.Check(u); err != nil {
			// Never fetched: the alt text shows at once.
			m.previews[u] = &preview{err: err}
			continue
		}
		m.previews[u] = &preview{loading: true}
		ctx, pv, url := m.ctx, m.previewer, u
		cmds = append(cmds, func() tea.Msg {
			d, err := pv.Draw(ctx, url, media.PreviewCols, media.PreviewRows)
			return previewMsg{url: url, lines: d.Lines, transmit: d.Transmit, err: err}
		})
	}
	m.previewVer++
	return tea.Batch(cmds...)
}

// previewLoaded stores a preview for the post view to paste. A kitty
// image is written to the terminal here, once, with tea.Raw: View only
// ever pastes the placeholder lines.
func (m *Kit) previewLoaded(msg previewMsg) tea.Cmd {
	pv, ok := m.previews[msg.url]
	if !ok {
		return nil
	}
	pv.loading, pv.lines, pv.err = false, msg.lines, msg.err
	if msg.err == nil && len(msg.lines) == 0 {
		pv.err = media.ErrNotImage
	}
	m.previewVer++
	if msg.err != nil || msg.transmit == "" {
		return nil
	}
	return tea.Raw(msg.transmit)
}

// previewBlock is the preview lines of p for a post view width cells
// wide: the images side by side, "loading preview…" while any loads, and
// the alt text for each image that has no preview (previews off, failed,
// or no room).
func (r renderer) previewBlock(p *api.Post) []string {
	urls := imageURLs(p)
	if len(urls) == 0 {
		return nil
	}
	m := r.m
	fit := (r.width + previewGap) / (media.PreviewCols + previewGap)
	var blocks [][]string
	var alts []string
	loading := false
	for i, u := range urls {
		pv := m.previews[u]
		switch {
		case !m.previewsOn() || i >= fit || pv == nil || pv.err != nil:
			alts = append(alts, media.AltText(u))
		case pv.loading:
			loading = true
		default:
			blocks = append(blocks, pv.lines)
		}
	}
	var out []string
	out = append(out, joinBlocks(blocks, r.pal.pad)...)
	if loading {
		out = append(out, r.pal.faint.Render("loading preview…"))
	}
	if len(alts) > 0 {
		out = append(out, r.pal.media.Render(strings.Join(alts, " ")))
	}
	for i, l := range out {
		out[i] = r.fit(l)
	}
	return out
}

// joinBlocks lays preview blocks side by side, padding each to its own
// width and the shorter ones with blank rows. The pad style keeps the
// selection background between and beside the images.
func joinBlocks(blocks [][]string, pad lipgloss.Style) []string {
	rows := 0
	widths := make([]int, len(blocks))
	for i, b := range blocks {
		rows = max(rows, len(b))
		for _, l := range b {
			widths[i] = max(widths[i], ansi.StringWidth(l))
		}
	}
	out := make([]string, rows)
	for row := range rows {
		var sb strings.Builder
		for i, b := range blocks {
			if i > 0 {
				sb.WriteString(pad.Render(strings.Repeat(" ", previewGap)))
			}
			l := ""
			if row < len(b) {
				l = b[row]
			}
			sb.WriteString(l)
			if w := ansi.StringWidth(l); w < widths[i] {
				sb.WriteString(pad.Render(strings.Repeat(" ", widths[i]-w)))
			}
		}
		out[row] = sb.String()
	}
	return out
}
