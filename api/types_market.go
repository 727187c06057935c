package api

import (
	"time"

	"imagine/api/sanitize"
)

// Marketplace types (api-reference.md §5.7-5.10). The API documents only a
// few fields of each; decode_market.go reads the variants a server may use
// and leaves zero values where it says nothing. Money is always an int
// number of cents (500 = $5.00); formatting is left to the views.

// OrderStatus is where an order is in its workflow (api-reference.md §5.9).
type OrderStatus string

// Order statuses.
const (
	OrderPendingPayment OrderStatus = "PENDING_PAYMENT"
	OrderPaid           OrderStatus = "PAID"
	OrderInProgress     OrderStatus = "IN_PROGRESS"
	OrderDelivered      OrderStatus = "DELIVERED"
	OrderRevision       OrderStatus = "REVISION"
	OrderCompleted      OrderStatus = "COMPLETED"
	OrderCancelled      OrderStatus = "CANCELLED"
	OrderDisputed       OrderStatus = "DISPUTED"
	OrderRefunded       OrderStatus = "REFUNDED"
)

// OrderStatuses lists every status in the order the API documents them.
var OrderStatuses = []OrderStatus{
	OrderPendingPayment, OrderPaid, OrderInProgress, OrderDelivered, OrderRevision,
	OrderCompleted, OrderCancelled, OrderDisputed, OrderRefunded,
}

// Final reports whether no action can move an order in this status any more.
func (s OrderStatus) Final() bool {
	switch s {
	case OrderCompleted, OrderCancelled, OrderRefunded:
		return true
	}
	return false
}

// OrderAction is what PATCH /api/marketplace/orders/{id} asks for.
type OrderAction string

// Order actions: the seller starts and delivers, the buyer accepts or asks
// for a revision, either may dispute or cancel.
const (
	ActionStart           OrderAction = "start"
	ActionDeliver         OrderAction = "deliver"
	ActionAccept          OrderAction = "accept"
	ActionRequestRevision OrderAction = "request_revision"
	ActionDispute         OrderAction = "dispute"
	ActionCancel          OrderAction = "cancel"
)

// OrderActions lists every action in the order the API documents them.
var OrderActions = []OrderAction{ActionStart, ActionDeliver, ActionAccept, ActionRequestRevision, ActionDispute, ActionCancel}

// Payment methods accepted when ordering.
const (
	PaymentCard       = "CARD"
	PaymentCryptoUSDC = "CRYPTO_USDC"
	PaymentCryptoUSDP = "CRYPTO_USDP"
	PaymentCoinbase   = "COINBASE"
)

// PaymentMethods lists the payment methods in the spec's order.
var PaymentMethods = []string{PaymentCard, PaymentCryptoUSDC, PaymentCryptoUSDP, PaymentCoinbase}

// Payout statuses.
const (
	PayoutPending    = "PENDING"
	PayoutProcessing = "PROCESSING"
	PayoutCompleted  = "COMPLETED"
)

// PayoutStatuses lists the payout statuses in the spec's order.
var PayoutStatuses = []string{PayoutPending, PayoutProcessing, PayoutCompleted}

// Order roles for Orders.
const (
	RoleAll    = "all"
	RoleBuyer  = "buyer"
	RoleSeller = "seller"
)

// Sort keys and orders of the services list.
const (
	SortCreatedAt  = "createdAt"
	SortPrice      = "price"
	SortAvgRating  = "avgRating"
	SortOrderCount = "orderCount"
	SortAsc        = "asc"
	SortDesc       = "desc"
)

// ServiceSortKeys lists the documented sortBy values.
var ServiceSortKeys = []string{SortCreatedAt, SortPrice, SortAvgRating, SortOrderCount}

// Marketplace limits. MaxOrderMessageRunes and the 1–5 ratings are the
// API's; the others are the client's own bounds, which the API does not
// document, chosen generously so that only nonsense is refused.
const (
	MaxOrderMessageRunes    = 5000
	MaxMessageAttachments   = 10
	MinRating               = 1
	MaxRating               = 5
	MaxServiceTitleRunes    = 200
	MaxServiceDescRunes     = 10000
	MaxServiceShortRunes    = 300
	MaxServiceTags          = 20
	MaxServiceTagRunes      = 50
	MaxServiceImages        = 10
	MaxServicePrice         = 100_000_000 // cents: $1,000,000
	MaxDeliveryDays         = 365
	MaxServiceRevisions     = 100
	MaxRequirementsRunes    = 5000
	MaxDeliverablesRunes    = 10000
	MaxReviewRunes          = 5000
	MaxServiceSearchRunes   = 200
	MaxServiceCategoryRunes = 64
)

// SellerStats is what the service detail says about the seller; zero
// values where the server says nothing.
type SellerStats struct {
	CompletedOrders int     `json:"completedOrders"`
	AvgRating       float64 `json:"avgRating"`
	ReviewCount     int     `json:"reviewCount"`
	ServiceCount    int     `json:"serviceCount"`
	ResponseTime    string  `json:"responseTime"`
}

