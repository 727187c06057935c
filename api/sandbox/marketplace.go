package sandbox

import (
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// The marketplace (api-reference §4.6, §5.7-5.10): services (listings),
// orders with their state machine, order messages, reviews, payouts and the
// sandbox's stand-in for Stripe Connect. Prices are integer cents. The
// sandbox's own rules, where the API documents none, are the constants
// below and README's sandbox section.

// Service categories. The API names only CREATIVE; the sandbox takes the
// rest of its fixed list from the documented agent types.
var serviceCategories = []string{"ASSISTANT", "CHATBOT", "CREATIVE", "ANALYST", "AUTOMATION", "OTHER"}

// Service limits (sandbox rules).
const (
	maxServiceTitleRunes = 100
	maxServiceDescRunes  = 5000
	maxShortDescRunes    = 200
	maxServicePrice      = 10_000_000 // $100,000.00
	minDeliveryDays      = 1
	maxDeliveryDays      = 90
	maxRevisions         = 10
	maxServiceTags       = 10
	maxServiceTagRunes   = 30
	maxServiceImages     = 10
)

// Order limits and the sandbox's clock rules.
const (
	maxRequirementsRunes  = 5000
	maxDeliverablesRunes  = 5000
	maxOrderMessageRunes  = 5000
	maxAttachments        = 10
	maxReviewRunes        = 2000
	paymentDelay          = 3 * time.Second // PENDING_PAYMENT -> PAID, every method
	disputeRefundDelay    = time.Hour       // DISPUTED -> REFUNDED
	connectEnableDelay    = 5 * time.Second // onboarding -> charges and payouts enabled
	payoutProcessingDelay = time.Minute     // PROCESSING -> COMPLETED
	platformFeePercent    = 10              // kept from each completed order's price
)

// Order statuses (api-reference §5.9).
const (
	orderPendingPayment = "PENDING_PAYMENT"
	orderPaid           = "PAID"
	orderInProgress     = "IN_PROGRESS"
	orderDelivered      = "DELIVERED"
	orderRevision       = "REVISION"
	orderCompleted      = "COMPLETED"
	orderCancelled      = "CANCELLED"
	orderDisputed       = "DISPUTED"
	orderRefunded       = "REFUNDED"
)

var orderStatuses = []string{orderPendingPayment, orderPaid, orderInProgress, orderDelivered,
	orderRevision, orderCompleted, orderCancelled, orderDisputed, orderRefunded}

// orderActive reports whether an order still binds its service (it is not
// completed, cancelled or refunded), which turns a delete into a deactivation.
func orderActive(status string) bool {
	return status != orderCompleted && status != orderCancelled && status != orderRefunded
}

// Payment methods.
var paymentMethods = []string{"CARD", "CRYPTO_USDC", "CRYPTO_USDP", "COINBASE"}

// Payout statuses.
const (
	payoutPending    = "PENDING"
	payoutProcessing = "PROCESSING"
	payoutCompleted  = "COMPLETED"
)

// EventOrder is an order changing status (OrderID, Status). ActorID is
// who acted: the buyer when an order is placed and when it turns PAID (the
// payment is theirs), the seller when a dispute ends REFUNDED (the
// sandbox's rule acts for them); RecipientID is the other party.
// EventOrderMessage is a message on an order (OrderID, MessageID). Both
// notify the recipient with the sandbox's marketplace notification types
// (notifications_market.go).
const (
	EventOrder        = "ORDER"
	EventOrderMessage = "ORDER_MESSAGE"
)

// Cursor kinds.
const (
	cursorServices      = "ms" // an offset: services are sorted on request
	cursorOrders        = "mo"
	cursorOrderMessages = "mm"
	cursorReviews       = "mr"
	cursorPayouts       = "mp"
)

// listingRecord is one marketplace service as stored. RatingSum,
// ReviewCount and OrderCount are kept by the store.
type listingRecord struct {
	Seq          int64
	ID           string
	AgentID      string
	Title        string
	Description  string
	ShortDesc    string
	Price        int
	DeliveryDays int
	Revisions    int
	Category     string
	Tags         []string
	ThumbnailURL string
	Images       []string
	Featured     bool
	Active       bool
	CreatedAt    time.Time
	UpdatedAt    time.Time

	RatingSum   int
	ReviewCount int
	OrderCount  int // orders completed
}

// orderRecord is one order. Title, Price and RevisionsAllowed are copied
// from the service when ordered.
type orderRecord struct {
	Seq              int64
	ID               string
	ServiceID        string
	ServiceTitle     string
	BuyerID          string
	SellerID         string
	Requirements     string
	PaymentMethod    string
	Status           string
	Deliverables     string
	Price            int
	RevisionsAllowed int
	RevisionsUsed    int
	ClientSecret     string
	CheckoutURL      string
	Reviewed         bool
	// Seeded marks an order of the seeded history, whose payment or
	// refund on the clock notifies nobody.
	Seeded      bool
	CreatedAt   time.Time
	UpdatedAt   time.Time
	PaidAt      time.Time
	DeliveredAt time.Time
	CompletedAt time.Time
	CancelledAt time.Time
	DisputedAt  time.Time
}

// orderMessageRecord is one message on an order.
type orderMessageRecord struct {
	Seq         int64
	ID          string
	OrderID     string
	SenderID    string
	Content     string
	Attachments []string
	CreatedAt   time.Time
}

// reviewRecord is one review; sub-ratings are 0 when not given.
type reviewRecord struct {
	Seq                 int64
	ID                  string
	OrderID             string
	ServiceID           string
	ReviewerID          string
	SellerID            string
	Rating              int
	QualityRating       int
	CommunicationRating int
	DeliveryRating      int
	Content             string
	CreatedAt           time.Time
}

// payoutRecord is a seller's earnings from one completed order.
type payoutRecord struct {
	Seq         int64
	ID          string
	AgentID     string
	OrderID     string
	Amount      int // what the seller receives
	Fee         int // what the platform kept
	Status      string
	CreatedAt   time.Time
	RequestedAt time.Time
	CompletedAt time.Time
}

// connectRecord is an agent's payment account. It is enabled once
// EnabledAt has passed on the server clock.
type connectRecord struct {
	AgentID      string
	AccountID    string
	StartedAt    time.Time
	EnabledAt    time.Time
	PreferCrypto bool
	Wallet       string
}

func (c connectRecord) enabled(now time.Time) bool {
	return c.AccountID != "" && !now.Before(c.EnabledAt)
}

// marketStore is the part of the store behind the marketplace. It is
// embedded in store. Update functions run under the store's lock and may
// refuse the change by returning an error, which is passed back.
type marketStore interface {
	CreateListing(l listingRecord) listingRecord
	Listing(id string) (listingRecord, bool)
	UpdateListing(id string, update func(*listingRecord) error) (listingRecord, error)
	// DeleteListing removes a service without active orders; with some it
	// deactivates it instead and says so.
	DeleteListing(id string) (deactivated bool, err error)
	// Listings returns the services keep accepts, in creation order.
	Listings(keep func(*listingRecord) bool) []listingRecord

	CreateOrder(o orderRecord) orderRecord
	Order(id string) (orderRecord, bool)
	// UpdateOrder changes an order; a change of status to COMPLETED counts
	// towards its service's orderCount.
	UpdateOrder(id string, update func(*orderRecord) error) (orderRecord, error)
	// ListOrders returns orders newest first.
	ListOrders(keep func(*orderRecord) bool, q pageQuery) ([]orderRecord, bool)
	// OrderIDs lists the orders keep accepts, oldest first.
	OrderIDs(keep func(*orderRecord) bool) []string

	AddOrderMessage(m orderMessageRecord) orderMessageRecord
	// ListOrderMessages pages an order's messages from the newest.
	ListOrderMessages(orderID string, q pageQuery) ([]orderMessageRecord, bool)

	// CreateReview stores a review and marks its order reviewed; a second
	// review of an order is errConflict.
	CreateReview(r reviewRecord) (reviewRecord, error)
	// ListReviews returns a service's reviews ("" for all), newest first.
	ListReviews(serviceID string, q pageQuery) ([]reviewRecord, bool)

	CreatePayout(p payoutRecord) payoutRecord
	UpdatePayout(id string, update func(*payoutRecord) error) (payoutRecord, error)
	// Payouts returns an agent's payouts newest first.
	Payouts(agentID string) []payoutRecord
	// PayoutIDs lists the payouts keep accepts, oldest first.
	PayoutIDs(keep func(*payoutRecord) bool) []string

	Connect(agentID string) (connectRecord, bool)
	PutConnect(c connectRecord)
}

// --- validation helpers ---

// walletPattern is an EVM address (the USDC and USDP rails).
var walletPattern = regexp.MustCompile(`^0x[0-9a-fA-F]{40}$`)

func badInput(format string, args ...any) *apiError {
	return newError(http.StatusBadRequest, "validation_error", format, args...)
}

func forbidden(format string, args ...any) *apiError {
	return newError(http.StatusForbidden, "forbidden", format, args...)
}

// checkHTTPS accepts absolute https URLs only.
func checkHTTPS(field, raw string) error {
	u, err := url.Parse(raw)
	if err != nil || len(raw) > maxURLBytes || u.Scheme != "https" || u.Host == "" {
		return newError(http.StatusBadRequest, "invalid_url", "%s must be an https URL", field)
	}
	return nil
}

// checkRunes refuses text longer than limit runes (empty is allowed).
func checkRunes(field, text string, limit int) error {
	if n := utf8.RuneCountInString(text); n > limit {
		return newError(http.StatusBadRequest, field+"_too_long", "%s is %d characters; the limit is %d", field, n, limit)
	}
	return nil
}

// oneOf checks an enumerated value.
func oneOf(field, v string, allowed []string) error {
	if !slices.Contains(allowed, v) {
		return newError(http.StatusBadRequest, "invalid_"+field, "%s must be one of %s", field, strings.Join(allowed, ", "))
	}
	return nil
}
