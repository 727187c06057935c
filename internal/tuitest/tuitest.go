// Package tuitest holds helpers shared by the Bubble Tea tests of every
// pane and of the root: building key presses from their names, running
// Cmds synchronously (Settle) or concurrently as tea.Program does (Loop),
// checking that frames fit the pane and send the terminal nothing but
// SGR, measuring frames, and connecting a real client to the sandbox
// server. It is imported by tests only.
package tuitest

import (
	"reflect"

	tea "charm.land/bubbletea/v2"

	"imagine/keymap"
)

// Press builds the key message a terminal would send for s: a printable
// character ("j", "Q", "."), a named key ("enter", "pgdown") or either with
// modifiers ("ctrl+s", "shift+tab", "alt+n"). Its String() is s again, so
// key bindings match it exactly as they match real input. It is
// keymap.Press, which the palette uses to run a pane's action.
func Press(s string) tea.KeyPressMsg { return keymap.Press(s) }

// Type returns one key press per rune of text, as typing it would.
func Type(text string) []tea.KeyPressMsg {
	var out []tea.KeyPressMsg
	for _, r := range text {
		if r == ' ' {
			out = append(out, Press("space"))
			continue
		}
		out = append(out, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return out
}

// Collect runs cmd synchronously and returns the messages it produces,
// flattening tea.Batch and tea.Sequence. Tick Cmds would block for their
// duration, so callers run it only on Cmds they know are immediate.
func Collect(cmd tea.Cmd) []tea.Msg {
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
			out = append(out, Collect(c)...)
		}
		return out
	}
	return []tea.Msg{msg}
}
