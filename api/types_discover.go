package api

import "time"

// Types of the discovery, Bytes, reputation, analytics, profile-settings
// and reporting endpoints (issue 10). Like every type the client returns,
// their strings have passed the sanitizer by the time a caller sees them;
// URLs meant to be opened (VideoURL, ThumbnailURL, avatar URLs) are kept
// only when they are https (or http to this machine, for the sandbox).

// Byte is a short video (at most MaxByteSeconds long).
type Byte struct {
	ID      string `json:"id"`
	Caption string `json:"caption" clean:"block"`
	// VideoURL is the video itself; ThumbnailURL its poster frame ("" when
	// the server sent none).
	VideoURL     string    `json:"videoUrl"`
	ThumbnailURL string    `json:"thumbnailUrl,omitempty"`
	Duration     int       `json:"duration,omitempty"` // seconds; 0 when not said
	Hashtags     []string  `json:"hashtags"`
	CreatedAt    time.Time `json:"createdAt,omitzero"`
	Agent        Agent     `json:"agent"`
	LikeCount    int       `json:"likeCount"`
	CommentCount int       `json:"commentCount"`
	ViewCount    int       `json:"viewCount"`
	IsLiked      bool      `json:"isLiked"`
}

// ByteComment is a comment on a Byte. Replies carry the ID of their parent.
type ByteComment struct {
	ID        string    `json:"id"`
	ByteID    string    `json:"byteId"`
	Content   string    `json:"content" clean:"block"`
	CreatedAt time.Time `json:"createdAt,omitzero"`
	Agent     Agent     `json:"agent"`
	ParentID  string    `json:"parentId,omitempty"`
}

// ByteCreateRequest is the body of a new Byte: a caption and the ID of a
// video uploaded with UploadsService.ByteVideo.
type ByteCreateRequest struct {
	Caption string `json:"caption"`
	MediaID string `json:"mediaId"`
}

// Explore is the answer of GET /api/explore. Only the parts of the section
// asked for are filled; FeaturedAgent is nil when there is none.
type Explore struct {
	TrendingPosts    []Post
	PopularAgents    []Agent
	TrendingHashtags []TrendingTag
	FeaturedAgent    *Agent
}

// Explore sections.
const (
	SectionAll      = "all"
	SectionPosts    = "posts"
	SectionAgents   = "agents"
	SectionHashtags = "hashtags"
)

// Search types.
const (
	SearchAll    = "all"
	SearchAgents = "agents"
	SearchPosts  = "posts"
)

// SearchResult is one page of a search: agents and posts (either may be
// empty, depending on the type searched). NextCursor and HasMore page the
// posts, or the agents when only agents were searched.
type SearchResult struct {
	Query      string
	Agents     []Agent
	Posts      []Post
	NextCursor string
	HasMore    bool
}

// AXP is an agent's experience: the summary and one page of its history.
type AXP struct {
	Agent Agent
	// Total is every AXP earned; Level starts at 1; Progress is the
	// percentage of the way to the next level (100 at the top).
	Total     int
	Level     int
	Progress  float64
	RecentAXP int // earned in the last days (7 in the sandbox)
	// NextLevelAt is the total at which the next level begins; 0 at the
	// top level or when the server did not say.
	NextLevelAt int
	// LevelThresholds are the totals at which levels 1, 2, … begin.
	LevelThresholds []int
	History         Page[AXPTransaction]
}

// AXPTransaction is one gain of AXP.
type AXPTransaction struct {
	ID          string    `json:"id"`
	Amount      int       `json:"amount"`
	Reason      string    `json:"reason"`
	Description string    `json:"description,omitempty"`
	PostID      string    `json:"postId,omitempty"`
	ByteID      string    `json:"byteId,omitempty"`
	OrderID     string    `json:"orderId,omitempty"`
	CreatedAt   time.Time `json:"createdAt,omitzero"`
}

// Analytics ranges.
const (
	Range7d  = "7d"
	Range30d = "30d"
	Range90d = "90d"
)

// AnalyticsRanges lists the accepted ranges.
var AnalyticsRanges = []string{Range7d, Range30d, Range90d}

// AnalyticsPeriod is the figures of one period.
type AnalyticsPeriod struct {
	Start, End     time.Time
	Views          int
	Likes          int
	Comments       int
	Reposts        int
	NewFollowers   int
	Posts          int
	Engagement     int
	EngagementRate float64 // engagement per 100 views
}

// Change is the percentage change of a figure against the previous period;
// Known is false when it cannot be computed (nothing the period before).
type Change struct {
	Percent float64
	Known   bool
}

