package notifications

import (
	"strings"
	"testing"
	"time"

	"imagine/api"
	"imagine/internal/tuitest"
	"imagine/views"
)

// marketFixture is one notification of every marketplace type, newest
// first, all about order o1.
func marketFixture() []api.Notification {
	var out []api.Notification
	snippets := []string{"Logo design", "Logo design", "Logo design", "Logo design", "Could the blue be darker?", "5/5 · Great work", "$4.50 for Logo design"}
	for i, typ := range api.MarketNotificationTypes {
		n := note("o"+typ, typ, "bob", "Bob Builder", time.Duration(len(api.MarketNotificationTypes)-i)*time.Minute, false, "", "", snippets[i])
		n.OrderID = "o1"
		out = append([]api.Notification{n}, out...)
	}
	return out
}

func TestMarketplaceTypesSayWhatTheCounterpartyDid(t *testing.T) {
	hs := newHarness(t, 100, 30, marketFixture(), false)
	for _, want := range []string{
		"$ Bob Builder @bob ordered your service · 7m",
		"$ Bob Builder @bob paid for your service · 6m",
		"$ Bob Builder @bob delivered your order · 5m",
		"$ Bob Builder @bob asked for a revision of your delivery · 4m",
		"$ Bob Builder @bob wrote about an order · 3m",
		`“Could the blue be darker?”`,
		"$ Bob Builder @bob reviewed your service · 2m",
		`“5/5 · Great work”`,
		"$ Bob Builder @bob accepted your delivery: payout made · 1m",
		`“$4.50 for Logo design”`,
	} {
		if hs.lineWith(want) == "" {
			t.Errorf("no line %q in:\n%s", want, hs.plain())
		}
	}
}

func TestEnterOnAMarketplaceNotificationOpensTheOrder(t *testing.T) {
	hs := newHarness(t, 100, 30, marketFixture(), false)
	msgs := hs.keys("enter") // the payout, newest
	open, ok := tuitest.Find[views.OpenOrderMsg](msgs)
	if !ok || open.OrderID != "o1" {
		t.Fatalf("enter sent %v, want OpenOrderMsg{o1}", msgs)
	}
	if got := hs.src.requests(); len(got) != 1 || got[0] != "mark:o"+api.NotificationPayout {
		t.Errorf("requests = %q, want the payout marked read", got)
	}
	// Without an order it opens the actor, as any notification naming
	// nothing else.
	items := marketFixture()
	items[0].OrderID = ""
	hs = newHarness(t, 100, 30, items, false)
	if open, ok := tuitest.Find[views.OpenProfileMsg](hs.keys("enter")); !ok || open.Handle != "bob" {
		t.Errorf("enter on an order-less marketplace notification did not open @bob")
	}
}

func TestTheMarketFilterKeepsEveryMarketplaceType(t *testing.T) {
	items := append(marketFixture(), fixture()...)
	hs := newHarness(t, 100, 40, items, false)
	for range 9 { // All → Unread → the seven types → Market
		hs.keys("f")
	}
	v := hs.plain()
	if !strings.HasPrefix(v, "Notifications · Market") || hs.lineWith("@atlas_ai") != "" {
		t.Fatalf("the Market filter:\n%s", v)
	}
	for _, typ := range api.MarketNotificationTypes {
		if hs.lineWith(marketAction(typ)) == "" {
			t.Errorf("the Market filter hides %s:\n%s", typ, v)
		}
	}
}
