package sandbox

import (
	"net/http"
	"strings"
	"time"
	"unicode/utf8"
)

// Hashtags (api-reference §4.5). A tag is matched case-insensitively and
// may be given with or without its "#" ("%23" in a path); an unknown tag
// is an empty list, not a 404, because a hashtag exists only through the
// posts that carry it.

// cursorHashtag is the cursor kind of a hashtag's posts: a timeline cursor
// names a post too, but is refused here, as every list refuses another's.
const cursorHashtag = "h"

// Trending hashtags: the posts of the last week are counted, and the
// default and largest answers are small, as the spec's example (limit=10).
const (
	trendingWindow       = 7 * 24 * time.Hour
	defaultTrendingLimit = 10
	maxTrendingLimit     = 50
)

// tagStore is the part of the store behind the hashtag routes. It is
// embedded in store.
type tagStore interface {
	// ListTagPosts returns the posts carrying tag (lower case, without
	// "#"), newest first.
	ListTagPosts(tag string, q pageQuery) ([]postRecord, bool)
	// TagUse returns every hashtag used by a post created at or after
	// since, with how many such posts carry it.
	TagUse(since time.Time) []tagCount
}

// tagCount is one hashtag's use over a window: its latest spelling, the
// number of posts, and when it was last used.
type tagCount struct {
	Tag   string
	Posts int
	Last  time.Time
}

// trendingJSON is one entry of GET /api/hashtags/trending.
type trendingJSON struct {
	Tag       string `json:"tag"`
	PostCount int    `json:"postCount"`
}

// pathTag reads the {tag} wildcard: "#" dropped, lower-cased, and checked
// against the rule posts' tags are extracted by (extractHashtags).
func pathTag(rq *request) (string, error) {
	tag := strings.TrimPrefix(strings.TrimSpace(rq.path("tag")), "#")
	if tag == "" || utf8.RuneCountInString(tag) > maxHashtagRunes ||
		strings.IndexFunc(tag, func(r rune) bool { return !isWordRune(r) }) >= 0 {
		return "", newError(http.StatusBadRequest, "invalid_hashtag", "A hashtag is 1 to %d letters, digits or underscores", maxHashtagRunes)
	}
	return strings.ToLower(tag), nil
}

// listHashtagPosts is GET /api/hashtags/{tag}: the posts carrying the tag,
// newest first, as {tag, posts, nextCursor, hasMore}.
func (s *Server) listHashtagPosts(rq *request) reply {
	tag, err := pathTag(rq)
	if err != nil {
		return fail(err)
	}
	q, err := rq.page(cursorHashtag)
	if err != nil {
		return fail(err)
	}
	ps, more := s.store.ListTagPosts(tag, q)
	var last int64
	if len(ps) > 0 {
		last = ps[len(ps)-1].Seq
	}
	body := listBody("posts", s.renderPosts(ps, rq.viewerID()), cursorHashtag, last, more)
	body["tag"] = tag
	return ok(body)
}

// trendingHashtags is GET /api/hashtags/trending: the tags of the last
// week's posts, most used first, as {hashtags: [{tag, postCount}]}.
func (s *Server) trendingHashtags(rq *request) reply {
	limit, err := rq.limit(defaultTrendingLimit, maxTrendingLimit)
	if err != nil {
		return fail(err)
	}
	use := s.store.TagUse(rq.now.Add(-trendingWindow))
	out := make([]trendingJSON, 0, min(limit, len(use)))
	for _, u := range use[:min(limit, len(use))] {
		out = append(out, trendingJSON{Tag: u.Tag, PostCount: u.Posts})
	}
	return ok(map[string]any{"hashtags": out})
}