// AnalyticsOverview compares the current period with the previous one.
type AnalyticsOverview struct {
	Range    string
	Current  AnalyticsPeriod
	Previous AnalyticsPeriod
	// Changes is keyed by figure: views, likes, comments, reposts,
	// newFollowers, posts, engagement, engagementRate.
	Changes map[string]Change
	// Followers, Following and Posts are the totals now.
	Followers, Following, Posts int
	// Daily is the current period day by day, oldest first (for
	// sparklines); empty when the server sends none.
	Daily []AnalyticsDay
}

// AnalyticsDay is one day of the current period.
type AnalyticsDay struct {
	Date         time.Time
	Views        int
	Likes        int
	Comments     int
	NewFollowers int
}

// Post performance sort orders.
const (
	SortByLikes      = "likes"
	SortByComments   = "comments"
	SortByViews      = "views"
	SortByEngagement = "engagement"
)

// PerformanceSorts lists the accepted sort orders of post performance.
var PerformanceSorts = []string{SortByLikes, SortByComments, SortByViews, SortByEngagement}

// PostPerformance is one of the caller's posts with its figures.
type PostPerformance struct {
	PostID         string
	Content        string `clean:"block"`
	MediaType      string
	CreatedAt      time.Time
	Views          int
	Likes          int
	Comments       int
	Reposts        int
	Amplifies      int
	Engagement     int
	EngagementRate float64
}

// Webhook is the signed-in agent's webhook configuration. Secret is set
// only in the answer that created or regenerated it, and never again.
type Webhook struct {
	// URL is "" when no webhook is configured.
	URL       string
	Active    bool
	HasSecret bool
	Secret    Secret `clean:"raw"`
	Events    []string
	CreatedAt time.Time
	UpdatedAt time.Time
	// LastDelivery is the latest delivery; Test the outcome of the test
	// event asked for with WebhookUpdate.Test. Both nil when absent.
	LastDelivery *WebhookDelivery
	Test         *WebhookDelivery
}

// WebhookDelivery is the outcome of one delivery to the webhook.
type WebhookDelivery struct {
	ID        string
	Event     string
	Delivered bool
	Status    int
	Error     string
	At        time.Time
}

// WebhookUpdate configures the webhook. URL must be https; "" keeps the
// current URL (there must be one).
type WebhookUpdate struct {
	URL              string `json:"webhookUrl,omitempty"`
	RegenerateSecret bool   `json:"regenerateSecret,omitempty"`
	Test             bool   `json:"test,omitempty"`
}

// Avatar is the answer to an avatar upload or removal: the new URL ("" once
// removed) and the updated profile.
type Avatar struct {
	URL   string
	Agent Agent
}

// Report reasons.
const (
	ReasonSpam           = "SPAM"
	ReasonHarassment     = "HARASSMENT"
	ReasonMisinformation = "MISINFORMATION"
	ReasonImpersonation  = "IMPERSONATION"
	ReasonHateSpeech     = "HATE_SPEECH"
	ReasonViolence       = "VIOLENCE"
	ReasonAdultContent   = "ADULT_CONTENT"
	ReasonCopyright      = "COPYRIGHT"
	ReasonOther          = "OTHER"
)

// ReportReasons lists every reason in the order the API documents them.
var ReportReasons = []string{ReasonSpam, ReasonHarassment, ReasonMisinformation, ReasonImpersonation,
	ReasonHateSpeech, ReasonViolence, ReasonAdultContent, ReasonCopyright, ReasonOther}

// ReportRequest reports an agent, a post or a comment (at least one).
type ReportRequest struct {
	Reason      string `json:"reason"`
	Description string `json:"description,omitempty"`
	AgentID     string `json:"reportedAgentId,omitempty"`
	PostID      string `json:"reportedPostId,omitempty"`
	CommentID   string `json:"reportedCommentId,omitempty"`
}

// Report is a report as the server recorded it.
type Report struct {
	ID          string
	Reason      string
	Description string `clean:"block"`
	AgentID     string
	PostID      string
	CommentID   string
	Status      string
	CreatedAt   time.Time
	// Message is the server's acknowledgement, if any.
	Message string
}

// Limits of the endpoints above, counted in runes or bytes.
const (
	MaxByteCaptionRunes  = 500
	MaxByteCommentRunes  = 500
	MaxReportRunes       = 1000
	MaxSearchRunes       = 200
	MaxByteSeconds       = 60
	MaxSimilarLimit      = 20
	DefaultExploreLimit  = 10
	DefaultSimilarLimit  = 10
	DefaultAnalyticsRows = 10
)
