package sandbox_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"imagine/api/sandbox"
)

// wireListing is the subset of a marketplace service tests read.
type wireListing struct {
	ID           string   `json:"id"`
	Title        string   `json:"title"`
	Price        int      `json:"price"`
	DeliveryDays int      `json:"deliveryDays"`
	Revisions    int      `json:"revisions"`
	Category     string   `json:"category"`
	Tags         []string `json:"tags"`
	IsActive     bool     `json:"isActive"`
	AvgRating    float64  `json:"avgRating"`
	ReviewCount  int      `json:"reviewCount"`
	OrderCount   int      `json:"orderCount"`
	Agent        struct {
		Handle string `json:"handle"`
	} `json:"agent"`
	Reviews    []wireReview `json:"reviews"`
	AgentStats *struct {
		CompletedOrders int `json:"completedOrders"`
		ServiceCount    int `json:"serviceCount"`
	} `json:"agentStats"`
}

type wireOrder struct {
	ID               string  `json:"id"`
	ServiceID        string  `json:"serviceId"`
	Status           string  `json:"status"`
	Deliverables     *string `json:"deliverables"`
	PaymentMethod    string  `json:"paymentMethod"`
	Price            int     `json:"price"`
	RevisionsAllowed int     `json:"revisionsAllowed"`
	RevisionsUsed    int     `json:"revisionsUsed"`
	PaidAt           *string `json:"paidAt"`
	Buyer            struct {
		Handle string `json:"handle"`
	} `json:"buyer"`
	Seller struct {
		Handle string `json:"handle"`
	} `json:"seller"`
}

type wireReview struct {
	ID            string `json:"id"`
	OrderID       string `json:"orderId"`
	Rating        int    `json:"rating"`
	QualityRating *int   `json:"qualityRating"`
	Content       string `json:"content"`
}

type wirePayout struct {
	ID      string `json:"id"`
	OrderID string `json:"orderId"`
	Amount  int    `json:"amount"`
	Fee     int    `json:"fee"`
	Status  string `json:"status"`
}

// market is a fixture with a seller and a buyer.
type market struct {
	*fixture
	seller, buyer, other string // tokens
}

func newMarket(t *testing.T) *market {
	// Tokens outlive the hour a dispute takes to be refunded.
	f := newFixture(t, sandbox.Options{NoRateLimit: true, TokenTTL: 24 * time.Hour})
	f.s.ActAs("mk_seller")
	f.s.ActAs("mk_buyer")
	f.s.ActAs("mk_other")
	return &market{fixture: f, seller: f.tokenFor("mk_seller"), buyer: f.tokenFor("mk_buyer"), other: f.tokenFor("mk_other")}
}

func serviceBody(title string, price, revisions int) map[string]any {
	return map[string]any{"title": title, "description": "I will do " + title, "shortDesc": title,
		"price": price, "deliveryDays": 2, "revisions": revisions, "category": "CREATIVE", "tags": []string{"mk-test"}}
}

func (m *market) createService(token string, body map[string]any) wireListing {
	m.t.Helper()
	var out struct {
		Service wireListing `json:"service"`
	}
	m.do("POST", "/api/marketplace/services", token, body).want(m.t, http.StatusCreated, "").decode(m.t, &out)
	return out.Service
}

func (m *market) service(id string) wireListing {
	m.t.Helper()
	var out struct {
		Service wireListing `json:"service"`
	}
	m.do("GET", "/api/marketplace/services/"+id, "", nil).want(m.t, http.StatusOK, "").decode(m.t, &out)
	return out.Service
}

func (m *market) order(token, serviceID, method string) (wireOrder, map[string]any) {
	m.t.Helper()
	var out struct {
		Order wireOrder `json:"order"`
	}
	r := m.do("POST", "/api/marketplace/orders", token, map[string]any{"serviceId": serviceID,
		"requirements": "Make it shine", "paymentMethod": method}).want(m.t, http.StatusCreated, "")
	r.decode(m.t, &out)
	return out.Order, r.body
}

func (m *market) getOrder(token, id string) wireOrder {
	m.t.Helper()
	var out struct {
		Order wireOrder `json:"order"`
	}
	m.do("GET", "/api/marketplace/orders/"+id, token, nil).want(m.t, http.StatusOK, "").decode(m.t, &out)
	return out.Order
}

// act runs an order action and wants status (and, on success, the order's
// new status in code).
func (m *market) act(token, id, action string, status int, code string) {
	m.t.Helper()
	body := map[string]any{"action": action}
	if action == "deliver" {
		body["deliverables"] = "https://example.com/result.png"
	}
	r := m.do("PATCH", "/api/marketplace/orders/"+id, token, body)
	if status != http.StatusOK {
		r.want(m.t, status, code)
		return
	}
	r.want(m.t, http.StatusOK, "")
	var out struct {
		Order wireOrder `json:"order"`
	}
	r.decode(m.t, &out)
	if out.Order.Status != code {
		m.t.Fatalf("%s: status %s, want %s", action, out.Order.Status, code)
	}
}

// paidOrder places an order and lets the server clock pay it.
func (m *market) paidOrder(serviceID string) wireOrder {
	m.t.Helper()
	o, _ := m.order(m.buyer, serviceID, "CARD")
	m.s.Advance(3 * time.Second)
	if o = m.getOrder(m.buyer, o.ID); o.Status != "PAID" {
		m.t.Fatalf("order is %s after the payment delay", o.Status)
	}
	return o
}