// MarketService is a listing on the marketplace. Reviews and SellerStats are
// filled by Service (the detail), not by the list.
type MarketService struct {
	ID           string    `json:"id"`
	Title        string    `json:"title" clean:"line,keep"`
	Description  string    `json:"description,omitempty" clean:"block,keep"`
	ShortDesc    string    `json:"shortDesc,omitempty"`
	Price        int       `json:"price,omitempty"` // cents
	DeliveryDays int       `json:"deliveryDays,omitempty"`
	Revisions    int       `json:"revisions,omitempty"`
	Category     string    `json:"category,omitempty"`
	Tags         []string  `json:"tags,omitempty"`
	ThumbnailURL string    `json:"thumbnailUrl,omitempty"`
	Images       []string  `json:"images,omitempty"`
	AvgRating    float64   `json:"avgRating,omitempty"`
	ReviewCount  int       `json:"reviewCount,omitempty"`
	OrderCount   int       `json:"orderCount,omitempty"`
	Featured     bool      `json:"featured"`
	IsActive     bool      `json:"isActive"`
	CreatedAt    time.Time `json:"createdAt,omitzero"`
	UpdatedAt    time.Time `json:"updatedAt,omitzero"`
	// Seller is the agent offering the service (agent, seller or provider
	// on the wire; only an ID when the server sends agentId).
	Seller      Agent        `json:"agent"`
	SellerStats *SellerStats `json:"sellerStats,omitempty"`
	// Reviews are the latest reviews the detail carries; MoreReviews says
	// the server has more (read them with Reviews).
	Reviews     []Review `json:"reviews,omitempty"`
	MoreReviews bool     `json:"moreReviews,omitempty"`

	// Removed is set when hidden text or controls were cleaned out of
	// Title or Description (security.md §4.5 E2).
	Removed *sanitize.Removed `json:"removed,omitempty"`
}

// Order is a purchase of a service. Buyer and Seller may hold only an ID
// when the server sends buyerId/sellerId. Service is the service as the
// order embeds it (often only its ID and title), nil when the order names
// it by ID only; ServiceID is set either way.
type Order struct {
	ID            string         `json:"id"`
	ServiceID     string         `json:"serviceId"`
	Service       *MarketService `json:"service,omitempty"`
	Buyer         Agent          `json:"buyer"`
	Seller        Agent          `json:"seller"`
	Status        OrderStatus    `json:"status" clean:"line"`
	Requirements  string         `json:"requirements,omitempty" clean:"block,keep"`
	Deliverables  string         `json:"deliverables,omitempty" clean:"block,keep"`
	Price         int            `json:"price"` // cents
	PaymentMethod string         `json:"paymentMethod,omitempty"`
	DeliveryDays  int            `json:"deliveryDays,omitempty"`
	// DueAt is nil when the server gives no due date.
	DueAt *time.Time `json:"dueAt,omitempty"`
	// RevisionsUsed and Revisions (allowed) are 0 when not given.
	RevisionsUsed int       `json:"revisionsUsed,omitempty"`
	Revisions     int       `json:"revisions,omitempty"`
	CreatedAt     time.Time `json:"createdAt,omitzero"`
	UpdatedAt     time.Time `json:"updatedAt,omitzero"`

	// Removed is set when hidden text or controls were cleaned out of
	// Requirements or Deliverables (security.md §4.5 E2).
	Removed *sanitize.Removed `json:"removed,omitempty"`
}

// Payment is what order creation returns to pay with: a Stripe client
// secret for cards and USDC/USDP, or a Coinbase checkout page. The client
// secret is a Secret (it never prints); the checkout URL is kept only when
// it is https.
type Payment struct {
	ClientSecret Secret `json:"clientSecret,omitempty"`
	CheckoutURL  string `json:"checkoutUrl,omitempty"`
}

// OrderCreated is the answer to CreateOrder.
type OrderCreated struct {
	Order   Order   `json:"order"`
	Payment Payment `json:"payment"`
}

// OrderMessage is one message in an order's thread.
type OrderMessage struct {
	ID          string    `json:"id"`
	OrderID     string    `json:"orderId"`
	Sender      Agent     `json:"sender"`
	Content     string    `json:"content" clean:"block,keep"`
	Attachments []string  `json:"attachments"`
	CreatedAt   time.Time `json:"createdAt,omitzero"`

	// Removed is set when hidden text or controls were cleaned out of
	// Content (security.md §4.5 E2).
	Removed *sanitize.Removed `json:"removed,omitempty"`
}

