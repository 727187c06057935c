package explore

import (
	"context"
	"errors"

	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
)

// A like (l) on a Byte. The row changes when the server answers; when the
// answer is lost the Byte is read back (settleLike) and the row shows what
// the server has, never "not liked" while the server has the like.

// likedMsg is a like's or an unlike's outcome.
type likedMsg struct {
	id string
	on bool // a like; false: an unlike
	t  *api.Toggle
	// lost is the lost answer that made the read-back; err is then the
	// read-back's failure (a *views.CheckError) or the resend's.
	lost error
	err  error
	// settled says t was read back after a lost answer.
	settled bool
}

// like likes the Byte, or unlikes it.
func (m *Model) like(b *api.Byte) tea.Cmd {
	src, ctx, id, on := m.bytes, m.ctx, b.ID, !b.IsLiked
	return func() tea.Msg {
		call := src.Unlike
		if on {
			call = src.Like
		}
		t, err := call(ctx, id)
		msg := likedMsg{id: id, on: on, t: t, err: err}
		if errors.Is(err, api.ErrUnknownOutcome) {
			msg.lost = err
			msg.t, msg.err = settleLike(ctx, src, id, on, call)
			msg.settled = msg.err == nil
		}
		return msg
	}
}

// liked shows a like's outcome on every row of the Byte: the server's
// state and count.
func (m *Model) liked(msg likedMsg) tea.Cmd {
	verb := "like"
	if !msg.on {
		verb = "unlike"
	}
	var check *views.CheckError
	switch {
	case msg.lost != nil && errors.As(msg.err, &check):
		// Nothing is known: the row stays as it was, and pressing again
		// is safe (a like or an unlike made twice is made once).
		return views.Status(views.LevelWarn, "couldn't confirm the "+verb+" of the Byte: "+
			views.Unchecked(msg.lost, check.Err)+"; pressing l again is safe")
	case msg.err != nil:
		return views.Failed("couldn't "+verb+" the Byte", msg.err)
	}
	m.eachByte(msg.id, func(b *api.Byte) {
		b.IsLiked = msg.t.Active
		switch {
		case msg.t.CountKnown:
			b.LikeCount = msg.t.Count
		case msg.on:
			b.LikeCount++
		default:
			b.LikeCount = max(b.LikeCount-1, 0)
		}
	})
	if msg.settled && msg.t.Active != msg.on {
		return views.Status(views.LevelWarn, "couldn't "+verb+" the Byte: no answer from the server, and it did not happen; press again")
	}
	return nil
}

// settleLike reads Byte id back after a like's or an unlike's answer was
// lost (views.SettleToggle): the Byte's state is the truth, and a like or
// unlike that did not happen is sent once more (both are idempotent).
func settleLike(ctx context.Context, src Bytes, id string, want bool,
	call func(context.Context, string) (*api.Toggle, error)) (*api.Toggle, error) {
	read := func(ctx context.Context) (*api.Toggle, error) {
		b, err := src.Get(ctx, id)
		if err != nil {
			return nil, err
		}
		return &api.Toggle{Active: b.IsLiked, Count: b.LikeCount, CountKnown: true}, nil
	}
	return views.SettleToggle(ctx, want, true, read, func(ctx context.Context) (*api.Toggle, error) { return call(ctx, id) })
}
