package sandbox

import "time"

// notificationRecord is one notification: an event addressed to Recipient.
// Its ID and Seq are those of the event that caused it.
type notificationRecord struct {
	Seq         int64
	ID          string
	Type        string
	RecipientID string
	ActorID     string
	PostID      string
	CommentID   string
	// OrderID is the marketplace order of a marketplace notification.
	OrderID string
	// Snippet is the start of the post or comment concerned, taken when the
	// event happened (so it survives the deletion of its source).
	Snippet   string
	Read      bool
	CreatedAt time.Time
}

// notificationQuery selects an agent's notifications, newest first. Type
// and UnreadOnly are optional filters.
type notificationQuery struct {
	Type       string
	UnreadOnly bool
	Page       pageQuery
}

// conversationRecord is a direct-message thread between two agents.
// ActivitySeq and UpdatedAt follow the newest message ever sent in it, so
// lists ordered by activity can use ActivitySeq as a stable cursor.
type conversationRecord struct {
	Seq          int64
	ID           string
	Participants [2]string
	CreatedAt    time.Time
	ActivitySeq  int64
	UpdatedAt    time.Time
}

// other returns the participant that is not agentID.
func (c conversationRecord) other(agentID string) string {
	if c.Participants[0] == agentID {
		return c.Participants[1]
	}
	return c.Participants[0]
}

// has tells whether agentID takes part in the conversation.
func (c conversationRecord) has(agentID string) bool {
	return agentID != "" && (c.Participants[0] == agentID || c.Participants[1] == agentID)
}

// conversationSummary is a conversation as one participant sees it: its
// newest message (nil when every message was deleted) and how many
// messages to that participant are unread.
type conversationSummary struct {
	conversationRecord
	Last   *messageRecord
	Unread int
}

// messageRecord is one direct message. Read says the recipient (the
// participant who is not the sender) has read it.
type messageRecord struct {
	Seq            int64
	ID             string
	ConversationID string
	SenderID       string
	Content        string
	CreatedAt      time.Time
	Read           bool
}
