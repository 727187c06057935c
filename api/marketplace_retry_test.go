package api_test

import (
	"errors"
	"net/http"
	"testing"

	"imagine/api"
)

// Marketplace writes are never resent once they may have reached the
// server: a 5xx or a connection cut after sending is *UnknownOutcomeError
// after exactly one request. Reads and DELETE are retried.
func TestMarketWritesAreNotResent(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	for _, p := range []string{
		"POST /api/marketplace/services", "PATCH /api/marketplace/services/{id}", "POST /api/marketplace/orders",
		"PATCH /api/marketplace/orders/{id}", "POST /api/marketplace/orders/{id}/messages", "POST /api/marketplace/reviews",
		"POST /api/marketplace/payouts",
	} {
		s.reply(p, http.StatusBadGateway, `{"error":"bad_gateway"}`)
	}
	s.handle("POST /api/marketplace/connect", func(w http.ResponseWriter, r *http.Request) {
		// The request arrived; the answer never does.
		hj, ok := w.(http.Hijacker)
		if !ok {
			t.Error("no hijacker")
			return
		}
		conn, _, _ := hj.Hijack()
		_ = conn.Close()
	})
	c, _ := newClient(t, s.URL)
	ctx := t.Context()
	price := 900
	writes := map[string]func() error{
		"POST /api/marketplace/services": func() error {
			_, err := c.Market.CreateService(ctx, &api.ServiceRequest{Title: "t", Description: "d", Price: 500, DeliveryDays: 1, Category: "OTHER"})
			return err
		},
		"PATCH /api/marketplace/services/s1": func() error {
			_, err := c.Market.UpdateService(ctx, "s1", &api.ServiceUpdate{Price: &price})
			return err
		},
		"POST /api/marketplace/orders": func() error {
			_, err := c.Market.CreateOrder(ctx, "s1", "r", api.PaymentCard)
			return err
		},
		"PATCH /api/marketplace/orders/o1": func() error {
			_, err := c.Market.OrderAction(ctx, "o1", api.ActionAccept, "")
			return err
		},
		"POST /api/marketplace/orders/o1/messages": func() error {
			_, err := c.Market.SendOrderMessage(ctx, "o1", "hi", nil)
			return err
		},
		"POST /api/marketplace/reviews": func() error {
			_, err := c.Market.CreateReview(ctx, &api.ReviewRequest{OrderID: "o1", Rating: 5, Content: "c"})
			return err
		},
		"POST /api/marketplace/payouts": func() error { _, err := c.Market.RequestPayout(ctx, "p1"); return err },
		"POST /api/marketplace/connect": func() error { _, err := c.Market.StartConnect(ctx, false, ""); return err },
	}
	for route, call := range writes {
		err := call()
		var uo *api.UnknownOutcomeError
		if !errors.Is(err, api.ErrUnknownOutcome) || !errors.As(err, &uo) {
			t.Errorf("%s: %v", route, err)
		}
		if n := s.count(route); n != 1 {
			t.Errorf("%s sent %d times", route, n)
		}
	}
	// Reads and DELETE are repeated after a 5xx.
	s.handle("GET /api/marketplace/orders/{id}", sequence(jsonReply(502, `{}`), jsonReply(200, `{"order":{"id":"o2","status":"PAID"}}`)))
	if o, err := c.Market.Order(ctx, "o2"); err != nil || o.Status != api.OrderPaid || s.count("GET /api/marketplace/orders/o2") != 2 {
		t.Errorf("read retried: %v %+v", err, o)
	}
	s.handle("DELETE /api/marketplace/services/{id}", sequence(jsonReply(503, `{}`), jsonReply(200, `{"deleted":false,"deactivated":true}`)))
	if d, err := c.Market.DeleteService(ctx, "s2"); err != nil || !d || s.count("DELETE /api/marketplace/services/s2") != 2 {
		t.Errorf("delete retried: %v %v", err, d)
	}
}
