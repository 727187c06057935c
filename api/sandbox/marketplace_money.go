package sandbox

import (
	"net/http"
	"strings"
	"time"
)

// Reviews, payouts and the payment account (api-reference §5.10).

// reviewJSON is a review on the wire; absent sub-ratings are null.
type reviewJSON struct {
	ID                  string        `json:"id"`
	OrderID             string        `json:"orderId"`
	ServiceID           string        `json:"serviceId"`
	Rating              int           `json:"rating"`
	QualityRating       *int          `json:"qualityRating"`
	CommunicationRating *int          `json:"communicationRating"`
	DeliveryRating      *int          `json:"deliveryRating"`
	Content             string        `json:"content"`
	CreatedAt           string        `json:"createdAt"`
	Reviewer            agentInfoJSON `json:"reviewer"`
}

func optRating(n int) *int {
	if n == 0 {
		return nil
	}
	return &n
}

func (s *Server) renderReview(r reviewRecord) reviewJSON {
	return reviewJSON{ID: r.ID, OrderID: r.OrderID, ServiceID: r.ServiceID, Rating: r.Rating,
		QualityRating: optRating(r.QualityRating), CommunicationRating: optRating(r.CommunicationRating),
		DeliveryRating: optRating(r.DeliveryRating), Content: r.Content, CreatedAt: formatTime(r.CreatedAt),
		Reviewer: s.agentInfoByID(r.ReviewerID)}
}

func (s *Server) renderReviews(rs []reviewRecord) []reviewJSON {
	out := make([]reviewJSON, 0, len(rs))
	for _, r := range rs {
		out = append(out, s.renderReview(r))
	}
	return out
}

// reviewInput is the body of POST /api/marketplace/reviews.
type reviewInput struct {
	OrderID             string `json:"orderId"`
	Rating              *int   `json:"rating"`
	Content             string `json:"content"`
	QualityRating       *int   `json:"qualityRating"`
	CommunicationRating *int   `json:"communicationRating"`
	DeliveryRating      *int   `json:"deliveryRating"`
}

// createReviewHandler is POST /api/marketplace/reviews: the buyer of a
// completed order, once per order.
func (s *Server) createReviewHandler(rq *request) reply {
	var in reviewInput
	if err := rq.decode(&in); err != nil {
		return fail(err)
	}
	if strings.TrimSpace(in.OrderID) == "" {
		return fail(badInput("orderId is required"))
	}
	r, err := s.review(rq.viewer.ID, in, rq.now)
	if err != nil {
		return fail(err)
	}
	return created(map[string]any{"review": s.renderReview(r)})
}

// review validates and stores a review by reviewerID.
func (s *Server) review(reviewerID string, in reviewInput, now time.Time) (reviewRecord, error) {
	if in.Rating == nil {
		return reviewRecord{}, newError(http.StatusBadRequest, "invalid_rating", "rating is required (1 to 5)")
	}
	sub := [4]int{}
	for i, p := range []*int{in.Rating, in.QualityRating, in.CommunicationRating, in.DeliveryRating} {
		if p == nil {
			continue
		}
		if *p < 1 || *p > 5 {
			return reviewRecord{}, newError(http.StatusBadRequest, "invalid_rating", "ratings are 1 to 5")
		}
		sub[i] = *p
	}
	if err := checkRunes("content", in.Content, maxReviewRunes); err != nil {
		return reviewRecord{}, err
	}
	s.settleOrders(now)
	o, found := s.store.Order(in.OrderID)
	switch {
	case !found:
		return reviewRecord{}, notFound("Order")
	case o.BuyerID != reviewerID:
		return reviewRecord{}, forbidden("Only the buyer may review this order")
	case o.Status != orderCompleted:
		return reviewRecord{}, newError(http.StatusConflict, "invalid_status", "Only a completed order can be reviewed; this one is %s", o.Status)
	}
	r, err := s.store.CreateReview(reviewRecord{OrderID: o.ID, ServiceID: o.ServiceID, ReviewerID: reviewerID,
		SellerID: o.SellerID, Rating: sub[0], QualityRating: sub[1], CommunicationRating: sub[2],
		DeliveryRating: sub[3], Content: in.Content, CreatedAt: now})
	if err != nil {
		return r, newError(http.StatusConflict, "already_reviewed", "This order already has a review")
	}
	s.recordReview(o, r)
	return r, nil
}

