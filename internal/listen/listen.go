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
// spend a second GET on each change. Order messages have neither a count
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
	"slices"
	"strconv"
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
	st  *state
	// recording: a source is read for the first time; what it holds is
	// recorded as existing, not emitted.
	recording bool
	meID      string
	kinds     map[string]bool
	srcs      []*source
	jobsHot   bool // some job is unfinished
	// historyComplete: the job history lists unfinished jobs too, so the
	// pending list need not be read.
	historyComplete bool
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
	l := &listener{o: o, c: o.Client, st: st, kinds: map[string]bool{}}
	// One GET per interval, no burst, and the bucket starts empty, so
	// that a restart cannot spend a second first token inside the same
	// minute. The interval has 5 % to spare: the server sees requests
	// with the network's jitter, and must still count at most
	// GetsPerMinute in any minute.
	l.lim = rate.NewLimiter(rate.Every(time.Minute*21/20/time.Duration(o.GetsPerMinute)), 1)
	l.lim.Allow()
	for _, k := range o.Kinds {
		l.kinds[k] = true
	}
	if len(l.kinds) == 0 {
		for _, k := range Kinds {
			l.kinds[k] = true
		}
	}
	if err := l.whoami(ctx); err != nil {
		return l.end(ctx, err)
	}
	l.srcs = l.sources()
	for _, j := range st.Jobs {
		if !finalJob(j) {
			l.jobsHot = true
		}
	}
	if err := l.baseline(ctx); err != nil {
		return l.end(ctx, err)
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
// there before.
func (l *listener) baseline(ctx context.Context) error {
	did := false
	for _, s := range l.srcs {
		if !s.on || l.st.Baselined[s.name] {
			continue
		}
		l.recording = true
		for {
			s.last = time.Now()
			failed, err := l.poll(ctx, s)
			if err != nil {
				return err
			}
			if !failed {
				break
			}
		}
		l.recording = false
		l.st.Baselined[s.name] = true
		did = true
	}
	if did {
		return l.st.save()
	}
	return nil
}

// end turns the end of ctx into a clean stop.
func (l *listener) end(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return nil
	}
	return err
}

// get waits for the GET budget.
func (l *listener) get(ctx context.Context) error {
	if err := l.lim.Wait(ctx); err != nil {
		// The only other refusal is a token due after ctx's deadline:
		// nothing more can be read before the end.
		<-ctx.Done()
		return ctx.Err()
	}
	if l.o.OnGet != nil {
		l.o.OnGet()
	}
	return nil
}

// source is one thing listen reads, with how stale it may get.
type source struct {
	name   string
	on     bool
	target func() time.Duration
	run    func(context.Context) error
	last   time.Time // when its last read began (zero: never)
}

// Staleness targets, for events within 15 s at 20 GET/min (one every
// 3.15 s, see Run): the three busy sources every 12 s cost about 15 GETs a
// minute, the jobs every 45 s (9 s while one is unfinished) about 1.5,
// which leaves 2 or 3 for the reads that follow a change (a
// conversation's or an order's messages). When changes need more, every
// source slows down alike: the budget is never exceeded.
const (
	busyEvery    = 12 * time.Second
	jobsHotEvery = 9 * time.Second
	jobsIdle     = 45 * time.Second
)

func (l *listener) sources() []*source {
	every := func(d time.Duration) func() time.Duration { return func() time.Duration { return d } }
	return []*source{
		{name: srcNotifications, on: l.kinds[KindNotification], target: every(busyEvery), run: l.notifications},
		{name: srcDMs, on: l.kinds[KindDM], target: every(busyEvery), run: l.conversations},
		{name: srcOrders, on: l.kinds[KindOrder] || l.kinds[KindOrderMessage], target: every(busyEvery), run: l.orders},
		{name: srcJobs, on: l.kinds[KindJob], target: func() time.Duration {
			if l.jobsHot {
				return jobsHotEvery
			}
			return jobsIdle
		}, run: l.jobs},
	}
}

