package market

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"imagine/api"
)

// TestTheTimelineFollowsTheStateMachineWithTheTimesSeen: the order screen
// shows the way the order came to its status, with the time of each step
// when known: placement (createdAt), the current status (updatedAt), and
// the changes the client saw in between.
func TestTheTimelineFollowsTheStateMachineWithTheTimesSeen(t *testing.T) {
	hs := servicesHarness(t, 100, 30)
	m := hs.m
	now := m.shown
	o := api.Order{ID: "o-tl", Status: api.OrderPaid, CreatedAt: now.Add(-3 * time.Hour), UpdatedAt: now.Add(-3 * time.Hour)}
	e := &entry{}
	e.setOrder(o)
	o.Status, o.UpdatedAt = api.OrderInProgress, now.Add(-2*time.Hour)
	e.setOrder(o)
	o.Status, o.UpdatedAt = api.OrderDelivered, now.Add(-5*time.Minute)
	e.setOrder(o)
	got := ansi.Strip(m.timeline(e))
	for _, want := range []string{"placed 3h", "paid", "in progress 2h", "delivered 5m"} {
		if !strings.Contains(got, want) {
			t.Errorf("timeline %q lacks %q", got, want)
		}
	}
	if strings.Index(got, "paid") > strings.Index(got, "in progress") {
		t.Errorf("timeline out of order: %q", got)
	}
	o.Status, o.UpdatedAt = api.OrderRefunded, now
	e.setOrder(o)
	if got := ansi.Strip(m.timeline(e)); !strings.Contains(got, "disputed › refunded") {
		t.Errorf("a refund comes after a dispute: %q", got)
	}
	c := &entry{}
	c.setOrder(api.Order{ID: "o-c", Status: api.OrderCancelled, CreatedAt: now.Add(-time.Hour), UpdatedAt: now})
	if got := ansi.Strip(m.timeline(c)); !strings.HasPrefix(got, "placed 1h › cancelled") {
		t.Errorf("cancelled: %q", got)
	}
}

// TestARevisionStaysInTheTimeline: an order that had revisions (its
// revisionsUsed, whether the client saw them or not) keeps the revision
// as a step after what followed it, the rounds counted.
func TestARevisionStaysInTheTimeline(t *testing.T) {
	hs := servicesHarness(t, 100, 30)
	now := hs.m.shown
	for _, tc := range []struct {
		st   api.OrderStatus
		used int
		want string
	}{
		{api.OrderDisputed, 1, "placed 1h › paid › in progress › delivered › revision › disputed now"},
		{api.OrderCompleted, 2, "delivered › revision ×2 › delivered › completed now"},
		{api.OrderInProgress, 1, "delivered › revision › in progress now"},
		{api.OrderDisputed, 0, "delivered › disputed now"},
	} {
		e := &entry{}
		e.setOrder(api.Order{ID: "o-r", Status: tc.st, RevisionsUsed: tc.used, CreatedAt: now.Add(-time.Hour), UpdatedAt: now})
		if got := ansi.Strip(hs.m.timeline(e)); !strings.HasSuffix(got, tc.want) {
			t.Errorf("%s after %d revisions: %q, want it to end %q", tc.st, tc.used, got, tc.want)
		}
	}
}