// listReviewsHandler is GET /api/marketplace/reviews?serviceId=: newest
// first, cursor pages. serviceId is required; an unknown one is a 404.
func (s *Server) listReviewsHandler(rq *request) reply {
	q, err := rq.page(cursorReviews)
	if err != nil {
		return fail(err)
	}
	id := rq.r.URL.Query().Get("serviceId")
	if id == "" {
		return fail(badInput("serviceId is required"))
	}
	if _, found := s.store.Listing(id); !found {
		return fail(notFound("Service"))
	}
	rs, more := s.store.ListReviews(id, q)
	var last int64
	if len(rs) > 0 {
		last = rs[len(rs)-1].Seq
	}
	return ok(listBody("reviews", s.renderReviews(rs), cursorReviews, last, more))
}

// payoutJSON is a payout on the wire.
type payoutJSON struct {
	ID          string  `json:"id"`
	OrderID     string  `json:"orderId"`
	Amount      int     `json:"amount"`
	Fee         int     `json:"fee"`
	Currency    string  `json:"currency"`
	Status      string  `json:"status"`
	CreatedAt   string  `json:"createdAt"`
	RequestedAt *string `json:"requestedAt"`
	CompletedAt *string `json:"completedAt"`
}

func renderPayout(p payoutRecord) payoutJSON {
	return payoutJSON{ID: p.ID, OrderID: p.OrderID, Amount: p.Amount, Fee: p.Fee, Currency: "USD", Status: p.Status,
		CreatedAt: formatTime(p.CreatedAt), RequestedAt: optTime(p.RequestedAt), CompletedAt: optTime(p.CompletedAt)}
}

// settlePayouts completes the payouts processing for payoutProcessingDelay.
func (s *Server) settlePayouts(now time.Time) {
	due := func(p *payoutRecord) bool {
		return p.Status == payoutProcessing && !now.Before(p.RequestedAt.Add(payoutProcessingDelay))
	}
	for _, id := range s.store.PayoutIDs(due) {
		_, _ = s.store.UpdatePayout(id, func(x *payoutRecord) error {
			if !due(x) {
				return errConflict
			}
			x.Status, x.CompletedAt = payoutCompleted, x.RequestedAt.Add(payoutProcessingDelay)
			return nil
		})
	}
}

// listPayouts is GET /api/marketplace/payouts: the caller's payouts,
// newest first, filtered by status, with a summary of every payout's
// totals in cents (the filter does not change the summary).
func (s *Server) listPayouts(rq *request) reply {
	q, err := rq.page(cursorPayouts)
	if err != nil {
		return fail(err)
	}
	status := rq.r.URL.Query().Get("status")
	if status != "" {
		if err := oneOf("status", status, []string{payoutPending, payoutProcessing, payoutCompleted}); err != nil {
			return fail(err)
		}
	}
	s.settleOrders(rq.now)
	all := s.store.Payouts(rq.viewer.ID)
	sum := map[string]any{"currency": "USD"}
	var pending, processing, completed, fees int
	for _, p := range all {
		switch p.Status {
		case payoutPending:
			pending += p.Amount
		case payoutProcessing:
			processing += p.Amount
		case payoutCompleted:
			completed += p.Amount
		}
		fees += p.Fee
	}
	sum["totalPending"], sum["totalProcessing"], sum["totalCompleted"] = pending, processing, completed
	sum["totalEarnings"], sum["totalFees"], sum["count"] = pending+processing+completed, fees, len(all)
	var out []payoutJSON
	var last int64
	more := false
	for _, p := range all {
		if (q.Cursor > 0 && p.Seq >= q.Cursor) || (status != "" && p.Status != status) {
			continue
		}
		if len(out) == q.Limit {
			more = true
			break
		}
		out = append(out, renderPayout(p))
		last = p.Seq
	}
	if out == nil {
		out = []payoutJSON{}
	}
	body := listBody("payouts", out, cursorPayouts, last, more)
	body["summary"] = sum
	return ok(body)
}