// next reads the source due soonest: the one whose last read plus its
// staleness target comes first. The GET budget paces the reads.
func (l *listener) next(ctx context.Context) error {
	var pick *source
	var due time.Time
	for _, s := range l.srcs {
		if !s.on {
			continue
		}
		d := s.last.Add(s.target())
		if pick == nil || d.Before(due) {
			pick, due = s, d
		}
	}
	if pick == nil {
		<-ctx.Done()
		return ctx.Err()
	}
	pick.last = time.Now()
	_, err := l.poll(ctx, pick)
	return err
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

// Sources, the keys of the floors.
const (
	srcNotifications = "notifications"
	srcDMs           = "dms"
	srcOrders        = "orders"
	srcJobs          = "jobs"
)

// isNew reports whether an item of a source made at t is after the
// source's floor (outside the first start, which records everything and
// raises the floor).
func (l *listener) isNew(source string, t time.Time) bool {
	if l.recording {
		l.st.raise(source, t)
		return true
	}
	return t.After(l.st.Floors[source])
}

// notifications reads the newest notifications, paging back while a page
// holds only new ones.
func (l *listener) notifications(ctx context.Context) error {
	var fresh []api.Notification
	opts := api.ListOptions{Limit: 50}
	for range 4 {
		if err := l.get(ctx); err != nil {
			return err
		}
		pg, err := l.c.Notifications.List(ctx, &opts)
		if err != nil {
			return err
		}
		allNew := len(pg.Items) > 0
		for _, n := range pg.Items {
			if l.st.has(n.ID) || !l.isNew(srcNotifications, n.CreatedAt) {
				allNew = false
				continue
			}
			fresh = append(fresh, n)
		}
		if l.recording || !allNew || !pg.HasMore || pg.NextCursor == "" {
			break
		}
		opts.Cursor = pg.NextCursor
	}
	slices.Reverse(fresh) // oldest first
	for _, n := range fresh {
		if err := l.emit(Event{Kind: KindNotification, ID: n.ID, At: n.CreatedAt, Data: n}); err != nil {
			return err
		}
	}
	return nil
}

// conversations reads the conversation list and, for every conversation
// whose last message changed, its newest messages.
func (l *listener) conversations(ctx context.Context) error {
	if err := l.get(ctx); err != nil {
		return err
	}
	pg, err := l.c.Conversations.List(ctx, &api.ListOptions{Limit: 50})
	if err != nil {
		return err
	}
	for _, c := range pg.Items {
		if c.LastMessage == nil || l.st.Conversations[c.ID] == c.LastMessage.ID {
			continue
		}
		if l.recording {
			l.isNew(srcDMs, c.LastMessage.CreatedAt)
			l.st.Conversations[c.ID] = c.LastMessage.ID
			continue
		}
		if err := l.get(ctx); err != nil {
			return err
		}
		ms, err := l.c.Conversations.Messages(ctx, c.ID, &api.ListOptions{Limit: 50})
		if err != nil {
			return err
		}
		for _, m := range ms.Items { // oldest first within a page
			if m.SenderID == l.meID || !l.isNew(srcDMs, m.CreatedAt) {
				continue
			}
			if err := l.emit(Event{Kind: KindDM, ID: m.ID, At: m.CreatedAt, Data: m}); err != nil {
				return err
			}
		}
		l.st.Conversations[c.ID] = c.LastMessage.ID
		l.save()
	}
	return nil
}

// orders reads the orders list; an order whose status changed is an
// event, and an order updated since last seen has its messages read.
func (l *listener) orders(ctx context.Context) error {
	if err := l.get(ctx); err != nil {
		return err
	}
	pg, err := l.c.Market.Orders(ctx, &api.OrderListOptions{Role: api.RoleAll, Limit: api.MaxPageSize})
	if err != nil {
		return err
	}
	slices.Reverse(pg.Items) // oldest first
	for _, o := range pg.Items {
		mark, known := l.st.Orders[o.ID]
		if known && mark.Status == string(o.Status) && mark.UpdatedAt.Equal(o.UpdatedAt) {
			continue
		}
		if l.recording || (!known && !o.UpdatedAt.After(l.st.Floors[srcOrders])) {
			l.isNew(srcOrders, o.UpdatedAt)
			l.st.Orders[o.ID] = orderMark{Status: string(o.Status), UpdatedAt: o.UpdatedAt}
			continue
		}
		if l.kinds[KindOrderMessage] {
			if err := l.orderMessages(ctx, o.ID); err != nil {
				return err
			}
		}
		if !known || mark.Status != string(o.Status) {
			id := o.ID + "/" + string(o.Status) + "/" + o.UpdatedAt.UTC().Format(time.RFC3339Nano)
			if err := l.emit(Event{Kind: KindOrder, ID: id, At: o.UpdatedAt, Data: o}); err != nil {
				return err
			}
		}
		l.st.Orders[o.ID] = orderMark{Status: string(o.Status), UpdatedAt: o.UpdatedAt}
		l.save()
	}
	return nil
}

// orderMessages emits an order's new messages from the other party.
func (l *listener) orderMessages(ctx context.Context, id string) error {
	if err := l.get(ctx); err != nil {
		return err
	}
	ms, err := l.c.Market.OrderMessages(ctx, id, &api.ListOptions{Limit: api.MaxPageSize})
	if err != nil {
		return err
	}
	for _, m := range ms.Items {
		if m.Sender.ID == l.meID || !l.isNew(srcOrders, m.CreatedAt) {
			continue
		}
		if err := l.emit(Event{Kind: KindOrderMessage, ID: m.ID, At: m.CreatedAt, Data: m}); err != nil {
			return err
		}
	}
	return nil
}

// jobs reads the newest jobs from the history and, until the history
// has shown that it lists unfinished jobs too (the sandbox's does; the
// documentation says only finished ones), the pending list as well. A
// job that started and finished between two reads is still seen, in the
// history.
func (l *listener) jobs(ctx context.Context) error {
	var jobs []api.GenerationJob
	listed := map[string]bool{}
	if !l.historyComplete {
		if err := l.get(ctx); err != nil {
			return err
		}
		pending, err := l.c.Generate.Pending(ctx)
		if err != nil {
			return err
		}
		for _, j := range pending {
			listed[j.ID] = true
		}
		jobs = pending
	}
	if err := l.get(ctx); err != nil {
		return err
	}
	h, err := l.c.Generate.History(ctx, &api.ListOptions{Limit: 50})
	if err != nil {
		return err
	}
	// The history was read last: its copy of a job is the newer one.
	inHistory := map[string]bool{}
	for _, j := range h.Items {
		inHistory[j.ID] = true
		if !finalJob(j.Status) {
			l.historyComplete = true
		}
	}
	jobs = slices.DeleteFunc(jobs, func(j api.GenerationJob) bool { return inHistory[j.ID] })
	jobs = append(jobs, h.Items...)
	if !l.historyComplete && len(listed) > 0 {
		complete := true
		for id := range listed {
			complete = complete && inHistory[id]
		}
		l.historyComplete = complete
	}
	slices.SortFunc(jobs, func(a, b api.GenerationJob) int { return a.UpdatedAt.Compare(b.UpdatedAt) })
	hot := false
	for _, j := range jobs {
		key := j.Status + "#" + strconv.Itoa(j.RetryCount)
		if !finalJob(key) {
			hot = true
		}
		old, known := l.st.Jobs[j.ID]
		if old == key {
			continue
		}
		if l.recording || (!known && !j.UpdatedAt.After(l.st.Floors[srcJobs])) {
			l.isNew(srcJobs, j.UpdatedAt)
			l.st.Jobs[j.ID] = key
			continue
		}
		if err := l.emit(Event{Kind: KindJob, ID: j.ID + "/" + key, At: j.UpdatedAt, Data: j}); err != nil {
			return err
		}
		l.st.Jobs[j.ID] = key
		l.save()
	}
	l.jobsHot = hot
	return nil
}

// finalJob reports whether a job status key is completed or failed.
func finalJob(key string) bool {
	s, _, _ := cutHash(key)
	return s == "completed" || s == "failed"
}

func cutHash(key string) (string, string, bool) {
	for i := range len(key) {
		if key[i] == '#' {
			return key[:i], key[i+1:], true
		}
	}
	return key, "", false
}
