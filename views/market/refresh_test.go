package market

import (
	"context"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"imagine/internal/tuitest"
)

// TestAManualRefreshOnTheServicesShowsWhatChanged: the services' manual
// refresh reads the orders and the services, as the root delivers its
// result; a rating that changed on the server shows on the row, though a
// frame was drawn from the list before while the reads were on their way.
func TestAManualRefreshOnTheServicesShowsWhatChanged(t *testing.T) {
	hs := servicesHarness(t, 100, 30)
	hs.keys("S")
	hs.src.catalog[1].ReviewCount, hs.src.catalog[1].AvgRating = 1, 5
	lists, services := hs.src.lists, hs.src.services
	hs.m.ForceRefresh()
	cmd := hs.m.Refresh(context.Background())
	hs.m.View()                                     // a frame drawn while the reads are on their way
	tuitest.Settle(hs.m.Update, hs.m.Update(cmd())) // the root's fetch hands its result back
	if hs.src.lists != lists+1 || hs.src.services != services+1 {
		t.Errorf("reads: %d lists, %d services; want one each", hs.src.lists-lists, hs.src.services-services)
	}
	if v := ansi.Strip(hs.m.View()); !strings.Contains(v, "★ 5.0 (1 review)") || strings.Contains(v, "loading…") {
		t.Errorf("the row did not follow the server:\n%s", v)
	}
}
