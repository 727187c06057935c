// Package tuitest holds helpers shared by the Bubble Tea tests of every
// pane and of the root: building key presses from their names, running
// Cmds synchronously (Settle) or concurrently as tea.Program does (Loop),
// checking that frames fit the pane and send the terminal nothing but
// SGR, measuring frames, and connecting a real client to the sandbox
// server. It is imported by tests only.
package tuitest

import (
	"reflect"
	"strings"

	tea "charm.land/bubbletea/v2"
)

// named maps key names, as bubbles' key bindings spell them, to codes.
var named = map[string]rune{
	"enter": tea.KeyEnter, "esc": tea.KeyEscape, "tab": tea.KeyTab,
	"space": tea.KeySpace, "backspace": tea.KeyBackspace,
	"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
	"pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown, "home": tea.KeyHome, "end": tea.KeyEnd,
}

// Press builds the key message a terminal would send for s: a printable
// character ("j", "Q", "."), a named key ("enter", "pgdown") or either with
// modifiers ("ctrl+s", "shift+tab", "alt+n"). Its String() is s again, so
// key bindings match it exactly as they match real input.
func Press(s string) tea.KeyPressMsg {
	parts := strings.Split(s, "+")
	name := parts[len(parts)-1]
	if s == "+" || strings.HasSuffix(s, "++") {
		name = "+"
		parts = append(parts[:len(parts)-2], "+")
	}
	var k tea.KeyPressMsg
	for _, mod := range parts[:len(parts)-1] {
		switch mod {
		case "ctrl":
			k.Mod |= tea.ModCtrl
		case "alt":
			k.Mod |= tea.ModAlt
		case "shift":
			k.Mod |= tea.ModShift
		}
	}
	if code, ok := named[name]; ok {
		k.Code = code
		if code == tea.KeySpace && k.Mod == 0 {
			k.Text = " "
		}
		return k
	}
	r := []rune(name)[0]
	k.Code = r
	if k.Mod == 0 {
		k.Text = string(r)
	}
	return k
}

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