func TestMarketServiceCreateUpdateDelete(t *testing.T) {
	m := newMarket(t)
	svc := m.createService(m.seller, serviceBody("Pixel portraits", 500, 2))
	if svc.ID == "" || svc.Price != 500 || svc.Category != "CREATIVE" || !svc.IsActive || svc.Agent.Handle != "mk_seller" || svc.Revisions != 2 {
		t.Fatalf("created %+v", svc)
	}
	for _, tc := range []struct {
		change map[string]any
		code   string
	}{
		{map[string]any{"price": 0}, "invalid_price"},
		{map[string]any{"price": -5}, "invalid_price"},
		{map[string]any{"price": 4.5}, "validation_error"},
		{map[string]any{"category": "COOKING"}, "invalid_category"},
		{map[string]any{"deliveryDays": 0}, "validation_error"},
		{map[string]any{"deliveryDays": 91}, "validation_error"},
		{map[string]any{"revisions": 11}, "validation_error"},
		{map[string]any{"revisions": -1}, "validation_error"},
		{map[string]any{"title": ""}, "title_required"},
		{map[string]any{"title": strings.Repeat("t", 101)}, "title_too_long"},
		{map[string]any{"thumbnailUrl": "http://example.com/a.png"}, "invalid_url"},
		{map[string]any{"images": []string{"https://example.com/a.png", "ftp://x/y"}}, "invalid_url"},
		{map[string]any{"tags": []string{""}}, "validation_error"},
	} {
		body := serviceBody("Bad", 500, 1)
		for k, v := range tc.change {
			body[k] = v
		}
		m.do("POST", "/api/marketplace/services", m.seller, body).want(t, http.StatusBadRequest, tc.code)
	}
	body := serviceBody("No category", 500, 1)
	delete(body, "category")
	m.do("POST", "/api/marketplace/services", m.seller, body).want(t, http.StatusBadRequest, "validation_error")
	m.do("POST", "/api/marketplace/services", "", serviceBody("Anon", 500, 1)).want(t, http.StatusUnauthorized, "")

	// PATCH: own only, any subset, validated.
	var up struct {
		Service wireListing `json:"service"`
	}
	m.do("PATCH", "/api/marketplace/services/"+svc.ID, m.seller, map[string]any{"price": 750, "thumbnailUrl": "https://example.com/t.png"}).
		want(t, http.StatusOK, "").decode(t, &up)
	if up.Service.Price != 750 || up.Service.Title != "Pixel portraits" {
		t.Errorf("patched %+v", up.Service)
	}
	m.do("PATCH", "/api/marketplace/services/"+svc.ID, m.buyer, map[string]any{"price": 1}).want(t, http.StatusForbidden, "forbidden")
	m.do("PATCH", "/api/marketplace/services/"+svc.ID, m.seller, map[string]any{"price": 0}).want(t, http.StatusBadRequest, "invalid_price")
	m.do("PATCH", "/api/marketplace/services/svc_nope", m.seller, map[string]any{"price": 1}).want(t, http.StatusNotFound, "not_found")
	if got := m.service(svc.ID); got.Price != 750 {
		t.Errorf("price after refused patches = %d", got.Price)
	}

	// DELETE: own only; without orders it is gone.
	m.do("DELETE", "/api/marketplace/services/"+svc.ID, m.buyer, nil).want(t, http.StatusForbidden, "forbidden")
	r := m.do("DELETE", "/api/marketplace/services/"+svc.ID, m.seller, nil).want(t, http.StatusOK, "")
	if r.body["deleted"] != true || r.body["deactivated"] != false {
		t.Errorf("delete = %s", r.raw)
	}
	m.do("GET", "/api/marketplace/services/"+svc.ID, "", nil).want(t, http.StatusNotFound, "not_found")
}

func TestMarketDeleteWithActiveOrdersDeactivates(t *testing.T) {
	m := newMarket(t)
	svc := m.createService(m.seller, serviceBody("Busy service", 900, 0))
	o, _ := m.order(m.buyer, svc.ID, "CARD")
	r := m.do("DELETE", "/api/marketplace/services/"+svc.ID, m.seller, nil).want(t, http.StatusOK, "")
	if r.body["deleted"] != false || r.body["deactivated"] != true || r.body["message"] == nil {
		t.Fatalf("delete with an active order = %s", r.raw)
	}
	if got := m.service(svc.ID); got.IsActive {
		t.Error("the service is still active")
	}
	var list struct {
		Services []wireListing `json:"services"`
	}
	m.do("GET", "/api/marketplace/services?search=busy+service", "", nil).want(t, http.StatusOK, "").decode(t, &list)
	if len(list.Services) != 0 {
		t.Errorf("a deactivated service is listed: %+v", list.Services)
	}
	m.do("POST", "/api/marketplace/orders", m.other, map[string]any{"serviceId": svc.ID, "requirements": "x", "paymentMethod": "CARD"}).
		want(t, http.StatusConflict, "service_inactive")
	// The order goes on; once it is cancelled, delete deletes.
	m.act(m.buyer, o.ID, "cancel", http.StatusOK, "CANCELLED")
	r = m.do("DELETE", "/api/marketplace/services/"+svc.ID, m.seller, nil).want(t, http.StatusOK, "")
	if r.body["deleted"] != true {
		t.Errorf("delete after the order ended = %s", r.raw)
	}
	if got := m.getOrder(m.buyer, o.ID); got.Status != "CANCELLED" || got.ServiceID != svc.ID {
		t.Errorf("the order after its service was deleted: %+v", got)
	}
}

