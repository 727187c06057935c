package ui

// rect is a region of the screen in cells.
type rect struct{ x, y, w, h int }

// layoutRects is where each region of the screen goes.
type layoutRects struct {
	tabs, body, footer, status rect
}

// layout splits a width x height screen into the tab bar (top line), the
// pane body, a key-hint footer and the status line. It is a pure function of
// the size so it can be tested on its own; very short screens lose the
// footer first.
func layout(width, height int) layoutRects {
	if width < 1 {
		width = 1
	}
	if height < 1 {
		height = 1
	}
	var l layoutRects
	l.tabs = rect{0, 0, width, 1}
	footer := 1
	if height < 8 {
		footer = 0
	}
	bodyH := height - 2 - footer
	if bodyH < 1 {
		bodyH = 1
	}
	l.body = rect{0, 1, width, bodyH}
	l.footer = rect{0, 1 + bodyH, width, footer}
	l.status = rect{0, 1 + bodyH + footer, width, 1}
	return l
}
