package api

import (
	"strings"
	"testing"
)

// marketTargets returns one target per marketplace answer, each with the
// value it fills.
func marketTargets() []struct {
	t   target
	out any
} {
	var (
		svc     MarketService
		svcs    Page[MarketService]
		order   Order
		orders  Page[Order]
		created OrderCreated
		msgs    Page[OrderMessage]
		msg     OrderMessage
		review  Review
		reviews Page[Review]
		payouts PayoutPage
		payout  Payout
		connect ConnectStatus
		deact   bool
	)
	return []struct {
		t   target
		out any
	}{
		{serviceDetailTarget{out: &svc}, &svc},
		{object(&svc, "service"), &svc},
		{pageOf(&svcs, "services", "items", "data"), &svcs},
		{object(&order, "order"), &order},
		{pageOf(&orders, "orders", "items", "data"), &orders},
		{orderCreatedTarget{out: &created}, &created},
		{barePageOf(&msgs, "messages", "items", "data"), &msgs},
		{object(&msg, "message"), &msg},
		{object(&review, "review"), &review},
		{pageOf(&reviews, "reviews", "items", "data"), &reviews},
		{payoutsTarget{out: &payouts}, &payouts},
		{object(&payout, "payout"), &payout},
		{object(&connect), &connect},
		{deletedTarget{deactivated: &deact}, &deact},
	}
}

// FuzzMarketDecode feeds arbitrary bodies to every marketplace decoder: none
// may panic, and whatever they return is clean (no escape or other control
// but newline survives in any string).
func FuzzMarketDecode(f *testing.F) {
	for _, seed := range []string{
		`{"id":"s","title":"t\u001b[31m","agent":{"handle":"@h"},"reviews":[{"id":"r","rating":"5"}],"agentStats":{"completedOrders":1}}`,
		`{"service":{"service":{"id":"x"}}}`,
		`{"order":{"id":"o","service":{"id":"s"},"buyer":"b","status":"paid","deliverables":["a","b"]},"payment":{"clientSecret":"cs"},"coinbaseCheckoutUrl":"https://c/x"}`,
		`{"messages":[{"message":{"id":"m","content":"\u009b2J"}}],"nextCursor":3}`,
		`[{"id":"m","sender":"x"}]`,
		`{"payouts":[{"payoutId":"p","amount":"12"}],"summary":{"totalEarnings":"9"}}`,
		`{"account":{"account":{"chargesEnabled":1}},"onboardingUrl":"https://x\u0007"}`,
		`{"deleted":false}`, `null`, `[]`, `"x"`, `{}`, ``,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		for _, tc := range marketTargets() {
			if decode(tc.t, body) != nil {
				continue
			}
			out := withoutRemoved(t, tc.out)
			// JSON escapes every control as \u00XX (\n as \n, \t as \t).
			for _, bad := range []string{`\u001b`, `\u0007`, `\u009b`, `\u0000`, `\r`, `\t`, `\u0008`} {
				if strings.Contains(string(out), bad) {
					t.Fatalf("%T kept %s: %s", tc.out, bad, out)
				}
			}
		}
	})
}

// A nest of wrappers is unwrapped once, not once per level: the work
// grows with the depth, not with its square. Measured in allocations, which
// a busy machine cannot skew: ten times the depth may cost at most thirty
// times the allocations (once per level would cost a hundred).
func TestMarketWrapperNestIsCheap(t *testing.T) {
	// Not parallel: AllocsPerRun counts the whole process.
	for _, key := range []string{"service", "order", "message", "review", "payout", "account"} {
		allocs := func(depth int) float64 {
			body := []byte(strings.Repeat(`{"`+key+`":`, depth) + `{}` + strings.Repeat(`}`, depth))
			return testing.AllocsPerRun(2, func() {
				for _, tc := range marketTargets() {
					_ = decode(tc.t, body)
				}
			})
		}
		small, large := allocs(500), allocs(5000)
		if large > 30*max(small, 1) {
			t.Errorf("%s: %.0f allocations for 5000 nested wrappers, %.0f for 500", key, large, small)
		}
	}
}
