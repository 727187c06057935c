package tuitest

import tea "charm.land/bubbletea/v2"

// Click is a left button press at x, y (zero-based cells), as a terminal
// reports it in cell-motion mouse mode.
func Click(x, y int) tea.MouseClickMsg {
	return tea.MouseClickMsg{X: x, Y: y, Button: tea.MouseLeft}
}

// Wheel is one notch of the wheel at x, y: down when dy > 0, else up.
func Wheel(x, y, dy int) tea.MouseWheelMsg {
	b := tea.MouseWheelDown
	if dy < 0 {
		b = tea.MouseWheelUp
	}
	return tea.MouseWheelMsg{X: x, Y: y, Button: b}
}
