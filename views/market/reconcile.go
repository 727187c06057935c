package market

import (
	"context"
	"strings"
	"time"

	"imagine/api"
	"imagine/views"
)

// Writes whose answer was lost are read back before anything is resent
// (views.SendOnce): an order message is looked for in the order's thread,
// an order action in the order's status.

// actionStatus is the status an order has once action was applied.
var actionStatus = map[api.OrderAction]api.OrderStatus{
	api.ActionStart:           api.OrderInProgress,
	api.ActionDeliver:         api.OrderDelivered,
	api.ActionAccept:          api.OrderCompleted,
	api.ActionRequestRevision: api.OrderRevision,
	api.ActionDispute:         api.OrderDisputed,
	api.ActionCancel:          api.OrderCancelled,
}

// settleAction reads the order back after an action's answer was lost:
// in the status the action leads to, it was applied (the order is
// returned); otherwise a *views.NotSentError says it was not. An order
// action is not idempotent: it is never sent again by itself.
func settleAction(ctx context.Context, src Source, id string, a api.OrderAction, lost error) (*api.Order, error, error) {
	o, err := src.Order(ctx, id)
	if err != nil {
		return nil, lost, err
	}
	if want, ok := actionStatus[a]; ok && o.Status == want {
		return o, nil, nil
	}
	return nil, &views.NotSentError{Cause: lost, What: "the order is still " + strings.ToLower(string(o.Status)) +
		": it did not " + verb(a), Again: "press the key again to retry"}, nil
}

// findMessage looks for the operator's order message with text in the
// order's thread, newest pages first.
func findMessage(src Source, id, me, text string, claimed map[string]bool) func(context.Context, []time.Time) (*api.OrderMessage, bool, error) {
	return func(ctx context.Context, attempts []time.Time) (*api.OrderMessage, bool, error) {
		if me == "" {
			return nil, false, views.ErrWhoAmI
		}
		read := func(m *api.OrderMessage) views.SentItem {
			mine := strings.EqualFold(strings.TrimPrefix(m.Sender.Handle, "@"), strings.TrimPrefix(me, "@"))
			return views.SentItem{ID: m.ID, Text: m.Content, At: m.CreatedAt, Mine: mine}
		}
		next := func(ctx context.Context, cursor string) (*api.Page[api.OrderMessage], error) {
			return src.OrderMessages(ctx, id, &api.ListOptions{Limit: threadPage, Cursor: cursor})
		}
		return views.FindPaged(ctx, text, attempts, claimed, false, next, read)
	}
}
