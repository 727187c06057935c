package views

import (
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
)

// KeysAhead keeps the keys typed into a huh form while its focus moves.
// huh moves to the next field in a Cmd: tab, then text typed at once (a
// fast typist, a paste of keys, a script driving the terminal) reached the
// field being left before the move ("Haiku for your launchT" and "hree
// lines"). A key that may move the focus and did not yet starts the wait;
// keys meanwhile are held, and played to the form, in order, once the
// focus has moved (or after keysAheadWait, when the key moved nothing: a
// refused field, the last one). Every form host uses it: HostedForm, the
// Market's and the Jobs pane's.
type KeysAhead struct {
	waiting bool
	from    huh.Field
	held    []tea.KeyPressMsg
	gen     int
}

// keysAheadWait bounds how long keys are held for a move that may not
// come. huh's move comes back in well under a millisecond; the bound is
// short because every tab's wait is a timer a test's settling runs out.
const keysAheadWait = 40 * time.Millisecond

// keysAheadDueMsg ends the wait of generation gen.
type keysAheadDueMsg struct{ gen int }

// Update hands msg to the form through update (the host's call of
// form.Update) and returns its Cmds, holding and then playing the keys
// typed while the focus moves. The host wraps the Cmds as it wraps the
// form's, so the wait's end comes back through it.
func (g *KeysAhead) Update(form *huh.Form, msg tea.Msg, update func(tea.Msg) tea.Cmd) tea.Cmd {
	if due, ok := msg.(keysAheadDueMsg); ok {
		if due.gen != g.gen || !g.waiting {
			return nil
		}
		return g.play(form, update)
	}
	key, isKey := msg.(tea.KeyPressMsg)
	if isKey && g.waiting {
		g.held = append(g.held, key)
		return nil
	}
	before := form.GetFocusedField()
	cmd := update(msg)
	moved := form.GetFocusedField() != before || form.State != huh.StateNormal
	switch {
	case isKey && movesFocus(key) && !moved && cmd != nil:
		g.waiting, g.from = true, before
		g.gen++
		gen := g.gen
		return tea.Batch(cmd, tea.Tick(keysAheadWait, func(time.Time) tea.Msg { return keysAheadDueMsg{gen: gen} }))
	case g.waiting && (form.GetFocusedField() != g.from || form.State != huh.StateNormal):
		return tea.Batch(cmd, g.play(form, update))
	}
	return cmd
}

// play ends the wait and hands the held keys to the form, in order; one
// that starts another wait holds the rest again.
func (g *KeysAhead) play(form *huh.Form, update func(tea.Msg) tea.Cmd) tea.Cmd {
	g.waiting = false
	held := g.held
	g.held = nil
	cmds := make([]tea.Cmd, 0, len(held))
	for _, k := range held {
		cmds = append(cmds, g.Update(form, k, update))
	}
	return tea.Batch(cmds...)
}

// movesFocus reports a key huh may answer by moving to another field.
func movesFocus(k tea.KeyPressMsg) bool {
	switch k.String() {
	case "tab", "shift+tab", "enter":
		return true
	}
	return false
}
