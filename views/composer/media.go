package composer

import (
	"path/filepath"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/api/sanitize"
)

// mode is what has the composer's keys.
type mode int

const (
	modeText        mode = iota // the text area
	modePicker                  // the path input attaching a local file
	modeLibrary                 // the list of uploads
	modeAttachments             // the attachment list: select, remove, retry
	modePreview                 // the text as it will read, rendered (preview.go)
)

// setMode switches what has the keys and gives it focus.
func (m *Model) setMode(md mode) tea.Cmd {
	m.mode = md
	m.layout()
	if md != modePicker {
		m.picker.input.Blur()
	}
	if md == modeText {
		if m.open {
			return m.ta.Focus()
		}
		return nil
	}
	m.ta.Blur()
	return nil
}

// mediaOn reports whether the current request takes attachments.
func (m *Model) mediaOn() bool { return m.req.Media || m.req.Files > 0 }

// cur is the attachment set of the current draft; nil when it has none.
func (m *Model) cur() *attachSet {
	if !m.mediaOn() {
		return nil
	}
	return m.atts[m.req.Key]
}

// set is the attachment set of the current draft, made when missing.
func (m *Model) set() *attachSet {
	s := m.atts[m.req.Key]
	if s == nil {
		s = &attachSet{}
		m.atts[m.req.Key] = s
	}
	return s
}

// Attachments is the number of attachments of the current draft.
func (m *Model) Attachments() int {
	if s := m.cur(); s != nil {
		return len(s.items)
	}
	return 0
}

// busy reports whether the text and attachments are locked: a send is on
// its way, waits for uploads, or the editor has the text.
func (m *Model) busy() bool { return m.sending || m.waiting || m.editing }

// mediaKey handles the attachment keys of the text mode; ok is false when
// msg is not one of them.
func (m *Model) mediaKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := m.opts.Keys.Composer
	if !m.mediaOn() || !key.Matches(msg, k.Attach, k.Library, k.Attachments) {
		return nil, false
	}
	if m.busy() {
		return nil, true
	}
	if m.opts.Uploads == nil {
		m.problem = errNoUploads.Error()
		return nil, true
	}
	// The operator is acting on the attachments: an earlier refusal has
	// been read.
	m.problem = ""
	switch {
	case key.Matches(msg, k.Attach) && m.opts.NoLocalFiles:
		m.problem = "attaching local files is off in this session: " + k.Library.Help().Key + " attaches an earlier upload"
		return nil, true
	case key.Matches(msg, k.Attach):
		return m.openPicker(), true
	case key.Matches(msg, k.Library):
		return m.openLibrary(), true
	}
	if m.Attachments() == 0 {
		m.problem = "no attachments yet: " + k.Attach.Help().Key + " attaches a file"
		return nil, true
	}
	return m.setMode(modeAttachments), true
}

// attachPath checks a local file in a Cmd; inspectedMsg then adds it.
func (m *Model) attachPath(path string) tea.Cmd {
	if m.req.pickOnly {
		return m.picked(path)
	}
	// The next picker starts where this file was.
	m.picker.start = filepath.Dir(path)
	id, k := m.opts.ID, m.req.Key
	return tea.Batch(m.setMode(modeText), func() tea.Msg {
		c, err := inspect(path)
		return inspectedMsg{id: id, key: k, check: c, err: err}
	})
}

// inspected adds a checked file and starts its upload, or says why not. A
// retried attachment (att set) is uploaded again with its new check.
func (m *Model) inspected(msg inspectedMsg) tea.Cmd {
	if msg.id != m.opts.ID || msg.key != m.req.Key || !m.mediaOn() {
		return nil
	}
	set := m.set()
	if msg.att != 0 {
		a := set.byID(msg.att)
		if a == nil {
			return nil
		}
		if msg.err != nil {
			a.state, a.err = attFailed, msg.err
			return m.settled(msg.key)
		}
		a.kind, a.ctype, a.size, a.mediaID, a.url = msg.check.kind, msg.check.ctype, msg.check.size, "", ""
		return m.startUpload(msg.key, a)
	}
	c := msg.check
	switch {
	case msg.err != nil:
		m.problem = sanitize.Line(msg.err.Error())
		return nil
	case set.has(c.path, ""):
		m.problem = c.name + " is already attached"
		return nil
	}
	if why := set.canAdd(c.kind, m.req.Files); why != "" {
		m.problem = why
		return nil
	}
	m.nextAtt++
	a := &attachment{id: m.nextAtt, path: c.path, name: c.name, kind: c.kind, ctype: c.ctype, size: c.size}
	set.items = append(set.items, a)
	set.sel = len(set.items) - 1
	m.problem = ""
	m.layout()
	return tea.Batch(m.startUpload(msg.key, a), m.saveMediaCmd(msg.key))
}

