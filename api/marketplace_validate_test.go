package api_test

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"imagine/api"
)

// refusingServer fails the test if any request reaches it.
func refusingServer(t *testing.T) *api.Client {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("request reached the server: %s %s", r.Method, r.URL)
		w.WriteHeader(http.StatusTeapot)
	}))
	t.Cleanup(srv.Close)
	c, _ := newClient(t, srv.URL)
	return c
}

// wantField checks err is a *FieldError on field whose message contains msg.
func wantField(t *testing.T, what string, err error, field, msg string) {
	t.Helper()
	var fe *api.FieldError
	if !errors.Is(err, api.ErrValidation) || !errors.As(err, &fe) || fe.Field != field || !strings.Contains(fe.Message, msg) {
		t.Errorf("%s: %v; want %s: …%s…", what, err, field, msg)
	}
}

func TestValidateService(t *testing.T) {
	t.Parallel()
	ok := api.ServiceRequest{Title: "AI Image Generation", Description: "I will generate high-quality images from your prompts",
		ShortDesc: "Custom AI images", Price: 500, DeliveryDays: 1, Revisions: 2, Category: "CREATIVE", Tags: []string{"ai-art", "image-generation"}}
	with := func(f func(*api.ServiceRequest)) *api.ServiceRequest {
		r := ok
		f(&r)
		return &r
	}
	tests := []struct {
		name  string
		req   *api.ServiceRequest
		field string
		msg   string
	}{
		{"spec example", &ok, "", ""},
		{"https media", with(func(r *api.ServiceRequest) {
			r.ThumbnailURL, r.Images = "https://blob.vercel-storage.com/t.png", []string{"https://a.example/1.png"}
		}), "", ""},
		{"limits exactly", with(func(r *api.ServiceRequest) {
			r.Title, r.Price, r.DeliveryDays = strings.Repeat("é", api.MaxServiceTitleRunes), api.MaxServicePrice, api.MaxDeliveryDays
		}), "", ""},
		{"nil", nil, "title", "is empty"},
		{"blank title", with(func(r *api.ServiceRequest) { r.Title = " \t" }), "title", "is empty"},
		{"long title", with(func(r *api.ServiceRequest) { r.Title = strings.Repeat("x", api.MaxServiceTitleRunes+1) }), "title", "the limit is 200"},
		{"no description", with(func(r *api.ServiceRequest) { r.Description = "" }), "description", "is empty"},
		{"long short desc", with(func(r *api.ServiceRequest) { r.ShortDesc = strings.Repeat("x", api.MaxServiceShortRunes+1) }), "shortDesc", "the limit"},
		{"free", with(func(r *api.ServiceRequest) { r.Price = 0 }), "price", "between 1 and"},
		{"negative price", with(func(r *api.ServiceRequest) { r.Price = -500 }), "price", "between 1 and"},
		{"absurd price", with(func(r *api.ServiceRequest) { r.Price = api.MaxServicePrice + 1 }), "price", "between 1 and"},
		{"no delivery days", with(func(r *api.ServiceRequest) { r.DeliveryDays = 0 }), "deliveryDays", "between 1 and 365"},
		{"negative revisions", with(func(r *api.ServiceRequest) { r.Revisions = -1 }), "revisions", "between 0 and"},
		{"no category", with(func(r *api.ServiceRequest) { r.Category = " " }), "category", "is empty"},
		{"category with space", with(func(r *api.ServiceRequest) { r.Category = "CREATIVE WORK" }), "category", "letters, digits or underscores"},
		{"http thumbnail", with(func(r *api.ServiceRequest) { r.ThumbnailURL = "http://a.example/t.png" }), "thumbnailUrl", "not an https URL"},
		{"javascript thumbnail", with(func(r *api.ServiceRequest) { r.ThumbnailURL = "javascript:alert(1)" }), "thumbnailUrl", "not an https URL"},
		{"relative image", with(func(r *api.ServiceRequest) { r.Images = []string{"/x.png"} }), "images", "not an https URL"},
		{"too many images", with(func(r *api.ServiceRequest) { r.Images = make([]string, api.MaxServiceImages+1) }), "images", "the limit is 10"},
		{"long tag", with(func(r *api.ServiceRequest) { r.Tags = []string{strings.Repeat("t", api.MaxServiceTagRunes+1)} }), "tags", "the limit is 50"},
		{"too many tags", with(func(r *api.ServiceRequest) {
			r.Tags = nil
			for i := range api.MaxServiceTags + 1 {
				r.Tags = append(r.Tags, strings.Repeat("t", i+1))
			}
		}), "tags", "21 tags"},
	}
	c := refusingServer(t)
	for _, tt := range tests {
		err := api.ValidateService(tt.req)
		if tt.field == "" {
			if err != nil {
				t.Errorf("%s: %v", tt.name, err)
			}
			continue
		}
		wantField(t, tt.name, err, tt.field, tt.msg)
		_, err = c.Market.CreateService(t.Context(), tt.req)
		wantField(t, tt.name+" (CreateService)", err, tt.field, tt.msg)
	}
}

