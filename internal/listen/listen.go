// Package listen turns polling into an event stream: it reads the lists
// behind the account's notifications, direct messages, marketplace orders
// (and their messages) and generation jobs within a GET budget, and hands
// each new event to the caller once, remembering on disk what it has
// handed over so that a restart neither repeats nor loses events.
//
// It reads the lists, not the unread counts: the first page of a list
// costs the same one GET as a count and says what changed, and a count can
// stand still while events arrive (the operator reads one in the TUI as
// another comes in), so waiting for a count to move would lose events and
// spend a second GET on each change. (A conversation's unread count, which
// the list carries anyway, only says whether its last message is its only
// new one, or whether to read the conversation for the others first.)
// Order messages have neither a count
// nor a list across orders: an order whose updatedAt moved has its
// messages read (the sandbox moves it on every message; a server that
// does not would show order messages only with a status change).
//
// Polling sees states, not transitions: a stage shorter than the time
// between two reads (a job's few seconds "pending", an order paid three
// seconds after it was placed) may pass unseen; the state reached is
// always emitted, and nothing is invented.
package listen

import (
	"context"
	"errors"
	"fmt"
	"time"

	"golang.org/x/time/rate"

	"imagine/api"
)

// Event kinds.
const (
	KindNotification = "notification"
	KindDM           = "dm"
	KindOrder        = "order"
	KindOrderMessage = "order_message"
	KindJob          = "job"
)

// Kinds lists every event kind.
var Kinds = []string{KindNotification, KindDM, KindOrder, KindOrderMessage, KindJob}

// Event is one thing that happened to the account. Data is the API's
// object (a notification, a message, an order, an order message or a
// job), with the API's field names when encoded.
type Event struct {
	Kind string `json:"kind"`
	// ID identifies the event: the notification's or message's ID, or
	// the order or job ID with the status it reached.
	ID string `json:"id"`
	// At is when it happened, by the server's clock.
	At   time.Time `json:"at"`
	Data any       `json:"data"`
}

// Options configure Run.
type Options struct {
	Client *api.Client
	// StatePath is the state file (see StatePath).
	StatePath string
	// Kinds selects the kinds to emit (nil or empty: all). Sources whose
	// kinds are all filtered out are not polled.
	Kinds []string
	// GetsPerMinute is the GET budget (default 20).
	GetsPerMinute int
	// Emit receives each new event, one at a time. Its error stops Run.
	Emit func(Event) error
	// Logf reports problems that do not stop listening (may be nil).
	Logf func(format string, args ...any)
	// OnGet is called before each GET (for measuring; may be nil).
	OnGet func()
}

// listener is one Run.
type listener struct {
	o   Options
	c   *api.Client
	lim *rate.Limiter
	// token: a GET of the budget was waited for and not yet made (next
	// waits for it before choosing what to read).
	token bool
	// slot is the time between two GETs of the budget.
	slot time.Duration
	// readBefore is the chosen source's read before the current one.
	readBefore time.Time
	st         *state
	// recording: a source is read for the first time; what it holds is
	// recorded as existing, not emitted.
	recording bool
	meID      string
	kinds     map[string]bool
	srcs      []*source
	// hotPending, hotHistory: the last read of the pending list, of the
	// history, listed an unfinished job.
	hotPending, hotHistory bool
	// orderQ and convQ are the follow-up reads still to make, oldest
	// first: an order whose messages are to be read, a conversation whose
	// messages are to be checked.
	orderQ []followUp[api.Order]
	convQ  []followUp[string]
	// unread is each conversation's unread count at the last read of the
	// list: grown by one, its last message is its only new one.
	unread map[string]int
}

// Run listens until ctx ends (then returns nil) or Emit fails.
func Run(ctx context.Context, o Options) error {
	if o.GetsPerMinute <= 0 {
		o.GetsPerMinute = 20
	}
	// A poller's reads make one attempt each (a failed source is read
	// again in its turn), so every GET the server sees went through the
	// budget below.
	ctx = api.Background(ctx)
	st, err := loadState(o.StatePath)
	if err != nil {
		return fmt.Errorf("listen state %s: %w", o.StatePath, err)
	}
	l := &listener{o: o, c: o.Client, st: st, kinds: map[string]bool{}, unread: map[string]int{}}
	// One GET per interval, no burst, and the bucket starts empty, so
	// that a restart cannot spend a second first token inside the same
	// minute. The interval has 5 % to spare: the server sees requests
	// with the network's jitter, and must still count at most
	// GetsPerMinute in any minute.
	l.slot = time.Minute * 21 / 20 / time.Duration(o.GetsPerMinute)
	l.lim = rate.NewLimiter(rate.Every(l.slot), 1)
	l.lim.Allow()
	for _, k := range o.Kinds {
		l.kinds[k] = true
	}
	if len(l.kinds) == 0 {
		for _, k := range Kinds {
			l.kinds[k] = true
		}
	}
	// The account's ID is kept in the state: a restart that asked for it
	// again would spend its first GET, 3 s, before reading anything.
	learned := false
	if l.meID = st.MeID; l.meID == "" {
		if err := l.whoami(ctx); err != nil {
			return l.end(ctx, err)
		}
		st.MeID, learned = l.meID, true
	}
	l.srcs = l.sources()
	for _, j := range st.Jobs {
		if !finalJob(j) {
			l.hotPending, l.hotHistory = true, true
		}
	}
	saved, err := l.baseline(ctx)
	if err != nil {
		return l.end(ctx, err)
	}
	if learned && !saved {
		// An older state file, without the ID: keep it from now on. (A
		// first start saves it with what it recorded: the file appears
		// only once listening has begun.)
		l.save()
	}
	for {
		if err := l.next(ctx); err != nil {
			return l.end(ctx, err)
		}
	}
}

