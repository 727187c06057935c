package jobs

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	tea "charm.land/bubbletea/v2"

	"imagine/api/sanitize"
	"imagine/internal/privfile"
)

// The generation form's prompt survives a quit: what the form held (or
// what esc or a refusal kept for the next n) is written to
// generation.json in the draft directory when the program ends, and read
// back when it starts, to be offered by the next n.

const draftFile = "generation.json"

// savedDraft is generation.json.
type savedDraft struct {
	Provider string `json:"provider"`
	Type     string `json:"type"`
	Model    string `json:"model,omitempty"`
	Prompt   string `json:"prompt"`
	Content  string `json:"content,omitempty"`
}

// draftFileMsg carries generation.json read at start.
type draftFileMsg struct{ d *genDraft }

// FlushDrafts writes the form's prompt to disk now, synchronously, or
// removes the file when there is nothing to keep; the program calls it
// once its event loop has ended.
func (m *Model) FlushDrafts() error {
	if m.draftDir == "" {
		return nil
	}
	path := filepath.Join(m.draftDir, draftFile)
	d := m.draft
	if m.form != nil {
		d = m.form.d
	}
	if d == nil || !d.worthKeeping() {
		if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		return nil
	}
	b, err := json.Marshal(savedDraft{Provider: d.provider, Type: d.genType, Model: d.model, Prompt: d.prompt, Content: d.content})
	if err != nil {
		return err
	}
	return privfile.Write(path, b)
}

// loadDraftFile reads generation.json, if any, in a Cmd.
func (m *Model) loadDraftFile() tea.Cmd {
	if m.draftDir == "" {
		return nil
	}
	path := filepath.Join(m.draftDir, draftFile)
	return func() tea.Msg {
		b, err := os.ReadFile(path)
		if err != nil {
			return nil
		}
		var s savedDraft
		if json.Unmarshal(b, &s) != nil {
			return nil
		}
		d := newDraft()
		// Our own file, but text typed by a person is cleaned as all text is.
		d.provider, d.genType, d.model = sanitize.Line(s.Provider), sanitize.Line(s.Type), sanitize.Line(s.Model)
		t := d.genType
		d.types[d.provider] = &t
		d.prompt, d.content = sanitize.Block(s.Prompt), sanitize.Block(s.Content)
		return draftFileMsg{d: d}
	}
}

// draftFileLoaded offers the prompt kept from the last run to the next n,
// unless a form or a kept draft already holds one.
func (m *Model) draftFileLoaded(msg draftFileMsg) {
	if m.draft == nil && m.form == nil && msg.d.worthKeeping() {
		m.keep(msg.d, "kept from your last session")
	}
}
