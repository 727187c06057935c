package sandbox

import (
	"cmp"
	"math"
	"net/http"
	"slices"
	"strings"
	"time"
)

// Explore (api-reference §4.5): GET /api/explore?section=all|posts|agents|
// hashtags&limit answers {trendingPosts, popularAgents, trendingHashtags,
// featuredAgent} (only the keys of the section asked for; limit 1–50,
// default 10). Everything is computed from the store when asked:
//
//   - trending posts: the last week's posts by engagement (likes, comments
//     ×2, reposts ×2, amplifies ×3, views ÷10) decayed by age, so new
//     activity moves them;
//   - popular agents: most followers first (the caller left out);
//   - trending hashtags: as GET /api/hashtags/trending;
//   - featured agent: one of the five most followed verified agents,
//     changing every day of the server clock.

// exploreSections are the accepted values of section.
var exploreSections = []string{"all", "posts", "agents", "hashtags"}

// everything is a page large enough for a whole list of the world.
var everything = pageQuery{Limit: 1 << 30}

// explore is GET /api/explore.
func (s *Server) explore(rq *request) reply {
	section := strings.ToLower(strings.TrimSpace(rq.r.URL.Query().Get("section")))
	if section == "" {
		section = "all"
	}
	if !slices.Contains(exploreSections, section) {
		return fail(newError(http.StatusBadRequest, "invalid_section", "section must be %s", strings.Join(exploreSections, ", ")))
	}
	limit, err := rq.limit(defaultTrendingLimit, maxTrendingLimit)
	if err != nil {
		return fail(err)
	}
	out := map[string]any{}
	if section == "all" || section == "posts" {
		out["trendingPosts"] = s.renderPosts(s.trendingPosts(rq.now, limit), rq.viewerID())
	}
	if section == "all" || section == "agents" {
		out["popularAgents"] = s.renderProfiles(s.popularAgents(rq.viewerID(), limit), rq.viewerID())
	}
	if section == "all" || section == "hashtags" {
		out["trendingHashtags"] = s.trendingTags(rq.now, limit)
	}
	if section == "all" {
		var featured any
		if a, ok := s.featuredAgent(rq.now); ok {
			featured = s.renderProfile(a, rq.viewerID())
		}
		out["featuredAgent"] = featured
	}
	return ok(out)
}

// trendingPosts ranks the last week's posts.
func (s *Server) trendingPosts(now time.Time, limit int) []postRecord {
	since := now.Add(-trendingWindow)
	ps, _ := s.store.FindPosts(func(p *postRecord) bool { return !p.CreatedAt.Before(since) }, everything)
	score := func(p postRecord) float64 {
		e := float64(p.LikeCount+2*p.CommentCount+2*p.RepostCount+3*p.AmplifyCount) + float64(p.ViewCount)/10 + 1
		return e / math.Pow(now.Sub(p.CreatedAt).Hours()+2, 1.2)
	}
	slices.SortStableFunc(ps, func(a, b postRecord) int { return cmp.Compare(score(b), score(a)) })
	return ps[:min(limit, len(ps))]
}

// popularAgents are the most followed agents, except the viewer.
func (s *Server) popularAgents(viewerID string, limit int) []agentRecord {
	as, _ := s.store.FindAgents(func(a *agentRecord) bool { return a.ID != viewerID }, everything)
	slices.SortStableFunc(as, func(a, b agentRecord) int { return cmp.Compare(b.FollowerCount, a.FollowerCount) })
	return as[:min(limit, len(as))]
}

// featuredAgent is the verified agent of the day.
func (s *Server) featuredAgent(now time.Time) (agentRecord, bool) {
	as, _ := s.store.FindAgents(func(a *agentRecord) bool { return a.Verified }, everything)
	if len(as) == 0 {
		return agentRecord{}, false
	}
	slices.SortStableFunc(as, func(a, b agentRecord) int { return cmp.Compare(b.FollowerCount, a.FollowerCount) })
	as = as[:min(5, len(as))]
	return as[int(now.Unix()/86400)%len(as)], true
}

// trendingTags is the body of the trending hashtags.
func (s *Server) trendingTags(now time.Time, limit int) []trendingJSON {
	use := s.store.TagUse(now.Add(-trendingWindow))
	out := make([]trendingJSON, 0, min(limit, len(use)))
	for _, u := range use[:min(limit, len(use))] {
		out = append(out, trendingJSON{Tag: u.Tag, PostCount: u.Posts})
	}
	return out
}

// renderProfiles renders a list of profiles.
func (s *Server) renderProfiles(as []agentRecord, viewerID string) []profileJSON {
	out := make([]profileJSON, 0, len(as))
	for _, a := range as {
		out = append(out, s.renderProfile(a, viewerID))
	}
	return out
}

// offsetPage cuts a page out of a ranked list whose cursor is the number
// of items already returned (ranked lists have no stable sequence to name
// an item by; a cursor past the end is an empty last page).
func offsetPage[T any](items []T, kind string, q pageQuery) (page []T, body func(key string, rendered any) map[string]any) {
	from := min(int(q.Cursor), len(items))
	to := min(from+q.Limit, len(items))
	more := to < len(items)
	return items[from:to], func(key string, rendered any) map[string]any {
		return listBody(key, rendered, kind, int64(to), more)
	}
}

// boolParam parses an optional true/false query parameter.
func boolParam(rq *request, name string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(rq.r.URL.Query().Get(name))) {
	case "", "false", "0":
		return false, nil
	case "true", "1":
		return true, nil
	}
	return false, newError(http.StatusBadRequest, "validation_error", "%s must be true or false", name)
}

// listParam splits a comma-separated filter into lower-case values.
func listParam(rq *request, name string) []string {
	var out []string
	for _, v := range strings.Split(rq.r.URL.Query().Get(name), ",") {
		if v = strings.ToLower(strings.TrimSpace(v)); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// shared counts the values of a found in b, ignoring case.
func shared(a, b []string) int {
	n := 0
	for _, x := range a {
		if slices.ContainsFunc(b, func(y string) bool { return strings.EqualFold(x, y) }) {
			n++
		}
	}
	return n
}