func TestMarketServiceListFiltersAndSorts(t *testing.T) {
	m := newMarket(t)
	var ids []string
	for i, price := range []int{300, 100, 500, 200, 400} {
		b := serviceBody("Zyzzyva job "+itoa(i), price, 1)
		if i == 2 {
			b["category"] = "ANALYST"
		}
		ids = append(ids, m.createService(m.seller, b).ID)
		m.s.Advance(time.Second)
	}
	list := func(q string) []wireListing {
		t.Helper()
		var out struct {
			Services   []wireListing `json:"services"`
			NextCursor *string       `json:"nextCursor"`
			HasMore    bool          `json:"hasMore"`
		}
		m.do("GET", "/api/marketplace/services?search=zyzzyva&"+q, "", nil).want(t, http.StatusOK, "").decode(t, &out)
		return out.Services
	}
	prices := func(ss []wireListing) string {
		var out []string
		for _, s := range ss {
			out = append(out, itoa(s.Price))
		}
		return strings.Join(out, " ")
	}
	if got := prices(list("sortBy=price&sortOrder=asc")); got != "100 200 300 400 500" {
		t.Errorf("price asc = %s", got)
	}
	if got := prices(list("sortBy=price&sortOrder=desc")); got != "500 400 300 200 100" {
		t.Errorf("price desc = %s", got)
	}
	if got := prices(list("")); got != "400 200 500 100 300" {
		t.Errorf("default (newest first) = %s", got)
	}
	if got := prices(list("minPrice=200&maxPrice=400&sortBy=price&sortOrder=asc")); got != "200 300 400" {
		t.Errorf("price range = %s", got)
	}
	if got := prices(list("category=ANALYST")); got != "500" {
		t.Errorf("category = %s", got)
	}
	if got := list("featured=true"); len(got) != 0 {
		t.Errorf("featured = %+v", got)
	}
	// Cursor pages cover the sorted list once.
	var seen []string
	cursor := ""
	for range 5 {
		var out struct {
			Services   []wireListing `json:"services"`
			NextCursor *string       `json:"nextCursor"`
			HasMore    bool          `json:"hasMore"`
		}
		m.do("GET", "/api/marketplace/services?search=zyzzyva&sortBy=price&limit=2"+cursor, "", nil).want(t, http.StatusOK, "").decode(t, &out)
		seen = append(seen, prices(out.Services))
		if !out.HasMore {
			break
		}
		cursor = "&cursor=" + *out.NextCursor
	}
	if got := strings.Join(seen, " | "); got != "500 400 | 300 200 | 100" {
		t.Errorf("pages = %s", got)
	}
	for _, q := range []string{"sortBy=name", "sortOrder=up", "minPrice=abc", "maxPrice=-1", "featured=maybe",
		"category=COOKING", "minPrice=500&maxPrice=100", "limit=x", "cursor=bad"} {
		m.do("GET", "/api/marketplace/services?"+q, "", nil).want(t, http.StatusBadRequest, "")
	}
}

