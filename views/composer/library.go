package composer

import (
	"path"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/api/sanitize"
)

// library is the list of the operator's uploads, to attach one by ID.
type library struct {
	items   []api.Media
	next    string
	hasMore bool
	loading bool
	loaded  bool
	err     error
	sel     int
	top     int
	gen     int // bumped on every open; drops pages of an older listing
}

// mediaLabel is the name an upload is shown under: the base of its path
// on the server, else its ID; cleaned, since it came from the API.
func mediaLabel(md *api.Media) string {
	name := path.Base(strings.TrimSpace(md.Pathname))
	if name == "." || name == "/" || name == "" {
		name = md.ID
	}
	return sanitize.Line(name)
}

// openLibrary shows the uploads, fetching the first page.
func (m *Model) openLibrary() tea.Cmd {
	if m.opts.Uploads == nil {
		m.problem = errNoUploads.Error()
		return nil
	}
	l := &m.library
	l.gen++
	l.items, l.next, l.hasMore, l.loaded, l.sel, l.top = nil, "", false, false, 0, 0
	m.setMode(modeLibrary)
	return m.fetchLibrary()
}

// fetchLibrary asks for the next page of uploads.
func (m *Model) fetchLibrary() tea.Cmd {
	l := &m.library
	l.loading, l.err = true, nil
	ctx, up, id, gen, cursor := m.opts.Context, m.opts.Uploads, m.opts.ID, l.gen, l.next
	return func() tea.Msg {
		page, err := up.List(ctx, &api.MediaListOptions{ListOptions: api.ListOptions{Limit: libraryPage, Cursor: cursor}})
		return libraryMsg{id: id, gen: gen, cursor: cursor, page: page, err: err}
	}
}

// libraryLoaded appends a page. Audio cannot go into a post and is left
// out.
func (m *Model) libraryLoaded(msg libraryMsg) tea.Cmd {
	l := &m.library
	if msg.id != m.opts.ID || msg.gen != l.gen || msg.cursor != l.next {
		return nil
	}
	l.loading, l.loaded = false, true
	if msg.err != nil {
		l.err = msg.err
		return nil
	}
	if msg.page == nil {
		return nil
	}
	for _, md := range msg.page.Items {
		if md.Type == api.MediaTypeImage || md.Type == api.MediaTypeVideo {
			l.items = append(l.items, md)
		}
	}
	l.next, l.hasMore = msg.page.NextCursor, msg.page.HasMore && msg.page.NextCursor != ""
	// A page with nothing attachable must not leave the list empty while
	// more exist.
	if len(l.items) == 0 && l.hasMore {
		return m.fetchLibrary()
	}
	return nil
}

// libraryKey handles a key while the uploads list is open.
func (m *Model) libraryKey(msg tea.KeyPressMsg) tea.Cmd {
	l := &m.library
	k := m.opts.Keys
	switch {
	case key.Matches(msg, k.Composer.Cancel):
		return m.setMode(modeText)
	case key.Matches(msg, k.List.Down):
		l.sel = min(l.sel+1, max(len(l.items)-1, 0))
	case key.Matches(msg, k.List.Up):
		l.sel = max(l.sel-1, 0)
	case key.Matches(msg, k.List.Top):
		l.sel = 0
	case key.Matches(msg, k.List.Bottom):
		l.sel = max(len(l.items)-1, 0)
	case key.Matches(msg, k.List.Open):
		if l.sel < len(l.items) {
			return m.attachUploaded(l.items[l.sel])
		}
		return nil
	default:
		return nil
	}
	if (l.hasMore || l.err != nil) && !l.loading && len(l.items)-1-l.sel < 5 {
		return m.fetchLibrary()
	}
	return nil
}

// attachUploaded adds an already uploaded media item by ID.
func (m *Model) attachUploaded(md api.Media) tea.Cmd {
	set := m.set()
	if set.has("", md.ID) {
		m.problem = mediaLabel(&md) + " is already attached"
		return nil
	}
	if why := set.canAdd(md.Type, m.req.Files); why != "" {
		m.problem = why
		return nil
	}
	m.nextAtt++
	a := &attachment{
		id: m.nextAtt, name: mediaLabel(&md), kind: md.Type, ctype: md.ContentType,
		size: md.Size, mediaID: md.ID, url: md.URL, state: attReady,
	}
	set.items = append(set.items, a)
	set.sel = len(set.items) - 1
	m.problem = ""
	cmds := []tea.Cmd{m.setMode(modeText), m.saveMediaCmd(m.req.Key)}
	if md.Status == "processing" {
		a.state = attProcessing
		a.gen++
		cmds = append(cmds, m.processingTick(uploadRef{id: m.opts.ID, key: m.req.Key, att: a.id, gen: a.gen}))
	}
	return tea.Batch(cmds...)
}
