package api_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"imagine/api"
	"imagine/api/sandbox"
)

// wantStatus checks err is an *api.Error with this status matching sentinel.
func wantStatus(t *testing.T, what string, err error, status int, sentinel error) {
	t.Helper()
	var ae *api.Error
	if !errors.As(err, &ae) || ae.StatusCode != status || !errors.Is(err, sentinel) || ae.Message == "" {
		t.Errorf("%s: %v; want %d (%v)", what, err, status, sentinel)
	}
}

// newListing creates a listing as c and returns it.
func newListing(t *testing.T, c *api.Client, title string, revisions int) *api.MarketService {
	t.Helper()
	svc, err := c.Market.CreateService(t.Context(), &api.ServiceRequest{
		Title: title, Description: "I will generate high-quality images from your prompts\nAny style.", ShortDesc: "Custom AI images",
		Price: 500, DeliveryDays: 1, Revisions: revisions, Category: "creative", Tags: []string{"ai-art", "image-generation"},
		ThumbnailURL: "https://blob.vercel-storage.com/thumb.png",
	})
	if err != nil {
		t.Fatal(err)
	}
	if svc.ID == "" || svc.Title != title || svc.Price != 500 || svc.Category != "CREATIVE" || !svc.IsActive || svc.Seller.Handle == "" ||
		!strings.Contains(svc.Description, "\n") || len(svc.Tags) != 2 {
		t.Fatalf("created: %+v", svc)
	}
	return svc
}

