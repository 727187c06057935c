package api

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// HashtagsService reads the posts of a hashtag and the trending hashtags.
// Both are public: the token is sent when the client has one, so posts
// carry IsLiked and the like for the caller.
//
// API docs: api-reference.md §4.5.
type HashtagsService service

// TrendingTag is one entry of the trending hashtags.
type TrendingTag struct {
	// Tag is the hashtag without "#".
	Tag string `json:"tag"`
	// Posts is how many recent posts carry it; 0 when the server does
	// not say.
	Posts int `json:"postCount"`
}

// maxTagRunes bounds a hashtag, as the API bounds the ones it extracts.
const maxTagRunes = 100

// DefaultTrendingLimit is the number of trending hashtags asked for when
// Trending is given no limit, as in the spec's example.
const DefaultTrendingLimit = 10

// Posts returns a page of the posts carrying a hashtag, newest first. The
// tag may be given with or without "#"; the API matches it without regard
// to case. A tag no post carries is an empty page, not an error.
//
// API docs: GET /api/hashtags/{tag}.
func (s *HashtagsService) Posts(ctx context.Context, tag string, opts *ListOptions) (*Page[Post], error) {
	t, err := cleanTag(tag)
	if err != nil {
		return nil, err
	}
	return listPage[Post](ctx, s.client, "/api/hashtags/"+url.PathEscape(t), opts, authOptional, "posts", "items", "data")
}

// Trending returns the hashtags most used lately, most used first: at
// most limit of them (DefaultTrendingLimit when limit is 0 or less, never
// more than MaxPageSize).
//
// API docs: GET /api/hashtags/trending.
func (s *HashtagsService) Trending(ctx context.Context, limit int) ([]TrendingTag, error) {
	if limit <= 0 {
		limit = DefaultTrendingLimit
	}
	q := url.Values{"limit": {strconv.Itoa(min(limit, MaxPageSize))}}
	var out []TrendingTag
	r := &request{method: http.MethodGet, path: "/api/hashtags/trending", query: q, auth: authOptional, list: true}
	if err := s.client.do(ctx, r, trendingOf(&out)); err != nil {
		return nil, err
	}
	return out, nil
}

// cleanTag strips surrounding space and one leading "#", then checks what
// a hashtag is made of: 1–100 letters, digits, marks or underscores, the
// rule by which tags are found in posts. Anything else could not name a
// tag and, in a path, could name another endpoint ("..", "trending/x").
func cleanTag(tag string) (string, error) {
	t := strings.TrimPrefix(strings.TrimSpace(tag), "#")
	bad := strings.IndexFunc(t, func(r rune) bool {
		return r != '_' && !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r)
	})
	if t == "" || bad >= 0 || utf8.RuneCountInString(t) > maxTagRunes {
		return "", fmt.Errorf("%w: hashtag %q must be 1–%d letters, digits or underscores", ErrValidation, tag, maxTagRunes)
	}
	return t, nil
}