// requestPayout is POST /api/marketplace/payouts {payoutId}: a PENDING
// payout of the caller turns PROCESSING, then COMPLETED
// payoutProcessingDelay later. It needs an enabled payment account.
func (s *Server) requestPayout(rq *request) reply {
	var in struct {
		PayoutID string `json:"payoutId"`
	}
	if err := rq.decode(&in); err != nil {
		return fail(err)
	}
	if in.PayoutID == "" {
		return fail(badInput("payoutId is required"))
	}
	if c, _ := s.store.Connect(rq.viewer.ID); !c.enabled(rq.now) {
		return fail(newError(http.StatusForbidden, "onboarding_required", "Complete payment account onboarding (POST /api/marketplace/connect) before requesting a payout"))
	}
	p, err := s.store.UpdatePayout(in.PayoutID, func(p *payoutRecord) error {
		switch {
		case p.AgentID != rq.viewer.ID:
			return notFound("Payout")
		case p.Status != payoutPending:
			return newError(http.StatusConflict, "invalid_status", "This payout is already %s", p.Status)
		}
		p.Status, p.RequestedAt = payoutProcessing, rq.now
		return nil
	})
	if err != nil {
		if err == errNotFound {
			return fail(notFound("Payout"))
		}
		return fail(err)
	}
	return ok(map[string]any{"payout": renderPayout(p)})
}

// connectBody is the payment account status.
func connectBody(c connectRecord, now time.Time) map[string]any {
	on := c.enabled(now)
	return map[string]any{
		"connected": c.AccountID != "", "accountId": nullable(c.AccountID),
		"chargesEnabled": on, "payoutsEnabled": on, "detailsSubmitted": on, "onboardingComplete": on,
		"preferCrypto": c.PreferCrypto, "cryptoWalletAddress": nullable(c.Wallet), "sandbox": true,
	}
}

// connectStatus is GET /api/marketplace/connect.
func (s *Server) connectStatus(rq *request) reply {
	c, _ := s.store.Connect(rq.viewer.ID)
	return ok(connectBody(c, rq.now))
}

// startConnect is POST /api/marketplace/connect: creates the account (or
// returns a new link to the existing one). The account is enabled
// connectEnableDelay after it was created, on the server clock.
// preferCrypto needs a cryptoWalletAddress, an 0x address of 40 hex digits.
func (s *Server) startConnect(rq *request) reply {
	var in struct {
		PreferCrypto        *bool   `json:"preferCrypto"`
		CryptoWalletAddress *string `json:"cryptoWalletAddress"`
	}
	if err := rq.decode(&in); err != nil {
		return fail(err)
	}
	c, _ := s.store.Connect(rq.viewer.ID)
	if in.CryptoWalletAddress != nil {
		w := strings.TrimSpace(*in.CryptoWalletAddress)
		if w != "" && !walletPattern.MatchString(w) {
			return fail(newError(http.StatusBadRequest, "invalid_wallet_address", "cryptoWalletAddress must be 0x followed by 40 hex digits"))
		}
		c.Wallet = w
	}
	if in.PreferCrypto != nil {
		c.PreferCrypto = *in.PreferCrypto
	}
	if c.PreferCrypto && c.Wallet == "" {
		return fail(newError(http.StatusBadRequest, "invalid_wallet_address", "preferCrypto needs a cryptoWalletAddress"))
	}
	if c.AccountID == "" {
		c.AgentID, c.AccountID = rq.viewer.ID, s.store.NewID("acct_sandbox_")
		c.StartedAt, c.EnabledAt = rq.now, rq.now.Add(connectEnableDelay)
	}
	s.store.PutConnect(c)
	body := connectBody(c, rq.now)
	body["onboardingUrl"] = "https://sandbox.invalid/connect/onboarding/" + c.AccountID
	return ok(body)
}
