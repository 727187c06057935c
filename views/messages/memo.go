package messages

import (
	"slices"
	"time"

	"imagine/api"
	"imagine/views"
)

// How many conversations the memo keeps the newest page of, and for how
// long after it was read it is drawn.
const (
	threadMemoSize  = 32
	threadMemoFresh = 2 * time.Minute
)

// ThreadMemo keeps the newest page of the conversations read lately
// (views.Memo), for the pane, its previews and the conversations stacked
// over other panes (Options.Threads): a conversation opened right after
// its preview beside the list, or opened again, is drawn at once instead
// of after "loading messages…"; it is read again all the same.
type ThreadMemo = views.Memo[api.Page[api.Message]]

// NewThreadMemo returns an empty memo.
func NewThreadMemo() *ThreadMemo {
	return views.NewMemo[api.Page[api.Message]](threadMemoSize, threadMemoFresh)
}

// keepPage records the newest page of conversation id, read now.
func (m *Model) keepPage(id string, page *api.Page[api.Message]) {
	p := *page
	p.Items = slices.Clone(p.Items)
	m.memo.Keep(id, p, m.clock())
}

// seed draws the newest page the program read moments ago of t, whose
// row in the list is e, while the page is read again. Only a page that
// ends with the row's last message is drawn: its unread messages are the
// ones the row counts, so the "── N new ──" divider lands where the page
// read now would put it.
func (m *Model) seed(t *thread, e *convEntry) {
	if t.loaded || e == nil || e.c.LastMessage == nil {
		return
	}
	page, ok := m.memo.Get(t.convID, m.clock())
	if !ok || newestOf(page.Items) != e.c.LastMessage.ID {
		return
	}
	page.Items = slices.Clone(page.Items)
	m.mergeNewest(t, &page)
	m.placeNew(t)
	t.seeded = true
}

// dropSeededGone drops from a seeded thread, when the page read for it
// arrives, the messages of the memo's page that the new page should hold
// (as new as its oldest, or any when it is the whole conversation) and
// does not: deleted since (merging only adds and refreshes).
func (m *Model) dropSeededGone(t *thread, page *api.Page[api.Message]) {
	if !t.seeded {
		return
	}
	t.seeded = false
	if len(page.Items) == 0 {
		return
	}
	oldest, listed := page.Items[0].CreatedAt, map[string]bool{}
	for _, msg := range page.Items {
		listed[msg.ID] = true
		if msg.CreatedAt.Before(oldest) {
			oldest = msg.CreatedAt
		}
	}
	if !page.HasMore {
		oldest = time.Time{} // the whole conversation: what it lacks is gone
	}
	var gone []string
	for _, e := range t.msgs {
		if !listed[e.m.ID] && !e.m.CreatedAt.Before(oldest) {
			gone = append(gone, e.m.ID)
		}
	}
	for _, id := range gone {
		m.removeMessage(t.convID, id)
	}
}

// newestOf is the ID of the newest of msgs, "" when there is none.
func newestOf(msgs []api.Message) string {
	id, at := "", time.Time{}
	for _, msg := range msgs {
		if id == "" || msg.CreatedAt.After(at) {
			id, at = msg.ID, msg.CreatedAt
		}
	}
	return id
}
