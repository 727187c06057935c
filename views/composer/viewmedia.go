package composer

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"

	"imagine/api"
	"imagine/api/sanitize"
	"imagine/views"
	"imagine/views/media"
)

// The picker's fixed keys, for help: tab and enter are what a path input
// means everywhere, so they are not rebindable.
func completeKey() key.Binding {
	return key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "complete"))
}

func chooseKey() key.Binding {
	return key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "attach/open"))
}

// attachmentRows is the height of the attachment block: a header and one
// line per attachment, or nothing.
func (m *Model) attachmentRows() int {
	if m.mode == modePicker || m.mode == modeLibrary {
		return 0
	}
	if n := m.Attachments(); n > 0 {
		return 1 + n
	}
	return 0
}

// kindLabel is a short name for a content type: "PNG", "MP4".
func kindLabel(ctype, kind string) string {
	switch ctype {
	case "image/jpeg":
		return "JPEG"
	case "image/png":
		return "PNG"
	case "image/gif":
		return "GIF"
	case "image/webp":
		return "WebP"
	case "video/mp4":
		return "MP4"
	case "video/webm":
		return "WebM"
	case "video/quicktime":
		return "MOV"
	}
	return strings.ToLower(kind)
}

// attachmentLines draws the attachment block under the text.
func (m *Model) attachmentLines() []string {
	set := m.cur()
	if set == nil || len(set.items) == 0 {
		return nil
	}
	s := m.styles
	k := m.opts.Keys.Composer
	n := len(set.items)
	title := fmt.Sprintf("Attachments · %d of %d images", n, api.MaxImagesPerPost)
	switch {
	case m.req.Files > 0:
		title = fmt.Sprintf("Attachments · %d of %d", n, m.req.Files)
	case set.kind() == api.MediaTypeVideo:
		title = "Attachment · 1 video"
	}
	hints := k.Attachments.Help().Key + " to remove or retry"
	if m.mode == modeAttachments {
		hints = "↑/↓ · " + k.Remove.Help().Key + " remove · " + k.Retry.Help().Key + " retry · " + k.Cancel.Help().Key + " back"
	}
	lines := []string{views.Spread(s.Muted.Render(title), s.Faint.Render(hints), m.width)}
	nameW := min(24, max(m.width/4, 8))
	for i, a := range set.items {
		mark := "  "
		if m.mode == modeAttachments && i == set.sel {
			mark = s.Cursor.Render("▌") + " "
		}
		name := views.Truncate(a.name, nameW)
		name += strings.Repeat(" ", max(nameW-ansi.StringWidth(name), 0))
		meta := kindLabel(a.ctype, a.kind)
		if a.size > 0 {
			meta += " " + media.FormatSize(a.size)
		}
		meta = fmt.Sprintf("%-12s", meta)
		left := mark + s.Text.Render(name) + " " + s.Muted.Render(meta) + " "
		room := m.width - ansi.StringWidth(left)
		lines = append(lines, views.Truncate(left+m.attachmentState(a, room), m.width))
	}
	return lines
}

// attachmentState is the state column of one attachment, in room cells.
func (m *Model) attachmentState(a *attachment, room int) string {
	s := m.styles
	switch a.state {
	case attUploading:
		pct := fmt.Sprintf(" %3d%%", a.percent())
		barW := min(24, room-len(pct))
		if barW < 4 {
			return s.Muted.Render(strings.TrimSpace(pct))
		}
		return m.bar(a.progress(), barW) + s.Muted.Render(pct)
	case attProcessing:
		return s.Muted.Render("uploaded · the server is processing it…")
	case attReady:
		if a.path == "" {
			return s.Success.Render("✓ from your uploads")
		}
		return s.Success.Render("✓ uploaded")
	case attFailed:
		// Errors from the file system carry the path, which is untrusted
		// text like any file name.
		return s.Error.Render("✗ " + sanitize.Line(views.Describe(a.err)))
	case attPaused:
		return s.Warn.Render("not uploaded · " + m.opts.Keys.Composer.Retry.Help().Key + " uploads it")
	}
	return ""
}

// bar draws a progress bar of width cells: heavy rules for what is sent,
// light ones for the rest, so it reads the same without colour.
func (m *Model) bar(frac float64, width int) string {
	done := min(max(int(frac*float64(width)+0.5), 0), width)
	return m.styles.Accent.Render(strings.Repeat("━", done)) + m.styles.Faint.Render(strings.Repeat("─", width-done))
}

