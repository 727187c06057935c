package ui

import (
	"context"
	"errors"
	"time"

	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
)

// The TUI starts before the server has said who the credentials belong to,
// so the first frame never waits on the network; the signed-in handle
// arrives as a message and is handed to the panes that need it.

// identityAware is implemented by panes that behave differently for the
// operator's own items (deleting a post, say).
type identityAware interface{ SetMe(handle string) }

// signedInMsg carries the answer of Options.SignIn.
type signedInMsg struct {
	handle string
	err    error
}

// signIn asks the server who we are, unless the handle is already known.
func (m *Model) signIn() tea.Cmd {
	if m.opts.SignIn == nil || m.handle != "" {
		return nil
	}
	ctx, signIn := m.ctx, m.opts.SignIn
	return func() tea.Msg {
		h, err := signIn(ctx)
		return signedInMsg{handle: h, err: err}
	}
}

// handleSignedIn records the handle, or retries, or gives up on rejected
// credentials with the fatal screen.
func (m *Model) handleSignedIn(msg signedInMsg) tea.Cmd {
	switch {
	case msg.err == nil:
		m.signInFailures = 0
		m.handle = msg.handle
		for _, id := range m.order {
			if p, ok := m.panes[id].(identityAware); ok {
				p.SetMe(msg.handle)
			}
			if s := m.stacks[id]; s != nil {
				s.Each(func(sc views.Screen) {
					if me, ok := sc.(identityAware); ok {
						me.SetMe(msg.handle)
					}
				})
			}
		}
		return nil
	case errors.Is(msg.err, api.ErrUnauthorized):
		m.fatal = msg.err
		return nil
	case errors.Is(msg.err, context.Canceled):
		return nil
	}
	m.opts.Logger.Warn("sign-in failed", "err", msg.err)
	m.signInFailures++
	d := backoff(m.signInFailures)
	return tea.Batch(
		m.status.set(levelWarn, "signing in failed, retrying in "+d.Round(1e9).String(), 0),
		tea.Tick(d, func(time.Time) tea.Msg { return retrySignInMsg{} }),
	)
}

// retrySignInMsg asks for another sign-in attempt after a failure.
type retrySignInMsg struct{}

// Fatal is the error that stopped the client (the server refused the
// credentials), or nil. After the program ends, the command line turns it
// into a non-zero exit.
func (m *Model) Fatal() error { return m.fatal }
