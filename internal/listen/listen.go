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
}

// followUp is a read that a list asked for: the order or the last message
// ID (what the list showed most recently), and since when it waits.
type followUp[T any] struct {
	id    string
	what  T
	since time.Time
}

// queue adds a follow-up read of id, or, if one is waiting, gives it the
// list's newer what and keeps its place and age.
func queue[T any](q []followUp[T], id string, what T, now time.Time) []followUp[T] {
	for i := range q {
		if q[i].id == id {
			q[i].what = what
			return q
		}
	}
	return append(q, followUp[T]{id: id, what: what, since: now})
}

// requeue moves the first follow-up, whose read failed, to the back as
// if just asked for: it is tried again in turn, and cannot take every GET
// while it keeps failing.
func requeue[T any](q []followUp[T]) []followUp[T] {
	f := q[0]
	f.since = time.Now()
	return append(q[1:], f)
}

// oldest is when the first waiting follow-up was asked for.
func oldest[T any](q []followUp[T]) (time.Time, bool) {
	if len(q) == 0 {
		return time.Time{}, false
	}
	return q[0].since, true
}

// jobsHot reports whether some job was unfinished when last listed (by
// the pending list only while it is read).
func (l *listener) jobsHot() bool {
	return l.hotHistory || (l.hotPending && !l.st.HistoryComplete)
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

// source is one thing listen reads, with how stale it may get.
type source struct {
	name string
	// key names it in the state's floors and baselines (the two job
	// lists share one).
	key string
	on  bool
	// enabled, if set, tells whether it is read at all for now.
	enabled func() bool
	target  func() time.Duration
	run     func(context.Context) error
	last    time.Time // when its last read began (zero: never)
	// pending, if set, makes it a queue of follow-up reads: read only
	// while one waits, and as stale as the oldest waiting one.
	pending func() (time.Time, bool)
	// background, if set, tells when it is read only in a GET that
	// makes no other source late (see pick).
	background func() bool
}

// Staleness targets. Every GET the budget allows (one every 3.15 s at 20
// a minute, see Run) goes to the source whose deadline comes first (pick):
// the deadline is when an event that happened just after its last read
// would have waited the target. The reads never wait for a deadline: a
// source is read sooner whenever the others allow, so no GET of the
// budget goes unused.
//
// The three busy lists (notifications, DMs, orders) have a target of four
// GETs, 12.6 s: read in turn, each every three GETs (9.5 s), they leave
// one GET of slack a round. A follow-up read that must come soon takes
// it; otherwise, when due, a background read does: the jobs while no job
// is unfinished, and the checks of a conversation's earlier messages. A
// background read is made only in a GET that makes no busy
// list late (or once a whole target overdue), so that two extra reads in
// one round do not hold a list back 15.75 s. While a job is unfinished,
// the jobs are a foreground source with a target of three GETs.
//
// A follow-up read is queued, not made inside the list's read, and the
// lists emit what they show at once. An order's status change is emitted
// from the orders list; its messages (the only way to see an order
// message) are read next, due like an event that happened just after the
// list's previous read, so they come before the lists read since. The
// conversation list's last message is emitted from the list; reading the
// conversation's messages only checks for an earlier new one, and is a
// background read.
//
// Events are thus seen within 9.5 s, 12.6 s when an extra read falls in
// the round; an order message 3.15 s after its list read. A list waits
// 15.75 s when a round needs two extra GETs: several orders changed at
// once, a follow-up in the round a background read delayed, or a
// background read a whole target overdue. The budget is never exceeded:
// with the living sandbox's pace (about two order follow-ups a minute)
// it is nearly all used, the lists about 12 s apart on average, so the
// slack is scarce. A job's end is seen within the jobs' idle target
// (31.5 s) and the next slack GET, or, if a read found the job
// unfinished, within three GETs (listed before the follow-ups, the jobs
// win a tie with one: an unfinished job ends soon).
const (
	busySlots     = 4  // 12.6 s
	jobsHotSlots  = 3  // 9.5 s
	jobsIdleSlots = 10 // 31.5 s
	checkSlots    = 2  // 6.3 s
)

// sources lists what listen reads, with targets counted in GETs of the
// budget (so that a larger budget keeps everything fresher alike).
func (l *listener) sources() []*source {
	every := func(slots int) func() time.Duration {
		return func() time.Duration { return time.Duration(slots) * l.slot }
	}
	busy := every(busySlots)
	jobs := func() time.Duration {
		if l.jobsHot() {
			return jobsHotSlots * l.slot
		}
		return jobsIdleSlots * l.slot
	}
	// While the history is not known to list unfinished jobs, the pending
	// list is read too, half as often while none is unfinished: it only
	// tells that a job runs (the history tells every end), and each
	// background read is one more GET that can make a list wait.
	pendingJobs := func() time.Duration {
		if l.jobsHot() {
			return jobsHotSlots * l.slot
		}
		return 2 * jobsIdleSlots * l.slot
	}
	idle := func() bool { return !l.jobsHot() }
	orders := l.kinds[KindOrder] || l.kinds[KindOrderMessage]
	return []*source{
		{name: srcNotifications, key: srcNotifications, on: l.kinds[KindNotification], target: busy, run: l.notifications},
		{name: srcDMs, key: srcDMs, on: l.kinds[KindDM], target: busy, run: l.conversations},
		{name: srcOrders, key: srcOrders, on: orders, target: busy, run: l.orders},
		{name: "job history", key: srcJobs, on: l.kinds[KindJob], target: jobs, background: idle, run: l.jobHistory},
		{name: "pending jobs", key: srcJobs, on: l.kinds[KindJob], target: pendingJobs, background: idle, run: l.pendingJobs,
			enabled: func() bool { return !l.st.HistoryComplete }},
		{name: "order messages", key: srcOrders, on: orders, target: busy, run: l.orderFollowUp,
			pending: func() (time.Time, bool) { return oldest(l.orderQ) }},
		{name: "conversation messages", key: srcDMs, on: l.kinds[KindDM], target: every(checkSlots), run: l.convFollowUp,
			pending: func() (time.Time, bool) { return oldest(l.convQ) }, background: func() bool { return true }},
	}
}

// deadline is when the source is due, and whether it has anything to
// read. A source not read yet is due at once.
func (s *source) deadline() (time.Time, bool) {
	if !s.on || (s.enabled != nil && !s.enabled()) {
		return time.Time{}, false
	}
	since := s.last
	if s.pending != nil {
		t, ok := s.pending()
		if !ok {
			return time.Time{}, false
		}
		since = t
	}
	return since.Add(s.target()), true
}

// pick is the source to read at now, when GETs are slot apart (nil: none
// is read): the earliest deadline among the foreground sources (the first
// listed on a tie); a background source only when it is due and the
// foreground's earliest deadline is a slot away or more (so reading it
// first makes none late), or when it is a whole target overdue (unless
// not read yet: a restart reads the busy lists first).
func pick(srcs []*source, now time.Time, slot time.Duration) *source {
	// Deadlines less than a tenth of a slot apart are a tie: they come
	// from reads a whole number of slots apart, and the milliseconds of
	// each request's own time must not decide which goes first.
	tie := slot / 10
	var fg, bg *source
	var fgDue, bgDue time.Time
	for _, s := range srcs {
		d, ok := s.deadline()
		if !ok {
			continue
		}
		if s.background != nil && s.background() {
			if bg == nil || d.Before(bgDue.Add(-tie)) {
				bg, bgDue = s, d
			}
		} else if fg == nil || d.Before(fgDue.Add(-tie)) {
			fg, fgDue = s, d
		}
	}
	switch {
	case fg == nil:
		return bg
	case bg == nil || bgDue.After(now):
		return fg
	// A little tolerance: the slot is measured from one GET to the next,
	// and a round of three lists leaves a slot of slack to the
	// millisecond.
	case !fgDue.Before(now.Add(slot - slot/20)), !bg.last.IsZero() && !now.Before(bgDue.Add(bg.target())):
		return bg
	}
	return fg
}

// next waits for the GET budget, then reads the source chosen at that
// moment (pick): the choice is made when the read can begin, with what
// is known then, and the read's time is when it began.
func (l *listener) next(ctx context.Context) error {
	if err := l.wait(ctx); err != nil {
		return err
	}
	now := time.Now()
	s := pick(l.srcs, now, l.slot)
	if s == nil {
		<-ctx.Done()
		return ctx.Err()
	}
	l.readBefore = s.last
	s.last = now
	_, err := l.poll(ctx, s)
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

// conversations reads the conversation list. A conversation's new last
// message from the other party is emitted from the list: in the common
// case, one message since the last read, that needs no second GET. A
// check of the conversation's messages is queued for any earlier new one
// (emitted then, after the last one: Event.At tells their order); the
// conversation is marked read up to its last message only once checked,
// so a restart before the check makes it.
func (l *listener) conversations(ctx context.Context) error {
	if err := l.get(ctx); err != nil {
		return err
	}
	pg, err := l.c.Conversations.List(ctx, &api.ListOptions{Limit: 50})
	if err != nil {
		return err
	}
	for _, c := range pg.Items {
		m := c.LastMessage
		if m == nil || l.st.Conversations[c.ID] == m.ID {
			continue
		}
		if l.recording {
			l.isNew(srcDMs, m.CreatedAt)
			l.st.Conversations[c.ID] = m.ID
			continue
		}
		if m.SenderID != l.meID && l.isNew(srcDMs, m.CreatedAt) {
			if m.ConversationID == "" {
				m.ConversationID = c.ID
			}
			if err := l.emit(Event{Kind: KindDM, ID: m.ID, At: m.CreatedAt, Data: *m}); err != nil {
				return err
			}
		}
		l.convQ = queue(l.convQ, c.ID, m.ID, time.Now())
	}
	return nil
}

// convFollowUp reads the messages of the conversation waiting longest
// for a check and emits the new ones from the other party that the list
// did not show.
func (l *listener) convFollowUp(ctx context.Context) error {
	f := l.convQ[0]
	if err := l.get(ctx); err != nil {
		return err
	}
	ms, err := l.c.Conversations.Messages(ctx, f.id, &api.ListOptions{Limit: 50})
	if err != nil && !errors.Is(err, api.ErrNotFound) {
		l.convQ = requeue(l.convQ)
		return err
	}
	if err != nil { // gone: nothing more to read in it
		ms = &api.Page[api.Message]{}
	}
	for _, m := range ms.Items { // oldest first within a page
		if m.SenderID == l.meID || !l.isNew(srcDMs, m.CreatedAt) {
			continue
		}
		if err := l.emit(Event{Kind: KindDM, ID: m.ID, At: m.CreatedAt, Data: m}); err != nil {
			return err
		}
	}
	l.convQ = l.convQ[1:]
	l.st.Conversations[f.id] = f.what
	return l.save()
}

// orders reads the orders list. An order whose status changed is an
// event, emitted from the list; an order updated since last seen has its
// messages read by a queued follow-up (so an order message that came
// just before a status change is emitted after it: Event.At tells their
// order). The mark keeps the status emitted at once, and the update time
// only once the messages are read: a restart before the follow-up makes
// it, and does not emit the status again.
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
		if !known || mark.Status != string(o.Status) {
			id := o.ID + "/" + string(o.Status) + "/" + o.UpdatedAt.UTC().Format(time.RFC3339Nano)
			if err := l.emit(Event{Kind: KindOrder, ID: id, At: o.UpdatedAt, Data: o}); err != nil {
				return err
			}
			mark.Status = string(o.Status)
		}
		if l.kinds[KindOrderMessage] {
			// Due as an event just after the list's previous read.
			l.orderQ = queue(l.orderQ, o.ID, o, l.readBefore)
		} else {
			mark.UpdatedAt = o.UpdatedAt
		}
		l.st.Orders[o.ID] = mark
		l.save()
	}
	return nil
}

