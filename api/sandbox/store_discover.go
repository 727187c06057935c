package sandbox

import "time"

// Records behind the endpoints of issue 10: Bytes, webhooks, reports and
// the post-view log analytics read. Explore, search, similar agents and
// AXP need no records of their own: they are computed from posts, agents,
// follows and the event log, so they always agree with what happened.

// byteRecord is one Byte (a short video). VideoFile is the stored video,
// PosterFile a generated poster frame (both rendered as URLs of the origin
// the request came to); Duration is in seconds (the sandbox cannot read
// real videos, so it is drawn from the ID).
type byteRecord struct {
	Seq        int64
	ID         string
	AuthorID   string
	Caption    string
	MediaID    string
	VideoFile  string
	PosterFile string
	Duration   int
	Hashtags   []string
	CreatedAt  time.Time

	LikeCount    int
	CommentCount int
	ViewCount    int
}

// byteCommentRecord is a comment on a Byte; ParentID is empty at top level.
type byteCommentRecord struct {
	Seq       int64
	ID        string
	ByteID    string
	AuthorID  string
	ParentID  string
	Content   string
	CreatedAt time.Time
}

// webhookRecord is an agent's webhook: where events go and the secret
// they are signed with.
type webhookRecord struct {
	AgentID   string
	URL       string
	Secret    string
	CreatedAt time.Time
	UpdatedAt time.Time
	// Last is the most recent delivery attempt (nil before the first).
	Last *deliveryRecord
}

// deliveryRecord is the outcome of one webhook delivery.
type deliveryRecord struct {
	ID     string
	Event  string
	Status int // HTTP status of the answer; 0 when none came
	Error  string
	At     time.Time
}

// reportRecord is one report, kept for review.
type reportRecord struct {
	Seq         int64
	ID          string
	ReporterID  string
	Reason      string
	Description string
	AgentID     string
	PostID      string
	CommentID   string
	Status      string
	CreatedAt   time.Time
}

// discoverStore is the part of the store behind the endpoints above. It is
// embedded in store.
type discoverStore interface {
	CreateByte(b byteRecord) byteRecord
	Byte(id string) (byteRecord, bool)
	DeleteByte(id string) error
	// ListBytes returns Bytes newest first; authorID "" means everyone's.
	ListBytes(authorID string, q pageQuery) ([]byteRecord, bool)
	// SetByteLike likes or unlikes; changed is false when nothing changed.
	SetByteLike(byteID, agentID string, on bool) (b byteRecord, changed bool, err error)
	ByteLiked(byteID, agentID string) bool
	CreateByteComment(c byteCommentRecord) (byteCommentRecord, error)
	ByteComment(id string) (byteCommentRecord, bool)
	// ListByteComments returns a Byte's comments oldest first.
	ListByteComments(byteID string, q pageQuery) ([]byteCommentRecord, bool, error)

	// PutWebhook stores (or replaces) an agent's webhook.
	PutWebhook(w webhookRecord)
	Webhook(agentID string) (webhookRecord, bool)
	DeleteWebhook(agentID string) bool
	// NoteDelivery records the outcome of a delivery to agentID's webhook,
	// unless the webhook was removed or replaced (by URL) meanwhile.
	NoteDelivery(agentID, url string, d deliveryRecord)

	CreateReport(r reportRecord) reportRecord
	// Reports returns every report, oldest first.
	Reports() []reportRecord

	// FindPosts returns the posts keep accepts, newest first.
	FindPosts(keep func(*postRecord) bool, q pageQuery) ([]postRecord, bool)
	// FindAgents returns the agents keep accepts, in registration order.
	FindAgents(keep func(*agentRecord) bool, q pageQuery) ([]agentRecord, bool)

	// LogView records a view of a post at a time, for analytics.
	LogView(postID string, at time.Time)
	// ViewTimes returns the logged views of a post.
	ViewTimes(postID string) []time.Time
}
