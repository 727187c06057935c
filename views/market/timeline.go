package market

import (
	"strings"
	"time"

	"imagine/api"
	"imagine/views"
)

// The order screen's timeline of status changes. The API gives an order's
// createdAt and updatedAt only, not when each status began, so the
// timeline is the state machine's path to the current status: placed when
// it was created, the current status since it was last updated, and the
// steps between with the time the client saw them happen, when it did.

// seenStep is a status change the client saw between two reads.
type seenStep struct {
	status api.OrderStatus
	at     time.Time
}

// setOrder replaces e's order with o, recording a change of status.
func (e *entry) setOrder(o api.Order) {
	if e.o.ID != "" && o.Status != e.o.Status && o.Status != "" {
		// The server's updatedAt is when it changed; without one the step
		// shows with no time rather than the client's guess.
		e.seen = append(e.seen, seenStep{status: o.Status, at: o.UpdatedAt})
	}
	e.o = o
}

// pathTo is the state machine's way to status from placement, as the
// sandbox and the spec define it (PENDING_PAYMENT → PAID → IN_PROGRESS →
// DELIVERED → COMPLETED, DELIVERED → REVISION → IN_PROGRESS, DISPUTED and
// REFUNDED after a delivery, CANCELLED before one).
func pathTo(status api.OrderStatus) []api.OrderStatus {
	base := []api.OrderStatus{api.OrderPendingPayment, api.OrderPaid, api.OrderInProgress, api.OrderDelivered}
	switch status {
	case api.OrderPendingPayment:
		return base[:1]
	case api.OrderPaid:
		return base[:2]
	case api.OrderInProgress:
		return base[:3]
	case api.OrderDelivered:
		return base
	case api.OrderRevision, api.OrderCompleted, api.OrderDisputed:
		return append(base, status)
	case api.OrderRefunded:
		return append(base, api.OrderDisputed, api.OrderRefunded)
	case api.OrderCancelled:
		return []api.OrderStatus{api.OrderPendingPayment, api.OrderCancelled}
	}
	return []api.OrderStatus{status}
}

// timeline is the order's path as one line of steps: "placed 3h ago ›
// paid › in progress 2h ago › delivered 5m ago".
func (m *Model) timeline(e *entry) string {
	o := &e.o
	when := map[api.OrderStatus]time.Time{api.OrderPendingPayment: o.CreatedAt}
	for _, s := range e.seen {
		when[s.status] = s.at
	}
	if !o.UpdatedAt.IsZero() {
		when[o.Status] = o.UpdatedAt
	}
	path := pathTo(o.Status)
	steps := make([]string, 0, len(path))
	for i, st := range path {
		label := statusLabel(st)
		if i == 0 {
			label = "placed"
		}
		if at := when[st]; !at.IsZero() {
			if a := views.Ago(m.shown, at); a != "" {
				label += " " + a
			}
		}
		if i == len(path)-1 {
			steps = append(steps, m.statusStyle(st).Render(label))
			continue
		}
		steps = append(steps, m.pal.muted.Render(label))
	}
	return strings.Join(steps, m.pal.faint.Render(" › "))
}
