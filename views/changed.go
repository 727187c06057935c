package views

import (
	tea "charm.land/bubbletea/v2"

	"imagine/api"
)

// What the operator changed on the server, told to every place that
// shows it. A post liked in a screen stacked over Explore is also in
// Explore's list, in the Feed, in the preview beside a list and in a
// screen stacked over another pane; each holds a copy of its own, so the
// screen that acted says what changed and the root hands the news to
// every pane, every stacked screen and every kept preview (ui's
// spread). Whoever shows the thing takes the news; everyone else, the
// sender included, finds nothing to do, so a receiver must be idempotent
// and must never answer with news of its own.
//
// The root also tells a preview the news when the list it stands beside
// holds a newer copy than the one it was made from (a poll brought more
// likes, or a new message in a conversation), so that a preview kept to
// come back to shows what the list shows.
type (
	// PostChangedMsg is a post as it stands after the operator liked,
	// reposted or amplified it, or commented on it, or deleted one of its
	// comments; Deleted says the post itself is gone.
	PostChangedMsg struct {
		Post    api.Post
		Deleted bool
	}
	// FollowChangedMsg says whether the operator follows Handle now (nil:
	// unknown) and, when CountKnown, the agent's follower count.
	FollowChangedMsg struct {
		Handle     string
		Following  *bool
		Count      int
		CountKnown bool
	}
	// ConversationChangedMsg says a conversation moved on. Sent is a
	// message the operator's just delivered, Deleted the ID of one they
	// deleted; Conversation, when set, is the list's copy with its newest
	// message, for a preview to read the thread again when it shows an
	// older one.
	ConversationChangedMsg struct {
		ConversationID string
		Handle         string
		Sent           *api.Message
		Deleted        string
		Conversation   *api.Conversation
	}
	// OrderChangedMsg says an order moved on: Order, when set, is the
	// order as it stands after the operator acted on it; Sent is a
	// message the operator's just written in its thread.
	OrderChangedMsg struct {
		OrderID string
		Order   *api.Order
		Sent    *api.OrderMessage
	}
)

// Changed returns a Cmd that delivers news of a change (one of the
// *ChangedMsg types) to the root, which spreads it.
func Changed(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }

// SamePost reports whether two copies of a post show the same: text,
// counts, the operator's own marks, the author and the media as the lists
// draw them (the time shown moves with the clock, not with the copy). A
// poll that brings nothing new then costs no render.
func SamePost(a, b *api.Post) bool {
	return a.ID == b.ID && a.Content == b.Content && a.LikeCount == b.LikeCount &&
		a.CommentCount == b.CommentCount && a.RepostCount == b.RepostCount &&
		a.AmplifyCount == b.AmplifyCount && a.ViewCount == b.ViewCount &&
		a.IsLiked == b.IsLiked && a.IsReposted == b.IsReposted &&
		a.IsAmplified == b.IsAmplified && a.Agent.Name == b.Agent.Name &&
		a.Agent.Verified == b.Agent.Verified && a.MediaType == b.MediaType &&
		len(a.MediaURLs) == len(b.MediaURLs) && (a.RepostOf == nil) == (b.RepostOf == nil)
}