func TestMarketOrderLifecycle(t *testing.T) {
	m := newMarket(t)
	svc := m.createService(m.seller, serviceBody("Logo design", 1000, 1))

	m.do("POST", "/api/marketplace/orders", m.seller, map[string]any{"serviceId": svc.ID, "requirements": "x", "paymentMethod": "CARD"}).
		want(t, http.StatusForbidden, "own_service")
	m.do("POST", "/api/marketplace/orders", m.buyer, map[string]any{"serviceId": svc.ID, "requirements": "x", "paymentMethod": "PAYPAL"}).
		want(t, http.StatusBadRequest, "invalid_paymentMethod")
	m.do("POST", "/api/marketplace/orders", m.buyer, map[string]any{"serviceId": svc.ID, "requirements": "", "paymentMethod": "CARD"}).
		want(t, http.StatusBadRequest, "requirements_required")
	m.do("POST", "/api/marketplace/orders", m.buyer, map[string]any{"serviceId": "svc_none", "requirements": "x", "paymentMethod": "CARD"}).
		want(t, http.StatusNotFound, "not_found")

	o, body := m.order(m.buyer, svc.ID, "CARD")
	if o.Status != "PENDING_PAYMENT" || o.Price != 1000 || o.RevisionsAllowed != 1 || o.Buyer.Handle != "mk_buyer" || o.Seller.Handle != "mk_seller" {
		t.Fatalf("order = %+v", o)
	}
	if cs, _ := body["clientSecret"].(string); !strings.Contains(cs, "sandbox") {
		t.Errorf("clientSecret = %v", body["clientSecret"])
	}
	// Not paid yet: nothing to start; a stranger sees nothing.
	m.act(m.seller, o.ID, "start", http.StatusConflict, "invalid_status")
	m.do("GET", "/api/marketplace/orders/"+o.ID, m.other, nil).want(t, http.StatusForbidden, "forbidden")
	m.do("PATCH", "/api/marketplace/orders/"+o.ID, m.other, map[string]any{"action": "cancel"}).want(t, http.StatusForbidden, "forbidden")
	m.do("GET", "/api/marketplace/orders/ord_none", m.buyer, nil).want(t, http.StatusNotFound, "not_found")

	m.s.Advance(2 * time.Second)
	if got := m.getOrder(m.seller, o.ID); got.Status != "PENDING_PAYMENT" {
		t.Fatalf("paid too early: %s", got.Status)
	}
	m.s.Advance(time.Second)
	if got := m.getOrder(m.seller, o.ID); got.Status != "PAID" || got.PaidAt == nil {
		t.Fatalf("after the payment delay: %+v", got)
	}

	m.act(m.buyer, o.ID, "start", http.StatusForbidden, "forbidden")
	m.act(m.seller, o.ID, "accept", http.StatusForbidden, "forbidden")
	m.act(m.seller, o.ID, "deliver", http.StatusConflict, "invalid_status")
	m.act(m.seller, o.ID, "start", http.StatusOK, "IN_PROGRESS")
	m.act(m.seller, o.ID, "start", http.StatusConflict, "invalid_status")
	m.act(m.buyer, o.ID, "dispute", http.StatusConflict, "invalid_status")
	m.do("PATCH", "/api/marketplace/orders/"+o.ID, m.seller, map[string]any{"action": "deliver"}).want(t, http.StatusBadRequest, "deliverables_required")
	m.do("PATCH", "/api/marketplace/orders/"+o.ID, m.seller, map[string]any{"action": "finish"}).want(t, http.StatusBadRequest, "invalid_action")
	m.do("PATCH", "/api/marketplace/orders/"+o.ID, m.seller, map[string]any{}).want(t, http.StatusBadRequest, "validation_error")
	m.act(m.buyer, o.ID, "deliver", http.StatusForbidden, "forbidden")
	m.act(m.seller, o.ID, "deliver", http.StatusOK, "DELIVERED")
	m.act(m.seller, o.ID, "cancel", http.StatusConflict, "invalid_status")
	m.act(m.seller, o.ID, "request_revision", http.StatusForbidden, "forbidden")
	m.act(m.buyer, o.ID, "request_revision", http.StatusOK, "REVISION")
	m.act(m.seller, o.ID, "deliver", http.StatusConflict, "invalid_status")
	m.act(m.seller, o.ID, "start", http.StatusOK, "IN_PROGRESS")
	m.act(m.seller, o.ID, "deliver", http.StatusOK, "DELIVERED")
	// One revision allowed, one used.
	m.act(m.buyer, o.ID, "request_revision", http.StatusConflict, "revision_limit_reached")
	if got := m.getOrder(m.buyer, o.ID); got.RevisionsUsed != 1 || got.Deliverables == nil {
		t.Errorf("order = %+v", got)
	}
	m.act(m.buyer, o.ID, "accept", http.StatusOK, "COMPLETED")
	for _, a := range []string{"start", "deliver", "cancel"} {
		m.act(m.seller, o.ID, a, http.StatusConflict, "invalid_status")
	}
	for _, a := range []string{"accept", "request_revision", "dispute", "cancel"} {
		m.act(m.buyer, o.ID, a, http.StatusConflict, "invalid_status")
	}
	if got := m.service(svc.ID); got.OrderCount != 1 || got.AgentStats == nil || got.AgentStats.CompletedOrders != 1 || got.AgentStats.ServiceCount != 1 {
		t.Errorf("service after completion = %+v", got)
	}

	// Reviews: the buyer, once, completed orders only.
	rev := map[string]any{"orderId": o.ID, "rating": 4, "content": "Good work", "qualityRating": 5}
	m.do("POST", "/api/marketplace/reviews", m.seller, rev).want(t, http.StatusForbidden, "forbidden")
	for _, bad := range []map[string]any{{"rating": 0}, {"rating": 6}, {"qualityRating": 9}, {"deliveryRating": 0}, {"rating": nil}} {
		b := map[string]any{"orderId": o.ID, "rating": 4, "content": "x"}
		for k, v := range bad {
			if v == nil {
				delete(b, k)
			} else {
				b[k] = v
			}
		}
		m.do("POST", "/api/marketplace/reviews", m.buyer, b).want(t, http.StatusBadRequest, "invalid_rating")
	}
	var created struct {
		Review wireReview `json:"review"`
	}
	m.do("POST", "/api/marketplace/reviews", m.buyer, rev).want(t, http.StatusCreated, "").decode(t, &created)
	if created.Review.Rating != 4 || created.Review.QualityRating == nil || *created.Review.QualityRating != 5 {
		t.Errorf("review = %+v", created.Review)
	}
	m.do("POST", "/api/marketplace/reviews", m.buyer, rev).want(t, http.StatusConflict, "already_reviewed")
	if got := m.service(svc.ID); got.AvgRating != 4 || got.ReviewCount != 1 || len(got.Reviews) != 1 {
		t.Errorf("service after the review = %+v", got)
	}

	// The seller's payout: PENDING until requested, which needs onboarding.
	var pl struct {
		Payouts []wirePayout   `json:"payouts"`
		Summary map[string]any `json:"summary"`
	}
	m.do("GET", "/api/marketplace/payouts", m.seller, nil).want(t, http.StatusOK, "").decode(t, &pl)
	if len(pl.Payouts) != 1 || pl.Payouts[0].Amount != 900 || pl.Payouts[0].Fee != 100 || pl.Payouts[0].Status != "PENDING" || pl.Payouts[0].OrderID != o.ID {
		t.Fatalf("payouts = %+v", pl.Payouts)
	}
	if pl.Summary["totalPending"] != float64(900) || pl.Summary["totalEarnings"] != float64(900) {
		t.Errorf("summary = %v", pl.Summary)
	}
	po := pl.Payouts[0].ID
	m.do("POST", "/api/marketplace/payouts", m.seller, map[string]any{"payoutId": po}).want(t, http.StatusForbidden, "onboarding_required")
	m.do("POST", "/api/marketplace/connect", m.seller, nil).want(t, http.StatusOK, "")
	m.do("POST", "/api/marketplace/payouts", m.seller, map[string]any{"payoutId": po}).want(t, http.StatusForbidden, "onboarding_required")
	m.s.Advance(5 * time.Second)
	m.do("POST", "/api/marketplace/payouts", m.seller, map[string]any{"payoutId": "po_none"}).want(t, http.StatusNotFound, "not_found")
	m.do("POST", "/api/marketplace/connect", m.buyer, nil).want(t, http.StatusOK, "")
	m.s.Advance(5 * time.Second)
	m.do("POST", "/api/marketplace/payouts", m.buyer, map[string]any{"payoutId": po}).want(t, http.StatusNotFound, "not_found")
	var req struct {
		Payout wirePayout `json:"payout"`
	}
	m.do("POST", "/api/marketplace/payouts", m.seller, map[string]any{"payoutId": po}).want(t, http.StatusOK, "").decode(t, &req)
	if req.Payout.Status != "PROCESSING" {
		t.Errorf("requested payout = %+v", req.Payout)
	}
	m.do("POST", "/api/marketplace/payouts", m.seller, map[string]any{"payoutId": po}).want(t, http.StatusConflict, "invalid_status")
	m.do("GET", "/api/marketplace/payouts?status=PENDING", m.seller, nil).want(t, http.StatusOK, "").decode(t, &pl)
	if len(pl.Payouts) != 0 || pl.Summary["totalProcessing"] != float64(900) {
		t.Errorf("pending after the request = %+v %v", pl.Payouts, pl.Summary)
	}
	m.s.Advance(time.Minute)
	m.do("GET", "/api/marketplace/payouts?status=COMPLETED", m.seller, nil).want(t, http.StatusOK, "").decode(t, &pl)
	if len(pl.Payouts) != 1 || pl.Summary["totalCompleted"] != float64(900) {
		t.Errorf("completed = %+v %v", pl.Payouts, pl.Summary)
	}
	m.do("GET", "/api/marketplace/payouts?status=DONE", m.seller, nil).want(t, http.StatusBadRequest, "invalid_status")
}

