package views

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"imagine/keymap"
)

// Mouse support for lists. The root hands a pane a click or a wheel turn
// with coordinates relative to the pane (ui/mouse.go); a pane that draws
// header lines above its list subtracts them and asks its Window which
// item is on that row, the inverse of Render.

// ItemAt is the item drawn on row (0 is the window's first line) of a view
// of height lines over n items measured by h, as Render draws it from Top
// and Skip; -1 when the row is outside the view or below the last item.
// The separator lines an item draws under itself count as that item's.
func (w *Window) ItemAt(row, n, height int, h HeightFunc) int {
	if row < 0 || row >= height {
		return -1
	}
	end := -w.Skip
	for i := max(w.Top, 0); i < n && end < height; i++ {
		end += h(i)
		if row < end {
			return i
		}
	}
	return -1
}

// Drawn is how many lines Render draws: height, or fewer when the items
// run out first. A pane that pushes a short list down against the
// bottom of its view (a conversation) offsets its rows by what is left.
func (w *Window) Drawn(n, height int, h HeightFunc) int {
	used := -w.Skip
	for i := max(w.Top, 0); i < n && used < height; i++ {
		used += h(i)
	}
	return min(max(used, 0), height)
}

// Click applies a left click on row of the drawn window: the item there
// becomes the selection, scrolled into view as a move would. A click on
// the item already selected, or the second click of a double click
// (whose first one selected the item, even when selecting it scrolled
// the list under the pointer), asks for the selection to be opened, as
// enter would. hit is false when the row shows no item.
func (w *Window) Click(row, n, height int, h HeightFunc, double bool) (hit, open bool) {
	i := w.ItemAt(row, n, height, h)
	if i < 0 {
		return false, false
	}
	if i == w.Cursor || double {
		return true, true
	}
	w.Cursor = i
	w.Fix(n, height, h)
	return true, false
}

// ClickFiltered is Click on a list whose `/` filter f may be on. While it
// is, the rows drawn are its matches (f.Win over f.Len() of them,
// measured by fh) and the list's window w takes the match clicked as its
// selection, as the filter's own movement keys do; otherwise it is
// w.Click over the n items measured by h.
func ClickFiltered(w *Window, f *Filter, row, n, height int, h, fh HeightFunc, double bool) (hit, open bool) {
	if !f.Active() {
		w.Fix(n, height, h) // the window as drawn
		return w.Click(row, n, height, h, double)
	}
	f.Win.Fix(f.Len(), height, fh)
	hit, open = f.Win.Click(row, f.Len(), height, fh, double)
	if i, ok := f.Selected(); ok && hit {
		w.Cursor = i
	}
	return hit, open
}

// WheelKeys are the key presses a wheel turn of dy notches stands for: the
// list's Down key once a notch when dy > 0, its Up key when dy < 0. A pane
// replays them through its own key handling, so the wheel moves exactly as
// j/k do (one item, or one line inside an item taller than the view), the
// next page is fetched near the end and a `/` filter's matches are moved
// over, with no second copy of that logic.
func WheelKeys(dy int, k keymap.ListKeys) []tea.KeyPressMsg {
	b := k.Down
	if dy < 0 {
		b, dy = k.Up, -dy
	}
	press, ok := PressOf(b)
	if !ok {
		return nil
	}
	out := make([]tea.KeyPressMsg, dy)
	for i := range out {
		out[i] = press
	}
	return out
}

// PressOf is the key press that triggers b (its first key), for a pane to
// run one of its own bindings from the mouse; false when b is unbound or
// disabled.
func PressOf(b key.Binding) (tea.KeyPressMsg, bool) {
	ks := b.Keys()
	if !b.Enabled() || len(ks) == 0 {
		return tea.KeyPressMsg{}, false
	}
	return keymap.Press(ks[0]), true
}

// Replay runs presses through update one after another and batches what
// they return.
func Replay(update func(tea.Msg) tea.Cmd, presses ...tea.KeyPressMsg) tea.Cmd {
	cmds := make([]tea.Cmd, 0, len(presses))
	for _, p := range presses {
		cmds = append(cmds, update(p))
	}
	return tea.Batch(cmds...)
}
