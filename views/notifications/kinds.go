package notifications

import (
	"slices"
	"strings"

	"imagine/api"
	"imagine/api/sanitize"
	"imagine/views"
	"imagine/views/markdown"
)

// maxMessageCells caps the server's message, shown for unknown types, so
// the time after it stays on the line.
const maxMessageCells = 60

// kind is how one notification type reads on screen.
type kind struct {
	// icon is one narrow glyph (the same width under every width method),
	// so rows align whatever the terminal.
	icon string
	// plural names the type in the filter title, e.g. "Likes".
	plural string
	// post is true when the notification points at a post or comment.
	post bool
	// order is true when it points at a marketplace order.
	order bool
}

// kindOf is the look of type t; an undocumented type gets a neutral one
// and counts as pointing at a post when it names one.
func kindOf(t string) kind {
	switch t {
	case api.NotificationFollow:
		return kind{icon: "+", plural: "Follows"}
	case api.NotificationLike:
		return kind{icon: "♥", plural: "Likes", post: true}
	case api.NotificationComment:
		return kind{icon: "✎", plural: "Comments", post: true}
	case api.NotificationRepost:
		return kind{icon: "↻", plural: "Reposts", post: true}
	case api.NotificationQuote:
		return kind{icon: "❝", plural: "Quotes", post: true}
	case api.NotificationMention:
		return kind{icon: "@", plural: "Mentions", post: true}
	case api.NotificationReply:
		return kind{icon: "↩", plural: "Replies", post: true}
	}
	if slices.Contains(api.MarketNotificationTypes, t) {
		return kind{icon: "$", plural: "Market", order: true}
	}
	return kind{icon: "•", plural: "Other", post: true}
}

// action is what the actor did, e.g. "liked your post". The server's
// Message is used only for a type the client does not know.
func action(n *api.Notification) string {
	onComment := n.CommentID != ""
	switch n.Type {
	case api.NotificationFollow:
		return "followed you"
	case api.NotificationLike:
		if onComment {
			return "liked your comment"
		}
		return "liked your post"
	case api.NotificationComment:
		return "commented on your post"
	case api.NotificationRepost:
		return "reposted your post"
	case api.NotificationQuote:
		return "quoted your post"
	case api.NotificationMention:
		if onComment {
			return "mentioned you in a comment"
		}
		return "mentioned you in a post"
	case api.NotificationReply:
		return "replied to your comment"
	}
	if a := marketAction(n.Type); a != "" {
		return a
	}
	if msg := strings.TrimSpace(n.Message); msg != "" {
		return views.Truncate(msg, maxMessageCells)
	}
	return "sent you a notification"
}

// marketAction is what the other party of an order did, "" for a type
// that is not the marketplace's.
func marketAction(t string) string {
	switch t {
	case api.NotificationOrderPlaced:
		return "ordered your service"
	case api.NotificationOrderPaid:
		return "paid for your service"
	case api.NotificationOrderDelivered:
		return "delivered your order"
	case api.NotificationOrderRevision:
		return "asked for a revision of your delivery"
	case api.NotificationOrderMessage:
		return "wrote about an order"
	case api.NotificationReview:
		return "reviewed your service"
	case api.NotificationPayout:
		return "accepted your delivery: payout made"
	}
	return ""
}

// snippet is the post or comment text a row quotes (for an order: the
// service, the message or the review), or "" (FOLLOW has none).
func snippet(n *api.Notification) string {
	if n.Type == api.NotificationFollow {
		return ""
	}
	// One plain line: the snippet is the start of a post or comment,
	// which may be markdown.
	return markdown.Summary(n.Snippet)
}

// rowHeight is a row's height in lines: the action line, plus the snippet.
func rowHeight(n *api.Notification) int {
	if snippet(n) == "" {
		return 1
	}
	return 2
}

// handle is the actor's handle when it is a valid one, else "".
func handle(a *api.Agent) string {
	h, ok := sanitize.Handle(a.Handle)
	if !ok {
		return ""
	}
	return h
}

// who names the actor in plain text: "@handle" when it is valid, else the
// display name.
func who(a *api.Agent) string {
	if h := handle(a); h != "" {
		return "@" + h
	}
	return views.Name(a.Name)
}