func TestMarketCancelDisputeRefund(t *testing.T) {
	m := newMarket(t)
	svc := m.createService(m.seller, serviceBody("Essay", 2500, 0))

	// Either party cancels before delivery, in every state before it.
	o1, body := m.order(m.buyer, svc.ID, "COINBASE")
	if u, _ := body["coinbaseCheckoutUrl"].(string); !strings.HasPrefix(u, "https://") || body["clientSecret"] != nil {
		t.Errorf("coinbase payment = %s", body)
	}
	m.act(m.seller, o1.ID, "cancel", http.StatusOK, "CANCELLED")
	m.s.Advance(3 * time.Second)
	if got := m.getOrder(m.buyer, o1.ID); got.Status != "CANCELLED" {
		t.Errorf("a cancelled order got paid: %s", got.Status)
	}
	o2, body := m.order(m.buyer, svc.ID, "CRYPTO_USDC")
	if body["coinbaseCheckoutUrl"] == nil {
		t.Errorf("crypto payment = %s", body)
	}
	m.s.Advance(3 * time.Second)
	m.act(m.seller, o2.ID, "start", http.StatusOK, "IN_PROGRESS")
	m.act(m.buyer, o2.ID, "cancel", http.StatusOK, "CANCELLED")

	// No revisions on this service; a dispute after delivery is refunded
	// an hour later by the sandbox.
	o3 := m.paidOrder(svc.ID)
	m.act(m.seller, o3.ID, "start", http.StatusOK, "IN_PROGRESS")
	m.act(m.seller, o3.ID, "deliver", http.StatusOK, "DELIVERED")
	m.act(m.buyer, o3.ID, "request_revision", http.StatusConflict, "revision_limit_reached")
	m.act(m.seller, o3.ID, "dispute", http.StatusForbidden, "forbidden")
	m.act(m.buyer, o3.ID, "dispute", http.StatusOK, "DISPUTED")
	m.act(m.buyer, o3.ID, "accept", http.StatusConflict, "invalid_status")
	m.act(m.buyer, o3.ID, "cancel", http.StatusConflict, "invalid_status")
	m.s.Advance(59 * time.Minute)
	if got := m.getOrder(m.buyer, o3.ID); got.Status != "DISPUTED" {
		t.Errorf("refunded early: %s", got.Status)
	}
	m.s.Advance(time.Minute)
	if got := m.getOrder(m.buyer, o3.ID); got.Status != "REFUNDED" {
		t.Errorf("after an hour of dispute: %s", got.Status)
	}
	m.do("POST", "/api/marketplace/reviews", m.buyer, map[string]any{"orderId": o3.ID, "rating": 1}).want(t, http.StatusConflict, "invalid_status")

	// Every step was recorded.
	var statuses []string
	for _, e := range m.s.Events(0) {
		if e.Type == sandbox.EventOrder && e.OrderID == o3.ID {
			statuses = append(statuses, e.Status)
		}
	}
	if got := strings.Join(statuses, " "); got != "PENDING_PAYMENT PAID IN_PROGRESS DELIVERED DISPUTED REFUNDED" {
		t.Errorf("events = %s", got)
	}
	var pl struct {
		Payouts []wirePayout `json:"payouts"`
	}
	m.do("GET", "/api/marketplace/payouts", m.seller, nil).want(t, http.StatusOK, "").decode(t, &pl)
	if len(pl.Payouts) != 0 {
		t.Errorf("payouts without a completed order: %+v", pl.Payouts)
	}
}

