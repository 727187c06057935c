package postkit

import (
	"fmt"
	"net/url"
	"path"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/api/sanitize"
	"imagine/views"
	"imagine/views/media"
)

// mediaPage is how many uploads one page of the Media screen asks for.
const mediaPage = 50

// mediaView is the Media screen: the operator's uploads, newest first,
// with type, size, date and where they are served from; d deletes one
// after a confirmation.
type mediaView struct {
	sid     int
	items   []api.Media
	next    string
	hasMore bool
	loading bool
	loaded  bool
	err     error
	win     views.Window
}

// ID implements Screen.
func (v *mediaView) ID() int { return v.sid }

// mediaMsg is a page of the operator's uploads.
type mediaMsg struct {
	sid    int
	cursor string
	page   *api.Page[api.Media]
	err    error
}

// mediaDeletedMsg answers a deletion.
type mediaDeletedMsg struct {
	id, name string
	err      error
}

// openMedia pushes the Media screen and fetches its first page.
func (m *Kit) openMedia() tea.Cmd {
	if m.uploads == nil {
		return views.Status(views.LevelInfo, "media are not available in this session")
	}
	if v, ok := m.Top().(*mediaView); ok {
		return m.fetchMedia(v)
	}
	v := &mediaView{sid: m.NewID()}
	m.Push(v)
	return m.fetchMedia(v)
}

func (m *Kit) fetchMedia(v *mediaView) tea.Cmd {
	v.loading, v.err = true, nil
	ctx, up, sid, cursor := m.ctx, m.uploads, v.sid, v.next
	return func() tea.Msg {
		page, err := up.List(ctx, &api.MediaListOptions{ListOptions: api.ListOptions{Limit: mediaPage, Cursor: cursor}})
		return mediaMsg{sid: sid, cursor: cursor, page: page, err: err}
	}
}

func (m *Kit) mediaLoaded(msg mediaMsg) tea.Cmd {
	v, ok := m.find(msg.sid).(*mediaView)
	if !ok || msg.cursor != v.next {
		return nil
	}
	v.loading = false
	if msg.err != nil {
		v.err = msg.err
		return nil
	}
	v.loaded = true
	if msg.page == nil {
		return nil
	}
	have := make(map[string]bool, len(v.items))
	for _, md := range v.items {
		have[md.ID] = true
	}
	for _, md := range msg.page.Items {
		if !have[md.ID] {
			v.items = append(v.items, md)
		}
	}
	v.next, v.hasMore = msg.page.NextCursor, msg.page.HasMore && msg.page.NextCursor != ""
	return nil
}

// mediaName is the file name an upload is listed under, cleaned.
func mediaName(md *api.Media) string {
	name := path.Base(strings.TrimSpace(md.Pathname))
	if name == "." || name == "/" || name == "" {
		name = md.ID
	}
	return sanitize.Line(name)
}

// mediaDate is the day an upload was made, "" when unknown.
func mediaDate(md *api.Media) string {
	if md.CreatedAt.IsZero() {
		return ""
	}
	return md.CreatedAt.Format("Jan 2 2006")
}

// mediaHost is the host an upload is served from.
func mediaHost(md *api.Media) string {
	if u, err := url.Parse(md.URL); err == nil && u.Hostname() != "" {
		return sanitize.Line(u.Hostname())
	}
	return "?"
}

// deleteMedia asks for confirmation, then deletes the selected upload.
func (m *Kit) deleteMedia(v *mediaView) tea.Cmd {
	if v.win.Cursor >= len(v.items) {
		return nil
	}
	md := v.items[v.win.Cursor]
	name := mediaName(&md)
	if m.busy["media:"+md.ID] {
		return views.Status(views.LevelInfo, "still deleting "+name+"…")
	}
	ctx, up, id := m.ctx, m.uploads, md.ID
	yes := func() tea.Msg {
		return mediaDeletedMsg{id: id, name: name, err: up.Delete(ctx, id)}
	}
	kind := strings.ToLower(sanitize.Line(md.Type))
	body := fmt.Sprintf("%s · %s · %s", name, kind, media.FormatSize(md.Size))
	if d := mediaDate(&md); d != "" {
		body += ", uploaded " + d
	}
	body += ".\nPosts that show it may lose the " + kind + "."
	return views.Confirm("Delete this upload?", body, tea.Sequence(m.markDeleting(id), yes))
}

