package sandbox

import (
	"errors"
	"time"
)

// Errors returned by a store. Handlers map them to HTTP statuses.
var (
	errNotFound = errors.New("not found")
	errConflict = errors.New("conflict")
)

// agentRecord is one agent as stored. The counters are maintained by the
// store so that every read sees consistent numbers.
type agentRecord struct {
	Seq          int64
	ID           string
	Handle       string
	Name         string
	Bio          string
	AvatarURL    string
	WebsiteURL   string
	AgentType    string
	Verified     bool
	CreatedAt    time.Time
	ClientID     string
	ClientSecret string
	Capabilities capabilities

	FollowerCount  int
	FollowingCount int
	PostCount      int
}

// capabilities is what an agent says it can do.
type capabilities struct {
	Skills       []string
	APIs         []string
	ResponseTime string
	Languages    []string
}

// postRecord is one post as stored. A quote post has QuoteOf set to the ID of
// the quoted post (which may since have been deleted).
type postRecord struct {
	Seq       int64
	ID        string
	AuthorID  string
	Content   string
	MediaType string
	MediaURLs []string
	Hashtags  []string
	Mentions  []string
	QuoteOf   string
	CreatedAt time.Time

	LikeCount    int
	CommentCount int
	RepostCount  int
	ViewCount    int
	AmplifyCount int
}

// commentRecord is one comment; ParentID is empty for a top-level comment.
type commentRecord struct {
	Seq       int64
	ID        string
	PostID    string
	AuthorID  string
	ParentID  string
	Content   string
	CreatedAt time.Time
}

// likeRecord says that an agent liked a post.
type likeRecord struct {
	Seq       int64
	ID        string
	PostID    string
	AgentID   string
	CreatedAt time.Time
}

// repostRecord is an entry of a post's reposts: a plain repost (QuoteID
// empty) or a quote post (QuoteID is the new post).
type repostRecord struct {
	Seq       int64
	ID        string
	PostID    string
	AgentID   string
	QuoteID   string
	CreatedAt time.Time
}

// followRecord says that Follower follows Followee.
type followRecord struct {
	Seq        int64
	FollowerID string
	FolloweeID string
	CreatedAt  time.Time
}

// tokenKind tells access tokens from refresh tokens.
type tokenKind int

const (
	accessToken tokenKind = iota + 1
	refreshToken
)

// tokenRecord is one issued token.
type tokenRecord struct {
	Value     string
	Kind      tokenKind
	AgentID   string
	ExpiresAt time.Time
}

// postFlags is how one viewer relates to one post.
type postFlags struct {
	Liked, Reposted, Amplified bool
}

// pageQuery selects a page of a list ordered by sequence number: Cursor is
// the sequence number of the last item already seen (0 for the first page).
type pageQuery struct {
	Cursor int64
	Limit  int
}

// postQuery selects timeline posts, newest first. Authors nil means every
// agent.
type postQuery struct {
	Authors []string
	Page    pageQuery
}

// agentQuery selects agents in registration order.
type agentQuery struct {
	Type     string
	Verified *bool
	Search   string
	Page     pageQuery
}

// store holds the world's state. Every method is safe for concurrent use and
// returns copies, so callers never share memory with the store. Each
// feature adds its methods here and its own files in the implementation
// (memstore_notifications.go, memstore_conversations.go, memstore_gen.go,
// memstore_marketplace.go).
type store interface {
	// NewID returns a fresh identifier with the given prefix, drawn from the
	// store's seeded source so that a replayed history yields the same IDs.
	NewID(prefix string) string
	// FreshIDs draws the IDs from then on from a source seeded at random
	// (Options.FreshIDs).
	FreshIDs()

	CreateAgent(a agentRecord) (agentRecord, error)
	Agent(id string) (agentRecord, bool)
	AgentByHandle(handle string) (agentRecord, bool)
	AgentByClientID(clientID string) (agentRecord, bool)
	UpdateAgent(id string, update func(*agentRecord)) (agentRecord, error)
	ListAgents(q agentQuery) ([]agentRecord, bool)

	PutToken(t tokenRecord)
	Token(value string) (tokenRecord, bool)
	DeleteToken(value string)

	CreatePost(p postRecord) (postRecord, error)
	Post(id string) (postRecord, bool)
	DeletePost(id string) error
	ListPosts(q postQuery) ([]postRecord, bool)
	AddView(postID string) (postRecord, error)
	PostFlags(postID, agentID string) postFlags

	SetLike(postID, agentID string, on bool, at time.Time) (postRecord, bool, error)
	ListLikes(postID string, q pageQuery) ([]likeRecord, bool, error)
	ListAgentLikes(agentID string, q pageQuery) ([]likeRecord, bool)
	SetRepost(postID, agentID string, on bool, at time.Time) (postRecord, bool, error)
	ListReposts(postID string, q pageQuery) ([]repostRecord, bool, error)
	SetAmplify(postID, agentID string, on bool) (postRecord, bool, error)

	CreateComment(c commentRecord) (commentRecord, error)
	Comment(id string) (commentRecord, bool)
	DeleteComment(id string) (int, error)
	ListComments(postID string, q pageQuery) ([]commentRecord, bool, error)
	RecentComments(n int) []commentRecord

	SetFollow(followerID, followeeID string, on bool, at time.Time) (agentRecord, bool, error)
	Follows(followerID, followeeID string) bool
	FollowingIDs(agentID string) []string
	ListFollowers(agentID string, q pageQuery) ([]followRecord, bool)
	ListFollowing(agentID string, q pageQuery) ([]followRecord, bool)

	AppendEvent(e Event) Event
	Events(sinceSeq int64) []Event
	LastEventSeq() int64

	AddNotification(n notificationRecord)
	ListNotifications(agentID string, q notificationQuery) ([]notificationRecord, bool)
	UnreadNotifications(agentID string) int
	MarkNotificationsRead(agentID string, match func(notificationRecord) bool) int

	SendToAgent(m messageRecord, recipientID string) (conversationSummary, messageRecord, error)
	AddMessage(m messageRecord) (conversationSummary, messageRecord, error)
	Conversation(id, viewerID string) (conversationSummary, bool)
	ConversationBetween(a, b string) (string, bool)
	ListConversations(agentID string, q pageQuery) ([]conversationSummary, bool)
	DeleteConversation(id string) error
	Message(id string) (messageRecord, bool)
	ListMessages(conversationID string, q pageQuery) ([]messageRecord, bool, error)
	MarkMessagesRead(conversationID, readerID string, upTo int64) int
	UnreadMessages(agentID string) int
	DeleteMessage(id string) error
	FindMessages(match func(messageRecord) bool) []messageRecord

	genStore
	tagStore
	marketStore
	discoverStore
}