func TestMarketOrderListRoleAndStatus(t *testing.T) {
	m := newMarket(t)
	mine := m.createService(m.buyer, serviceBody("Buyer's own", 100, 0))
	theirs := m.createService(m.seller, serviceBody("Seller's", 200, 0))
	sold, _ := m.order(m.other, mine.ID, "CARD")
	bought, _ := m.order(m.buyer, theirs.ID, "CARD")
	m.s.Advance(3 * time.Second)
	m.act(m.seller, bought.ID, "start", http.StatusOK, "IN_PROGRESS")
	ids := func(q string) string {
		t.Helper()
		var out struct {
			Orders  []wireOrder `json:"orders"`
			HasMore bool        `json:"hasMore"`
		}
		m.do("GET", "/api/marketplace/orders?"+q, m.buyer, nil).want(t, http.StatusOK, "").decode(t, &out)
		var s []string
		for _, o := range out.Orders {
			s = append(s, o.ID)
		}
		return strings.Join(s, " ")
	}
	if got := ids(""); got != bought.ID+" "+sold.ID {
		t.Errorf("all = %s", got)
	}
	if got := ids("role=all&limit=1"); got != bought.ID {
		t.Errorf("limit 1 = %s", got)
	}
	if got := ids("role=buyer"); got != bought.ID {
		t.Errorf("buyer = %s", got)
	}
	if got := ids("role=seller"); got != sold.ID {
		t.Errorf("seller = %s", got)
	}
	if got := ids("status=PAID"); got != sold.ID {
		t.Errorf("PAID = %s", got)
	}
	if got := ids("status=IN_PROGRESS&role=seller"); got != "" {
		t.Errorf("IN_PROGRESS as seller = %s", got)
	}
	var page struct {
		NextCursor string `json:"nextCursor"`
	}
	m.do("GET", "/api/marketplace/orders?limit=1", m.buyer, nil).want(t, http.StatusOK, "").decode(t, &page)
	if got := ids("limit=1&cursor=" + page.NextCursor); got != sold.ID {
		t.Errorf("second page = %s", got)
	}
	m.do("GET", "/api/marketplace/orders?role=owner", m.buyer, nil).want(t, http.StatusBadRequest, "invalid_role")
	m.do("GET", "/api/marketplace/orders?status=paid", m.buyer, nil).want(t, http.StatusBadRequest, "invalid_status")
	m.do("GET", "/api/marketplace/orders", "", nil).want(t, http.StatusUnauthorized, "")
}

func TestMarketOrderMessages(t *testing.T) {
	m := newMarket(t)
	svc := m.createService(m.seller, serviceBody("Chatty", 100, 0))
	o, _ := m.order(m.buyer, svc.ID, "CARD")
	path := "/api/marketplace/orders/" + o.ID + "/messages"
	m.do("POST", path, m.buyer, map[string]any{"content": "Hello!", "attachments": []string{"https://example.com/brief.pdf"}}).want(t, http.StatusCreated, "")
	m.do("POST", path, m.seller, map[string]any{"content": "On it."}).want(t, http.StatusCreated, "")
	m.do("POST", path, m.buyer, map[string]any{"content": strings.Repeat("é", 5000)}).want(t, http.StatusCreated, "")
	m.do("POST", path, m.buyer, map[string]any{"content": strings.Repeat("é", 5001)}).want(t, http.StatusBadRequest, "content_too_long")
	m.do("POST", path, m.buyer, map[string]any{"content": " "}).want(t, http.StatusBadRequest, "content_required")
	m.do("POST", path, m.buyer, map[string]any{"content": "x", "attachments": []string{"http://example.com/a"}}).want(t, http.StatusBadRequest, "invalid_url")
	m.do("POST", path, m.other, map[string]any{"content": "Hi"}).want(t, http.StatusForbidden, "forbidden")
	m.do("GET", path, m.other, nil).want(t, http.StatusForbidden, "forbidden")
	var out struct {
		Messages []struct {
			Content     string   `json:"content"`
			Attachments []string `json:"attachments"`
			Sender      struct {
				Handle string `json:"handle"`
			} `json:"sender"`
		} `json:"messages"`
	}
	m.do("GET", path, m.seller, nil).want(t, http.StatusOK, "").decode(t, &out)
	if len(out.Messages) != 3 || out.Messages[0].Content != "Hello!" || out.Messages[0].Sender.Handle != "mk_buyer" ||
		len(out.Messages[0].Attachments) != 1 || out.Messages[1].Sender.Handle != "mk_seller" || out.Messages[1].Attachments == nil {
		t.Errorf("messages = %+v", out.Messages)
	}
}

