package listen

// What listen reads next: the sources, their deadlines and the queues of
// follow-up reads, within the GET budget.

import (
	"context"
	"time"
)

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