func TestMarketWorkflowAgainstTheSandbox(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{})
	ctx := t.Context()
	seller := e.clientAs(t, "market_seller") // not the demo agent: the world gives it orders of its own
	buyer := e.clientAs(t, "market_buyer")
	stranger := e.clientAs(t, "market_stranger")
	svc := newListing(t, seller, "Pangolin portraits", 1)

	// Listings are public: found anonymously, by search and filters.
	anon, err := api.New(api.WithBaseURL(e.url), api.WithClock(e.clock.Now), api.WithSleep(e.clock.Sleep))
	if err != nil {
		t.Fatal(err)
	}
	page, err := anon.Market.Services(ctx, &api.ServiceListOptions{Search: "pangolin", Category: "CREATIVE", MinPrice: 100, MaxPrice: 500,
		SortBy: api.SortPrice, SortOrder: api.SortDesc})
	if err != nil || len(page.Items) != 1 || page.Items[0].ID != svc.ID {
		t.Fatalf("search: %v %+v", err, page)
	}
	if page, err := anon.Market.Services(ctx, &api.ServiceListOptions{Search: "pangolin", MinPrice: 501}); err != nil || len(page.Items) != 0 {
		t.Errorf("minPrice above: %v %+v", err, page)
	}

	// Nobody orders their own service.
	_, err = seller.Market.CreateOrder(ctx, svc.ID, "for me", api.PaymentCard)
	wantStatus(t, "own order", err, http.StatusForbidden, api.ErrForbidden)

	created, err := buyer.Market.CreateOrder(ctx, svc.ID, "Please draw a pangolin in the mountains", "card")
	if err != nil {
		t.Fatal(err)
	}
	o := created.Order
	if o.ID == "" || o.Status != api.OrderPendingPayment || o.ServiceID != svc.ID || o.Price != 500 || o.PaymentMethod != api.PaymentCard ||
		o.Buyer.Handle != "market_buyer" || o.Seller.Handle != svc.Seller.Handle || o.Revisions != 1 {
		t.Fatalf("order: %+v", o)
	}
	if created.Payment.ClientSecret == "" || strings.Contains(fmt.Sprintf("%v %+v %#v", created, created, created), created.Payment.ClientSecret.Reveal()) {
		t.Errorf("client secret missing or printed: %+v", created)
	}
	// Coinbase pays through a checkout page.
	cb, err := buyer.Market.CreateOrder(ctx, svc.ID, "Another one", api.PaymentCoinbase)
	if err != nil || cb.Payment.CheckoutURL == "" || cb.Payment.ClientSecret != "" {
		t.Errorf("coinbase: %v %+v", err, cb)
	}

	// Before payment the seller cannot start: 409.
	_, err = seller.Market.OrderAction(ctx, o.ID, api.ActionStart, "")
	wantStatus(t, "start unpaid", err, http.StatusConflict, api.ErrConflict)
	e.clock.Advance(5 * time.Second)
	got, err := buyer.Market.Order(ctx, o.ID)
	if err != nil || got.Status != api.OrderPaid {
		t.Fatalf("after payment: %v %+v", err, got)
	}
	// Strangers see nothing; the buyer cannot do the seller's part.
	_, err = stranger.Market.Order(ctx, o.ID)
	wantStatus(t, "stranger reads", err, http.StatusForbidden, api.ErrForbidden)
	_, err = buyer.Market.OrderAction(ctx, o.ID, api.ActionStart, "")
	wantStatus(t, "buyer starts", err, http.StatusForbidden, api.ErrForbidden)

	step := func(c *api.Client, a api.OrderAction, deliverables string, want api.OrderStatus) *api.Order {
		t.Helper()
		got, err := c.Market.OrderAction(ctx, o.ID, a, deliverables)
		if err != nil || got.Status != want || got.ID != o.ID {
			t.Fatalf("%s: %v %+v", a, err, got)
		}
		return got
	}
	step(seller, api.ActionStart, "", api.OrderInProgress)
	// Deliverables over the sandbox's own limit: the server's 400.
	_, err = seller.Market.OrderAction(ctx, o.ID, api.ActionDeliver, strings.Repeat("d", 6000))
	wantStatus(t, "long deliverables", err, http.StatusBadRequest, api.ErrValidation)
	d := step(seller, api.ActionDeliver, "Here is your work: https://example.com/result", api.OrderDelivered)
	if d.Deliverables != "Here is your work: https://example.com/result" {
		t.Errorf("deliverables = %q", d.Deliverables)
	}
	r := step(buyer, api.ActionRequestRevision, "", api.OrderRevision)
	if r.RevisionsUsed != 1 || r.Revisions != 1 {
		t.Errorf("revisions: %+v", r)
	}
	step(seller, api.ActionStart, "", api.OrderInProgress)
	step(seller, api.ActionDeliver, "Second take", api.OrderDelivered)
	_, err = buyer.Market.OrderAction(ctx, o.ID, api.ActionRequestRevision, "")
	wantStatus(t, "revision limit", err, http.StatusConflict, api.ErrConflict)
	step(buyer, api.ActionAccept, "", api.OrderCompleted)
	_, err = buyer.Market.OrderAction(ctx, o.ID, api.ActionCancel, "")
	wantStatus(t, "cancel completed", err, http.StatusConflict, api.ErrConflict)

	// The order's thread: both parties, nobody else.
	m, err := buyer.Market.SendOrderMessage(ctx, o.ID, "Thanks!\nLove it.", []string{"https://example.com/file.png"})
	if err != nil || m.ID == "" || m.Sender.Handle != "market_buyer" || len(m.Attachments) != 1 {
		t.Fatalf("send: %v %+v", err, m)
	}
	// An upload of the sandbox's own attaches, though it is served over
	// plain http (the real server's are https); another plain address
	// does not.
	img := pngBytes(t, 8)
	up, err := seller.Uploads.Image(ctx, "proof.png", bytes.NewReader(img), int64(len(img)), nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err = seller.Market.SendOrderMessage(ctx, o.ID, "not this", []string{"http://example.com/file.png"}); !errors.Is(err, api.ErrValidation) {
		t.Errorf("a plain http attachment elsewhere: %v, want it refused", err)
	}
	if m, err := seller.Market.SendOrderMessage(ctx, o.ID, "You're welcome", []string{up.URL}); err != nil || len(m.Attachments) != 1 || m.Attachments[0] != up.URL {
		t.Fatalf("an own upload as attachment: %v %+v", err, m)
	}
	msgs, err := seller.Market.OrderMessages(ctx, o.ID, nil)
	if err != nil || len(msgs.Items) != 2 || msgs.Items[0].Content != "Thanks!\nLove it." || msgs.Items[1].Sender.Handle != svc.Seller.Handle {
		t.Errorf("thread: %v %+v", err, msgs)
	}
	_, err = stranger.Market.OrderMessages(ctx, o.ID, nil)
	wantStatus(t, "stranger thread", err, http.StatusForbidden, api.ErrForbidden)

	// Reviews: the buyer, once.
	_, err = seller.Market.CreateReview(ctx, &api.ReviewRequest{OrderID: o.ID, Rating: 5, Content: "self praise"})
	wantStatus(t, "seller reviews", err, http.StatusForbidden, api.ErrForbidden)
	rv, err := buyer.Market.CreateReview(ctx, &api.ReviewRequest{OrderID: o.ID, Rating: 4, Content: "Excellent work, delivered quickly!", QualityRating: 5, DeliveryRating: 3})
	if err != nil || rv.Rating != 4 || rv.QualityRating == nil || *rv.QualityRating != 5 || rv.CommunicationRating != nil || rv.Reviewer.Handle != "market_buyer" {
		t.Fatalf("review: %v %+v", err, rv)
	}
	_, err = buyer.Market.CreateReview(ctx, &api.ReviewRequest{OrderID: o.ID, Rating: 5, Content: "again"})
	wantStatus(t, "second review", err, http.StatusConflict, api.ErrConflict)
	reviews, err := anon.Market.Reviews(ctx, svc.ID, nil)
	if err != nil || len(reviews.Items) != 1 || reviews.Items[0].ID != rv.ID {
		t.Errorf("reviews: %v %+v", err, reviews)
	}
	detail, err := anon.Market.Service(ctx, svc.ID)
	if err != nil || detail.AvgRating != 4 || detail.OrderCount != 1 || len(detail.Reviews) != 1 || detail.SellerStats == nil ||
		detail.SellerStats.CompletedOrders < 1 {
		t.Errorf("detail: %v %+v %+v", err, detail, detail.SellerStats)
	}

	// The lists by role and status.
	mine, err := buyer.Market.Orders(ctx, &api.OrderListOptions{Role: api.RoleBuyer, Status: api.OrderCompleted})
	if err != nil || len(mine.Items) != 1 || mine.Items[0].ID != o.ID {
		t.Errorf("buyer's completed: %v %+v", err, mine)
	}
	if theirs, err := seller.Market.Orders(ctx, &api.OrderListOptions{Role: api.RoleBuyer, Status: api.OrderCompleted}); err != nil || len(theirs.Items) != 0 {
		t.Errorf("seller as buyer: %v %+v", err, theirs)
	}
	sold, err := seller.Market.Orders(ctx, &api.OrderListOptions{Role: api.RoleSeller, Limit: 1})
	if err != nil || len(sold.Items) != 1 || !sold.HasMore || sold.NextCursor == "" {
		t.Errorf("seller's, one a page: %v %+v", err, sold)
	}

	// Payouts: the completed order owes the seller its price less the fee;
	// asking for it needs the payment account.
	payouts, err := seller.Market.Payouts(ctx, "pending", nil)
	if err != nil || len(payouts.Items) != 1 || payouts.Items[0].Amount+payouts.Items[0].Fee != 500 || payouts.Items[0].Status != api.PayoutPending ||
		payouts.Summary.Pending != payouts.Items[0].Amount || payouts.Summary.Total != payouts.Items[0].Amount {
		t.Fatalf("payouts: %v %+v", err, payouts)
	}
	po := payouts.Items[0]
	_, err = seller.Market.RequestPayout(ctx, po.ID)
	wantStatus(t, "payout before onboarding", err, http.StatusForbidden, api.ErrForbidden)
	cs, err := seller.Market.Connect(ctx)
	if err != nil || cs.Connected || cs.PayoutsEnabled {
		t.Errorf("connect before: %v %+v", err, cs)
	}
	const wallet = "0x52908400098527886E0F7030069857D2E4169EE7"
	cs, err = seller.Market.StartConnect(ctx, true, wallet)
	if err != nil || !cs.Connected || cs.OnboardingURL == "" || !cs.PreferCrypto || cs.CryptoWalletAddress != wallet || cs.PayoutsEnabled {
		t.Fatalf("start connect: %v %+v", err, cs)
	}
	e.clock.Advance(10 * time.Second)
	if cs, err = seller.Market.Connect(ctx); err != nil || !cs.ChargesEnabled || !cs.PayoutsEnabled {
		t.Errorf("connect after: %v %+v", err, cs)
	}
	got2, err := seller.Market.RequestPayout(ctx, po.ID)
	if err != nil || got2.ID != po.ID || got2.Status != api.PayoutProcessing {
		t.Errorf("request payout: %v %+v", err, got2)
	}
	_, err = seller.Market.RequestPayout(ctx, po.ID)
	wantStatus(t, "payout twice", err, http.StatusConflict, api.ErrConflict)
	_, err = buyer.Market.RequestPayout(ctx, po.ID)
	wantStatus(t, "someone else's payout", err, http.StatusForbidden, api.ErrForbidden)
	// Turning crypto payouts off with the wallet kept: the server keeps a
	// preference it is not sent, so false must reach it.
	if cs, err = seller.Market.StartConnect(ctx, false, wallet); err != nil || cs.PreferCrypto || cs.CryptoWalletAddress != wallet {
		t.Errorf("crypto off: %v %+v", err, cs)
	}
	if cs, err = seller.Market.Connect(ctx); err != nil || cs.PreferCrypto {
		t.Errorf("crypto off, read back: %v %+v", err, cs)
	}
}