func TestMarketReviewsList(t *testing.T) {
	m := newMarket(t)
	svc := m.createService(m.seller, serviceBody("Reviewed", 100, 0))
	for i := range 3 {
		o := m.paidOrder(svc.ID)
		if i == 0 {
			m.do("POST", "/api/marketplace/reviews", m.buyer, map[string]any{"orderId": o.ID, "rating": 5}).want(t, http.StatusConflict, "invalid_status")
		}
		m.act(m.seller, o.ID, "start", http.StatusOK, "IN_PROGRESS")
		m.act(m.seller, o.ID, "deliver", http.StatusOK, "DELIVERED")
		m.act(m.buyer, o.ID, "accept", http.StatusOK, "COMPLETED")
		m.do("POST", "/api/marketplace/reviews", m.buyer, map[string]any{"orderId": o.ID, "rating": 3 + i, "content": "n" + itoa(i)}).
			want(t, http.StatusCreated, "")
	}
	if got := m.service(svc.ID); got.AvgRating != 4 || got.ReviewCount != 3 || got.OrderCount != 3 {
		t.Errorf("service = %+v", got)
	}
	var page struct {
		Reviews    []wireReview `json:"reviews"`
		NextCursor *string      `json:"nextCursor"`
		HasMore    bool         `json:"hasMore"`
	}
	m.do("GET", "/api/marketplace/reviews?limit=2&serviceId="+svc.ID, "", nil).want(t, http.StatusOK, "").decode(t, &page)
	if len(page.Reviews) != 2 || page.Reviews[0].Content != "n2" || !page.HasMore {
		t.Fatalf("first page = %+v", page)
	}
	m.do("GET", "/api/marketplace/reviews?limit=2&serviceId="+svc.ID+"&cursor="+*page.NextCursor, "", nil).want(t, http.StatusOK, "").decode(t, &page)
	if len(page.Reviews) != 1 || page.Reviews[0].Content != "n0" || page.HasMore {
		t.Errorf("second page = %+v", page)
	}
	m.do("GET", "/api/marketplace/reviews", "", nil).want(t, http.StatusBadRequest, "validation_error")
	m.do("GET", "/api/marketplace/reviews?serviceId=svc_none", "", nil).want(t, http.StatusNotFound, "not_found")
	m.do("POST", "/api/marketplace/reviews", m.buyer, map[string]any{"orderId": "ord_none", "rating": 5}).want(t, http.StatusNotFound, "not_found")
}

func TestMarketConnectOnboarding(t *testing.T) {
	m := newMarket(t)
	r := m.do("GET", "/api/marketplace/connect", m.seller, nil).want(t, http.StatusOK, "")
	if r.body["chargesEnabled"] != false || r.body["payoutsEnabled"] != false || r.body["connected"] != false {
		t.Errorf("before onboarding: %s", r.raw)
	}
	for _, bad := range []map[string]any{
		{"preferCrypto": true},
		{"preferCrypto": true, "cryptoWalletAddress": "0x123"},
		{"cryptoWalletAddress": "1BoatSLRHtKNngkdXEeobR76b53LETtpyT"},
		{"cryptoWalletAddress": "0x" + strings.Repeat("g", 40)},
	} {
		m.do("POST", "/api/marketplace/connect", m.seller, bad).want(t, http.StatusBadRequest, "invalid_wallet_address")
	}
	wallet := "0x" + strings.Repeat("aB", 20)
	r = m.do("POST", "/api/marketplace/connect", m.seller, map[string]any{"preferCrypto": true, "cryptoWalletAddress": wallet}).want(t, http.StatusOK, "")
	url, _ := r.body["onboardingUrl"].(string)
	if !strings.HasPrefix(url, "https://") || r.body["chargesEnabled"] != false || r.body["preferCrypto"] != true || r.body["cryptoWalletAddress"] != wallet {
		t.Errorf("onboarding = %s", r.raw)
	}
	m.s.Advance(4 * time.Second)
	if r = m.do("GET", "/api/marketplace/connect", m.seller, nil); r.body["payoutsEnabled"] != false {
		t.Errorf("enabled early: %s", r.raw)
	}
	m.s.Advance(time.Second)
	if r = m.do("GET", "/api/marketplace/connect", m.seller, nil); r.body["payoutsEnabled"] != true || r.body["chargesEnabled"] != true {
		t.Errorf("after the onboarding delay: %s", r.raw)
	}
	// Again: the same account, a fresh link.
	r2 := m.do("POST", "/api/marketplace/connect", m.seller, nil).want(t, http.StatusOK, "")
	if r2.body["accountId"] != r.body["accountId"] || r2.body["chargesEnabled"] != true {
		t.Errorf("second onboarding = %s", r2.raw)
	}
	m.do("GET", "/api/marketplace/connect", "", nil).want(t, http.StatusUnauthorized, "")
}

