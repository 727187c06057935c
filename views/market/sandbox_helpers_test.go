package market

import (
	"testing"
	"time"

	"imagine/api"
	"imagine/internal/tuitest"
)

// sandboxPane is the pane over the sandbox through the real client c, as
// the demo agent, w x h, focused and with its first poll read; uploads
// adds the client's uploads (the attachment keys).
func sandboxPane(t *testing.T, c *api.Client, w, h int, uploads bool) *Model {
	t.Helper()
	opts := Options{Context: t.Context(), Source: c.Market, Me: "demo_agent", DraftDir: t.TempDir(), Debounce: time.Millisecond}
	if uploads {
		opts.Uploads = c.Uploads
	}
	m := New(opts)
	m.SetSize(w, h)
	m.SetFocused(true)
	tuitest.Settle(m.Update, m.Refresh(t.Context()))
	return m
}

// inProgress is an order in progress on which the demo agent is role.
func inProgress(t *testing.T, c *api.Client, role string) api.Order {
	t.Helper()
	page, err := c.Market.Orders(t.Context(), &api.OrderListOptions{Role: role, Status: api.OrderInProgress})
	if err != nil || len(page.Items) == 0 {
		t.Fatalf("test premise: the demo agent is the %s of an order in progress (%v)", role, err)
	}
	return page.Items[0]
}
