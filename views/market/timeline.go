package market

import (
	"fmt"
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

// wayTo is pathTo for e's order, with its revisions: once a revision was
// asked (the order counts it in revisionsUsed, or the client saw it), the
// revision stays a step of the way whatever came after it ("delivered ›
// revision › disputed"), and the rounds are counted on it. Whether a
// disputed order was delivered again after its revision is said only when
// the client saw it: the order does not tell.
func wayTo(e *entry) (path []api.OrderStatus, rounds int) {
	o := &e.o
	rounds = o.RevisionsUsed
	redelivered := false
	seen := 0
	for _, s := range e.seen {
		switch s.status {
		case api.OrderRevision:
			seen++
			redelivered = false
		case api.OrderDelivered:
			redelivered = seen > 0
		}
	}
	rounds = max(rounds, seen)
	path = pathTo(o.Status)
	if rounds == 0 {
		return path, 0
	}
	base := pathTo(api.OrderDelivered)
	revised := append(base, api.OrderRevision)
	switch o.Status {
	case api.OrderInProgress, api.OrderDelivered:
		return append(revised, o.Status), rounds
	case api.OrderCompleted:
		return append(revised, api.OrderDelivered, api.OrderCompleted), rounds
	case api.OrderDisputed, api.OrderRefunded:
		if redelivered {
			revised = append(revised, api.OrderDelivered)
		}
		revised = append(revised, api.OrderDisputed)
		if o.Status == api.OrderRefunded {
			revised = append(revised, api.OrderRefunded)
		}
		return revised, rounds
	}
	return path, rounds
}

// timeline is the order's path as one line of steps: "placed 3h ago ›
// paid › in progress 2h ago › delivered 5m ago". A step's time is the one
// the client saw it happen at, the order's creation for the first and its
// last update for the current one.
func (m *Model) timeline(e *entry) string {
	o := &e.o
	path, rounds := wayTo(e)
	when := make([]time.Time, len(path))
	when[0] = o.CreatedAt
	at := 0
	for _, s := range e.seen {
		for j := at + 1; j < len(path); j++ {
			if path[j] == s.status {
				when[j], at = s.at, j
				break
			}
		}
	}
	if !o.UpdatedAt.IsZero() && len(path) > 1 {
		when[len(path)-1] = o.UpdatedAt
	}
	steps := make([]string, 0, len(path))
	for i, st := range path {
		label := statusLabel(st)
		switch {
		case i == 0:
			label = "placed"
		case st == api.OrderRevision && rounds > 1:
			label += fmt.Sprintf(" ×%d", rounds)
		}
		if !when[i].IsZero() {
			if a := views.Ago(m.shown, when[i]); a != "" {
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
