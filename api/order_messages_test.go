package api_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"imagine/api"
	"imagine/api/sandbox"
)

// TestOrderMessagesPageBackwardsFromTheNewest: a thread of 250 messages
// reads as 100 newest, then older pages by cursor, each oldest first; the
// pages in reverse order of reading are the whole thread once.
func TestOrderMessagesPageBackwardsFromTheNewest(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{})
	ctx := t.Context()
	seller := e.clientAs(t, "pages_seller")
	buyer := e.clientAs(t, "pages_buyer")
	svc := newListing(t, seller, "Paged thread", 0)
	created, err := buyer.Market.CreateOrder(ctx, svc.ID, "Talk to me", api.PaymentCard)
	if err != nil {
		t.Fatal(err)
	}
	id := created.Order.ID
	talker := e.srv.ActAs("pages_buyer")
	for i := 1; i <= 250; i++ {
		talker.OrderMessage(id, fmt.Sprintf("m%03d", i))
		e.clock.Advance(time.Second)
	}
	var pages [][]string
	cursor := ""
	for {
		p, err := seller.Market.OrderMessages(ctx, id, &api.ListOptions{Limit: 100, Cursor: cursor})
		if err != nil {
			t.Fatal(err)
		}
		var page []string
		for _, m := range p.Items {
			page = append(page, m.Content)
		}
		pages = append(pages, page)
		if !p.HasMore || len(pages) > 3 {
			break
		}
		cursor = p.NextCursor
	}
	if len(pages) != 3 || len(pages[0]) != 100 || pages[0][0] != "m151" || pages[0][99] != "m250" {
		t.Fatalf("pages: %d, first %v", len(pages), pages[0])
	}
	var all []string
	for i := len(pages) - 1; i >= 0; i-- {
		all = append(all, pages[i]...)
	}
	want := make([]string, 250)
	for i := range want {
		want[i] = fmt.Sprintf("m%03d", i+1)
	}
	if !slices.Equal(all, want) {
		t.Errorf("the thread read back: %d messages %v … %v", len(all), all[:3], all[len(all)-3:])
	}
}