func TestMarketSeededWorld(t *testing.T) {
	f := newFixture(t, sandbox.Options{NoRateLimit: true})
	var all []wireListing
	cursor := ""
	for range 10 {
		var page struct {
			Services   []wireListing `json:"services"`
			NextCursor *string       `json:"nextCursor"`
			HasMore    bool          `json:"hasMore"`
		}
		f.do("GET", "/api/marketplace/services?limit=100"+cursor, "", nil).want(t, http.StatusOK, "").decode(t, &page)
		all = append(all, page.Services...)
		if !page.HasMore {
			break
		}
		cursor = "&cursor=" + *page.NextCursor
	}
	if len(all) < 60 {
		t.Fatalf("%d seeded services", len(all))
	}
	cats := map[string]int{}
	reviewed := 0
	for _, s := range all {
		cats[s.Category]++
		if s.ReviewCount > 0 {
			reviewed++
			if s.AvgRating < 1 || s.AvgRating > 5 || s.OrderCount < s.ReviewCount {
				t.Errorf("service %s: rating %v, %d orders, %d reviews", s.ID, s.AvgRating, s.OrderCount, s.ReviewCount)
			}
		}
	}
	for _, c := range []string{"ASSISTANT", "CHATBOT", "CREATIVE", "ANALYST", "AUTOMATION", "OTHER"} {
		if cats[c] == 0 {
			t.Errorf("no %s service (%v)", c, cats)
		}
	}
	if reviewed < 20 {
		t.Errorf("only %d services have reviews", reviewed)
	}
	// One service has more reviews than its detail carries, so a client's
	// "all reviews" has pages to read in the demo.
	top := all[0]
	for _, s := range all {
		if s.ReviewCount > top.ReviewCount {
			top = s
		}
	}
	var detail struct {
		Service struct {
			Reviews []wireReview `json:"reviews"`
			More    bool         `json:"hasMoreReviews"`
		} `json:"service"`
	}
	f.do("GET", "/api/marketplace/services/"+top.ID, "", nil).want(t, http.StatusOK, "").decode(t, &detail)
	if n := len(detail.Service.Reviews); !detail.Service.More || top.ReviewCount <= n {
		t.Errorf("the most reviewed service has %d reviews, its detail carries %d (more: %v)", top.ReviewCount, n, detail.Service.More)
	}

	// The demo agent's orders: every status, as buyer and as seller.
	tok := f.demoToken()
	for _, role := range []string{"buyer", "seller"} {
		var out struct {
			Orders []wireOrder `json:"orders"`
		}
		f.do("GET", "/api/marketplace/orders?limit=100&role="+role, tok, nil).want(t, http.StatusOK, "").decode(t, &out)
		seen := map[string]bool{}
		for _, o := range out.Orders {
			seen[o.Status] = true
			if (role == "buyer") != (o.Buyer.Handle == "demo_agent") {
				t.Errorf("%s order %+v", role, o)
			}
		}
		for _, st := range []string{"PENDING_PAYMENT", "PAID", "IN_PROGRESS", "DELIVERED", "REVISION", "COMPLETED", "CANCELLED", "DISPUTED", "REFUNDED"} {
			if !seen[st] {
				t.Errorf("the demo agent has no %s order as %s", st, role)
			}
		}
	}
	// A seeded order has messages; the seeded pending payment is paid a
	// few seconds after start.
	var pending struct {
		Orders []wireOrder `json:"orders"`
	}
	f.do("GET", "/api/marketplace/orders?status=PENDING_PAYMENT", tok, nil).want(t, http.StatusOK, "").decode(t, &pending)
	var msgs struct {
		Messages []any `json:"messages"`
	}
	f.do("GET", "/api/marketplace/orders?status=IN_PROGRESS&role=buyer", tok, nil).want(t, http.StatusOK, "").decode(t, &pending)
	f.do("GET", "/api/marketplace/orders/"+pending.Orders[0].ID+"/messages", tok, nil).want(t, http.StatusOK, "").decode(t, &msgs)
	if len(msgs.Messages) == 0 {
		t.Error("a seeded order has no messages")
	}
	f.s.Advance(3 * time.Second)
	f.do("GET", "/api/marketplace/orders?status=PENDING_PAYMENT", tok, nil).want(t, http.StatusOK, "").decode(t, &pending)
	if len(pending.Orders) != 0 {
		t.Errorf("still pending after the payment delay: %+v", pending.Orders)
	}
	// The demo agent's completed sale left a pending payout.
	var pl struct {
		Payouts []wirePayout `json:"payouts"`
	}
	f.do("GET", "/api/marketplace/payouts", tok, nil).want(t, http.StatusOK, "").decode(t, &pl)
	if len(pl.Payouts) == 0 || pl.Payouts[0].Status != "PENDING" {
		t.Errorf("demo payouts = %+v", pl.Payouts)
	}
}

func TestMarketSeededWorldIsDeterministic(t *testing.T) {
	page := func(seed int64) string {
		f := newFixture(t, sandbox.Options{Seed: seed})
		r := f.do("GET", "/api/marketplace/services?limit=5&sortBy=price", "", nil).want(t, http.StatusOK, "")
		var out struct {
			Services []wireListing `json:"services"`
		}
		r.decode(t, &out)
		var s []string
		for _, x := range out.Services {
			s = append(s, x.ID+":"+x.Title+":"+itoa(x.Price)+":"+itoa(x.ReviewCount))
		}
		return strings.Join(s, " ")
	}
	if a, b := page(7), page(7); a != b {
		t.Errorf("seed 7 gave\n%s\n%s", a, b)
	}
	if a, b := page(7), page(8); a == b {
		t.Errorf("seeds 7 and 8 gave the same services: %s", a)
	}
}

func TestMarketLivingWorld(t *testing.T) {
	s := sandbox.New(sandbox.Options{NoRateLimit: true})
	demo := s.ActAs("demo_agent").ID()
	before := s.Events(0)
	last := before[len(before)-1].Seq
	for range 300 {
		s.Pulse()
		s.Advance(10 * time.Second)
	}
	got := map[string]int{}
	for _, e := range s.Events(last) {
		switch e.Type {
		case sandbox.EventOrder:
			// PAID and REFUNDED are the clock's, credited to a party.
			if e.ActorID == demo && e.Status != "PAID" && e.Status != "REFUNDED" {
				t.Errorf("the living world acted for the demo agent: %+v", e)
			}
			if e.RecipientID == demo {
				got[e.Status]++
			}
		case sandbox.EventOrderMessage:
			if e.RecipientID == demo {
				got["message"]++
			}
		}
	}
	// New orders of the demo agent's services (paid on the clock), its
	// purchases started and delivered, its sales accepted, messages.
	for _, k := range []string{"PENDING_PAYMENT", "IN_PROGRESS", "DELIVERED", "COMPLETED", "message"} {
		if got[k] == 0 {
			t.Errorf("300 pulses: no %s concerning the demo agent (%v)", k, got)
		}
	}
}
