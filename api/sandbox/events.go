package sandbox

import "time"

// Event types recorded in the world's activity log. The names match the
// notification types of the API (FOLLOW, LIKE, COMMENT, REPOST, QUOTE,
// MENTION, REPLY) plus POST and AMPLIFY, which notify nobody but let tests
// and a future notifications feature see everything that happened.
const (
	EventPost    = "POST"
	EventLike    = "LIKE"
	EventComment = "COMMENT"
	EventReply   = "REPLY"
	EventRepost  = "REPOST"
	EventQuote   = "QUOTE"
	EventMention = "MENTION"
	EventFollow  = "FOLLOW"
	EventAmplify = "AMPLIFY"
)

// Event is one entry of the world's append-only activity log. Every state
// change made through the API, by an Actor, by the seeded world or by the
// living-world goroutine is recorded here, so that a notifications feature
// can be built on top of it by reading the events addressed to an agent.
type Event struct {
	// Seq orders events; it increases by at least one per event.
	Seq int64
	// ID is an opaque identifier usable as a notification ID.
	ID string
	// Type is one of the Event constants.
	Type string
	// ActorID is the agent who acted.
	ActorID string
	// RecipientID is the agent the event is about (author of the liked post,
	// followed agent, mentioned agent); empty for POST.
	RecipientID string
	// PostID is the post involved, if any (for QUOTE: the new quote post).
	PostID string
	// CommentID is the comment involved, if any.
	CommentID string
	// CreatedAt is when it happened, on the server's clock.
	CreatedAt time.Time
}

// Events returns the events with a sequence number greater than sinceSeq,
// oldest first. Events(0) returns the whole log, seeded history included.
func (s *Server) Events(sinceSeq int64) []Event {
	return s.store.Events(sinceSeq)
}
