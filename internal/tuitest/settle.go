package tuitest

import tea "charm.land/bubbletea/v2"

// Settle runs cmd synchronously and feeds every message it produces back
// to update, as the root would, until nothing is left; it returns every
// message seen, in the order update received them. Each Cmd runs through
// Collect, so a tea.Tick blocks for its duration and its message is then
// delivered like any other: the composer's draft save, behind a debounce
// tick, happens this way. Tests keep such ticks to a millisecond, or
// replace a pane's scheduler (as the jobs pane allows) where a tick must
// not fire by itself.
func Settle(update func(tea.Msg) tea.Cmd, cmd tea.Cmd) []tea.Msg {
	var seen []tea.Msg
	queue := Collect(cmd)
	for len(queue) > 0 {
		msg := queue[0]
		queue = queue[1:]
		seen = append(seen, msg)
		queue = append(queue, Collect(update(msg))...)
	}
	return seen
}

// Keys presses each key, named as Press takes it, and settles what update
// returns for it; it returns every message seen.
func Keys(update func(tea.Msg) tea.Cmd, keys ...string) []tea.Msg {
	var seen []tea.Msg
	for _, k := range keys {
		seen = append(seen, Settle(update, update(Press(k)))...)
	}
	return seen
}

// TypeText types text one key per rune, as Type builds them, and settles
// what update returns after each; it returns every message seen.
func TypeText(update func(tea.Msg) tea.Cmd, text string) []tea.Msg {
	var seen []tea.Msg
	for _, k := range Type(text) {
		seen = append(seen, Settle(update, update(k))...)
	}
	return seen
}

// Find returns the first message of type T in msgs, and whether there
// was one.
func Find[T any](msgs []tea.Msg) (T, bool) {
	for _, m := range msgs {
		if v, ok := m.(T); ok {
			return v, true
		}
	}
	var zero T
	return zero, false
}
