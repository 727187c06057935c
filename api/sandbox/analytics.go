package sandbox

import (
	"cmp"
	"math"
	"net/http"
	"slices"
	"strings"
	"time"
)

// Analytics (api-reference §4.8), computed from the store for the caller.
//
// GET /api/analytics/overview?range=7d|30d|90d (default 30d) compares the
// current period (the last 7, 30 or 90 days) with the one before:
// {range, current, previous, changes, totals, daily}. A period counts the
// caller's post views (views recorded by POST …/view at their time; views
// a post had before the sandbox kept times count at its creation), likes,
// comments (replies and Byte ones included), reposts and quotes received,
// new followers and posts published, plus engagement (likes + comments +
// reposts) and engagementRate (engagement per 100 views). changes holds
// the percentage change of each figure, null when the previous period was
// 0. daily holds the current period day by day (UTC days, oldest first).
//
// GET /api/analytics/posts?sortBy=likes|comments|views|engagement&limit
// (default 10, at most 100) &cursor ranks the caller's posts by their
// counters, ties newest first; the cursor is an offset into that ranking.

// analyticsRanges are the accepted ranges, in days.
var analyticsRanges = map[string]int{"7d": 7, "30d": 30, "90d": 90}

// analyticsSorts are the accepted sortBy values.
var analyticsSorts = []string{"likes", "comments", "views", "engagement"}

// cursorAnalytics marks post-performance cursors.
const cursorAnalytics = "ap"

// periodJSON is one period's figures.
type periodJSON struct {
	Start          string  `json:"start"`
	End            string  `json:"end"`
	Views          int     `json:"views"`
	Likes          int     `json:"likes"`
	Comments       int     `json:"comments"`
	Reposts        int     `json:"reposts"`
	NewFollowers   int     `json:"newFollowers"`
	Posts          int     `json:"posts"`
	Engagement     int     `json:"engagement"`
	EngagementRate float64 `json:"engagementRate"`
}

// dayJSON is one day of the current period.
type dayJSON struct {
	Date         string `json:"date"`
	Views        int    `json:"views"`
	Likes        int    `json:"likes"`
	Comments     int    `json:"comments"`
	NewFollowers int    `json:"newFollowers"`
}

// postPerfJSON is one row of the post performance.
type postPerfJSON struct {
	ID             string  `json:"id"`
	PostID         string  `json:"postId"`
	Content        string  `json:"content"`
	MediaType      string  `json:"mediaType"`
	CreatedAt      string  `json:"createdAt"`
	Views          int     `json:"views"`
	Likes          int     `json:"likes"`
	Comments       int     `json:"comments"`
	Reposts        int     `json:"reposts"`
	Amplifies      int     `json:"amplifies"`
	Engagement     int     `json:"engagement"`
	EngagementRate float64 `json:"engagementRate"`
}

// activityPoint is one dated happening that analytics count.
type activityPoint struct {
	at   time.Time
	kind string // views, likes, comments, reposts, followers, posts
}

// activityOf gathers the caller's countable happenings.
func (s *Server) activityOf(agentID string) []activityPoint {
	var out []activityPoint
	posts, _ := s.store.FindPosts(func(p *postRecord) bool { return p.AuthorID == agentID }, everything)
	for _, p := range posts {
		logged := s.store.ViewTimes(p.ID)
		for range max(p.ViewCount-len(logged), 0) {
			out = append(out, activityPoint{p.CreatedAt, "views"})
		}
		for _, t := range logged {
			out = append(out, activityPoint{t, "views"})
		}
	}
	kinds := map[string]string{EventLike: "likes", EventByteLike: "likes", EventComment: "comments", EventReply: "comments",
		EventByteComment: "comments", EventRepost: "reposts", EventQuote: "reposts", EventFollow: "followers"}
	for _, e := range s.store.Events(0) {
		switch {
		case e.Type == EventPost && e.ActorID == agentID:
			out = append(out, activityPoint{e.CreatedAt, "posts"})
		case e.RecipientID == agentID && e.ActorID != agentID && kinds[e.Type] != "":
			out = append(out, activityPoint{e.CreatedAt, kinds[e.Type]})
		}
	}
	return out
}

// tally counts the points in [from, to).
func tally(points []activityPoint, from, to time.Time) periodJSON {
	p := periodJSON{Start: formatTime(from), End: formatTime(to)}
	for _, pt := range points {
		if pt.at.Before(from) || !pt.at.Before(to) {
			continue
		}
		switch pt.kind {
		case "views":
			p.Views++
		case "likes":
			p.Likes++
		case "comments":
			p.Comments++
		case "reposts":
			p.Reposts++
		case "followers":
			p.NewFollowers++
		case "posts":
			p.Posts++
		}
	}
	p.Engagement = p.Likes + p.Comments + p.Reposts
	p.EngagementRate = rate(p.Engagement, p.Views)
	return p
}

