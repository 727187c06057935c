package views

import (
	"context"
	"errors"
	"slices"
	"strings"
	"time"

	"imagine/api"
)

// Reconciling a write whose outcome is unknown (security.md §5.3): the
// request may or may not have reached the server (api.ErrUnknownOutcome),
// so it is never sent again blindly. The server is read back first (the
// operator's recent posts, a post's comments, an order's messages) and an
// item counts as the delivery when it is the operator's, has the same text
// and was created within MatchWindow of one of the attempts, and no other
// send has claimed it. Only when the read shows it is not there may the
// text be sent again. SendOnce runs that sequence in a tea.Cmd; Ledger
// keeps, per draft, the attempts still unconfirmed and the IDs already
// claimed.

// MatchWindow is how far from an attempt a server item may have been
// created to count as that attempt's delivery (clocks differ).
const MatchWindow = 120 * time.Second

// SentItem is what a reconcile compares of one item read back.
type SentItem struct {
	ID   string
	Text string
	At   time.Time
	// Mine says the operator wrote it.
	Mine bool
}

// FindSent returns the index in items of the delivery of text attempted
// at attempts: an item of the operator's with the same text (ignoring
// surrounding space), created within MatchWindow of an attempt and not
// in claimed; -1 when there is none. read describes an item.
func FindSent[T any](items []T, text string, attempts []time.Time, claimed map[string]bool, read func(*T) SentItem) int {
	want := strings.TrimSpace(text)
	for i := range items {
		it := read(&items[i])
		if !it.Mine || (it.ID != "" && claimed[it.ID]) || strings.TrimSpace(it.Text) != want {
			continue
		}
		for _, at := range attempts {
			if d := it.At.Sub(at); d <= MatchWindow && d >= -MatchWindow {
				return i
			}
		}
	}
	return -1
}

// Covers reports whether a listing read newest first, whose oldest item
// so far was created at oldest, reaches back past the match window of
// every attempt: older pages cannot hold the delivery.
func Covers(oldest time.Time, attempts []time.Time) bool {
	if len(attempts) == 0 {
		return true
	}
	return oldest.Before(slices.MinFunc(attempts, time.Time.Compare).Add(-MatchWindow))
}

// ErrNotThere says a write whose answer was lost was looked for on the
// server and is not there: it did not happen, and sending again is safe.
var ErrNotThere = errors.New("no answer from the server, and it is not there")

// NotSentError is a write whose answer was lost and that reading the
// server back did not find: it was not made. It names the host and what
// to do.
type NotSentError struct {
	// Cause is the lost answer (an *api.UnknownOutcomeError).
	Cause error
	// What says what the read showed ("the post is not on the server").
	What string
	// Again says how to try again; "" means "ctrl+s sends it again".
	Again string
}

// Error implements error: the sentence the composer shows after "not
// sent: ".
func (e *NotSentError) Error() string {
	again := e.Again
	if again == "" {
		again = "ctrl+s sends it again"
	}
	return "no answer from " + hostOf(e.Cause) + ", and " + e.What + "; " + again
}

// Is matches ErrNotThere.
func (e *NotSentError) Is(target error) bool { return target == ErrNotThere }

// Unwrap returns the lost answer.
func (e *NotSentError) Unwrap() error { return e.Cause }

// UncheckedText is what the composer says when an answer was lost and
// the check could not be made either: nothing is resent until a check
// succeeds.
func UncheckedText(cause, check error) string {
	return "unconfirmed: " + Unchecked(cause, check) + "; ctrl+s checks again before sending"
}

// Unchecked says why an outcome is unknown: the answer was lost and the
// read-back failed.
func Unchecked(cause, check error) string {
	return "no answer from " + hostOf(cause) + " and checking failed (" + Describe(check) + ")"
}

// SendResult is what SendOnce did.
type SendResult[T any] struct {
	// Item is the server's item: the answer of the send, or the delivery
	// found by reading back (Found).
	Item T
	// Err is the send's error; nil when it was delivered (Found or not).
	// A *NotSentError says the read-back proved it was not made.
	Err error
	// Found says a read-back found the delivery of a lost answer.
	Found bool
	// CheckErr is why a needed read-back failed: the outcome is still
	// unknown and Attempts must be checked before any resend.
	CheckErr error
	// Attempts are the attempts a later send must check first: the
	// unconfirmed ones (with CheckErr set), or those a read-back did not
	// find (with a *NotSentError).
	Attempts []time.Time
}

// Unknown reports whether the outcome is still unknown after the send:
// the read-back could not be made.
func (r *SendResult[T]) Unknown() bool { return r.CheckErr != nil }

