package composer

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"imagine/views"
)

// The end of a send made through views.SendOnce, the same for every pane
// that sends a draft exactly once: the ledger (sends), the attempts kept
// next to the draft and what the composer or the status line says.

// SendFailed keeps the text in the composer with the error beside the
// counter; if the composer moved on meanwhile, the status line says it.
// When the outcome is still unknown (checkErr: the read-back failed) the
// composer says "unconfirmed" rather than "not sent", attempts are kept
// in sends and on disk, and the next send checks first; after a
// read-back that did not find it ("not sent") they are kept in sends
// only. what names the item ("comment").
func (m *Model) SendFailed(sends *views.Ledger, key, text, what string, err, checkErr error, attempts []time.Time) tea.Cmd {
	if checkErr != nil {
		sends.Unsure(key, text, attempts)
		keep := m.KeepAttempts(key, text, attempts)
		why := views.UncheckedText(err, checkErr)
		status := views.Status(views.LevelWarn, what+" "+why+" (the draft is kept)")
		if m.Key() != key {
			return tea.Batch(keep, status)
		}
		cmd := tea.Batch(keep, m.Unconfirmed(why))
		if !m.IsOpen() {
			cmd = tea.Batch(cmd, status)
		}
		return cmd
	}
	// A read-back that found nothing leaves its attempts in sends, to be
	// read back once more before the resend (views.Ledger.AfterFailure).
	sends.AfterFailure(key, text, err, attempts)
	drop := m.DropAttempts(key)
	if m.Key() != key {
		return tea.Batch(drop, views.Failed("couldn't send the "+what+" (the draft is kept)", err))
	}
	cmd := tea.Batch(drop, m.Failed(err))
	if !m.IsOpen() {
		cmd = tea.Batch(cmd, views.Failed("couldn't send the "+what+" (the draft is kept)", err))
	}
	return cmd
}

// SendDone settles key in sends, clears the composer (or just the draft
// of key if the composer moved on) and closes it.
func (m *Model) SendDone(sends *views.Ledger, key string) tea.Cmd {
	sends.Settle(key)
	drop := m.DropAttempts(key)
	if m.Key() != key {
		return tea.Batch(drop, m.DeleteDraft(key))
	}
	return tea.Batch(drop, tea.Sequence(m.Sent(), m.Close()))
}