// attachmentsKey handles a key while the attachment list has focus.
func (m *Model) attachmentsKey(msg tea.KeyPressMsg) tea.Cmd {
	set := m.cur()
	k := m.opts.Keys
	if set == nil || len(set.items) == 0 {
		return m.setMode(modeText)
	}
	switch {
	case key.Matches(msg, k.Composer.Cancel, k.Composer.Attachments, k.List.Open):
		return m.setMode(modeText)
	case key.Matches(msg, k.List.Down):
		set.sel = min(set.sel+1, len(set.items)-1)
	case key.Matches(msg, k.List.Up):
		set.sel = max(set.sel-1, 0)
	case key.Matches(msg, k.Composer.Remove):
		a := set.selected()
		set.remove(a.id)
		m.problem = ""
		var back tea.Cmd
		if len(set.items) == 0 {
			back = m.setMode(modeText)
		}
		m.layout()
		return tea.Batch(back, m.saveMediaCmd(m.req.Key))
	case key.Matches(msg, k.Composer.Retry):
		return m.retry(set.selected())
	}
	return nil
}

// retry checks a failed or restored file again and uploads it.
func (m *Model) retry(a *attachment) tea.Cmd {
	switch {
	case a == nil || (a.state != attFailed && a.state != attPaused):
		return nil
	case a.path == "":
		m.problem = a.name + " is not a local file: remove it and pick it again from the uploads"
		return nil
	}
	a.state, a.err, a.sent = attUploading, nil, 0
	id, k, att, path := m.opts.ID, m.req.Key, a.id, a.path
	return func() tea.Msg {
		c, err := inspect(path)
		return inspectedMsg{id: id, key: k, att: att, check: c, err: err}
	}
}

// sendMedia decides what a send does with the attachments: refuse (with
// the problem set), wait for uploads, or go (ok).
func (m *Model) sendMedia() (ok bool) {
	set := m.cur()
	if set == nil || len(set.items) == 0 {
		return true
	}
	c := set.count()
	k := m.opts.Keys.Composer
	hint := k.Attachments.Help().Key + ", then " + k.Retry.Help().Key + " retries or " + k.Remove.Help().Key + " removes it"
	switch {
	case c[attFailed] > 0:
		m.problem = "an attachment failed to upload: " + hint
		return false
	case c[attPaused] > 0:
		m.problem = "an attachment is not uploaded yet: " + hint
		return false
	case c[attUploading]+c[attProcessing] > 0:
		m.waiting = true
		m.problem = ""
		return false
	}
	return true
}

// settled runs when an attachment of key stops uploading or processing:
// a send waiting for it goes now, or stops if an upload failed.
func (m *Model) settled(key string) tea.Cmd {
	if !m.waiting || key != m.req.Key {
		return nil
	}
	c := m.cur().count()
	switch {
	case c[attFailed] > 0:
		m.waiting = false
		m.problem = "not sent: an attachment failed to upload (" + m.opts.Keys.Composer.Attachments.Help().Key + " to retry or remove it)"
		return nil
	case c[attUploading]+c[attProcessing] > 0:
		return nil
	}
	m.waiting = false
	return m.emitSend()
}

// restoreMedia re-offers the attachments saved with a draft: uploaded ones
// keep their media ID; the others wait for the operator to upload them.
func (m *Model) restoreMedia(saved []savedAttachment) {
	if !m.mediaOn() || len(saved) == 0 || m.Attachments() > 0 {
		return
	}
	set := m.set()
	for _, s := range saved {
		if s.Kind != api.MediaTypeImage && s.Kind != api.MediaTypeVideo {
			continue
		}
		if s.Path == "" && s.MediaID == "" {
			continue
		}
		m.nextAtt++
		a := &attachment{
			id: m.nextAtt, path: s.Path, name: sanitize.Line(s.Name), kind: s.Kind, ctype: s.ContentType,
			size: s.Size, mediaID: s.MediaID, url: s.URL, state: attReady,
		}
		if a.name == "" {
			a.name = displayName(s.Path)
		}
		if a.mediaID == "" {
			a.state = attPaused
		}
		if set.canAdd(a.kind, m.req.Files) != "" {
			continue
		}
		set.items = append(set.items, a)
	}
	set.sel = max(len(set.items)-1, 0)
	m.layout()
}
