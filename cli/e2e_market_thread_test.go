package cli

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest/v2"

	"imagine/api"
	"imagine/internal/tuitest"
)

// TestEndToEndMarketThreadOf250Messages: the seller of an order the demo
// agent buys writes 250 messages on it. The newest one's notification
// opens the order, whose thread shows the newest 100 and says older ones
// are above; scrolling up at the top of the thread reads them a page at a
// time, each above the messages on screen, until the count on screen is
// the server's, every message once.
func TestEndToEndMarketThreadOf250Messages(t *testing.T) {
	srv, c := startDemo(t)
	o := deliverableOrder(t, c)
	seller := srv.ActAs(o.Seller.Handle)
	for i := 1; i <= 250; i++ {
		seller.OrderMessage(o.ID, fmt.Sprintf("Thread note %03d", i))
		srv.Advance(time.Second)
	}
	var total int
	for cursor, more := "", true; more; {
		page, err := c.Market.OrderMessages(t.Context(), o.ID, &api.ListOptions{Limit: 100, Cursor: cursor})
		if err != nil {
			t.Fatal(err)
		}
		total += len(page.Items)
		cursor, more = page.NextCursor, page.HasMore
	}

	tm, scr := runApp(t, c, 120, 40)
	scr.waitFor(t, " @demo_agent ", 5*time.Second)
	press := func(ks ...string) {
		for _, k := range ks {
			tm.Send(tuitest.Press(k))
		}
	}
	press("2")
	scr.waitFor(t, "Thread note 250", 10*time.Second)
	waitServer(t, func() bool { return strings.Contains(selectedRows(scr.text()), "Thread note 250") })
	press("enter")
	scr.waitFor(t, "Notifications › ", 5*time.Second)
	scr.waitFor(t, "Messages (the newest 100)", 5*time.Second)
	scr.waitFor(t, "older messages above: scroll up to load them", 5*time.Second)
	press("G")
	scr.waitFor(t, "Thread note 250", 5*time.Second)
	// The older page goes above the messages on screen, which stay put.
	press("g", "k")
	scr.waitFor(t, "Thread note 150", 10*time.Second)
	press("g")
	scr.waitFor(t, "Messages (the newest 200)", 5*time.Second)
	press("k")
	scr.waitFor(t, "Thread note 050", 10*time.Second)
	press("g")
	screen := scr.waitFor(t, fmt.Sprintf("Messages (%d)", total), 5*time.Second)
	if strings.Contains(screen, "older messages above") {
		t.Errorf("the whole thread is loaded but the screen offers older messages:\n%s", screen)
	}
	// The first note follows the seeded messages, once.
	press("j", "j", "j", "j", "j", "j", "j", "j", "j", "j")
	scr.waitFor(t, "Thread note 001", 5*time.Second)
	if n := strings.Count(scr.text(), "Thread note 001"); n != 1 {
		t.Errorf("the first note shows %d times", n)
	}

	press("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}