// pickerLines draws the path input and the matching entries in h rows.
func (m *Model) pickerLines(h int) []string {
	s := m.styles
	p := &m.picker
	lines := []string{p.input.View(), ""}
	room := max(h-len(lines), 1)
	switch {
	case p.err != nil:
		lines = append(lines, views.Truncate(s.Error.Render(sanitize.Line("can't list "+p.abbrev(p.dir)+": "+views.Describe(p.err))), m.width))
	case p.loading && len(p.entries) == 0:
		lines = append(lines, s.Muted.Render("listing…"))
	case len(p.matches) == 0:
		lines = append(lines, s.Muted.Render("no images, videos or folders match here · enter tries the typed path"))
	default:
		top := max(0, min(p.sel-room/2, len(p.matches)-room))
		for i := top; i < len(p.matches) && len(lines) < h; i++ {
			e := p.entries[p.matches[i]]
			mark := "  "
			if i == p.sel {
				mark = s.Cursor.Render("▌") + " "
			}
			name, size := s.Text.Render(e.name), s.Muted.Render(media.FormatSize(e.size))
			if e.dir {
				name, size = s.Accent.Render(e.name+"/"), ""
			}
			lines = append(lines, views.Truncate(views.Spread(mark+name, size, min(m.width, 60)), m.width))
		}
	}
	if p.hidden > 0 && len(lines) < h {
		note := fmt.Sprintf("%d files with unprintable names are not shown", p.hidden)
		if p.hidden == 1 {
			note = "1 file with an unprintable name is not shown"
		}
		lines = append(lines, s.Faint.Render(note))
	}
	return lines
}

// libraryLines draws the uploads list in h rows.
func (m *Model) libraryLines(h int) []string {
	s := m.styles
	l := &m.library
	var lines []string
	switch {
	case !l.loaded && l.loading:
		return []string{s.Muted.Render("loading your uploads…")}
	case l.err != nil && len(l.items) == 0:
		return []string{views.Truncate(s.Error.Render("couldn't load your uploads: "+views.Describe(l.err)), m.width)}
	case len(l.items) == 0:
		return []string{s.Muted.Render("no images or videos uploaded yet")}
	}
	room := max(h-1, 1)
	l.top = min(max(l.top, l.sel-room+1), l.sel)
	l.top = max(l.top, 0)
	for i := l.top; i < len(l.items) && len(lines) < room; i++ {
		md := &l.items[i]
		mark := "  "
		if i == l.sel {
			mark = s.Cursor.Render("▌") + " "
		}
		date := ""
		if !md.CreatedAt.IsZero() {
			date = md.CreatedAt.Format("Jan 2 2006")
		}
		meta := fmt.Sprintf("%-5s %8s  %s", kindLabel(md.ContentType, md.Type), media.FormatSize(md.Size), date)
		if md.Status == "processing" {
			meta += " · processing"
		}
		lines = append(lines, views.Truncate(mark+s.Text.Render(fmt.Sprintf("%-28s", views.Truncate(mediaLabel(md), 28)))+" "+s.Muted.Render(meta), m.width))
	}
	switch {
	case l.loading:
		lines = append(lines, s.Muted.Render("loading more…"))
	case l.err != nil:
		lines = append(lines, views.Truncate(s.Error.Render("couldn't load more: "+views.Describe(l.err)+" · move to retry"), m.width))
	}
	return lines
}

// subFooter is the footer of the picker and the uploads list: the problem
// if any, and their keys.
func (m *Model) subFooter() string {
	s := m.styles
	k, l := m.opts.Keys.Composer, m.opts.Keys.List
	left := ""
	if m.problem != "" {
		left = s.Error.Render(m.problem)
	}
	var hints string
	if m.mode == modePicker {
		hints = hint(completeKey()) + " · ↑/↓ choose · " + hint(chooseKey()) + " · " + k.Cancel.Help().Key + " back"
	} else {
		hints = "↑/↓ choose · " + l.Open.Help().Key + " attach · " + k.Cancel.Help().Key + " back"
	}
	return views.Spread(left, s.Faint.Render(hints), m.width)
}
