package feed

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"imagine/internal/feedmark"
	"imagine/views"
	"imagine/views/postkit"
)

// Where the operator stopped reading the home feed, across runs (anchors.md
// "remember where I stopped"; Mastodon's markers):
//
//   - While the home feed's list is on screen, fresh from the server, the
//     newest post shown is "seen"; each time that moves on to a newer post
//     it is saved (Options.LastVisit), by a Cmd.
//   - At start the pane reads the mark the last run saved. Posts newer than
//     it are new since the last visit: the title counts them ("3 new since
//     your last visit"), and a divider sits above the first post that is
//     not new. Your own posts are never counted as new.
//   - The divider stays where it is for the whole run, so reading past it
//     does not make it jump; the next run starts from what this one saw.
//   - `'` moves the cursor to the first post not new: where you stopped.

// VisitMarks keeps where the operator stopped reading the home feed
// (*feedmark.Store). Both methods do file I/O; the pane calls them from
// Cmds only.
type VisitMarks interface {
	Load() (feedmark.Mark, error)
	Save(feedmark.Mark) error
}

// lastVisit is the pane's side of the marks.
type lastVisit struct {
	marks VisitMarks
	// prev is the last run's mark, read at start and then fixed; loaded
	// once it has been read, so that nothing is saved over it before.
	prev   feedmark.Mark
	loaded bool
	// seen is the newest post shown this run (at least prev).
	seen feedmark.Mark

	// The home feed's divider, worked out again only when the list
	// changes (sig).
	sig     listSig
	divider *postkit.Entry // the first post not new; nil: none loaded
	count   int            // the new posts by others loaded above it
	more    bool           // count is a lower bound: older pages hold the rest
	// line is the divider as drawn, for lineKey.
	line    string
	lineKey lineKey
}

// markMsg carries the last run's mark read from disk.
type markMsg struct{ mark feedmark.Mark }

// loadMark is Init's Cmd reading the last run's mark, or nil without a
// store.
func (m *Model) loadMark() tea.Cmd {
	marks := m.visit.marks
	if marks == nil {
		return nil
	}
	return func() tea.Msg {
		// A corrupt file is no mark; the store logs why.
		mark, _ := marks.Load()
		return markMsg{mark: mark}
	}
}

// markLoaded takes the last run's mark, and saves what this run has seen
// meanwhile if that is newer.
func (m *Model) markLoaded(msg markMsg) tea.Cmd {
	v := &m.visit
	v.prev, v.loaded = msg.mark, true
	v.sig = listSig{} // the divider is worked out again
	if v.prev.After(v.seen) {
		v.seen = v.prev
		return nil
	}
	return m.saveSeen()
}

// noteSeen moves the seen mark on to the newest post of the home feed on
// screen, and returns the Cmd saving it when it moved. Only the server's
// posts count: the cached page at start is the last run's.
func (m *Model) noteSeen() tea.Cmd {
	v := &m.visit
	tl := m.tls[home]
	if v.marks == nil || !m.focused || m.src != home || !tl.loaded || !m.start.cachedAt.IsZero() ||
		m.Depth() > 0 || m.ComposerOpen() || tl.filter.Active() || len(tl.entries) == 0 {
		return nil
	}
	newest, moved := v.seen, false
	h, heights := m.listBodyHeight(tl), m.listHeights(tl)
	for i, rows := tl.win.Top, -tl.win.Skip; i < len(tl.entries) && rows < h; i++ {
		if e := tl.entries[i]; !e.Hole {
			if mark := (feedmark.Mark{PostID: e.Post.ID, At: e.Post.CreatedAt}); mark.After(newest) {
				newest, moved = mark, true
			}
		}
		rows += heights(i)
	}
	if !moved {
		return nil
	}
	v.seen = newest
	if !v.loaded {
		return nil // markLoaded saves it, after reading what it replaces
	}
	return m.saveSeen()
}

// saveSeen writes the seen mark, off the loop.
func (m *Model) saveSeen() tea.Cmd {
	marks, mark := m.visit.marks, m.visit.seen
	if marks == nil || mark.IsZero() {
		return nil
	}
	return func() tea.Msg {
		// A failed write costs only the next start's count; the store
		// logs nothing for it, and nothing else depends on it.
		_ = marks.Save(mark)
		return nil
	}
}

