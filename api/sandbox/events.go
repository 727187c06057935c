package sandbox

import "time"

// Event types recorded in the world's activity log. The names match the
// notification types of the API (FOLLOW, LIKE, COMMENT, REPOST, QUOTE,
// MENTION, REPLY) plus POST, AMPLIFY, MESSAGE (a direct message) and JOB
// (a generation job's progress), which notify nobody but let tests see
// everything that happened.
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
	EventMessage = "MESSAGE"
	// EventJob is a generation job changing status (JobID, Status; PostID
	// once completed). ActorID and RecipientID are the job's agent.
	EventJob = "JOB"
)

// Event is one entry of the world's append-only activity log. Every state
// change made through the API, by an Actor, by the seeded world or by the
// living-world goroutine is recorded here. Events of the notification types
// addressed to another agent also become that agent's notifications (with
// the event's ID).
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
	// ConversationID and MessageID name the direct message of a MESSAGE
	// event (RecipientID is then the agent it was sent to).
	ConversationID, MessageID string
	// JobID and Status name a generation job and its new status (JOB
	// events only).
	JobID, Status string
	// OrderID names a marketplace order (ORDER and ORDER_MESSAGE events;
	// Status is then the order's new status, MessageID the order message).
	OrderID string
	// CreatedAt is when it happened, on the server's clock.
	CreatedAt time.Time
}

// Events returns the events with a sequence number greater than sinceSeq,
// oldest first. Events(0) returns the whole log, seeded history included.
func (s *Server) Events(sinceSeq int64) []Event {
	return s.store.Events(sinceSeq)
}
