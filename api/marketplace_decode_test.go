package api_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"imagine/api"
)

// The spec shows no marketplace response body (api-reference.md Q23); the
// recorded bodies below are its request examples as a server would echo
// them, in the bare and the wrapped form (Q4), plus the variants the
// decoder tolerates.

// specService is the spec's create-listing example with the fields a
// server adds.
const specService = `{"id":"svc_1","title":"AI Image Generation","description":"I will generate high-quality images from your prompts","shortDesc":"Custom AI images","price":500,"deliveryDays":1,"revisions":2,"category":"CREATIVE","tags":["ai-art","image-generation"],"thumbnailUrl":"https://blob.vercel-storage.com/t.png","images":["https://blob.vercel-storage.com/1.png"],"avgRating":4.5,"reviewCount":2,"orderCount":7,"featured":true,"isActive":true,"createdAt":"2026-02-01T10:00:00.000Z","agent":{"id":"ag_1","handle":"pixel_smith","name":"Pixel Smith"}}`

func checkSpecService(t *testing.T, what string, s *api.MarketService) {
	t.Helper()
	if s.ID != "svc_1" || s.Title != "AI Image Generation" || s.ShortDesc != "Custom AI images" || s.Price != 500 ||
		s.DeliveryDays != 1 || s.Revisions != 2 || s.Category != "CREATIVE" || strings.Join(s.Tags, ",") != "ai-art,image-generation" ||
		s.ThumbnailURL == "" || len(s.Images) != 1 || s.AvgRating != 4.5 || s.OrderCount != 7 || !s.Featured || !s.IsActive ||
		s.Seller.Handle != "pixel_smith" || !s.CreatedAt.Equal(time.Date(2026, 2, 1, 10, 0, 0, 0, time.UTC)) {
		t.Errorf("%s: %+v", what, s)
	}
}

func TestMarketServiceShapes(t *testing.T) {
	t.Parallel()
	for name, body := range map[string]string{
		"bare":    specService,
		"wrapped": `{"service":` + specService + `}`,
	} {
		t.Run(name, func(t *testing.T) {
			s := newStub(t)
			s.reply("GET /api/marketplace/services/{id}", 200, body)
			s.reply("POST /api/marketplace/services", 201, body)
			s.reply("PATCH /api/marketplace/services/{id}", 200, body)
			c, _ := newClient(t, s.URL)
			got, err := c.Market.Service(t.Context(), "svc_1")
			if err != nil {
				t.Fatal(err)
			}
			checkSpecService(t, "detail", got)
			got, err = c.Market.CreateService(t.Context(), &api.ServiceRequest{Title: "AI Image Generation", Description: "d", Price: 500, DeliveryDays: 1, Category: "CREATIVE"})
			if err != nil {
				t.Fatal(err)
			}
			checkSpecService(t, "create", got)
			price := 750
			got, err = c.Market.UpdateService(t.Context(), "svc_1", &api.ServiceUpdate{Price: &price})
			if err != nil {
				t.Fatal(err)
			}
			checkSpecService(t, "update", got)
		})
	}
}

