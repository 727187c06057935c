package ui

import (
	"context"

	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
)

// A preview's requests (split.go) run under a context of its own. The
// client's budget for the user's reads is under one a second after a
// short burst (api/ratelimit.go); walking down a list at reading pace
// rests on every item, and without this each rest queued its preview's
// requests behind those of the items already left, so the item the
// cursor stopped on was shown seconds late. A preview left while
// it is still loading is cancelled, which gives its place in the budget
// back, and dropped, so coming back to it fetches it again. So is one
// whose fetch failed: coming back tries again instead of showing the
// error it kept.

// loader is a preview that can say whether it shows all it fetched: not
// loading any more, and nothing failed.
type loader interface{ Loaded() bool }

// postHolder is a preview that can hand over a post it holds.
type postHolder interface {
	PostByID(id string) (api.Post, bool)
}

// withHeldPost carries along with a target that names a post by ID only
// (a notification's) the post a kept preview already holds, so the new
// preview fetches its comments but not the post again: notifications
// about several comments on one post are several previews of it.
func (m *Model) withHeldPost(target tea.Msg) tea.Msg {
	o, ok := target.(views.OpenPostMsg)
	if !ok || o.Post != nil {
		return target
	}
	for _, d := range m.split.details {
		if h, ok := d.stack.(postHolder); ok {
			if p, ok := h.PostByID(o.PostID); ok {
				o.Post = &p
				return o
			}
		}
	}
	return target
}

// detailMaker makes a preview whose requests run under ctx.
type detailMaker = func(ctx context.Context) Stack

// dropUnloadedDetail cancels and drops the preview shown when the cursor
// went on to key before it loaded (or after its fetch failed).
func (m *Model) dropUnloadedDetail(key string) {
	shown := m.split.shown
	d := m.split.details[shown]
	if d == nil || shown == key {
		return
	}
	if l, ok := d.stack.(loader); ok && !l.Loaded() {
		d.cancel()
		delete(m.split.details, shown)
	}
}

// newDetail makes a preview with maker, under a context of its own.
func (m *Model) newDetail(maker detailMaker) *detail {
	ctx, cancel := context.WithCancel(m.ctx)
	m.split.serial++
	return &detail{stack: maker(ctx), cancel: cancel, serial: m.split.serial}
}

// wrap delivers the results of cmd, a Cmd of preview d kept under key,
// back to d and to no preview made after it under the same key.
func (d *detail) wrap(key string, cmd tea.Cmd) tea.Cmd {
	serial := d.serial
	return wrapCmd(cmd, func(r tea.Msg) tea.Msg { return detailMsg{key: key, serial: serial, msg: r} })
}
