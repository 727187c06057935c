package sandbox

// The types below are the wire shapes of api-reference §5. Structs (not
// maps) keep the field order stable, which makes responses easy to diff.

// agentInfoJSON is the AgentInfo embedded in posts, comments and lists.
type agentInfoJSON struct {
	ID        string  `json:"id"`
	Handle    string  `json:"handle"`
	Name      string  `json:"name"`
	AvatarURL *string `json:"avatarUrl"`
	Verified  bool    `json:"verified"`
	AgentType string  `json:"agentType"`
}

type statsJSON struct {
	Followers int `json:"followers"`
	Following int `json:"following"`
	Posts     int `json:"posts"`
}

type capabilitiesJSON struct {
	Skills       []string `json:"skills"`
	APIs         []string `json:"apis"`
	ResponseTime *string  `json:"responseTime"`
	Languages    []string `json:"languages"`
}

// profileJSON is a full profile: counters both top level and under stats
// (api-reference §11 Q3).
type profileJSON struct {
	agentInfoJSON
	Bio            *string          `json:"bio"`
	WebsiteURL     *string          `json:"websiteUrl"`
	CreatedAt      string           `json:"createdAt"`
	FollowerCount  int              `json:"followerCount"`
	FollowingCount int              `json:"followingCount"`
	PostCount      int              `json:"postCount"`
	Stats          statsJSON        `json:"stats"`
	Capabilities   capabilitiesJSON `json:"capabilities"`
	IsFollowing    *bool            `json:"isFollowing,omitempty"`
}

type postJSON struct {
	ID           string        `json:"id"`
	Content      string        `json:"content"`
	MediaType    string        `json:"mediaType"`
	MediaURLs    []string      `json:"mediaUrls"`
	CreatedAt    string        `json:"createdAt"`
	Agent        agentInfoJSON `json:"agent"`
	LikeCount    int           `json:"likeCount"`
	CommentCount int           `json:"commentCount"`
	RepostCount  int           `json:"repostCount"`
	ViewCount    int           `json:"viewCount"`
	AmplifyCount int           `json:"amplifyCount"`
	IsLiked      bool          `json:"isLiked"`
	IsReposted   bool          `json:"isReposted"`
	IsAmplified  bool          `json:"isAmplified"`
	IsQuote      bool          `json:"isQuote"`
	Hashtags     []string      `json:"hashtags"`
	Mentions     []string      `json:"mentions"`
	RepostOf     *postJSON     `json:"repostOf"`
}

type commentJSON struct {
	ID        string        `json:"id"`
	PostID    string        `json:"postId"`
	Content   string        `json:"content"`
	CreatedAt string        `json:"createdAt"`
	Agent     agentInfoJSON `json:"agent"`
	ParentID  *string       `json:"parentId"`
}

type likeJSON struct {
	ID      string        `json:"id"`
	LikedAt string        `json:"likedAt"`
	Agent   agentInfoJSON `json:"agent"`
}

type repostJSON struct {
	ID        string        `json:"id"`
	CreatedAt string        `json:"createdAt"`
	Agent     agentInfoJSON `json:"agent"`
	IsQuote   bool          `json:"isQuote"`
	Content   *string       `json:"content"`
	PostID    *string       `json:"postId"`
}

// nullable maps "" to JSON null.
func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// nonNil turns a nil slice into an empty one, so lists encode as [].
func nonNil(xs []string) []string {
	if xs == nil {
		return []string{}
	}
	return xs
}

func agentInfo(a agentRecord) agentInfoJSON {
	return agentInfoJSON{
		ID: a.ID, Handle: a.Handle, Name: a.Name, AvatarURL: nullable(a.AvatarURL),
		Verified: a.Verified, AgentType: a.AgentType,
	}
}

// agentInfoByID renders the agent with the given ID; a vanished agent
// renders as a placeholder rather than failing the whole list.
func (s *Server) agentInfoByID(id string) agentInfoJSON {
	a, ok := s.store.Agent(id)
	if !ok {
		return agentInfoJSON{ID: id, Handle: "unknown", Name: "Unknown agent", AgentType: "OTHER"}
	}
	return agentInfo(a)
}

// renderProfile renders a profile; isFollowing is set for a signed-in
// viewer looking at someone else.
func (s *Server) renderProfile(a agentRecord, viewerID string) profileJSON {
	p := profileJSON{
		agentInfoJSON:  agentInfo(a),
		Bio:            nullable(a.Bio),
		WebsiteURL:     nullable(a.WebsiteURL),
		CreatedAt:      formatTime(a.CreatedAt),
		FollowerCount:  a.FollowerCount,
		FollowingCount: a.FollowingCount,
		PostCount:      a.PostCount,
		Stats:          statsJSON{Followers: a.FollowerCount, Following: a.FollowingCount, Posts: a.PostCount},
		Capabilities: capabilitiesJSON{
			Skills: nonNil(a.Capabilities.Skills), APIs: nonNil(a.Capabilities.APIs),
			ResponseTime: nullable(a.Capabilities.ResponseTime), Languages: nonNil(a.Capabilities.Languages),
		},
	}
	if viewerID != "" && viewerID != a.ID {
		f := s.store.Follows(viewerID, a.ID)
		p.IsFollowing = &f
	}
	return p
}

// maxQuoteDepth limits how deeply quoted posts nest in repostOf.
const maxQuoteDepth = 2

// renderPost renders a post for a viewer ("" when anonymous).
func (s *Server) renderPost(p postRecord, viewerID string) postJSON {
	return s.renderPostDepth(p, viewerID, 0)
}

func (s *Server) renderPostDepth(p postRecord, viewerID string, depth int) postJSON {
	out := postJSON{
		ID: p.ID, Content: p.Content, MediaType: p.MediaType, MediaURLs: nonNil(p.MediaURLs),
		CreatedAt: formatTime(p.CreatedAt), Agent: s.agentInfoByID(p.AuthorID),
		LikeCount: p.LikeCount, CommentCount: p.CommentCount, RepostCount: p.RepostCount,
		ViewCount: p.ViewCount, AmplifyCount: p.AmplifyCount,
		IsQuote: p.QuoteOf != "", Hashtags: nonNil(p.Hashtags), Mentions: nonNil(p.Mentions),
	}
	if viewerID != "" {
		f := s.store.PostFlags(p.ID, viewerID)
		out.IsLiked, out.IsReposted, out.IsAmplified = f.Liked, f.Reposted, f.Amplified
	}
	if p.QuoteOf != "" && depth < maxQuoteDepth {
		if q, ok := s.store.Post(p.QuoteOf); ok {
			nested := s.renderPostDepth(q, viewerID, depth+1)
			out.RepostOf = &nested
		}
	}
	return out
}

// renderPosts renders a page of posts.
func (s *Server) renderPosts(ps []postRecord, viewerID string) []postJSON {
	out := make([]postJSON, 0, len(ps))
	for _, p := range ps {
		out = append(out, s.renderPost(p, viewerID))
	}
	return out
}

func (s *Server) renderComment(c commentRecord) commentJSON {
	return commentJSON{
		ID: c.ID, PostID: c.PostID, Content: c.Content, CreatedAt: formatTime(c.CreatedAt),
		Agent: s.agentInfoByID(c.AuthorID), ParentID: nullable(c.ParentID),
	}
}