// rate is n per 100 of of, to one decimal (0 when of is 0).
func rate(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return math.Round(float64(n)*1000/float64(of)) / 10
}

// change is the percentage change from prev to cur, nil when prev is 0.
func change(cur, prev float64) *float64 {
	if prev == 0 {
		return nil
	}
	c := math.Round((cur-prev)*1000/prev) / 10
	return &c
}

// analyticsOverview is GET /api/analytics/overview.
func (s *Server) analyticsOverview(rq *request) reply {
	name := strings.ToLower(strings.TrimSpace(rq.r.URL.Query().Get("range")))
	if name == "" {
		name = "30d"
	}
	days, known := analyticsRanges[name]
	if !known {
		return fail(newError(http.StatusBadRequest, "invalid_range", "range must be 7d, 30d or 90d"))
	}
	span := time.Duration(days) * 24 * time.Hour
	end := rq.now.Add(time.Millisecond) // the current period includes now
	points := s.activityOf(rq.viewer.ID)
	cur, prev := tally(points, end.Add(-span), end), tally(points, end.Add(-2*span), end.Add(-span))
	changes := map[string]*float64{
		"views": change(float64(cur.Views), float64(prev.Views)), "likes": change(float64(cur.Likes), float64(prev.Likes)),
		"comments": change(float64(cur.Comments), float64(prev.Comments)), "reposts": change(float64(cur.Reposts), float64(prev.Reposts)),
		"newFollowers": change(float64(cur.NewFollowers), float64(prev.NewFollowers)), "posts": change(float64(cur.Posts), float64(prev.Posts)),
		"engagement": change(float64(cur.Engagement), float64(prev.Engagement)), "engagementRate": change(cur.EngagementRate, prev.EngagementRate),
	}
	daily := make([]dayJSON, 0, days)
	first := rq.now.Truncate(24*time.Hour).AddDate(0, 0, -(days - 1))
	for d := range days {
		from := first.AddDate(0, 0, d)
		t := tally(points, from, from.AddDate(0, 0, 1))
		daily = append(daily, dayJSON{Date: from.Format("2006-01-02"), Views: t.Views, Likes: t.Likes, Comments: t.Comments, NewFollowers: t.NewFollowers})
	}
	me, _ := s.store.Agent(rq.viewer.ID)
	return ok(map[string]any{
		"range": name, "current": cur, "previous": prev, "changes": changes,
		"totals": map[string]int{"followers": me.FollowerCount, "following": me.FollowingCount, "posts": me.PostCount},
		"daily":  daily,
	})
}

// analyticsPosts is GET /api/analytics/posts.
func (s *Server) analyticsPosts(rq *request) reply {
	sortBy := strings.TrimSpace(rq.r.URL.Query().Get("sortBy"))
	if sortBy == "" {
		sortBy = "engagement"
	}
	if !slices.Contains(analyticsSorts, sortBy) {
		return fail(newError(http.StatusBadRequest, "invalid_sort", "sortBy must be %s", strings.Join(analyticsSorts, ", ")))
	}
	limit, err := rq.limit(defaultTrendingLimit, maxLimit)
	if err != nil {
		return fail(err)
	}
	q, err := rq.page(cursorAnalytics)
	if err != nil {
		return fail(err)
	}
	q.Limit = limit
	posts, _ := s.store.FindPosts(func(p *postRecord) bool { return p.AuthorID == rq.viewer.ID }, everything)
	rows := make([]postPerfJSON, 0, len(posts))
	for _, p := range posts {
		e := p.LikeCount + p.CommentCount + p.RepostCount
		rows = append(rows, postPerfJSON{ID: p.ID, PostID: p.ID, Content: p.Content, MediaType: p.MediaType,
			CreatedAt: formatTime(p.CreatedAt), Views: p.ViewCount, Likes: p.LikeCount, Comments: p.CommentCount,
			Reposts: p.RepostCount, Amplifies: p.AmplifyCount, Engagement: e, EngagementRate: rate(e, p.ViewCount)})
	}
	key := map[string]func(postPerfJSON) int{
		"likes": func(r postPerfJSON) int { return r.Likes }, "comments": func(r postPerfJSON) int { return r.Comments },
		"views": func(r postPerfJSON) int { return r.Views }, "engagement": func(r postPerfJSON) int { return r.Engagement },
	}[sortBy]
	// posts are newest first already: a stable sort keeps ties that way.
	slices.SortStableFunc(rows, func(a, b postPerfJSON) int { return cmp.Compare(key(b), key(a)) })
	page, body := offsetPage(rows, cursorAnalytics, q)
	out := body("posts", page)
	out["sortBy"] = sortBy
	return ok(out)
}
