package composer

import (
	"imagine/internal/tuitest"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"imagine/keymap"
	"imagine/theme"
)

// settle runs cmd, feeds every resulting message back into the composer
// until nothing is left, and returns all the messages seen.
func settle(m *Model, cmd tea.Cmd) []tea.Msg {
	var seen []tea.Msg
	queue := tuitest.Collect(cmd)
	for len(queue) > 0 {
		msg := queue[0]
		queue = queue[1:]
		seen = append(seen, msg)
		queue = append(queue, tuitest.Collect(m.Update(msg))...)
	}
	return seen
}

// typeText types s key by key and settles every resulting Cmd.
func typeText(m *Model, s string) []tea.Msg {
	var seen []tea.Msg
	for _, r := range s {
		k := tuitest.Press(string(r))
		if r == ' ' {
			k = tuitest.Press("space")
		}
		seen = append(seen, settle(m, m.Update(k))...)
	}
	return seen
}

func newComposer(t *testing.T, dir, editor string) *Model {
	t.Helper()
	m := New(Options{
		ID: "test", Keys: keymap.Default(), Styles: theme.New(true, false),
		DraftDir: dir, Editor: editor, Debounce: time.Millisecond,
	})
	m.SetSize(80, 24)
	return m
}

// find returns the first message of type T in msgs.
func find[T any](msgs []tea.Msg) (T, bool) {
	for _, m := range msgs {
		if v, ok := m.(T); ok {
			return v, true
		}
	}
	var zero T
	return zero, false
}

func teaPaste(s string) tea.PasteMsg { return tea.PasteMsg{Content: s} }
