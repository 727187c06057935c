package api

import (
	"net/url"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Marketplace checks made before a request is sent. Each fails with a
// *FieldError (matching ErrValidation) naming the field as the API spells
// it, so a form can show the message next to it.

// walletPattern is an EVM address (USDC and USDP payouts).
var walletPattern = regexp.MustCompile(`^0x[0-9a-fA-F]{40}$`)

func trimSpace(s string) string { return strings.TrimSpace(s) }
func lower(s string) string     { return strings.ToLower(strings.TrimSpace(s)) }

// normCategory upper-cases a category as the API spells them (CREATIVE).
func normCategory(s string) string { return strings.ToUpper(strings.TrimSpace(s)) }

// checkID refuses a blank ID sent in a body or query.
func checkID(field, id string) error {
	if strings.TrimSpace(id) == "" {
		return fieldError(field, "is empty")
	}
	return nil
}

// checkRunes checks a text field's length; required fields must not be
// blank.
func checkRunes(field, s string, max int, required bool) error {
	if required && strings.TrimSpace(s) == "" {
		return fieldError(field, "is empty")
	}
	if n := utf8.RuneCountInString(s); n > max {
		return fieldError(field, "is %d characters, the limit is %d", n, max)
	}
	return nil
}

// onOrigin reports whether raw is an absolute URL, without credentials,
// on own's scheme and host (false when own is nil).
func onOrigin(raw string, own *url.URL) bool {
	u, err := url.Parse(strings.TrimSpace(raw))
	return err == nil && own != nil && u.User == nil && u.Host != "" && sameOrigin(u, own)
}

// checkHTTPS accepts an absolute https URL with a host.
func checkHTTPS(field, raw string) error {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || !strings.EqualFold(u.Scheme, "https") || u.Host == "" || u.User != nil {
		return fieldError(field, "%q is not an https URL", raw)
	}
	return nil
}

// checkCategory accepts a category token: letters, digits and underscores.
func checkCategory(c string) error {
	c = strings.TrimSpace(c)
	if c == "" {
		return fieldError("category", "is empty (for example CREATIVE)")
	}
	bad := strings.IndexFunc(c, func(r rune) bool {
		return r != '_' && !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if bad >= 0 || utf8.RuneCountInString(c) > MaxServiceCategoryRunes {
		return fieldError("category", "%q must be letters, digits or underscores (like CREATIVE)", c)
	}
	return nil
}

// checkPrice accepts 1 cent to MaxServicePrice.
func checkPrice(p int) error {
	if p <= 0 || p > MaxServicePrice {
		return fieldError("price", "must be between 1 and %d cents", MaxServicePrice)
	}
	return nil
}

func checkDeliveryDays(d int) error {
	if d < 1 || d > MaxDeliveryDays {
		return fieldError("deliveryDays", "must be between 1 and %d", MaxDeliveryDays)
	}
	return nil
}

func checkRevisions(n int) error {
	if n < 0 || n > MaxServiceRevisions {
		return fieldError("revisions", "must be between 0 and %d", MaxServiceRevisions)
	}
	return nil
}

// normTags trims the tags, drops empty ones and duplicates, and checks
// their number and length.
func normTags(tags []string) ([]string, error) {
	out := make([]string, 0, len(tags))
	for _, t := range tags {
		t = strings.TrimSpace(t)
		if t == "" || slices.Contains(out, t) {
			continue
		}
		if n := utf8.RuneCountInString(t); n > MaxServiceTagRunes {
			return nil, fieldError("tags", "%q is %d characters, the limit is %d", t, n, MaxServiceTagRunes)
		}
		out = append(out, t)
	}
	if len(out) > MaxServiceTags {
		return nil, fieldError("tags", "%d tags, the limit is %d", len(out), MaxServiceTags)
	}
	return out, nil
}

func checkImages(images []string) error {
	if len(images) > MaxServiceImages {
		return fieldError("images", "%d images, the limit is %d", len(images), MaxServiceImages)
	}
	for _, im := range images {
		if err := checkHTTPS("images", im); err != nil {
			return err
		}
	}
	return nil
}

// ValidateService checks a new listing the way CreateService does before
// sending it: title (1–MaxServiceTitleRunes) and description
// (1–MaxServiceDescRunes) not blank, shortDesc at most
// MaxServiceShortRunes, price 1 cent to MaxServicePrice, deliveryDays 1 to
// MaxDeliveryDays, revisions 0 to MaxServiceRevisions, a category token
// (required: the spec makes only the thumbnail and images optional),
// at most MaxServiceTags tags of MaxServiceTagRunes, and https thumbnail
// and images (at most MaxServiceImages).
func ValidateService(req *ServiceRequest) error {
	_, err := normalizeService(req)
	return err
}

// normalizeService validates req and returns a trimmed copy.
func normalizeService(req *ServiceRequest) (*ServiceRequest, error) {
	if req == nil {
		req = &ServiceRequest{}
	}
	r := *req
	r.Title, r.ShortDesc = strings.TrimSpace(r.Title), strings.TrimSpace(r.ShortDesc)
	r.Category, r.ThumbnailURL = normCategory(r.Category), strings.TrimSpace(r.ThumbnailURL)
	checks := []func() error{
		func() error { return checkRunes("title", r.Title, MaxServiceTitleRunes, true) },
		func() error { return checkRunes("description", r.Description, MaxServiceDescRunes, true) },
		func() error { return checkRunes("shortDesc", r.ShortDesc, MaxServiceShortRunes, false) },
		func() error { return checkPrice(r.Price) },
		func() error { return checkDeliveryDays(r.DeliveryDays) },
		func() error { return checkRevisions(r.Revisions) },
		func() error { return checkCategory(r.Category) },
		func() error {
			if r.ThumbnailURL == "" {
				return nil
			}
			return checkHTTPS("thumbnailUrl", r.ThumbnailURL)
		},
		func() error { return checkImages(r.Images) },
	}
	for _, c := range checks {
		if err := c(); err != nil {
			return nil, err
		}
	}
	tags, err := normTags(r.Tags)
	if err != nil {
		return nil, err
	}
	r.Tags = tags
	return &r, nil
}

// ValidateServiceUpdate checks a listing update the way UpdateService does:
// at least one field set, and each set field following ValidateService's
// rule for it (a thumbnail may be set to "" to remove it).
func ValidateServiceUpdate(upd *ServiceUpdate) error {
	_, err := normalizeServiceUpdate(upd)
	return err
}

// normalizeServiceUpdate validates upd and returns a trimmed copy.
func normalizeServiceUpdate(upd *ServiceUpdate) (*ServiceUpdate, error) {
	if upd == nil || *upd == (ServiceUpdate{}) {
		return nil, fieldError("service", "nothing to change")
	}
	u := *upd
	trim := func(p *string, f func(string) string) *string {
		if p == nil {
			return nil
		}
		v := f(*p)
		return &v
	}
	u.Title, u.ShortDesc = trim(u.Title, strings.TrimSpace), trim(u.ShortDesc, strings.TrimSpace)
	u.Category, u.ThumbnailURL = trim(u.Category, normCategory), trim(u.ThumbnailURL, strings.TrimSpace)
	var err error
	if u.Title != nil {
		err = checkRunes("title", *u.Title, MaxServiceTitleRunes, true)
	}
	if err == nil && u.Description != nil {
		err = checkRunes("description", *u.Description, MaxServiceDescRunes, true)
	}
	if err == nil && u.ShortDesc != nil {
		err = checkRunes("shortDesc", *u.ShortDesc, MaxServiceShortRunes, false)
	}
	if err == nil && u.Price != nil {
		err = checkPrice(*u.Price)
	}
	if err == nil && u.DeliveryDays != nil {
		err = checkDeliveryDays(*u.DeliveryDays)
	}
	if err == nil && u.Revisions != nil {
		err = checkRevisions(*u.Revisions)
	}
	if err == nil && u.Category != nil {
		err = checkCategory(*u.Category)
	}
	if err == nil && u.ThumbnailURL != nil && *u.ThumbnailURL != "" {
		err = checkHTTPS("thumbnailUrl", *u.ThumbnailURL)
	}
	if err == nil && u.Images != nil {
		err = checkImages(*u.Images)
	}
	if err == nil && u.Tags != nil {
		var tags []string
		if tags, err = normTags(*u.Tags); err == nil {
			u.Tags = &tags
		}
	}
	if err != nil {
		return nil, err
	}
	return &u, nil
}

// checkServiceListOptions checks the services list filters. The limit is
// brought within 1–100 as for every list (ListOptions), not refused.
func checkServiceListOptions(o *ServiceListOptions) error {
	switch {
	case o.MinPrice < 0:
		return fieldError("minPrice", "must not be negative")
	case o.MaxPrice < 0:
		return fieldError("maxPrice", "must not be negative")
	case o.MaxPrice > 0 && o.MinPrice > o.MaxPrice:
		return fieldError("minPrice", "is above maxPrice")
	case o.SortBy != "" && !slices.Contains(ServiceSortKeys, o.SortBy):
		return fieldError("sortBy", "%q is not one of %s", o.SortBy, strings.Join(ServiceSortKeys, ", "))
	}
	if so := lower(o.SortOrder); so != "" && so != SortAsc && so != SortDesc {
		return fieldError("sortOrder", "%q is not asc or desc", o.SortOrder)
	}
	if o.Category != "" {
		if err := checkCategory(o.Category); err != nil {
			return err
		}
	}
	return checkRunes("search", o.Search, MaxServiceSearchRunes, false)
}

// checkOrderListOptions checks the orders list filters and returns the
// role (lower case) and status (upper case) to send.
func checkOrderListOptions(o *OrderListOptions) (string, OrderStatus, error) {
	role := lower(o.Role)
	if role != "" && role != RoleAll && role != RoleBuyer && role != RoleSeller {
		return "", "", fieldError("role", "%q is not all, buyer or seller", o.Role)
	}
	status := OrderStatus(strings.ToUpper(strings.TrimSpace(string(o.Status))))
	if status != "" && !slices.Contains(OrderStatuses, status) {
		return "", "", fieldError("status", "%q is not an order status", o.Status)
	}
	return role, status, nil
}

// checkOrder checks an order and returns its body.
func checkOrder(serviceID, requirements, method string) (*orderBody, error) {
	if err := checkID("serviceId", serviceID); err != nil {
		return nil, err
	}
	if err := checkRunes("requirements", requirements, MaxRequirementsRunes, true); err != nil {
		return nil, err
	}
	m := strings.ToUpper(strings.TrimSpace(method))
	if !slices.Contains(PaymentMethods, m) {
		return nil, fieldError("paymentMethod", "%q is not one of %s", method, strings.Join(PaymentMethods, ", "))
	}
	return &orderBody{ServiceID: serviceID, Requirements: requirements, PaymentMethod: m}, nil
}

// checkOrderAction checks an action and returns its body.
func checkOrderAction(action OrderAction, deliverables string) (*orderActionBody, error) {
	a := OrderAction(lower(string(action)))
	if !slices.Contains(OrderActions, a) {
		names := make([]string, len(OrderActions))
		for i, x := range OrderActions {
			names[i] = string(x)
		}
		return nil, fieldError("action", "%q is not one of %s", action, strings.Join(names, ", "))
	}
	if a != ActionDeliver {
		if strings.TrimSpace(deliverables) != "" {
			return nil, fieldError("deliverables", "only go with deliver")
		}
		return &orderActionBody{Action: a}, nil
	}
	if err := checkRunes("deliverables", deliverables, MaxDeliverablesRunes, true); err != nil {
		return nil, err
	}
	return &orderActionBody{Action: a, Deliverables: deliverables}, nil
}

// checkOrderMessage checks a message and returns its body. An attachment
// is an https address, or one on the API's own origin (own, may be nil):
// what its uploads answer, which a local server (the sandbox) serves over
// plain http.
func checkOrderMessage(content string, attachments []string, own *url.URL) (*orderMessageBody, error) {
	if err := checkRunes("content", content, MaxOrderMessageRunes, true); err != nil {
		return nil, err
	}
	if len(attachments) > MaxMessageAttachments {
		return nil, fieldError("attachments", "%d attachments, the limit is %d", len(attachments), MaxMessageAttachments)
	}
	for _, a := range attachments {
		if onOrigin(a, own) {
			continue
		}
		if err := checkHTTPS("attachments", a); err != nil {
			return nil, err
		}
	}
	body := &orderMessageBody{Content: content}
	if len(attachments) > 0 {
		body.Attachments = make([]string, len(attachments))
		for i, a := range attachments {
			body.Attachments[i] = strings.TrimSpace(a)
		}
	}
	return body, nil
}

// ValidateReview checks a review the way CreateReview does: an order ID,
// a rating of 1–5, sub-ratings 0 (not given) or 1–5, and content not
// blank, at most MaxReviewRunes.
func ValidateReview(req *ReviewRequest) error {
	if req == nil {
		req = &ReviewRequest{}
	}
	if err := checkID("orderId", req.OrderID); err != nil {
		return err
	}
	if req.Rating < MinRating || req.Rating > MaxRating {
		return fieldError("rating", "must be between %d and %d", MinRating, MaxRating)
	}
	for _, sub := range []struct {
		field string
		v     int
	}{{"qualityRating", req.QualityRating}, {"communicationRating", req.CommunicationRating}, {"deliveryRating", req.DeliveryRating}} {
		if sub.v != 0 && (sub.v < MinRating || sub.v > MaxRating) {
			return fieldError(sub.field, "must be between %d and %d", MinRating, MaxRating)
		}
	}
	return checkRunes("content", req.Content, MaxReviewRunes, true)
}

// checkPayoutStatus accepts "" or one of PayoutStatuses (any case).
func checkPayoutStatus(s string) (string, error) {
	st := strings.ToUpper(strings.TrimSpace(s))
	if st != "" && !slices.Contains(PayoutStatuses, st) {
		return "", fieldError("status", "%q is not one of %s", s, strings.Join(PayoutStatuses, ", "))
	}
	return st, nil
}

// ValidateWallet checks a crypto payout wallet the way StartConnect does:
// empty, or 0x followed by 40 hex digits (an EVM address for USDC and
// USDP). The error is a *FieldError on cryptoWalletAddress.
func ValidateWallet(w string) error {
	_, err := checkWallet(w)
	return err
}

// checkWallet accepts "" or an 0x address.
func checkWallet(w string) (string, error) {
	w = strings.TrimSpace(w)
	if w != "" && !walletPattern.MatchString(w) {
		return "", fieldError("cryptoWalletAddress", "must be 0x followed by 40 hex digits")
	}
	return w, nil
}
