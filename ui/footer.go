package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"
)

// footerView draws the key hints: what the screen showing offers on the
// left, cut with "…" when the line is full, and the keys that get the
// operator anywhere (? help, q quit) pinned at the right at every width.
// It is kept between frames (chrome.go) until a hint or the width changes:
// the key holds every binding shown, so the memo cannot go stale.
func (m *Model) footerView(w int) string {
	left, right := m.footerKeys()
	k := new(chromeKey).int(m.chrome.styleGen).int(w)
	for _, part := range [][]key.Binding{left, right} {
		for _, b := range part {
			h := b.Help()
			k.str(h.Key).str(h.Desc).bool(b.Enabled())
		}
		k.str("|")
	}
	return m.chrome.footer.get(k.String(), func() string { return m.drawFooter(w, left, right) })
}

// footerKeys are the hints for what has the keys now: the palette, the
// help screen, a text field (whose keys are all its own: ? and q type
// text there, so none are pinned), or the screen with the global keys.
func (m *Model) footerKeys() (left, right []key.Binding) {
	g, l := m.keys.Global, m.keys.List
	pinned := []key.Binding{g.Help, g.Quit}
	switch front := m.front(); {
	case m.palette != nil:
		k := paletteKeys
		return []key.Binding{k.run, k.up, k.down, k.close}, []key.Binding{g.ForceQuit}
	case m.showHelp:
		return []key.Binding{relabel(l.Down, "scroll"), relabel(l.PageDown, "page"), relabel(l.Back, "close")}, pinned
	case m.raw != nil:
		return []key.Binding{relabel(l.Down, "scroll"), relabel(l.PageDown, "page"), relabel(l.Back, "close raw view")}, pinned
	case front == nil:
		return nil, pinned
	case front.CapturesInput():
		return front.ShortHelp(), nil
	default:
		return append(front.ShortHelp(), g.Refresh, g.Palette), pinned
	}
}

// relabel is a copy of b described for this use.
func relabel(b key.Binding, desc string) key.Binding {
	b.SetHelp(b.Help().Key, desc)
	return b
}

// drawFooter lays the hints out: the pinned ones first, the others in
// what is left.
func (m *Model) drawFooter(w int, left, right []key.Binding) string {
	r := m.hints(right)
	rw := ansi.StringWidth(r)
	if rw >= w {
		return ansi.Truncate(r, w, "…")
	}
	if r == "" {
		return m.hintsIn(left, w)
	}
	l := m.hintsIn(left, w-rw-2) // two spaces at least between the halves
	return l + strings.Repeat(" ", max(w-ansi.StringWidth(l)-rw, 0)) + r
}

// hintsIn draws as many whole hints as fit in room cells, then "…" when
// some are left out: a hint cut in the middle ("d d…") says nothing. One
// hint wider than the room is cut, as the only way to show any.
func (m *Model) hintsIn(bs []key.Binding, room int) string {
	if room <= 0 {
		return ""
	}
	all := m.hints(bs)
	if ansi.StringWidth(all) <= room {
		return all
	}
	sep := m.help.Styles.ShortSeparator.Render(" · ")
	more := sep + m.help.Styles.ShortSeparator.Render("…")
	fit := ""
	for i := range bs {
		try := m.hints(bs[:i+1])
		if ansi.StringWidth(try)+ansi.StringWidth(more) > room {
			break
		}
		fit = try
	}
	if fit == "" {
		return ansi.Truncate(all, room, "…")
	}
	return fit + more
}

// hints draws bindings as "key desc" as bubbles' help does, skipping
// switched-off ones, separated by the middle dot every header uses: two
// bytes where bubbles' bullet takes three, on a line redrawn with every
// screen.
func (m *Model) hints(bs []key.Binding) string {
	st := m.help.Styles
	var b strings.Builder
	for _, k := range bs {
		if !k.Enabled() || k.Help().Key == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(st.ShortSeparator.Render(" · "))
		}
		b.WriteString(st.ShortKey.Render(k.Help().Key) + " " + st.ShortDesc.Render(k.Help().Desc))
	}
	return b.String()
}