func TestMarketServiceVariantsAndMissingFields(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	s.reply("GET /api/marketplace/services", 200, `{"services":[
		{"id":"a"},
		null,
		{"id":"b","name":"Named","priceCents":"1250","deliveryTime":3,"averageRating":"3.5","_count":{"orders":4,"reviews":2},"status":"INACTIVE","seller":"ag_9","tags":null,"images":null},
		{"id":"c","title":"T","price":null,"avgRating":null,"isActive":"false","provider":{"handle":"@prov_x"},"description":["line 1","line 2"],"createdAt":"2026-02-01T10:00:00Z"},
		{"id":"d","deactivated":true,"agentId":"ag_4","rating":5,"totalOrders":"11"}
	],"nextCursor":"n2","hasMore":true}`)
	c, _ := newClient(t, s.URL)
	page, err := c.Market.Services(t.Context(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Items) != 4 || page.NextCursor != "n2" || !page.HasMore {
		t.Fatalf("page: %+v", page)
	}
	a, b, cc, d := page.Items[0], page.Items[1], page.Items[2], page.Items[3]
	if !a.IsActive || a.Tags == nil || a.Images == nil || a.Reviews == nil || a.SellerStats != nil || a.Price != 0 {
		t.Errorf("minimal: %+v", a)
	}
	if b.Title != "Named" || b.Price != 1250 || b.DeliveryDays != 3 || b.AvgRating != 3.5 || b.OrderCount != 4 || b.ReviewCount != 2 ||
		b.IsActive || b.Seller.ID != "ag_9" || len(b.Tags) != 0 {
		t.Errorf("variants: %+v", b)
	}
	if cc.IsActive || cc.Seller.Handle != "prov_x" || cc.Description != "line 1\nline 2" || cc.CreatedAt.IsZero() {
		t.Errorf("more variants: %+v", cc)
	}
	if d.IsActive || d.Seller.ID != "ag_4" || d.AvgRating != 5 || d.OrderCount != 11 {
		t.Errorf("deactivated: %+v", d)
	}
}

func TestMarketServiceDetailReviewsAndStatsBeside(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	s.reply("GET /api/marketplace/services/{id}", 200, `{"service":{"id":"svc_1","title":"T","price":500,"agent":{"id":"ag_1","handle":"seller_one","stats":{"followers":10}}},
		"reviews":[{"id":"r1","rating":5,"content":"Excellent work, delivered quickly!","qualityRating":5,"communicationRating":"4","deliveryRating":9,"reviewer":{"handle":"buyer_b"}},
		           {"id":"r2","rating":"3","comment":"ok","agent":"ag_7"}],
		"agentStats":{"completedOrders":12,"averageRating":4.8,"totalReviews":"9","responseTime":"within a day"},"hasMoreReviews":true}`)
	c, _ := newClient(t, s.URL)
	svc, err := c.Market.Service(t.Context(), "svc_1")
	if err != nil {
		t.Fatal(err)
	}
	if len(svc.Reviews) != 2 || !svc.MoreReviews || svc.SellerStats == nil || svc.SellerStats.CompletedOrders != 12 || svc.SellerStats.AvgRating != 4.8 ||
		svc.SellerStats.ReviewCount != 9 || svc.SellerStats.ResponseTime != "within a day" || svc.Seller.FollowerCount != 10 {
		t.Fatalf("detail: %+v %+v", svc, svc.SellerStats)
	}
	r1, r2 := svc.Reviews[0], svc.Reviews[1]
	if r1.Rating != 5 || r1.QualityRating == nil || *r1.QualityRating != 5 || r1.CommunicationRating == nil || *r1.CommunicationRating != 4 ||
		r1.DeliveryRating != nil || r1.Reviewer.Handle != "buyer_b" {
		t.Errorf("review 1: %+v", r1)
	}
	if r2.Rating != 3 || r2.Content != "ok" || r2.Reviewer.ID != "ag_7" || r2.QualityRating != nil {
		t.Errorf("review 2: %+v", r2)
	}
	// Stats nested in the seller, and none at all.
	s.reply("GET /api/marketplace/services/svc_2", 200, `{"id":"svc_2","agent":{"id":"ag_1","marketplaceStats":{"totalOrders":3}}}`)
	s.reply("GET /api/marketplace/services/svc_3", 200, `{"id":"svc_3","agent":{"id":"ag_1","stats":{"followers":3}},"reviews":null}`)
	if svc, err := c.Market.Service(t.Context(), "svc_2"); err != nil || svc.SellerStats == nil || svc.SellerStats.CompletedOrders != 3 {
		t.Errorf("nested stats: %v %+v", err, svc)
	}
	if svc, err := c.Market.Service(t.Context(), "svc_3"); err != nil || svc.SellerStats != nil || svc.Reviews == nil || svc.MoreReviews {
		t.Errorf("no stats: %v %+v", err, svc)
	}
}

// specOrder is an order as the spec names it (§5.8), with the service
// embedded.
const specOrder = `{"id":"ord_1","serviceId":"svc_1","service":{"id":"svc_1","title":"AI Image Generation","price":500,"deliveryDays":1,"revisions":2,"agent":{"id":"ag_s","handle":"seller_s"}},
	"buyer":{"id":"ag_b","handle":"buyer_b"},"requirements":"Please generate a landscape scene with mountains","paymentMethod":"card","status":"paid",
	"createdAt":"2026-02-01T10:00:00.000Z","updatedAt":"2026-02-01T10:05:00Z","dueAt":"2026-02-02T10:00:00Z","revisionsUsed":1}`

func checkSpecOrder(t *testing.T, what string, o *api.Order) {
	t.Helper()
	if o.ID != "ord_1" || o.ServiceID != "svc_1" || o.Service == nil || o.Service.Title != "AI Image Generation" || o.Buyer.Handle != "buyer_b" ||
		o.Seller.Handle != "seller_s" || o.Status != api.OrderPaid || o.PaymentMethod != api.PaymentCard || o.Price != 500 || o.DeliveryDays != 1 ||
		o.Revisions != 2 || o.RevisionsUsed != 1 || o.DueAt == nil || !o.DueAt.Equal(time.Date(2026, 2, 2, 10, 0, 0, 0, time.UTC)) ||
		o.Requirements != "Please generate a landscape scene with mountains" || o.CreatedAt.IsZero() || o.UpdatedAt.IsZero() {
		t.Errorf("%s: %+v", what, o)
	}
}

func TestMarketOrderShapes(t *testing.T) {
	t.Parallel()
	for name, body := range map[string]string{"bare": specOrder, "wrapped": `{"order":` + specOrder + `}`} {
		t.Run(name, func(t *testing.T) {
			s := newStub(t)
			s.reply("GET /api/marketplace/orders/{id}", 200, body)
			s.reply("PATCH /api/marketplace/orders/{id}", 200, body)
			s.reply("GET /api/marketplace/orders", 200, `{"orders":[`+specOrder+`,{"order":`+specOrder+`}],"nextCursor":null}`)
			c, _ := newClient(t, s.URL)
			o, err := c.Market.Order(t.Context(), "ord_1")
			if err != nil {
				t.Fatal(err)
			}
			checkSpecOrder(t, "get", o)
			o, err = c.Market.OrderAction(t.Context(), "ord_1", api.ActionStart, "")
			if err != nil {
				t.Fatal(err)
			}
			checkSpecOrder(t, "action", o)
			page, err := c.Market.Orders(t.Context(), &api.OrderListOptions{Role: "buyer"})
			if err != nil || len(page.Items) != 2 || page.HasMore {
				t.Fatalf("list: %v %+v", err, page)
			}
			for i := range page.Items {
				checkSpecOrder(t, fmt.Sprint("list ", i), &page.Items[i])
			}
		})
	}
}

func TestMarketOrderVariants(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	s.reply("GET /api/marketplace/orders", 200, `{"items":[
		{"id":"o1"},
		{"orderId":"o2","service":"svc_9","buyerId":"ag_b","sellerId":"ag_s","status":" delivered ","amount":"900","deliverables":["https://x.example/a","https://x.example/b"],"dueDate":"2026-02-02T10:00:00","revisionCount":2,"maxRevisions":3},
		{"id":"o3","status":"SOMETHING_NEW","totalPrice":100,"deliveryDate":"not a date","requirements":null}
	]}`)
	c, _ := newClient(t, s.URL)
	page, err := c.Market.Orders(t.Context(), nil)
	if err != nil || len(page.Items) != 3 {
		t.Fatalf("%v %+v", err, page)
	}
	o1, o2, o3 := page.Items[0], page.Items[1], page.Items[2]
	if o1.ID != "o1" || o1.Service != nil || o1.DueAt != nil || o1.Status != "" || o1.Buyer.ID != "" {
		t.Errorf("minimal: %+v", o1)
	}
	if o2.ID != "o2" || o2.ServiceID != "svc_9" || o2.Buyer.ID != "ag_b" || o2.Seller.ID != "ag_s" || o2.Status != api.OrderDelivered ||
		o2.Price != 900 || o2.Deliverables != "https://x.example/a\nhttps://x.example/b" || o2.DueAt == nil || o2.RevisionsUsed != 2 || o2.Revisions != 3 {
		t.Errorf("variants: %+v", o2)
	}
	if o3.Status != "SOMETHING_NEW" || o3.Price != 100 || o3.DueAt != nil || o3.Status.Final() {
		t.Errorf("unknown status: %+v", o3)
	}
	if !api.OrderCompleted.Final() || api.OrderDelivered.Final() {
		t.Error("Final")
	}
}

func TestMarketCreateOrderPaymentShapes(t *testing.T) {
	t.Parallel()
	const secret = "pi_123_secret_ABCDEF"
	cases := []struct {
		name, body   string
		secret, link string
	}{
		{"spec: order and clientSecret", `{"order":` + specOrder + `,"clientSecret":"` + secret + `"}`, secret, ""},
		{"coinbase", `{"order":` + specOrder + `,"coinbaseCheckoutUrl":"https://commerce.coinbase.com/pay/abc"}`, "", "https://commerce.coinbase.com/pay/abc"},
		{"payment object", `{"order":` + specOrder + `,"payment":{"clientSecret":"` + secret + `","checkoutUrl":"https://c.example/x"}}`, secret, "https://c.example/x"},
		{"bare order carrying it", strings.TrimSuffix(specOrder, "}") + `,"stripeClientSecret":"` + secret + `"}`, secret, ""},
		{"hostile link dropped", `{"order":` + specOrder + `,"coinbaseCheckoutUrl":"javascript:alert(1)"}`, "", ""},
		{"http link dropped", `{"order":` + specOrder + `,"paymentInfo":{"checkoutUrl":"http://evil.example/pay"}}`, "", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := newStub(t)
			var (
				mu   sync.Mutex
				sent map[string]any
			)
			s.handle("POST /api/marketplace/orders", func(w http.ResponseWriter, r *http.Request) {
				mu.Lock()
				defer mu.Unlock()
				_ = json.NewDecoder(r.Body).Decode(&sent)
				jsonReply(201, tc.body)(w, r)
			})
			c, _ := newClient(t, s.URL)
			got, err := c.Market.CreateOrder(t.Context(), "svc_1", "Please generate a landscape scene with mountains", "card")
			if err != nil {
				t.Fatal(err)
			}
			checkSpecOrder(t, "order", &got.Order)
			if got.Payment.ClientSecret.Reveal() != tc.secret || got.Payment.CheckoutURL != tc.link {
				t.Errorf("payment: %q %q", got.Payment.ClientSecret.Reveal(), got.Payment.CheckoutURL)
			}
			mu.Lock()
			defer mu.Unlock()
			if sent["serviceId"] != "svc_1" || sent["paymentMethod"] != "CARD" || sent["requirements"] == nil {
				t.Errorf("sent %v", sent)
			}
			// The client secret never prints.
			for _, out := range []string{fmt.Sprint(got), fmt.Sprintf("%+v", got), fmt.Sprintf("%#v", got.Payment), mustJSON(t, got)} {
				if tc.secret != "" && strings.Contains(out, tc.secret) {
					t.Errorf("secret printed: %s", out)
				}
			}
		})
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestMarketMessagesReviewsPayoutsConnectShapes(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	msg := `{"id":"m1","orderId":"ord_1","content":"Your message here","attachments":["https://example.com/file.png"],"sender":{"handle":"buyer_b"},"createdAt":"2026-02-01T10:00:00Z"}`
	s.reply("GET /api/marketplace/orders/ord_1/messages", 200, `{"messages":[`+msg+`,{"id":"m2","message":"plain","agentId":"ag_s","attachments":null},null]}`)
	s.reply("GET /api/marketplace/orders/ord_2/messages", 200, `[`+msg+`]`)
	s.reply("POST /api/marketplace/orders/{id}/messages", 201, `{"message":`+msg+`}`)
	review := `{"id":"r1","orderId":"ord_1","serviceId":"svc_1","rating":5,"content":"Excellent work, delivered quickly!","qualityRating":5,"communicationRating":5,"deliveryRating":5,"reviewer":{"handle":"buyer_b"}}`
	s.reply("POST /api/marketplace/reviews", 201, `{"review":`+review+`}`)
	s.reply("GET /api/marketplace/reviews", 200, `{"reviews":[`+review+`,{"id":"r2","rating":0}],"nextCursor":"c2","hasMore":true}`)
	s.reply("GET /api/marketplace/payouts", 200, `{"payouts":[{"id":"po_1","orderId":"ord_1","amount":450,"fee":50,"currency":"usd","status":"pending","createdAt":"2026-02-01T10:00:00Z"},{"payoutId":"po_2","amountCents":"900","status":"COMPLETED","paidAt":"2026-02-03T10:00:00Z"}],
		"summary":{"totalEarnings":1350,"pendingAmount":"450","processing":0,"totalPaid":900,"totalFees":150},"nextCursor":null,"hasMore":false}`)
	s.reply("POST /api/marketplace/payouts", 200, `{"payout":{"id":"po_1","status":"PROCESSING","amount":450}}`)
	s.reply("GET /api/marketplace/connect", 200, `{"connected":true,"chargesEnabled":true,"payoutsEnabled":false,"preferCrypto":true,"cryptoWalletAddress":"0x52908400098527886E0F7030069857D2E4169EE7"}`)
	s.reply("POST /api/marketplace/connect", 200, `{"account":{"accountId":"acct_1"},"onboardingUrl":"https://connect.stripe.com/setup/s/abc"}`)
	c, _ := newClient(t, s.URL)
	ctx := t.Context()

	mp, err := c.Market.OrderMessages(ctx, "ord_1", nil)
	if err != nil {
		t.Fatal(err)
	}
	msgs := mp.Items
	if len(msgs) != 2 || mp.HasMore || msgs[0].Content != "Your message here" || msgs[0].Sender.Handle != "buyer_b" || len(msgs[0].Attachments) != 1 ||
		msgs[1].Content != "plain" || msgs[1].Sender.ID != "ag_s" || msgs[1].Attachments == nil {
		t.Errorf("messages: %v %+v", err, msgs)
	}
	if mp, err := c.Market.OrderMessages(ctx, "ord_2", nil); err != nil || len(mp.Items) != 1 || mp.HasMore {
		t.Errorf("bare array: %v %+v", err, mp)
	}
	m, err := c.Market.SendOrderMessage(ctx, "ord_1", "Your message here", []string{"https://example.com/file.png"})
	if err != nil || m.ID != "m1" || m.OrderID != "ord_1" {
		t.Errorf("send: %v %+v", err, m)
	}
	rv, err := c.Market.CreateReview(ctx, &api.ReviewRequest{OrderID: "ord_1", Rating: 5, Content: "Excellent work, delivered quickly!", QualityRating: 5})
	if err != nil || rv.ID != "r1" || rv.Rating != 5 || rv.DeliveryRating == nil || rv.Reviewer.Handle != "buyer_b" {
		t.Errorf("review: %v %+v", err, rv)
	}
	rp, err := c.Market.Reviews(ctx, "svc_1", &api.ListOptions{Limit: 5})
	if err != nil || len(rp.Items) != 2 || rp.NextCursor != "c2" || rp.Items[1].Rating != 0 {
		t.Errorf("reviews: %v %+v", err, rp)
	}
	pp, err := c.Market.Payouts(ctx, "pending", nil)
	if err != nil || len(pp.Items) != 2 || pp.HasMore || pp.Summary != (api.PayoutSummary{Total: 1350, Pending: 450, Completed: 900, Fees: 150}) {
		t.Fatalf("payouts: %v %+v", err, pp)
	}
	if p := pp.Items[0]; p.ID != "po_1" || p.Amount != 450 || p.Fee != 50 || p.Currency != "USD" || p.Status != api.PayoutPending || p.CompletedAt != nil {
		t.Errorf("payout 1: %+v", p)
	}
	if p := pp.Items[1]; p.ID != "po_2" || p.Amount != 900 || p.CompletedAt == nil {
		t.Errorf("payout 2: %+v", p)
	}
	po, err := c.Market.RequestPayout(ctx, "po_1")
	if err != nil || po.ID != "po_1" || po.Status != api.PayoutProcessing {
		t.Errorf("request payout: %v %+v", err, po)
	}
	cs, err := c.Market.Connect(ctx)
	if err != nil || !cs.Connected || !cs.ChargesEnabled || cs.PayoutsEnabled || !cs.PreferCrypto || cs.CryptoWalletAddress == "" {
		t.Errorf("connect: %v %+v", err, cs)
	}
	cs, err = c.Market.StartConnect(ctx, false, "")
	if err != nil || !cs.Connected || cs.OnboardingURL != "https://connect.stripe.com/setup/s/abc" {
		t.Errorf("start connect: %v %+v", err, cs)
	}
}

func TestMarketConnectAndDeleteVariants(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		body string
		want api.ConnectStatus
	}{
		{`{}`, api.ConnectStatus{}},
		{`{"connected":false,"onboardingUrl":"http://evil.example/"}`, api.ConnectStatus{}},
		{`{"status":{"chargesEnabled":"true","url":"https://connect.stripe.com/x"}}`, api.ConnectStatus{Connected: true, ChargesEnabled: true, OnboardingURL: "https://connect.stripe.com/x"}},
		{`{"hasAccount":1,"detailsSubmitted":true,"accountLinkUrl":"https://connect.stripe.com/y"}`, api.ConnectStatus{Connected: true, DetailsSubmitted: true, OnboardingURL: "https://connect.stripe.com/y"}},
	} {
		s := newStub(t)
		s.reply("GET /api/marketplace/connect", 200, tc.body)
		c, _ := newClient(t, s.URL)
		if got, err := c.Market.Connect(t.Context()); err != nil || *got != tc.want {
			t.Errorf("%s: %v %+v", tc.body, err, got)
		}
	}
	for body, want := range map[string]bool{
		``:                     false,
		`{"success":true}`:     false,
		`{"deleted":true}`:     false,
		`{"deactivated":true}`: true,
		`{"deleted":false}`:    true,
		`{"message":"Service deactivated (it has active orders)"}`: true,
		`{"service":{"id":"svc_1","isActive":false}}`:              true,
		`{"id":"svc_1","isActive":false}`:                          true,
	} {
		s := newStub(t)
		s.reply("DELETE /api/marketplace/services/{id}", 200, body)
		c, _ := newClient(t, s.URL)
		if got, err := c.Market.DeleteService(t.Context(), "svc_1"); err != nil || got != want {
			t.Errorf("%q: %v %v", body, err, got)
		}
	}
}

// Every string the marketplace returns has passed the sanitizer.
func TestMarketHostileStringsAreCleaned(t *testing.T) {
	t.Parallel()
	const evil = `x\u001b]52;c;Y3VybA==\u0007y\u001b[31mz\u009b2J`
	s := newStub(t)
	svc := `{"id":"svc\u001b[2J","title":"` + evil + `","description":"` + evil + `\nline","shortDesc":"` + evil + `","category":"` + evil + `","tags":["` + evil + `"],
		"thumbnailUrl":"https://x/` + evil + `","agent":{"handle":"h","name":"` + evil + `"},"reviews":[{"id":"r","content":"` + evil + `","reviewer":{"name":"` + evil + `"}}],
		"agentStats":{"responseTime":"` + evil + `"}}`
	s.reply("GET /api/marketplace/services/{id}", 200, svc)
	s.reply("GET /api/marketplace/services", 200, `{"services":[`+svc+`]}`)
	order := `{"id":"o","status":"` + evil + `","requirements":"` + evil + `","deliverables":"` + evil + `","paymentMethod":"` + evil + `","service":` + svc + `,"buyer":{"name":"` + evil + `"}}`
	s.reply("GET /api/marketplace/orders/{id}", 200, order)
	s.reply("POST /api/marketplace/orders", 201, `{"order":`+order+`,"coinbaseCheckoutUrl":"https://c.example/`+evil+`"}`)
	s.reply("GET /api/marketplace/orders/{id}/messages", 200, `{"messages":[{"id":"m","content":"`+evil+`","attachments":["`+evil+`"]}]}`)
	s.reply("GET /api/marketplace/payouts", 200, `{"payouts":[{"id":"p","status":"`+evil+`","currency":"`+evil+`"}]}`)
	s.reply("GET /api/marketplace/connect", 200, `{"onboardingUrl":"https://s.example/`+evil+`","cryptoWalletAddress":"`+evil+`"}`)
	c, _ := newClient(t, s.URL)
	ctx := t.Context()
	walk := func(what string, v any) {
		t.Helper()
		b := api.WithoutRemoved(t, v)
		var generic any
		_ = json.Unmarshal(b, &generic)
		var visit func(string, any)
		visit = func(path string, x any) {
			switch x := x.(type) {
			case string:
				noControls(t, what+path, x)
			case map[string]any:
				for k, v := range x {
					visit(path+"."+k, v)
				}
			case []any:
				for i, v := range x {
					visit(fmt.Sprintf("%s[%d]", path, i), v)
				}
			}
		}
		visit("", generic)
		if len(b) < 20 {
			t.Errorf("%s: nothing decoded", what)
		}
	}
	got, err := c.Market.Service(ctx, "svc_1")
	if err != nil {
		t.Fatal(err)
	}
	walk("service", got)
	if !strings.Contains(got.Description, "\n") {
		t.Errorf("description lost its line break: %q", got.Description)
	}
	page, err := c.Market.Services(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	walk("services", page)
	o, err := c.Market.Order(ctx, "o")
	if err != nil {
		t.Fatal(err)
	}
	walk("order", o)
	created, err := c.Market.CreateOrder(ctx, "svc", "r", "COINBASE")
	if err != nil {
		t.Fatal(err)
	}
	walk("created", created)
	msgs, err := c.Market.OrderMessages(ctx, "o", nil)
	if err != nil {
		t.Fatal(err)
	}
	walk("messages", msgs)
	pp, err := c.Market.Payouts(ctx, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	walk("payouts", pp)
	cs, err := c.Market.Connect(ctx)
	if err != nil {
		t.Fatal(err)
	}
	walk("connect", cs)
}

// The requests carry what the spec documents: query parameters, bodies,
// escaped path segments, and the token only where the client has one.
func TestMarketRequestsOnTheWire(t *testing.T) {
	t.Parallel()
	type seen struct{ method, uri, body, auth string }
	var (
		mu  sync.Mutex
		got []seen
	)
	s := newStub(t)
	s.handle("/api/marketplace/", func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		got = append(got, seen{r.Method, r.URL.RequestURI(), string(b), r.Header.Get("Authorization")})
		mu.Unlock()
		jsonReply(200, `{"id":"x"}`)(w, r)
	})
	c, _ := newClient(t, s.URL)
	ctx := t.Context()
	yes, price, title := true, 750, " New title "
	calls := []func() error{
		func() error {
			_, err := c.Market.Services(ctx, &api.ServiceListOptions{ListOptions: api.ListOptions{Limit: 500, Cursor: "c1"}, Category: "creative", Search: " art ",
				Featured: &yes, MinPrice: 100, MaxPrice: 900, SortBy: "price", SortOrder: "ASC"})
			return err
		},
		func() error { _, err := c.Market.Service(ctx, "a/b?c"); return err },
		func() error {
			_, err := c.Market.UpdateService(ctx, "svc 1", &api.ServiceUpdate{Price: &price, Title: &title})
			return err
		},
		func() error { _, err := c.Market.DeleteService(ctx, "svc_1"); return err },
		func() error {
			_, err := c.Market.Orders(ctx, &api.OrderListOptions{Role: "Seller", Status: "in_progress", Limit: 5})
			return err
		},
		func() error { _, err := c.Market.OrderAction(ctx, "ord/1", "DELIVER", "here"); return err },
		func() error { _, err := c.Market.SendOrderMessage(ctx, "ord_1", "hi", nil); return err },
		func() error { _, err := c.Market.Reviews(ctx, "svc&x=1", nil); return err },
		func() error { _, err := c.Market.Payouts(ctx, "completed", &api.ListOptions{Cursor: "p2"}); return err },
		func() error { _, err := c.Market.RequestPayout(ctx, "po_1"); return err },
		func() error { _, err := c.Market.StartConnect(ctx, false, ""); return err },
		func() error {
			_, err := c.Market.StartConnect(ctx, true, "0x52908400098527886E0F7030069857D2E4169EE7")
			return err
		},
	}
	for i, call := range calls {
		if err := call(); err != nil {
			t.Fatalf("call %d: %v", i, err)
		}
	}
	want := []seen{
		{"GET", "/api/marketplace/services?category=CREATIVE&cursor=c1&featured=true&limit=100&maxPrice=900&minPrice=100&search=art&sortBy=price&sortOrder=asc", "", ""},
		{"GET", "/api/marketplace/services/a%2Fb%3Fc", "", ""},
		{"PATCH", "/api/marketplace/services/svc%201", `{"title":"New title","price":750}`, ""},
		{"DELETE", "/api/marketplace/services/svc_1", "", ""},
		{"GET", "/api/marketplace/orders?limit=5&role=seller&status=IN_PROGRESS", "", ""},
		{"PATCH", "/api/marketplace/orders/ord%2F1", `{"action":"deliver","deliverables":"here"}`, ""},
		{"POST", "/api/marketplace/orders/ord_1/messages", `{"content":"hi"}`, ""},
		{"GET", "/api/marketplace/reviews?limit=20&serviceId=svc%26x%3D1", "", ""},
		{"GET", "/api/marketplace/payouts?cursor=p2&limit=20&status=COMPLETED", "", ""},
		{"POST", "/api/marketplace/payouts", `{"payoutId":"po_1"}`, ""},
		{"POST", "/api/marketplace/connect", "", ""},
		{"POST", "/api/marketplace/connect", `{"preferCrypto":true,"cryptoWalletAddress":"0x52908400098527886E0F7030069857D2E4169EE7"}`, ""},
	}
	mu.Lock()
	defer mu.Unlock()
	if len(got) != len(want) {
		t.Fatalf("%d requests, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		g := got[i]
		if g.method != want[i].method || g.uri != want[i].uri || g.body != want[i].body || !strings.HasPrefix(g.auth, "Bearer ") {
			t.Errorf("request %d:\n got %s %s %s %q\nwant %s %s %s", i, g.method, g.uri, g.body, g.auth, want[i].method, want[i].uri, want[i].body)
		}
	}
	// Without credentials, the public reads go out anonymously and the
	// rest are refused before sending.
	anon, err := api.New(api.WithBaseURL(s.URL))
	if err != nil {
		t.Fatal(err)
	}
	got = nil
	mu.Unlock()
	if _, err := anon.Market.Services(ctx, nil); err != nil {
		t.Error(err)
	}
	if _, err := anon.Market.Service(ctx, "x"); err != nil {
		t.Error(err)
	}
	if _, err := anon.Market.Reviews(ctx, "x", nil); err != nil {
		t.Error(err)
	}
	if _, err := anon.Market.Orders(ctx, nil); err != api.ErrNoCredentials {
		t.Errorf("Orders without credentials: %v", err)
	}
	mu.Lock()
	if len(got) != 3 || got[0].auth != "" || got[1].auth != "" || got[2].auth != "" {
		t.Errorf("anonymous: %+v", got)
	}
}
