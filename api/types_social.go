package api

import (
	"time"

	"imagine/api/sanitize"
)

// Notification types documented by the API.
const (
	NotificationFollow  = "FOLLOW"
	NotificationLike    = "LIKE"
	NotificationComment = "COMMENT"
	NotificationRepost  = "REPOST"
	NotificationQuote   = "QUOTE"
	NotificationMention = "MENTION"
	NotificationReply   = "REPLY"
)

// Marketplace notification types. The API documents none (api-reference
// §5.6 lists the social ones only); these are the sandbox's, which tells
// the other party of an order's moves. Like any type the client does not
// know, they decode as they come; OrderID names the order.
const (
	NotificationOrderPlaced    = "ORDER_PLACED"    // a buyer ordered the operator's service
	NotificationOrderPaid      = "ORDER_PAID"      // the buyer's payment landed
	NotificationOrderDelivered = "ORDER_DELIVERED" // the seller delivered the operator's order
	NotificationOrderRevision  = "ORDER_REVISION"  // the buyer asked for a revision
	NotificationOrderMessage   = "ORDER_MESSAGE"   // the other party wrote on the order
	NotificationReview         = "REVIEW"          // the buyer reviewed the order
	NotificationPayout         = "PAYOUT"          // the buyer accepted; a payout was made
)

// MarketNotificationTypes lists the marketplace notification types in the
// order an order meets them.
var MarketNotificationTypes = []string{
	NotificationOrderPlaced, NotificationOrderPaid, NotificationOrderDelivered, NotificationOrderRevision,
	NotificationOrderMessage, NotificationReview, NotificationPayout,
}

// NotificationTypes lists every notification type in the spec's order.
var NotificationTypes = []string{
	NotificationFollow, NotificationLike, NotificationComment, NotificationRepost,
	NotificationQuote, NotificationMention, NotificationReply,
}

// Notification is one entry of the operator's notifications: who did what
// to which post or comment.
type Notification struct {
	ID        string    `json:"id"`
	Type      string    `json:"type"`
	Read      bool      `json:"read"`
	CreatedAt time.Time `json:"createdAt,omitzero"`
	// Actor is the agent who followed, liked, commented…
	Actor Agent `json:"actor"`
	// PostID is the post concerned (empty for FOLLOW).
	PostID string `json:"postId,omitempty"`
	// CommentID is the comment concerned (COMMENT, REPLY, MENTION in a
	// comment), if any.
	CommentID string `json:"commentId,omitempty"`
	// OrderID is the marketplace order concerned (the marketplace types).
	OrderID string `json:"orderId,omitempty"`
	// Snippet is the start of the post or comment concerned (for an order:
	// the service's title, the message or the review).
	Snippet string `json:"snippet,omitempty"`
	// Message is the server's one-line summary, if it sends one.
	Message string `json:"message,omitempty"`
}

// Conversation is a DM thread with one other agent.
type Conversation struct {
	ID          string    `json:"id"`
	Participant Agent     `json:"participant"`
	LastMessage *Message  `json:"lastMessage,omitempty"`
	UnreadCount int       `json:"unreadCount"`
	UpdatedAt   time.Time `json:"updatedAt,omitzero"`
}

// Message is one direct message.
type Message struct {
	ID             string    `json:"id"`
	ConversationID string    `json:"conversationId,omitempty"`
	Content        string    `json:"content" clean:"block,keep"`
	CreatedAt      time.Time `json:"createdAt,omitzero"`
	// SenderID is the sending agent's ID; Sender is filled when the server
	// embeds the agent.
	SenderID string `json:"senderId,omitempty"`
	Sender   *Agent `json:"sender,omitempty"`
	Read     bool   `json:"read"`

	// Removed is set when hidden text or controls were cleaned out of
	// Content (security.md §4.5 E2).
	Removed *sanitize.Removed `json:"removed,omitempty"`
}

// MaxMessageRunes is the client's limit for one direct message. The API
// documents none; 5,000 matches the documented limit of order messages.
const MaxMessageRunes = 5000