func TestValidateServiceUpdate(t *testing.T) {
	t.Parallel()
	c := refusingServer(t)
	neg, zero, empty, blank, insecure := -1, 0, "", "  ", "http://x.example/t.png"
	bad := map[string]struct {
		upd   *api.ServiceUpdate
		field string
	}{
		"nil":            {nil, "service"},
		"nothing set":    {&api.ServiceUpdate{}, "service"},
		"free":           {&api.ServiceUpdate{Price: &zero}, "price"},
		"negative price": {&api.ServiceUpdate{Price: &neg}, "price"},
		"blank title":    {&api.ServiceUpdate{Title: &blank}, "title"},
		"empty desc":     {&api.ServiceUpdate{Description: &empty}, "description"},
		"http thumbnail": {&api.ServiceUpdate{ThumbnailURL: &insecure}, "thumbnailUrl"},
		"no days":        {&api.ServiceUpdate{DeliveryDays: &zero}, "deliveryDays"},
		"bad images":     {&api.ServiceUpdate{Images: &[]string{"ftp://x"}}, "images"},
	}
	for name, tt := range bad {
		wantField(t, name, api.ValidateServiceUpdate(tt.upd), tt.field, "")
		_, err := c.Market.UpdateService(t.Context(), "svc_1", tt.upd)
		wantField(t, name+" (UpdateService)", err, tt.field, "")
	}
	// Removing the thumbnail and deactivating are changes.
	no := false
	for _, ok := range []*api.ServiceUpdate{{ThumbnailURL: &empty}, {IsActive: &no}} {
		if err := api.ValidateServiceUpdate(ok); err != nil {
			t.Errorf("%+v: %v", ok, err)
		}
	}
}

