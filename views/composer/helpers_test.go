package composer

import (
	"reflect"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"imagine/keymap"
	"imagine/theme"
)

// press builds the key message a terminal would send for s ("ctrl+s",
// "esc", "enter" or one printable rune).
func press(s string) tea.KeyPressMsg {
	switch s {
	case "ctrl+s":
		return tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl}
	case "ctrl+e":
		return tea.KeyPressMsg{Code: 'e', Mod: tea.ModCtrl}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	}
	r := []rune(s)[0]
	return tea.KeyPressMsg{Code: r, Text: string(r)}
}

// collect runs cmd synchronously and returns its messages, flattening
// tea.Batch and tea.Sequence.
func collect(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if msg == nil {
		return nil
	}
	v := reflect.ValueOf(msg)
	if v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeFor[tea.Cmd]() {
		var out []tea.Msg
		for i := range v.Len() {
			c, _ := v.Index(i).Interface().(tea.Cmd)
			out = append(out, collect(c)...)
		}
		return out
	}
	return []tea.Msg{msg}
}

// settle runs cmd, feeds every resulting message back into the composer
// until nothing is left, and returns all the messages seen.
func settle(m *Model, cmd tea.Cmd) []tea.Msg {
	var seen []tea.Msg
	queue := collect(cmd)
	for len(queue) > 0 {
		msg := queue[0]
		queue = queue[1:]
		seen = append(seen, msg)
		queue = append(queue, collect(m.Update(msg))...)
	}
	return seen
}

// typeText types s key by key and settles every resulting Cmd.
func typeText(m *Model, s string) []tea.Msg {
	var seen []tea.Msg
	for _, r := range s {
		k := press(string(r))
		if r == ' ' {
			k = press("space")
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