func TestMarketListingsAgainstTheSandbox(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{})
	ctx := t.Context()
	seller := e.clientAs(t, "listing_seller") // not the demo agent: the world gives it orders of its own
	buyer := e.clientAs(t, "listing_buyer")
	svc := newListing(t, seller, "Aardvark animations", 2)

	// Only the seller edits and deletes.
	price := 750
	_, err := buyer.Market.UpdateService(ctx, svc.ID, &api.ServiceUpdate{Price: &price})
	wantStatus(t, "buyer edits", err, http.StatusForbidden, api.ErrForbidden)
	_, err = buyer.Market.DeleteService(ctx, svc.ID)
	wantStatus(t, "buyer deletes", err, http.StatusForbidden, api.ErrForbidden)
	desc := "Updated description"
	upd, err := seller.Market.UpdateService(ctx, svc.ID, &api.ServiceUpdate{Price: &price, Description: &desc})
	if err != nil || upd.Price != 750 || upd.Description != desc || upd.Title != svc.Title {
		t.Fatalf("update: %v %+v", err, upd)
	}
	// Beyond the sandbox's own title limit: the server's 400.
	long := strings.Repeat("t", 150)
	_, err = seller.Market.UpdateService(ctx, svc.ID, &api.ServiceUpdate{Title: &long})
	wantStatus(t, "long title", err, http.StatusBadRequest, api.ErrValidation)

	// With an active order, delete deactivates; the listing takes no
	// orders; once no order is active it can be deleted.
	created, err := buyer.Market.CreateOrder(ctx, svc.ID, "An aardvark dancing", api.PaymentCryptoUSDC)
	if err != nil {
		t.Fatal(err)
	}
	deactivated, err := seller.Market.DeleteService(ctx, svc.ID)
	if err != nil || !deactivated {
		t.Fatalf("delete with an active order: %v %v", err, deactivated)
	}
	got, err := buyer.Market.Service(ctx, svc.ID)
	if err != nil || got.IsActive {
		t.Errorf("after deactivation: %v %+v", err, got)
	}
	_, err = buyer.Market.CreateOrder(ctx, svc.ID, "one more", api.PaymentCard)
	wantStatus(t, "order inactive", err, http.StatusConflict, api.ErrConflict)
	if o, err := buyer.Market.OrderAction(ctx, created.Order.ID, api.ActionCancel, ""); err != nil || o.Status != api.OrderCancelled {
		t.Fatalf("cancel: %v %+v", err, o)
	}
	deactivated, err = seller.Market.DeleteService(ctx, svc.ID)
	if err != nil || deactivated {
		t.Fatalf("delete: %v %v", err, deactivated)
	}
	_, err = buyer.Market.Service(ctx, svc.ID)
	wantStatus(t, "deleted", err, http.StatusNotFound, api.ErrNotFound)
	// Deleting again finds nothing.
	_, err = seller.Market.DeleteService(ctx, svc.ID)
	wantStatus(t, "deleted twice", err, http.StatusNotFound, api.ErrNotFound)

	// The browse list pages with the client's cursors.
	for i := range 3 {
		newListing(t, seller, fmt.Sprintf("Okapi odes %d", i), 0)
	}
	var titles []string
	for s, err := range api.All(ctx, func(ctx context.Context, o api.ListOptions) (*api.Page[api.MarketService], error) {
		o.Limit = 2
		return buyer.Market.Services(ctx, &api.ServiceListOptions{ListOptions: o, Search: "okapi", SortBy: api.SortCreatedAt, SortOrder: api.SortAsc})
	}) {
		if err != nil {
			t.Fatal(err)
		}
		titles = append(titles, s.Title)
	}
	if strings.Join(titles, "|") != "Okapi odes 0|Okapi odes 1|Okapi odes 2" {
		t.Errorf("walk: %q", titles)
	}

	// A dispute: only the buyer, after delivery; the sandbox refunds it an
	// hour later on its clock.
	svc2 := newListing(t, seller, "Quokka quips", 0)
	dis, err := buyer.Market.CreateOrder(ctx, svc2.ID, "Three quips", api.PaymentCryptoUSDP)
	if err != nil {
		t.Fatal(err)
	}
	id := dis.Order.ID
	e.clock.Advance(5 * time.Second)
	for _, st := range []struct {
		c *api.Client
		a api.OrderAction
		d string
	}{{seller, api.ActionStart, ""}, {seller, api.ActionDeliver, "quip, quip, quip"}} {
		if _, err := st.c.Market.OrderAction(ctx, id, st.a, st.d); err != nil {
			t.Fatalf("%s: %v", st.a, err)
		}
	}
	_, err = seller.Market.OrderAction(ctx, id, api.ActionDispute, "")
	wantStatus(t, "seller disputes", err, http.StatusForbidden, api.ErrForbidden)
	if o, err := buyer.Market.OrderAction(ctx, id, api.ActionDispute, ""); err != nil || o.Status != api.OrderDisputed || o.Status.Final() {
		t.Fatalf("dispute: %v %+v", err, o)
	}
	e.clock.Advance(time.Hour + time.Second)
	if o, err := seller.Market.Order(ctx, id); err != nil || o.Status != api.OrderRefunded || !o.Status.Final() {
		t.Errorf("after the hour: %v %+v", err, o)
	}

	// Onboarding without a crypto preference is a body-less POST; asking
	// for crypto without a wallet is the server's 400.
	cs, err := seller.Market.StartConnect(ctx, false, "")
	if err != nil || !cs.Connected || !strings.HasPrefix(cs.OnboardingURL, "https://") || cs.PreferCrypto {
		t.Errorf("start connect: %v %+v", err, cs)
	}
	_, err = buyer.Market.StartConnect(ctx, true, "")
	wantStatus(t, "crypto without wallet", err, http.StatusBadRequest, api.ErrValidation)
}

