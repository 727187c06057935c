package composer

import (
	tea "charm.land/bubbletea/v2"

	"imagine/api/sanitize"
	"imagine/views"
)

// The Cmds that read and write drafts and their attachment sidecars. Each
// carries a generation so the store drops a write older than one already
// applied.

func (m *Model) saveCmd(key string, gen uint64, text string) tea.Cmd {
	store, id := m.store, m.opts.ID
	return func() tea.Msg {
		return draftSavedMsg{id: id, err: store.save(key, gen, text)}
	}
}

func (m *Model) removeCmd(key string, gen uint64) tea.Cmd {
	store, id := m.store, m.opts.ID
	return func() tea.Msg {
		return draftSavedMsg{id: id, err: store.remove(key, gen)}
	}
}

func (m *Model) loadCmd(key string, gen uint64) tea.Cmd {
	store, id, media := m.store, m.opts.ID, m.req.Media
	return func() tea.Msg {
		text, err := store.load(key)
		msg := draftLoadedMsg{id: id, key: key, gen: gen, text: text, err: err}
		if media {
			msg.media, msg.mediaErr = store.loadMedia(key)
		}
		return msg
	}
}

// draftLoaded restores a draft unless the composer moved on; its
// attachments come back unless some were attached meanwhile. Text typed
// before the draft arrived stays, under the draft: the next save would
// otherwise replace the draft on disk with it, and the draft is text the
// operator typed too.
func (m *Model) draftLoaded(msg draftLoadedMsg) tea.Cmd {
	if msg.err != nil {
		return views.Failed("couldn't read the draft", msg.err)
	}
	if !m.open || msg.key != m.req.Key {
		return nil
	}
	m.restoreMedia(msg.media)
	if msg.mediaErr != nil {
		return views.Failed("couldn't read the draft's attachments", msg.mediaErr)
	}
	if msg.gen != m.loadGen || msg.text == "" {
		return nil
	}
	draft := sanitize.Block(msg.text)
	typed := m.ta.Value()
	if typed == "" || typed == draft || typed == m.req.Prefill {
		m.ta.SetValue(draft)
		m.recount()
		return nil
	}
	m.ta.SetValue(draft + "\n" + typed)
	return tea.Batch(m.changed(), views.Status(views.LevelInfo, "your earlier draft is back, above what you typed"))
}

// saveMediaCmd writes the attachments of key to its sidecar file.
func (m *Model) saveMediaCmd(key string) tea.Cmd {
	s := m.atts[key]
	var items []savedAttachment
	if s != nil {
		for _, a := range s.items {
			sa := savedAttachment{Path: a.path, Name: a.name, Kind: a.kind, ContentType: a.ctype, Size: a.size}
			if a.state == attReady || a.state == attProcessing {
				sa.MediaID, sa.URL = a.mediaID, a.url
			}
			if sa.Path == "" && sa.MediaID == "" {
				continue
			}
			items = append(items, sa)
		}
	}
	m.mgen++
	store, id, gen := m.store, m.opts.ID, m.mgen
	return func() tea.Msg {
		return draftSavedMsg{id: id, err: store.saveMedia(key, gen, items)}
	}
}

// removeMediaCmd deletes the sidecar file of key.
func (m *Model) removeMediaCmd(key string) tea.Cmd {
	m.mgen++
	store, id, gen := m.store, m.opts.ID, m.mgen
	return func() tea.Msg {
		return draftSavedMsg{id: id, err: store.removeMedia(key, gen)}
	}
}

// dropMedia forgets the attachments of key, stopping their uploads.
func (m *Model) dropMedia(key string) {
	m.atts[key].cancelAll()
	delete(m.atts, key)
}
