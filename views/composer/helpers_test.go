package composer

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"imagine/internal/tuitest"
	"imagine/keymap"
	"imagine/theme"
)

// settle runs cmd, feeds every resulting message back into the composer
// until nothing is left, and returns all the messages seen.
func settle(m *Model, cmd tea.Cmd) []tea.Msg { return tuitest.Settle(m.Update, cmd) }

// typeText types s key by key and settles every resulting Cmd.
func typeText(m *Model, s string) []tea.Msg { return tuitest.TypeText(m.Update, s) }

func newComposer(t *testing.T, dir, editor string) *Model {
	t.Helper()
	m := New(Options{
		ID: "test", Keys: keymap.Default(), Styles: theme.New(true, false),
		DraftDir: dir, Editor: editor, Debounce: time.Millisecond,
	})
	m.SetSize(80, 24)
	return m
}

func teaPaste(s string) tea.PasteMsg { return tea.PasteMsg{Content: s} }
