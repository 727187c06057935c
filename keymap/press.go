package keymap

import (
	"strings"

	tea "charm.land/bubbletea/v2"
)

// named maps key names, as bubbles' key bindings spell them, to codes.
var named = map[string]rune{
	"enter": tea.KeyEnter, "esc": tea.KeyEscape, "tab": tea.KeyTab,
	"space": tea.KeySpace, "backspace": tea.KeyBackspace, "delete": tea.KeyDelete,
	"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
	"pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown, "home": tea.KeyHome, "end": tea.KeyEnd,
}

// Press builds the key message a terminal would send for s: a printable
// character ("j", "Q", "."), a named key ("enter", "pgdown") or either with
// modifiers ("ctrl+s", "shift+tab", "alt+n"). Its String() is s again, so
// key bindings match it exactly as they match real input. The palette runs
// a pane's action this way, by pressing the action's first key for it,
// and the tests type with it.
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
