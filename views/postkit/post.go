package postkit

import (
	"strings"

	"charm.land/bubbles/v2/key"
)

// Push puts a screen on top of the stack; its ID comes from NewID.
func (m *Kit) Push(s Screen) { m.stack = append(m.stack, s) }

// Top is the screen on top of the stack, nil when the list under it shows.
func (m *Kit) Top() Screen {
	if len(m.stack) == 0 {
		return nil
	}
	return m.stack[len(m.stack)-1]
}

// NewID is the ID of a screen about to be pushed: its results carry it,
// so a late one for a screen gone finds nothing.
func (m *Kit) NewID() int {
	m.nextSID++
	return m.nextSID
}

// find returns the screen with id sid, if it is still open.
func (m *Kit) find(sid int) Screen {
	for _, s := range m.stack {
		if s.ID() == sid {
			return s
		}
	}
	return nil
}

// Pop closes the screen on top.
func (m *Kit) Pop() {
	if len(m.stack) > 0 {
		top := m.stack[len(m.stack)-1]
		m.stack = m.stack[:len(m.stack)-1]
		top.Release(m)
	}
}

// IsMe reports whether handle is the signed-in agent.
func (m *Kit) IsMe(handle string) bool {
	return m.me != "" && strings.EqualFold(strings.TrimPrefix(handle, "@"), strings.TrimPrefix(m.me, "@"))
}

// Hint is "key description" of a binding, for inline hints.
func (m *Kit) Hint(b key.Binding) string {
	h := b.Help()
	return h.Key + " " + h.Desc
}
