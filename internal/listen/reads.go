package listen

// The reads of each source: what a list holds that was not seen before
// becomes an event, and what needs a second read is queued.

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"time"

	"imagine/api"
)

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
// message from the other party is emitted from the list when it is the
// only new one: its unread count grew by one since the last read (in the
// common case, one message since the last read, that needs no second
// GET); a check of the conversation's messages is then queued, and the
// conversation is marked read up to its last message only once checked,
// so a restart before the check makes it. When the count grew by more,
// or cannot tell, the conversation's messages are read at once and its
// new ones emitted oldest first: a bot answering each DM in turn must
// not get the newest before the ones it follows.
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
		before := l.unread[c.ID]
		l.unread[c.ID] = c.UnreadCount
		if m == nil || l.st.Conversations[c.ID] == m.ID {
			continue
		}
		if l.recording {
			l.isNew(srcDMs, m.CreatedAt)
			l.st.Conversations[c.ID] = m.ID
			continue
		}
		if m.SenderID != l.meID && c.UnreadCount != before+1 {
			// Perhaps several new: read them now, in order.
			l.convQ = slices.DeleteFunc(l.convQ, func(f followUp[string]) bool { return f.id == c.ID })
			if err := l.readConversation(ctx, c.ID, m.ID); err != nil {
				l.unread[c.ID] = before // read the list's news again next time
				return err
			}
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
	if err := l.readConversation(ctx, f.id, f.what); err != nil {
		if !errors.Is(err, context.Canceled) {
			l.convQ = requeue(l.convQ)
		}
		return err
	}
	l.convQ = l.convQ[1:]
	return nil
}

// readConversation reads conversation id's messages, emits the new ones
// from the other party oldest first, and marks it read up to last.
func (l *listener) readConversation(ctx context.Context, id, last string) error {
	if err := l.get(ctx); err != nil {
		return err
	}
	ms, err := l.c.Conversations.Messages(ctx, id, &api.ListOptions{Limit: 50})
	if err != nil && !errors.Is(err, api.ErrNotFound) {
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
	l.st.Conversations[id] = last
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