// Review is a buyer's review of a completed order. The sub-ratings are nil
// when not given.
type Review struct {
	ID                  string    `json:"id"`
	OrderID             string    `json:"orderId"`
	ServiceID           string    `json:"serviceId"`
	Reviewer            Agent     `json:"reviewer"`
	Rating              int       `json:"rating"`
	QualityRating       *int      `json:"qualityRating,omitempty"`
	CommunicationRating *int      `json:"communicationRating,omitempty"`
	DeliveryRating      *int      `json:"deliveryRating,omitempty"`
	Content             string    `json:"content" clean:"block,keep"`
	CreatedAt           time.Time `json:"createdAt,omitzero"`

	// Removed is set when hidden text or controls were cleaned out of
	// Content (security.md §4.5 E2).
	Removed *sanitize.Removed `json:"removed,omitempty"`
}

// Payout is money owed to the seller for an order.
type Payout struct {
	ID          string     `json:"id"`
	OrderID     string     `json:"orderId"`
	Amount      int        `json:"amount"`        // cents, what the seller receives
	Fee         int        `json:"fee,omitempty"` // cents the platform kept; 0 when not given
	Currency    string     `json:"currency,omitempty"`
	Status      string     `json:"status"`
	CreatedAt   time.Time  `json:"createdAt,omitzero"`
	CompletedAt *time.Time `json:"completedAt,omitempty"`
}

// PayoutSummary holds the totals of the payouts list, in cents; 0 when the
// server does not give one.
type PayoutSummary struct {
	Total      int `json:"total"`
	Pending    int `json:"pending"`
	Processing int `json:"processing"`
	Completed  int `json:"completed"`
	Fees       int `json:"fees"`
}

// PayoutPage is a page of payouts with the account's totals.
type PayoutPage struct {
	Page[Payout]
	Summary PayoutSummary
}

// ConnectStatus is the seller's payment account (Stripe Connect). The
// onboarding URL is kept only when it is https.
type ConnectStatus struct {
	Connected           bool   `json:"connected"`
	ChargesEnabled      bool   `json:"chargesEnabled"`
	PayoutsEnabled      bool   `json:"payoutsEnabled"`
	DetailsSubmitted    bool   `json:"detailsSubmitted"`
	OnboardingURL       string `json:"onboardingUrl,omitempty"`
	PreferCrypto        bool   `json:"preferCrypto"`
	CryptoWalletAddress string `json:"cryptoWalletAddress,omitempty"`
}

// ServiceRequest creates a listing. Title, Description, Price (> 0 cents),
// DeliveryDays (≥ 1) and Category (CREATIVE…) are required.
type ServiceRequest struct {
	Title        string   `json:"title"`
	Description  string   `json:"description"`
	ShortDesc    string   `json:"shortDesc,omitempty"`
	Price        int      `json:"price"`
	DeliveryDays int      `json:"deliveryDays"`
	Revisions    int      `json:"revisions"`
	Category     string   `json:"category"`
	Tags         []string `json:"tags,omitempty"`
	ThumbnailURL string   `json:"thumbnailUrl,omitempty"`
	Images       []string `json:"images,omitempty"`
}

// ServiceUpdate changes a listing: only the fields set are sent.
type ServiceUpdate struct {
	Title        *string   `json:"title,omitempty"`
	Description  *string   `json:"description,omitempty"`
	ShortDesc    *string   `json:"shortDesc,omitempty"`
	Price        *int      `json:"price,omitempty"`
	DeliveryDays *int      `json:"deliveryDays,omitempty"`
	Revisions    *int      `json:"revisions,omitempty"`
	Category     *string   `json:"category,omitempty"`
	Tags         *[]string `json:"tags,omitempty"`
	ThumbnailURL *string   `json:"thumbnailUrl,omitempty"`
	Images       *[]string `json:"images,omitempty"`
	// IsActive pauses or reactivates the listing. It is not one of the
	// documented create fields; a server may ignore it.
	IsActive *bool `json:"isActive,omitempty"`
}

// ServiceListOptions filters and sorts the services list. Zero values are
// not sent; MinPrice and MaxPrice are cents.
type ServiceListOptions struct {
	ListOptions
	Category  string
	Search    string
	Featured  *bool
	MinPrice  int
	MaxPrice  int
	SortBy    string // one of ServiceSortKeys
	SortOrder string // SortAsc or SortDesc
}

// OrderListOptions filters the orders list. Role is RoleAll (the default),
// RoleBuyer or RoleSeller.
type OrderListOptions struct {
	Role   string
	Status OrderStatus
	Cursor string
	Limit  int
}

// ReviewRequest reviews a completed order (buyer only, one per order).
// Rating is 1–5; the sub-ratings are 1–5 or 0 for not given.
type ReviewRequest struct {
	OrderID             string `json:"orderId"`
	Rating              int    `json:"rating"`
	Content             string `json:"content"`
	QualityRating       int    `json:"qualityRating,omitempty"`
	CommunicationRating int    `json:"communicationRating,omitempty"`
	DeliveryRating      int    `json:"deliveryRating,omitempty"`
}
