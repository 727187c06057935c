package cli

import (
	"flag"
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest/v2"

	"imagine/api"
	"imagine/api/sandbox"
	"imagine/internal/tuitest"
)

// deliverableOrder is an order the demo agent buys that is in progress:
// its seller can deliver it.
func deliverableOrder(t testing.TB, c *api.Client) *api.Order {
	t.Helper()
	page, err := c.Market.Orders(t.Context(), &api.OrderListOptions{Role: api.RoleBuyer, Status: api.OrderInProgress, Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Items) == 0 {
		t.Fatal("test premise: the demo agent buys an order in progress")
	}
	return &page.Items[0]
}

// TestEndToEndMarketCounterpartyMoveReachesTheBadgeAndTheOpenOrder: the
// operator reads the feed while the seller of one of its purchases
// delivers it; with the default polling the Market badge rises within
// 15 s (waited for up to 20), and the delivery is a notification. Opening
// it brings the order's screen up in the Market; a message the seller
// writes then shows on it within 5 s (waited for up to 10). The measured
// delays are logged; BenchmarkCounterpartyMoveToBadge measures them.
func TestEndToEndMarketCounterpartyMoveReachesTheBadgeAndTheOpenOrder(t *testing.T) {
	srv, c := startDemo(t)
	o := deliverableOrder(t, c)
	seller := srv.ActAs(o.Seller.Handle)
	tm, scr := runApp(t, c, 120, 40)
	scr.waitFor(t, " @demo_agent ", 5*time.Second)
	scr.waitFor(t, "Home feed", 5*time.Second)
	// The first orders poll sets the badge to what waited at sign-in.
	waitBadge(t, scr, "Market", func(n int) bool { return n > 0 })
	before := badgeOf(scr.text(), "Market")

	seller.ActOnOrder(o.ID, "deliver", "Your report: https://example.com/badge-report.pdf")
	moved := time.Now()
	deadline := moved.Add(20 * time.Second)
	for badgeOf(scr.text(), "Market") <= before {
		if time.Now().After(deadline) {
			t.Fatalf("the Market badge stayed at %d for 20 s; screen:\n%s", before, scr.text())
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Logf("delivery to Market badge: %.1f s", time.Since(moved).Seconds())
	if !strings.Contains(scr.text(), "Home feed") {
		t.Errorf("the badge moved the operator off the feed:\n%s", scr.text())
	}

	// The delivery is the newest notification; enter opens the order.
	tm.Send(tuitest.Press("2"))
	scr.waitFor(t, "delivered your order", 10*time.Second)
	waitServer(t, func() bool { return strings.Contains(selectedRows(scr.text()), "delivered your order") })
	tm.Send(tuitest.Press("enter"))
	// The order opens over the notifications: the tab does not change
	// (issue 8), and the screen polls itself as the Market would.
	scr.waitFor(t, "Notifications › ", 5*time.Second)
	scr.waitFor(t, "badge-report.pdf", 5*time.Second)
	scr.waitFor(t, "you are the buyer", 5*time.Second)

	seller.OrderMessage(o.ID, "Shout if the charts need another pass.")
	moved = time.Now()
	scr.waitFor(t, "Shout if the charts need another pass.", 10*time.Second)
	t.Logf("order message to the open order: %.1f s", time.Since(moved).Seconds())

	// The seller's profile opens over the order, under its breadcrumb, and
	// esc comes back to the order.
	tm.Send(tuitest.Press("p"))
	scr.waitFor(t, "Notifications › "+o.Service.Title+" › @"+o.Seller.Handle, 5*time.Second)
	tm.Send(tuitest.Press("esc"))
	scr.waitFor(t, "you are the buyer", 5*time.Second)

	// esc comes back to the notification it was opened from.
	tm.Send(tuitest.Press("esc"))
	scr.waitFor(t, "Notifications · ", 5*time.Second)
	waitServer(t, func() bool { return strings.Contains(selectedRows(scr.text()), "delivered your order") })

	tm.Send(tuitest.Press("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}

var counterpartyMoves = flag.Int("counterparty-moves", 1, "moves BenchmarkCounterpartyMoveToBadge measures")

// BenchmarkCounterpartyMoveToBadge measures, on the real clock and with
// the default poll cadence, how long a seller's delivery of an order the
// demo agent buys takes to raise the Market badge of the running TUI while
// the feed is on screen (issue 9: at most 15 s). Like BenchmarkEventToBadge
// it measures the worst phase: each latency runs from the moment the
// server answered the last orders poll before the move, as if the move had
// landed just after it. It reports the mean (s/move) and the longest
// (max-s/move). One move by default, about 13 s; for more:
//
//	go test ./cli -run '^$' -bench CounterpartyMoveToBadge -counterparty-moves=3
func BenchmarkCounterpartyMoveToBadge(b *testing.B) {
	srv := sandbox.New(sandbox.Options{Seed: 1})
	var answered atomic.Int64 // when an orders poll was last answered (unix ns)
	c := clientOfHandler(b, srv, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		srv.ServeHTTP(w, r)
		if r.URL.Path == "/api/marketplace/orders" {
			answered.Store(time.Now().UnixNano())
		}
	}))
	_, scr := runApp(b, c, 120, 40)
	scr.waitFor(b, "Home feed", 5*time.Second)
	var total, worst time.Duration
	moves := 0
	b.ResetTimer()
	for range b.N {
		for range *counterpartyMoves {
			o := deliverableOrder(b, c)
			seller := srv.ActAs(o.Seller.Handle)
			for answered.Load() == 0 {
				time.Sleep(10 * time.Millisecond) // the first orders poll
			}
			before := badgeOf(scr.text(), "Market")
			phase := time.Unix(0, answered.Load())
			seller.ActOnOrder(o.ID, "deliver", "Delivered for the benchmark")
			for badgeOf(scr.text(), "Market") <= before {
				if time.Since(phase) > time.Minute {
					b.Fatal("the badge never moved")
				}
				time.Sleep(20 * time.Millisecond)
			}
			d := time.Since(phase)
			total += d
			worst = max(worst, d)
			moves++
			// The next move needs another order in progress: the demo
			// agent's delivered purchase goes back to its seller, and the
			// badge comes back down.
			srv.ActAs("demo_agent").ActOnOrder(o.ID, "request_revision", "")
			seller.ActOnOrder(o.ID, "start", "")
			for badgeOf(scr.text(), "Market") > before {
				if time.Since(phase) > 2*time.Minute {
					b.Fatal("the badge never came back down")
				}
				time.Sleep(20 * time.Millisecond)
			}
		}
	}
	b.ReportMetric(total.Seconds()/float64(moves), "s/move")
	b.ReportMetric(worst.Seconds(), "max-s/move")
}

// BenchmarkCounterpartyMessageToOpenOrder measures, on the real clock and
// with the default cadence, how long an order message from the other
// party takes to show on the order's screen while the operator uses it
// (a key within the last 30 s; issue 9: within 5 s). Like the badge
// benchmark it measures the worst phase: from the moment the server
// answered the last read of the thread before the message. It reports the
// mean (s/message) and the longest (max-s/message). One message by
// default; for more:
//
//	go test ./cli -run '^$' -bench CounterpartyMessageToOpenOrder -counterparty-moves=5
func BenchmarkCounterpartyMessageToOpenOrder(b *testing.B) {
	srv := sandbox.New(sandbox.Options{Seed: 1})
	var answered atomic.Int64 // when the open order's thread was last read (unix ns)
	var thread atomic.Value   // the open order's messages path
	thread.Store("")
	c := clientOfHandler(b, srv, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		srv.ServeHTTP(w, r)
		if p, _ := thread.Load().(string); p != "" && r.URL.Path == p {
			answered.Store(time.Now().UnixNano())
		}
	}))
	o := deliverableOrder(b, c)
	thread.Store("/api/marketplace/orders/" + o.ID + "/messages")
	seller := srv.ActAs(o.Seller.Handle)
	tm, scr := runApp(b, c, 120, 40)
	scr.waitFor(b, " @demo_agent ", 5*time.Second)
	// The seller's delivery is the newest notification: it opens the order.
	seller.ActOnOrder(o.ID, "deliver", "Delivered for the benchmark")
	tm.Send(tuitest.Press("2"))
	scr.waitFor(b, "delivered your order", 20*time.Second)
	tm.Send(tuitest.Press("enter"))
	scr.waitFor(b, "you are the buyer", 5*time.Second)
	var total, worst time.Duration
	n := 0
	b.ResetTimer()
	for range b.N {
		for range *counterpartyMoves {
			tm.Send(tuitest.Press("G")) // in use
			answered.Store(0)
			for answered.Load() == 0 {
				time.Sleep(10 * time.Millisecond) // a thread read at the in-use cadence
			}
			phase := time.Unix(0, answered.Load())
			text := fmt.Sprintf("Benchmark note %d", n)
			seller.OrderMessage(o.ID, text)
			for !strings.Contains(scr.text(), text) {
				if time.Since(phase) > time.Minute {
					b.Fatal("the message never showed")
				}
				time.Sleep(20 * time.Millisecond)
			}
			d := time.Since(phase)
			total += d
			worst = max(worst, d)
			n++
		}
	}
	b.ReportMetric(total.Seconds()/float64(n), "s/message")
	b.ReportMetric(worst.Seconds(), "max-s/message")
}
