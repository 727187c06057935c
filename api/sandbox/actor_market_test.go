package sandbox_test

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestActorRunsAnOrderUnderTheRules(t *testing.T) {
	m := newMarket(t)
	svc := m.createService(m.seller, serviceBody("Acted", 700, 1))
	buyer := m.s.ActAs("mk_buyer")
	seller := m.s.ActAs("mk_seller")
	id := buyer.Order(svc.ID, "Act it out")
	if o := m.getOrder(m.buyer, id); o.Status != "PENDING_PAYMENT" || o.PaymentMethod != "CARD" || o.Price != 700 {
		t.Fatalf("ordered: %+v", o)
	}
	m.s.Advance(5 * time.Second)
	seller.ActOnOrder(id, "start", "")
	seller.ActOnOrder(id, "deliver", "https://example.com/act.zip")
	buyer.OrderMessage(id, "Thanks, actor")
	if o := m.getOrder(m.seller, id); o.Status != "DELIVERED" || o.Deliverables == nil || *o.Deliverables != "https://example.com/act.zip" {
		t.Errorf("delivered: %+v", o)
	}
	var out struct {
		Messages []struct {
			Content string `json:"content"`
		} `json:"messages"`
	}
	m.do("GET", "/api/marketplace/orders/"+id+"/messages", m.seller, nil).want(t, http.StatusOK, "").decode(t, &out)
	if len(out.Messages) != 1 || out.Messages[0].Content != "Thanks, actor" {
		t.Errorf("thread: %+v", out.Messages)
	}
	for what, f := range map[string]func(){
		"own service":        func() { seller.Order(svc.ID, "mine") },
		"buyer delivers":     func() { buyer.ActOnOrder(id, "deliver", "x") },
		"stranger writes":    func() { m.s.ActAs("mk_other").OrderMessage(id, "hello") },
		"requirements empty": func() { buyer.Order(svc.ID, " ") },
	} {
		func() {
			defer func() {
				if r, _ := recover().(string); !strings.Contains(r, "sandbox:") {
					t.Errorf("%s: no panic (%q)", what, r)
				}
			}()
			f()
		}()
	}
}

func TestMarketNotificationsFilterByType(t *testing.T) {
	m := newMarket(t)
	svc := m.createService(m.seller, serviceBody("Filtered", 300, 0))
	id := m.s.ActAs("mk_buyer").Order(svc.ID, "Filter me")
	count := func(typ string) int {
		var out struct {
			Notifications []struct {
				Type    string `json:"type"`
				OrderID string `json:"orderId"`
			} `json:"notifications"`
		}
		m.do("GET", "/api/notifications?type="+typ, m.seller, nil).want(t, http.StatusOK, "").decode(t, &out)
		for _, n := range out.Notifications {
			if n.Type != typ || n.OrderID == "" {
				t.Errorf("?type=%s gave %+v", typ, n)
			}
		}
		return len(out.Notifications)
	}
	if placed, paid := count("ORDER_PLACED"), count("ORDER_PAID"); placed != 1 || paid != 0 {
		t.Errorf("placed %d, paid %d; want 1 and 0", placed, paid)
	}
	m.s.Advance(5 * time.Second)
	m.getOrder(m.buyer, id) // any read settles the payment
	if paid := count("ORDER_PAID"); paid != 1 {
		t.Errorf("paid %d after the payment", paid)
	}
	m.do("GET", "/api/notifications?type=ORDER_NOPE", m.seller, nil).want(t, http.StatusBadRequest, "validation_error")
}