// divider brings the divider of tl up to date and returns it: the first
// post not new, the new posts by others above it, and whether more are in
// pages not loaded. Only the home feed has one, and only once the server's
// page has replaced the cached one.
func (m *Model) divider(tl *timeline) (at *postkit.Entry, count int, more bool) {
	v := &m.visit
	if tl.src != home || v.prev.IsZero() || !m.start.cachedAt.IsZero() || !tl.loaded || len(tl.entries) == 0 {
		return nil, 0, false
	}
	if sig := tl.sig(); v.sig != sig {
		v.sig = sig
		var at *postkit.Entry
		count, newer := 0, false
		for _, e := range tl.entries {
			if e.Hole {
				continue
			}
			if !e.Post.CreatedAt.After(v.prev.At) || e.Post.ID == v.prev.PostID {
				// With the newest pages dropped, the first post held is
				// the boundary only when a newer one is held above it.
				if tl.lo == 0 || newer || e.Post.ID == v.prev.PostID {
					at = e
				}
				break
			}
			newer = true
			if !m.IsMe(e.Post.Agent.Handle) {
				count++
			}
		}
		if tl.lo == 0 {
			// With the newest pages dropped (bound.go) the count made
			// while they were held stands.
			_, older := tl.tail()
			v.count, v.more = count, at == nil && older
		}
		v.divider = at
		if v.count == 0 {
			v.divider = nil
		}
	}
	return v.divider, v.count, v.more
}

// visitNote is what the list's title adds: how many posts are new since
// the last visit.
func (m *Model) visitNote(tl *timeline) string {
	_, n, more := m.divider(tl)
	switch {
	case n == 0:
		return ""
	case more:
		return fmt.Sprintf("%d+ new since your last visit", n)
	default:
		return fmt.Sprintf("%d new since your last visit", n)
	}
}

// dividerLine is the rule drawn above the first post not new.
// It is styled once per count, width and palette, not every frame.
func (m *Model) dividerLine(n int) string {
	v := &m.visit
	k := lineKey{n: n, width: m.width, pal: m.pal}
	if v.line != "" && v.lineKey == k {
		return v.line
	}
	label := fmt.Sprintf(" ↑ %d new since your last visit ", n)
	line := "──" + label + strings.Repeat("─", max(m.width-lipgloss.Width(label)-2, 0))
	v.line, v.lineKey = views.Truncate(m.pal.accent.Render(line), m.width), k
	return v.line
}

// lineKey is what the divider's line depends on.
type lineKey struct {
	n, width int
	pal      *palette
}

// jumpToLastVisit puts the cursor on the first post not new.
func (m *Model) jumpToLastVisit() tea.Cmd {
	tl := m.tl()
	at, n, more := m.divider(tl)
	switch {
	case at != nil:
		for i, e := range tl.entries {
			if e == at {
				tl.win.Cursor = i
				tl.win.Fix(len(tl.entries), m.listBodyHeight(tl), m.listHeights(tl))
				return nil
			}
		}
	case n > 0 && tl.lo > 0:
		// Scrolled far down, the pages above were let go (bound.go).
		return views.Status(views.LevelInfo, "where you stopped is above the posts held: "+m.keys.List.Top.Help().Key+" goes back to the newest")
	case more:
		return views.Status(views.LevelInfo, fmt.Sprintf("where you stopped is further down: %d+ new posts", n))
	}
	return views.Status(views.LevelInfo, m.lastVisitDisabled())
}

// lastVisitDisabled is why `'` has nowhere to go, or "".
func (m *Model) lastVisitDisabled() string {
	tl := m.tl()
	switch at, n, more := m.divider(tl); {
	case at != nil, more, n > 0:
		return ""
	case tl.src != home:
		return "the public timeline keeps no last visit"
	case m.visit.prev.IsZero():
		return "no earlier visit to the home feed on this machine"
	}
	return "nothing new since your last visit"
}

// SetMe tells the pane who is signed in (the kit's, which the root calls
// once it knows). Your own posts are never new, and the home page may have
// arrived first: the divider is worked out again.
func (m *Model) SetMe(handle string) {
	m.Kit.SetMe(handle)
	m.visit.sig = listSig{}
}