// markDeleting returns a Cmd that flags id as being deleted; it runs only
// once the operator confirmed.
func (m *Kit) markDeleting(id string) tea.Cmd {
	return func() tea.Msg { return mediaDeletingMsg{id: id} }
}

// mediaDeletingMsg flags a confirmed deletion as in flight.
type mediaDeletingMsg struct{ id string }

// mediaDeleted removes the upload from every Media screen, or says why it
// could not be deleted.
func (m *Kit) mediaDeleted(msg mediaDeletedMsg) tea.Cmd {
	delete(m.busy, "media:"+msg.id)
	if msg.err != nil {
		return views.Failed("couldn't delete "+msg.name, msg.err)
	}
	for _, s := range m.stack {
		v, ok := s.(*mediaView)
		if !ok {
			continue
		}
		for i, md := range v.items {
			if md.ID == msg.id {
				v.items = append(v.items[:i], v.items[i+1:]...)
				break
			}
		}
	}
	return views.Status(views.LevelInfo, msg.name+" deleted")
}

// Key handles a key on the Media screen.
func (v *mediaView) Key(m *Kit, msg tea.KeyPressMsg) tea.Cmd {
	k, f := m.keys.List, m.keys.Feed
	n, h, hf := len(v.items), m.BodyHeight(), func(int) int { return 1 }
	switch {
	case key.Matches(msg, k.Back):
		m.Pop()
		return nil
	case v.win.Navigate(msg, k, n, h, hf):
	case key.Matches(msg, f.Delete):
		return m.deleteMedia(v)
	default:
		return nil
	}
	if (v.hasMore || v.err != nil) && !v.loading && n-1-v.win.Cursor < nearEnd {
		return m.fetchMedia(v)
	}
	return nil
}

// mediaRow is one upload: type, size, date, host and name.
func (m *Kit) mediaRow(md *api.Media, sel bool) []string {
	body := m.cache.Get(cacheKey{kind: 'u', id: md.ID, width: m.width}, func() []string {
		r := m.renderer(m.itemWidth())
		p := r.pal
		kind := fmt.Sprintf("%-5s", strings.ToUpper(views.Truncate(sanitize.Line(md.Type), 5)))
		meta := fmt.Sprintf("%8s  %-11s  ", media.FormatSize(md.Size), mediaDate(md))
		line := p.media.Render(kind) + p.text.Render("  ") + p.count.Render(meta) +
			p.muted.Render(fmt.Sprintf("%-22s", views.Truncate(mediaHost(md), 22))) + p.text.Render("  "+mediaName(md))
		if md.Status == "processing" {
			line += p.faint.Render(" · processing")
		}
		return []string{r.fit(line)}
	})
	return m.gut.Mark(body, sel)
}

// Lines renders the Media screen.
func (v *mediaView) Lines(m *Kit) []string {
	p := m.pal
	hints := m.Hint(m.keys.Feed.Delete) + " · " + m.Hint(m.keys.List.Back)
	lines := []string{m.CrumbLine(hints)}
	h := m.BodyHeight()
	switch {
	case !v.loaded && v.err != nil:
		return append(lines, views.Truncate(p.errs.Render("couldn't load your media: "+views.Describe(v.err)), m.width))
	case !v.loaded:
		return append(lines, p.muted.Render("loading…"))
	case len(v.items) == 0:
		return append(lines, p.muted.Render("Nothing uploaded yet: attach images or a video to a new post ("+m.keys.Feed.Compose.Help().Key+", then "+m.keys.Composer.Attach.Help().Key+")."))
	}
	n := len(v.items)
	one := func(int) int { return 1 }
	v.win.Fix(n, h, one)
	body := v.win.Render(n, h, func(i int, sel bool) []string { return m.mediaRow(&v.items[i], sel) })
	lines = append(lines, body...)
	if room := h - len(body); room > 0 {
		switch {
		case v.loading:
			lines = append(lines, p.muted.Render("loading more…"))
		case v.err != nil:
			lines = append(lines, views.Truncate(p.errs.Render("couldn't load more: "+views.Describe(v.err)+" · move to retry"), m.width))
		}
	}
	return lines
}
