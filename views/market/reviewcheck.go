package market

import (
	tea "charm.land/bubbletea/v2"

	"imagine/api"
)

// Orders do not say whether their buyer reviewed them, so after a restart
// R was offered again on an order the operator had reviewed, until the
// server refused the second review. Opening a completed order as its
// buyer therefore looks for its review among the service's reviews, once
// per order and session; what is found is kept like a review sent here.

// reviewCheckPages bounds the look: a review follows its order's
// completion, so it is among the service's newest.
const reviewCheckPages = 5

// reviewCheckMsg says whether the review of order id was found; err is
// set when the reviews could not be read, and the next opening tries
// again.
type reviewCheckMsg struct {
	id    string
	found bool
	err   error
}

// checkReviewed reads the reviews of e's service for one of e's order,
// when e is a completed order of the operator's as buyer whose review is
// not known yet; nil when there is nothing to look for.
func (m *Model) checkReviewed(e *entry) tea.Cmd {
	id, svc := e.o.ID, e.o.ServiceID
	if e.role != roleBuyer || e.o.Status != api.OrderCompleted || svc == "" || m.src == nil ||
		m.reviewedIDs[id] || m.reviewChecked[id] {
		return nil
	}
	m.reviewChecked[id] = true
	ctx, src := api.Background(m.ctx), m.src
	return func() tea.Msg {
		cursor := ""
		for range reviewCheckPages {
			page, err := src.Reviews(ctx, svc, &api.ListOptions{Limit: reviewsPage, Cursor: cursor})
			if err != nil || page == nil {
				return reviewCheckMsg{id: id, err: err}
			}
			for _, r := range page.Items {
				if r.OrderID == id {
					return reviewCheckMsg{id: id, found: true}
				}
			}
			if !page.HasMore || page.NextCursor == "" {
				break
			}
			cursor = page.NextCursor
		}
		return reviewCheckMsg{id: id}
	}
}

// reviewCheckDone applies what the look found.
func (m *Model) reviewCheckDone(msg reviewCheckMsg) {
	switch {
	case msg.found:
		m.markReviewed(msg.id)
	case msg.err != nil:
		delete(m.reviewChecked, msg.id)
	}
}
