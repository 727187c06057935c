package market

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"imagine/internal/tuitest"
)

// TestAManualRefreshOnTheServicesRunsBothReadsAsTheRootDeliversThem: the
// root hands a poll's result to the pane as it came, a tea.BatchMsg for
// the services' manual refresh (the services and the orders); both reads
// run, and a rating that changed on the server shows on the row, though
// a frame was drawn from the list before while they were on their way.
func TestAManualRefreshOnTheServicesRunsBothReadsAsTheRootDeliversThem(t *testing.T) {
	hs := servicesHarness(t, 100, 30)
	hs.keys("S")
	hs.src.catalog[1].ReviewCount, hs.src.catalog[1].AvgRating = 1, 5
	lists, services := hs.src.lists, hs.src.services
	hs.m.ForceRefresh()
	cmd := hs.m.Refresh(context.Background())
	hs.m.View()     // a frame drawn while the reads are on their way
	result := cmd() // what the root's fetch receives
	if _, ok := result.(tea.BatchMsg); !ok {
		t.Fatalf("test premise: the manual refresh on the services is a batch, got %T", result)
	}
	tuitest.Settle(hs.m.Update, hs.m.Update(result))
	if hs.src.lists != lists+1 || hs.src.services != services+1 {
		t.Errorf("reads: %d lists, %d services; want one each", hs.src.lists-lists, hs.src.services-services)
	}
	if v := ansi.Strip(hs.m.View()); !strings.Contains(v, "★ 5.0 (1 review)") || strings.Contains(v, "loading…") {
		t.Errorf("the row did not follow the server:\n%s", v)
	}
}