// SendOnce sends at most once what earlier attempts may have delivered
// already. With prior attempts (whose answers were lost and whose check
// failed) it reads back first (find) and sends only when they are not
// there. A send whose answer is lost is read back at once. It runs in a
// tea.Cmd: it does I/O. what names the item for the error.
func SendOnce[T any](ctx context.Context, what string, prior []time.Time, at time.Time,
	send func(context.Context) (T, error), find func(context.Context, []time.Time) (T, bool, error)) SendResult[T] {
	var r SendResult[T]
	if len(prior) > 0 {
		item, ok, err := find(ctx, prior)
		switch {
		case err != nil:
			r.CheckErr, r.Attempts = err, slices.Clone(prior)
			r.Err = &api.UnknownOutcomeError{Err: err}
			return r
		case ok:
			r.Item, r.Found = item, true
			return r
		}
	}
	item, err := send(ctx)
	if err == nil {
		r.Item = item
		return r
	}
	if !errors.Is(err, api.ErrUnknownOutcome) && !errors.Is(err, context.Canceled) {
		r.Err = err
		return r
	}
	attempts := append(slices.Clone(prior), at)
	found, ok, cerr := find(ctx, attempts)
	switch {
	case cerr != nil:
		r.Err, r.CheckErr, r.Attempts = err, cerr, attempts
	case ok:
		r.Item, r.Found = found, true
	default:
		r.Err = &NotSentError{Cause: err, What: what + " is not on the server"}
		// Kept so that the next send reads back once more (see
		// Ledger.AfterFailure).
		r.Attempts = attempts
	}
	return r
}

// SentNote is the status after a send, done ("comment sent", "Byte
// published"); when its answer was lost and reading back found it, it
// says so.
func SentNote(done string, found bool) string {
	if found {
		return done + " (the answer was lost; it is on the server)"
	}
	return done
}

// MergeAttempts joins two lists of attempt times, in order, without
// repeats: the attempts held in memory and those kept on disk.
func MergeAttempts(a, b []time.Time) []time.Time {
	out := append(slices.Clone(a), b...)
	slices.SortFunc(out, time.Time.Compare)
	return slices.CompactFunc(out, time.Time.Equal)
}

// unsure is a draft's unconfirmed attempts.
type unsure struct {
	text     string
	attempts []time.Time
}

// Ledger keeps, for a pane, the sends whose outcome is still unknown (by
// draft key) and the IDs of items already claimed as deliveries, so two
// sends of the same text never count one item twice. Use it from Update
// only; hand copies (Prior, Claimed) to Cmds.
type Ledger struct {
	unsure  map[string]unsure
	claimed map[string]time.Time
	busy    map[string]bool
}

// Prior returns the unconfirmed attempts of key's text, to check before
// sending it. A changed text is a new item: its earlier attempts are
// dropped.
func (l *Ledger) Prior(key, text string) []time.Time {
	u, ok := l.unsure[key]
	if !ok || strings.TrimSpace(u.text) != strings.TrimSpace(text) {
		delete(l.unsure, key)
		return nil
	}
	return slices.Clone(u.attempts)
}

// Unsure records that key's text may have been sent at attempts.
func (l *Ledger) Unsure(key, text string, attempts []time.Time) {
	if l.unsure == nil {
		l.unsure = map[string]unsure{}
	}
	l.unsure[key] = unsure{text: text, attempts: slices.Clone(attempts)}
}

// Settle forgets key's unconfirmed attempts: it was sent.
func (l *Ledger) Settle(key string) { delete(l.unsure, key) }

// AfterFailure records what a failed send of key's text leaves to check.
// When reading back proved the text was not on the server (ErrNotThere),
// its attempts stay, in memory, so that the next send reads back once
// more before sending: a request held up on its way may still land after
// the check, and the API has no idempotency key that would stop a second
// copy. That costs one read per resend. Anything else (a success, or a
// failure the server answered, so nothing was made) forgets them.
func (l *Ledger) AfterFailure(key, text string, err error, attempts []time.Time) {
	if errors.Is(err, ErrNotThere) && len(attempts) > 0 {
		l.Unsure(key, text, attempts)
		return
	}
	l.Settle(key)
}

// Pending reports whether key has unconfirmed attempts.
func (l *Ledger) Pending(key string) bool {
	_, ok := l.unsure[key]
	return ok
}

// Claim marks id as a delivery seen at at, so no reconcile counts it for
// another send. Claims older than twice the match window are dropped.
func (l *Ledger) Claim(id string, at time.Time) {
	if id == "" {
		return
	}
	if l.claimed == nil {
		l.claimed = map[string]time.Time{}
	}
	for k, t := range l.claimed {
		if at.Sub(t) > 10*MatchWindow {
			delete(l.claimed, k)
		}
	}
	l.claimed[id] = at
}

// Claimed copies the claimed IDs for a Cmd.
func (l *Ledger) Claimed() map[string]bool {
	out := make(map[string]bool, len(l.claimed))
	for id := range l.claimed {
		out[id] = true
	}
	return out
}

// Start marks key's send in flight; false when one already is (the
// second send waits for the first and its check).
func (l *Ledger) Start(key string) bool {
	if l.busy[key] {
		return false
	}
	if l.busy == nil {
		l.busy = map[string]bool{}
	}
	l.busy[key] = true
	return true
}

// Done clears key's in-flight mark.
func (l *Ledger) Done(key string) { delete(l.busy, key) }
