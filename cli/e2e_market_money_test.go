package cli

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest/v2"

	"imagine/api"
	"imagine/internal/tuitest"
	"imagine/views"
)

// TestEndToEndMarketMoney walks issue 9's Money against the sandbox: M on
// pane 4 shows the payout of the demo agent's completed sale with the
// totals; requesting it before onboarding is refused with the reason; A
// starts onboarding (the link in full), which the server enables 5 s
// later and r shows; a malformed wallet is refused beside the field and
// a good one saved; the payout is then requested (confirmed) and turns
// processing on the server and on screen.
func TestEndToEndMarketMoney(t *testing.T) {
	srv, c := startDemo(t)
	page, err := c.Market.Payouts(t.Context(), api.PayoutPending, nil)
	if err != nil || len(page.Items) == 0 {
		t.Fatalf("test premise: the demo agent's completed sale has a pending payout: %v %+v", err, page)
	}
	po := page.Items[0]
	o, err := c.Market.Order(t.Context(), po.OrderID)
	if err != nil || o.Service == nil || o.Service.Title == "" {
		t.Fatalf("test premise: the payout's order has a title: %v %+v", err, o)
	}
	amount := views.Money(po.Amount)

	tm, scr := runApp(t, c, 120, 40)
	scr.waitFor(t, " @demo_agent ", 5*time.Second)
	press := func(ks ...string) {
		for _, k := range ks {
			tm.Send(tuitest.Press(k))
		}
	}
	typ := func(s string) {
		for _, k := range tuitest.Type(s) {
			tm.Send(k)
		}
	}
	press("4")
	scr.waitFor(t, "Market · orders", 5*time.Second)
	press("M")
	scr.waitFor(t, "Market · money · all payouts", 5*time.Second)
	scr.waitFor(t, "Total "+amount+" · pending "+amount, 5*time.Second)
	scr.waitFor(t, "Payment account not set up", 5*time.Second)
	waitServer(t, func() bool {
		return strings.Contains(selectedLine(scr.text()), amount+" · pending · \""+o.Service.Title+"\"")
	})

	// Before onboarding nothing is asked: the reason is said at once.
	press("P")
	scr.waitFor(t, "payouts need onboarding", 5*time.Second)

	// Onboarding: the link in full; enabled 5 s later on the server clock.
	press("A")
	scr.waitFor(t, "Onboarding link · y copies it", 5*time.Second)
	scr.waitFor(t, "https://sandbox.invalid/connect/onboarding/acct_sandbox_", 5*time.Second)
	scr.waitFor(t, "charges not enabled · payouts not enabled", 5*time.Second)
	if cs, err := c.Market.Connect(t.Context()); err != nil || !cs.Connected || cs.PayoutsEnabled {
		t.Fatalf("on the server after A: %v %+v", err, cs)
	}
	srv.Advance(5 * time.Second)
	press("r")
	scr.waitFor(t, "charges enabled · payouts enabled", 5*time.Second)

	// The wallet: checked before sending, then saved.
	const wallet = "0x52908400098527886E0F7030069857D2E4169EE7"
	press("W")
	scr.waitFor(t, "Crypto payouts", 5*time.Second)
	press("left", "enter")
	scr.waitFor(t, "┃ Wallet address", 5*time.Second)
	typ("0x123")
	press("enter")
	scr.waitFor(t, "Wallet address — must be 0x followed by 40 hex digits", 5*time.Second)
	press("ctrl+u")
	typ(wallet)
	scr.waitFor(t, "✓ a well-formed address", 5*time.Second)
	press("enter")
	scr.waitFor(t, "Payouts to crypto wallet "+wallet, 5*time.Second)
	if cs, err := c.Market.Connect(t.Context()); err != nil || !cs.PreferCrypto || cs.CryptoWalletAddress != wallet {
		t.Fatalf("on the server after W: %v %+v", err, cs)
	}

	// The payout, confirmed, goes.
	press("P")
	scr.waitFor(t, "Request this payout?", 5*time.Second)
	scr.waitFor(t, "your crypto wallet", 5*time.Second)
	press("y")
	scr.waitFor(t, "Payout requested: "+amount+" is on its way", 5*time.Second)
	scr.waitFor(t, "processing "+amount, 5*time.Second)
	waitServer(t, func() bool {
		return strings.Contains(selectedLine(scr.text()), amount+" · processing")
	})
	got, err := c.Market.Payouts(t.Context(), api.PayoutProcessing, nil)
	if err != nil || len(got.Items) != 1 || got.Items[0].ID != po.ID {
		t.Errorf("on the server: %v %+v", err, got)
	}

	press("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}

// TestEndToEndMarketReviewForm: the demo agent's completed purchase is
// reviewed in the huh form: the rating is required (refused beside it,
// the text kept), then the review reaches the sandbox with its
// sub-ratings.
func TestEndToEndMarketReviewForm(t *testing.T) {
	_, c := startDemo(t)
	page, err := c.Market.Orders(t.Context(), &api.OrderListOptions{Role: api.RoleBuyer, Status: api.OrderCompleted, Limit: 100})
	if err != nil || len(page.Items) != 1 || page.Items[0].Service == nil {
		t.Fatalf("test premise: the demo agent bought one completed order, unreviewed: %v %+v", err, page)
	}
	o := page.Items[0]

	tm, scr := runApp(t, c, 120, 40)
	scr.waitFor(t, " @demo_agent ", 5*time.Second)
	press := func(ks ...string) {
		for _, k := range ks {
			tm.Send(tuitest.Press(k))
		}
	}
	press("4")
	scr.waitFor(t, "Market · orders", 5*time.Second)
	press("w", "w")
	scr.waitFor(t, "buying", 5*time.Second)
	press("f", "f", "f", "f", "f", "f")
	scr.waitFor(t, "buying · completed", 5*time.Second)
	waitServer(t, func() bool { return strings.Contains(selectedLine(scr.text()), o.Service.Title) })
	press("enter")
	scr.waitFor(t, "Market › ", 5*time.Second)
	press("R")
	scr.waitFor(t, "Review of ", 5*time.Second)
	scr.waitFor(t, "┃ Rating (required)", 5*time.Second)
	press("enter", "enter", "enter", "enter")
	scr.waitFor(t, "┃ Your review", 5*time.Second)
	for _, k := range tuitest.Type("Fast and careful.") {
		tm.Send(k)
	}
	press("enter")
	scr.waitFor(t, "Rating (required) — must be between 1 and 5", 5*time.Second)
	// Each field is answered once it has the focus (huh moves it by a Cmd).
	field := func(title string, ks ...string) {
		scr.waitFor(t, "┃ "+title, 5*time.Second)
		press(ks...)
	}
	field("Rating (required)", "left", "enter") // 5
	field("Quality", "left", "left", "enter")   // 4
	field("Communication", "enter")             // not given
	field("Delivery", "enter")                  // not given
	field("Your review")
	scr.waitFor(t, "Fast and careful.", 5*time.Second)
	press("enter")
	scr.waitFor(t, "Review posted", 5*time.Second)
	rs, err := c.Market.Reviews(t.Context(), o.ServiceID, nil)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range rs.Items {
		if r.OrderID == o.ID {
			found = true
			if r.Rating != 5 || r.QualityRating == nil || *r.QualityRating != 4 || r.CommunicationRating != nil || r.Content != "Fast and careful." {
				t.Errorf("on the server: %+v", r)
			}
		}
	}
	if !found {
		t.Errorf("the review did not reach the server: %+v", rs.Items)
	}

	press("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}