// Every other method refuses bad arguments before anything is sent.
func TestMarketRefusedLocally(t *testing.T) {
	t.Parallel()
	c := refusingServer(t)
	ctx := t.Context()
	long := strings.Repeat("é", api.MaxOrderMessageRunes+1)
	cases := []struct {
		name  string
		call  func() error
		field string
	}{
		{"sortBy", func() error {
			_, err := c.Market.Services(ctx, &api.ServiceListOptions{SortBy: "popularity"})
			return err
		}, "sortBy"},
		{"sortBy case", func() error { _, err := c.Market.Services(ctx, &api.ServiceListOptions{SortBy: "PRICE"}); return err }, "sortBy"},
		{"sortOrder", func() error { _, err := c.Market.Services(ctx, &api.ServiceListOptions{SortOrder: "up"}); return err }, "sortOrder"},
		{"minPrice", func() error { _, err := c.Market.Services(ctx, &api.ServiceListOptions{MinPrice: -1}); return err }, "minPrice"},
		{"maxPrice", func() error { _, err := c.Market.Services(ctx, &api.ServiceListOptions{MaxPrice: -1}); return err }, "maxPrice"},
		{"min > max", func() error {
			_, err := c.Market.Services(ctx, &api.ServiceListOptions{MinPrice: 900, MaxPrice: 100})
			return err
		}, "minPrice"},
		{"category", func() error { _, err := c.Market.Services(ctx, &api.ServiceListOptions{Category: "a/b"}); return err }, "category"},
		{"search", func() error {
			_, err := c.Market.Services(ctx, &api.ServiceListOptions{Search: strings.Repeat("s", api.MaxServiceSearchRunes+1)})
			return err
		}, "search"},
		{"service id", func() error { _, err := c.Market.Service(ctx, " "); return err }, ""},
		{"delete id", func() error { _, err := c.Market.DeleteService(ctx, ""); return err }, ""},
		{"order service", func() error { _, err := c.Market.CreateOrder(ctx, "", "r", "CARD"); return err }, "serviceId"},
		{"order requirements", func() error { _, err := c.Market.CreateOrder(ctx, "svc", " ", "CARD"); return err }, "requirements"},
		{"order requirements long", func() error { _, err := c.Market.CreateOrder(ctx, "svc", long, "CARD"); return err }, "requirements"},
		{"order method", func() error { _, err := c.Market.CreateOrder(ctx, "svc", "r", "PAYPAL"); return err }, "paymentMethod"},
		{"order method empty", func() error { _, err := c.Market.CreateOrder(ctx, "svc", "r", ""); return err }, "paymentMethod"},
		{"orders role", func() error { _, err := c.Market.Orders(ctx, &api.OrderListOptions{Role: "admin"}); return err }, "role"},
		{"orders status", func() error { _, err := c.Market.Orders(ctx, &api.OrderListOptions{Status: "SHIPPED"}); return err }, "status"},
		{"order id", func() error { _, err := c.Market.Order(ctx, ""); return err }, ""},
		{"action", func() error { _, err := c.Market.OrderAction(ctx, "o", "refund", ""); return err }, "action"},
		{"deliver without deliverables", func() error { _, err := c.Market.OrderAction(ctx, "o", api.ActionDeliver, " "); return err }, "deliverables"},
		{"deliverables with accept", func() error { _, err := c.Market.OrderAction(ctx, "o", api.ActionAccept, "x"); return err }, "deliverables"},
		{"action id", func() error { _, err := c.Market.OrderAction(ctx, "", api.ActionStart, ""); return err }, ""},
		{"messages id", func() error { _, err := c.Market.OrderMessages(ctx, "", nil); return err }, ""},
		{"message empty", func() error { _, err := c.Market.SendOrderMessage(ctx, "o", "\n", nil); return err }, "content"},
		{"message long", func() error { _, err := c.Market.SendOrderMessage(ctx, "o", long, nil); return err }, "content"},
		{"message http attachment", func() error {
			_, err := c.Market.SendOrderMessage(ctx, "o", "hi", []string{"http://x.example/f.png"})
			return err
		}, "attachments"},
		{"message file attachment", func() error {
			_, err := c.Market.SendOrderMessage(ctx, "o", "hi", []string{"file:///etc/passwd"})
			return err
		}, "attachments"},
		{"message userinfo attachment", func() error {
			_, err := c.Market.SendOrderMessage(ctx, "o", "hi", []string{"https://user:pw@x.example/"})
			return err
		}, "attachments"},
		{"too many attachments", func() error {
			_, err := c.Market.SendOrderMessage(ctx, "o", "hi", make([]string, api.MaxMessageAttachments+1))
			return err
		}, "attachments"},
		{"review nil", func() error { _, err := c.Market.CreateReview(ctx, nil); return err }, "orderId"},
		{"review rating 0", func() error {
			_, err := c.Market.CreateReview(ctx, &api.ReviewRequest{OrderID: "o", Content: "c"})
			return err
		}, "rating"},
		{"review rating 6", func() error {
			_, err := c.Market.CreateReview(ctx, &api.ReviewRequest{OrderID: "o", Rating: 6, Content: "c"})
			return err
		}, "rating"},
		{"review sub-rating", func() error {
			_, err := c.Market.CreateReview(ctx, &api.ReviewRequest{OrderID: "o", Rating: 5, Content: "c", DeliveryRating: -1})
			return err
		}, "deliveryRating"},
		{"review content", func() error {
			_, err := c.Market.CreateReview(ctx, &api.ReviewRequest{OrderID: "o", Rating: 5})
			return err
		}, "content"},
		{"reviews service", func() error { _, err := c.Market.Reviews(ctx, "", nil); return err }, "serviceId"},
		{"payouts status", func() error { _, err := c.Market.Payouts(ctx, "FAILED", nil); return err }, "status"},
		{"payout id", func() error { _, err := c.Market.RequestPayout(ctx, " "); return err }, "payoutId"},
		{"wallet", func() error { _, err := c.Market.StartConnect(ctx, true, "0x123"); return err }, "cryptoWalletAddress"},
		{"wallet not hex", func() error {
			_, err := c.Market.StartConnect(ctx, true, "0xZZ908400098527886E0F7030069857D2E4169EE7")
			return err
		}, "cryptoWalletAddress"},
	}
	for _, tc := range cases {
		err := tc.call()
		if tc.field == "" {
			if !errors.Is(err, api.ErrValidation) {
				t.Errorf("%s: %v", tc.name, err)
			}
			continue
		}
		wantField(t, tc.name, err, tc.field, "")
	}
}
