package sandbox_test

import (
	"fmt"
	"net/http"
	"testing"
	"time"
)

func TestMarketOrderMessagesArePagedFromTheNewest(t *testing.T) {
	m := newMarket(t)
	svc := m.createService(m.seller, serviceBody("Long thread", 100, 0))
	o, _ := m.order(m.buyer, svc.ID, "CARD")
	buyer := m.s.ActAs("mk_buyer")
	for i := 1; i <= 250; i++ {
		buyer.OrderMessage(o.ID, fmt.Sprintf("message %03d", i))
		m.s.Advance(time.Millisecond)
	}
	var pages [][]string
	cursor := ""
	for range 4 {
		var out struct {
			Messages []struct {
				Content string `json:"content"`
			} `json:"messages"`
			NextCursor *string `json:"nextCursor"`
			HasMore    bool    `json:"hasMore"`
		}
		path := "/api/marketplace/orders/" + o.ID + "/messages?limit=100"
		if cursor != "" {
			path += "&cursor=" + cursor
		}
		m.do("GET", path, m.seller, nil).want(t, http.StatusOK, "").decode(t, &out)
		var page []string
		for _, msg := range out.Messages {
			page = append(page, msg.Content)
		}
		pages = append(pages, page)
		if !out.HasMore || out.NextCursor == nil {
			break
		}
		cursor = *out.NextCursor
	}
	want := [][2]string{{"message 151", "message 250"}, {"message 051", "message 150"}, {"message 001", "message 050"}}
	if len(pages) != len(want) {
		t.Fatalf("%d pages, want 3", len(pages))
	}
	for i, w := range want {
		if p := pages[i]; p[0] != w[0] || p[len(p)-1] != w[1] {
			t.Errorf("page %d runs %q … %q, want %q … %q", i, p[0], p[len(p)-1], w[0], w[1])
		}
	}
}