// The seeded marketplace, read as the demo agent: every listing walks and
// decodes, every order of the demo agent has a known status and both
// parties, and the demo agent's own listings carry reviews and stats.
func TestMarketSeededWorldAgainstTheSandbox(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{})
	ctx := t.Context()
	n := 0
	for s, err := range api.All(ctx, func(ctx context.Context, o api.ListOptions) (*api.Page[api.MarketService], error) {
		o.Limit = api.MaxPageSize
		return e.c.Market.Services(ctx, &api.ServiceListOptions{ListOptions: o, SortBy: api.SortAvgRating, SortOrder: api.SortDesc})
	}) {
		if err != nil {
			t.Fatal(err)
		}
		if s.ID == "" || s.Title == "" || s.Price <= 0 || s.Category == "" || s.Seller.Handle == "" || !s.IsActive {
			t.Errorf("listing: %+v", s)
		}
		n++
	}
	if n == 0 {
		t.Skip("the sandbox seeds no marketplace")
	}
	seen := map[api.OrderStatus]bool{}
	for o, err := range api.All(ctx, func(ctx context.Context, lo api.ListOptions) (*api.Page[api.Order], error) {
		return e.c.Market.Orders(ctx, &api.OrderListOptions{Cursor: lo.Cursor, Limit: 50})
	}) {
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Contains(api.OrderStatuses, o.Status) || o.Buyer.Handle == "" || o.Seller.Handle == "" || o.ServiceID == "" || o.Price <= 0 {
			t.Errorf("order: %+v", o)
		}
		seen[o.Status] = true
	}
	if len(seen) < 5 {
		t.Errorf("statuses seen: %v", seen)
	}
	page, err := e.c.Market.Services(ctx, &api.ServiceListOptions{SortBy: api.SortOrderCount, SortOrder: api.SortDesc, ListOptions: api.ListOptions{Limit: 1}})
	if err != nil || len(page.Items) != 1 {
		t.Fatalf("top: %v %+v", err, page)
	}
	d, err := e.c.Market.Service(ctx, page.Items[0].ID)
	if err != nil || d.OrderCount == 0 || len(d.Reviews) == 0 || d.SellerStats == nil || d.SellerStats.CompletedOrders == 0 || d.Reviews[0].Rating == 0 {
		t.Errorf("detail: %v %+v", err, d)
	}
}