// whoami learns the account's ID (its own messages are not events),
// reading again in turn after a failure other than refused credentials.
func (l *listener) whoami(ctx context.Context) error {
	for {
		if err := l.get(ctx); err != nil {
			return err
		}
		me, err := l.c.Agents.Me(ctx)
		switch {
		case err == nil:
			l.meID = me.ID
			return nil
		case ctx.Err() != nil, errors.Is(err, api.ErrUnauthorized), errors.Is(err, api.ErrNoCredentials):
			return err
		}
		l.logf("listen: %v", err)
	}
}

// baseline reads every source this account's state has not seen yet
// (all of them on the first start; a kind first allowed by --filter
// later) and records what it holds as existing. A failed read is
// repeated: a source must not start emitting without knowing what was
// there before. It reports whether it saved the state.
func (l *listener) baseline(ctx context.Context) (bool, error) {
	todo := map[string]bool{}
	for _, s := range l.srcs {
		if s.on && s.pending == nil && !l.st.Baselined[s.key] {
			todo[s.key] = true
		}
	}
	if len(todo) == 0 {
		return false, nil
	}
	l.recording = true
	for _, s := range l.srcs {
		// Follow-ups have nothing to record; the pending jobs are read
		// only while the history is not known to list them (enabled).
		if !todo[s.key] || !s.on || s.pending != nil || (s.enabled != nil && !s.enabled()) {
			continue
		}
		for {
			s.last = time.Now()
			failed, err := l.poll(ctx, s)
			if err != nil {
				return false, err
			}
			if !failed {
				break
			}
		}
	}
	l.recording = false
	for k := range todo {
		l.st.Baselined[k] = true
	}
	return true, l.st.save()
}

// end turns the end of ctx into a clean stop.
func (l *listener) end(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return nil
	}
	return err
}

// wait waits for the GET budget's next token, unless one is held.
func (l *listener) wait(ctx context.Context) error {
	if l.token {
		return nil
	}
	if err := l.lim.Wait(ctx); err != nil {
		// The only other refusal is a token due after ctx's deadline:
		// nothing more can be read before the end.
		<-ctx.Done()
		return ctx.Err()
	}
	l.token = true
	return nil
}

// get spends a token of the GET budget on a GET about to be made,
// waiting for it unless next already did.
func (l *listener) get(ctx context.Context) error {
	if err := l.wait(ctx); err != nil {
		return err
	}
	l.token = false
	if l.o.OnGet != nil {
		l.o.OnGet()
	}
	return nil
}

// poll reads one source. Its failure is logged (failed) and it is read
// again in its turn; only the end of ctx or a failing Emit stops
// listening (err).
func (l *listener) poll(ctx context.Context, s *source) (failed bool, err error) {
	if err := s.run(ctx); err != nil {
		if ctx.Err() != nil {
			return true, ctx.Err()
		}
		if _, ok := err.(emitError); ok {
			return true, err
		}
		l.logf("listen: %v", err)
		var rl *api.RateLimitError
		if errors.As(err, &rl) && !rl.Local {
			// The server wants a pause: wait it out before any read.
			l.logf("listen: rate limited; waiting %s", rl.Wait.Round(time.Second))
			select {
			case <-ctx.Done():
				return true, ctx.Err()
			case <-time.After(rl.Wait):
			}
		}
		return true, nil
	}
	return false, nil
}

// emitError is a failure of the caller's Emit.
type emitError struct{ error }

// emit hands one event over (unless it was already, or the listener is
// recording its first state) and remembers it.
func (l *listener) emit(e Event) error {
	if l.st.has(e.ID) {
		return nil
	}
	if !l.recording && l.kinds[e.Kind] {
		if err := l.o.Emit(e); err != nil {
			return emitError{err}
		}
	}
	l.st.mark(e.ID)
	if l.recording {
		return nil
	}
	return l.save()
}

// save writes the state, logging a failure.
func (l *listener) save() error {
	if err := l.st.save(); err != nil {
		l.logf("listen: saving state: %v", err)
	}
	return nil
}

func (l *listener) logf(format string, args ...any) {
	if l.o.Logf != nil {
		l.o.Logf(format, args...)
	}
}