// orderFollowUp reads the messages of the order waiting longest and
// emits the new ones from the other party.
func (l *listener) orderFollowUp(ctx context.Context) error {
	f := l.orderQ[0]
	if err := l.get(ctx); err != nil {
		return err
	}
	ms, err := l.c.Market.OrderMessages(ctx, f.id, &api.ListOptions{Limit: api.MaxPageSize})
	if err != nil && !errors.Is(err, api.ErrNotFound) {
		l.orderQ = requeue(l.orderQ)
		return err
	}
	if err != nil { // gone: no messages to read
		ms = &api.Page[api.OrderMessage]{}
	}
	for _, m := range ms.Items {
		if m.Sender.ID == l.meID || !l.isNew(srcOrders, m.CreatedAt) {
			continue
		}
		if err := l.emit(Event{Kind: KindOrderMessage, ID: m.ID, At: m.CreatedAt, Data: m}); err != nil {
			return err
		}
	}
	l.orderQ = l.orderQ[1:]
	l.st.Orders[f.id] = orderMark{Status: string(f.what.Status), UpdatedAt: f.what.UpdatedAt}
	return l.save()
}

// jobHistory reads the newest jobs from the history. A job that started
// and finished between two reads is still seen there. Once the history
// lists an unfinished job, it is known to list them all (the sandbox's
// does; the documentation says only finished ones) and the pending list
// is no longer read.
func (l *listener) jobHistory(ctx context.Context) error {
	if err := l.get(ctx); err != nil {
		return err
	}
	h, err := l.c.Generate.History(ctx, &api.ListOptions{Limit: 50})
	if err != nil {
		return err
	}
	for _, j := range h.Items {
		if !finalJob(j.Status) && !l.st.HistoryComplete {
			l.st.HistoryComplete = true
			l.hotPending = false
		}
	}
	l.hotHistory, err = l.jobChanges(h.Items)
	return err
}

// pendingJobs reads the unfinished jobs, while the history is not known
// to list them.
func (l *listener) pendingJobs(ctx context.Context) error {
	if err := l.get(ctx); err != nil {
		return err
	}
	pending, err := l.c.Generate.Pending(ctx)
	if err != nil {
		return err
	}
	l.hotPending, err = l.jobChanges(pending)
	return err
}

// jobChanges emits the jobs whose status (or retry) changed since last
// seen, oldest first, and reports whether one is unfinished.
func (l *listener) jobChanges(jobs []api.GenerationJob) (hot bool, err error) {
	slices.SortFunc(jobs, func(a, b api.GenerationJob) int { return a.UpdatedAt.Compare(b.UpdatedAt) })
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
			return hot, err
		}
		l.st.Jobs[j.ID] = key
		l.save()
	}
	return hot, nil
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
