package api

// Tolerant JSON decoding of the resource types (api-reference.md §11). The
// methods below decode through a shadow struct: `plain` is the type without
// its methods (no recursion), and fields declared next to it take precedence
// over plain's fields of the same JSON name, which lets a timestamp or a
// count be read leniently while everything else decodes as usual.

import (
	"cmp"
	"encoding/json"
	"strings"
	"time"
)

// flexTime is a timestamp that never fails to decode: RFC 3339 with or
// without fractional seconds (also without a zone, read as UTC); null, ""
// or anything else is the zero time.
type flexTime time.Time

// timeLayouts are tried in order.
var timeLayouts = [...]string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999", "2006-01-02 15:04:05.999999999Z07:00"}

// UnmarshalJSON implements json.Unmarshaler.
func (t *flexTime) UnmarshalJSON(b []byte) error {
	*t = flexTime{}
	var s string
	if json.Unmarshal(b, &s) != nil {
		return nil
	}
	s = strings.TrimSpace(s)
	for _, layout := range timeLayouts {
		if v, err := time.Parse(layout, s); err == nil {
			*t = flexTime(v)
			return nil
		}
	}
	return nil
}

// flexInt is a count that accepts a number, a numeric string or null, and
// remembers whether a value was present.
type flexInt struct {
	n   int
	set bool
}

// UnmarshalJSON implements json.Unmarshaler; unusable values leave it unset.
func (f *flexInt) UnmarshalJSON(b []byte) error {
	*f = flexInt{}
	var n json.Number
	if json.Unmarshal(b, &n) != nil {
		var s string
		if json.Unmarshal(b, &s) != nil {
			return nil
		}
		n = json.Number(strings.TrimSpace(s))
	}
	if v, err := n.Float64(); err == nil && v >= 0 && v < 1<<31 {
		f.n, f.set = int(v), true
	}
	return nil
}

// or returns f's value if set, else g's.
func (f flexInt) or(g flexInt) int {
	if f.set {
		return f.n
	}
	return g.n
}

// flexStrings is a list of strings that also accepts null (→ empty) and
// items that are objects naming the string (tag, name, handle or url);
// other items are skipped.
type flexStrings []string

// UnmarshalJSON implements json.Unmarshaler.
func (l *flexStrings) UnmarshalJSON(b []byte) error {
	*l = flexStrings{}
	var items []json.RawMessage
	if json.Unmarshal(b, &items) != nil {
		return nil
	}
	for _, raw := range items {
		var s string
		if json.Unmarshal(raw, &s) == nil {
			*l = append(*l, s)
			continue
		}
		var o struct{ Tag, Name, Handle, URL string }
		if json.Unmarshal(raw, &o) == nil {
			for _, v := range []string{o.Tag, o.Name, o.Handle, o.URL} {
				if v != "" {
					*l = append(*l, v)
					break
				}
			}
		}
	}
	return nil
}

// bareHandle drops the leading "@" the SDK fixtures show.
func bareHandle(h string) string {
	return strings.TrimPrefix(strings.TrimSpace(h), "@")
}

// UnmarshalJSON implements json.Unmarshaler: counts come from
// followerCount/followingCount/postCount or else stats.followers/
// following/posts; the handle loses a leading "@"; an entry that wraps the
// agent ({"agent":{…}}, as follower lists may) is unwrapped.
func (a *Agent) UnmarshalJSON(b []byte) error {
	type plain Agent
	var w struct {
		plain
		CreatedAt      flexTime `json:"createdAt"`
		FollowerCount  flexInt  `json:"followerCount"`
		FollowingCount flexInt  `json:"followingCount"`
		PostCount      flexInt  `json:"postCount"`
		Stats          struct {
			Followers flexInt `json:"followers"`
			Following flexInt `json:"following"`
			Posts     flexInt `json:"posts"`
		} `json:"stats"`
		Wrapped   json.RawMessage `json:"agent"`
		Follower  json.RawMessage `json:"follower"`
		Following json.RawMessage `json:"following"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	if w.ID == "" && w.Handle == "" {
		for _, inner := range []json.RawMessage{w.Wrapped, w.Follower, w.Following} {
			if isObject(inner) {
				return a.UnmarshalJSON(inner)
			}
		}
	}
	*a = Agent(w.plain)
	a.Handle = bareHandle(a.Handle)
	a.CreatedAt = time.Time(w.CreatedAt)
	a.FollowerCount = w.FollowerCount.or(w.Stats.Followers)
	a.FollowingCount = w.FollowingCount.or(w.Stats.Following)
	a.PostCount = w.PostCount.or(w.Stats.Posts)
	return nil
}

// UnmarshalJSON implements json.Unmarshaler: the quoted or reposted post is
// read from repostOf, quotedPost or quoteOf (the latter two mark a quote);
// the author from agent or author; null lists become empty.
func (p *Post) UnmarshalJSON(b []byte) error {
	type plain Post
	var w struct {
		plain
		CreatedAt    flexTime    `json:"createdAt"`
		MediaURLs    flexStrings `json:"mediaUrls"`
		Hashtags     flexStrings `json:"hashtags"`
		Mentions     flexStrings `json:"mentions"`
		LikeCount    flexInt     `json:"likeCount"`
		CommentCount flexInt     `json:"commentCount"`
		RepostCount  flexInt     `json:"repostCount"`
		ViewCount    flexInt     `json:"viewCount"`
		AmplifyCount flexInt     `json:"amplifyCount"`
		QuotedPost   *Post       `json:"quotedPost"`
		QuoteOf      *Post       `json:"quoteOf"`
		Author       *Agent      `json:"author"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*p = Post(w.plain)
	p.CreatedAt = time.Time(w.CreatedAt)
	p.MediaURLs = orEmpty(w.MediaURLs)
	p.Hashtags = orEmpty(w.Hashtags)
	p.Mentions = orEmpty(w.Mentions)
	p.LikeCount, p.CommentCount, p.RepostCount = w.LikeCount.n, w.CommentCount.n, w.RepostCount.n
	p.ViewCount, p.AmplifyCount = w.ViewCount.n, w.AmplifyCount.n
	if p.RepostOf == nil {
		for _, q := range []*Post{w.QuotedPost, w.QuoteOf} {
			if q != nil {
				p.RepostOf, p.IsQuote = q, true
				break
			}
		}
	}
	if p.Agent.ID == "" && p.Agent.Handle == "" && w.Author != nil {
		p.Agent = *w.Author
	}
	return nil
}

// orEmpty turns a missing list into an empty one.
func orEmpty(l flexStrings) []string {
	if l == nil {
		return []string{}
	}
	return l
}

// UnmarshalJSON implements json.Unmarshaler (lenient timestamp, author from
// agent or author). Nested replies are kept here and flattened by the
// comments list (flattenComments).
func (c *Comment) UnmarshalJSON(b []byte) error {
	type plain Comment
	var w struct {
		plain
		CreatedAt flexTime `json:"createdAt"`
		Author    *Agent   `json:"author"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*c = Comment(w.plain)
	c.CreatedAt = time.Time(w.CreatedAt)
	if c.Agent.ID == "" && c.Agent.Handle == "" && w.Author != nil {
		c.Agent = *w.Author
	}
	return nil
}

// flattenComments turns nested replies into the flat form: each reply
// follows its parent (depth first, order kept), with ParentID (and PostID,
// if missing) taken from the parent, and Replies emptied.
func flattenComments(in []Comment) []Comment {
	out := make([]Comment, 0, len(in))
	var walk func(c Comment, parent *Comment)
	walk = func(c Comment, parent *Comment) {
		replies := c.Replies
		c.Replies = nil
		if parent != nil {
			if c.ParentID == "" {
				c.ParentID = parent.ID
			}
			if c.PostID == "" {
				c.PostID = parent.PostID
			}
		}
		out = append(out, c)
		for _, r := range replies {
			walk(r, &c)
		}
	}
	for _, c := range in {
		walk(c, nil)
	}
	return out
}

// UnmarshalJSON implements json.Unmarshaler: likedAt (or createdAt) is read
// leniently.
func (l *Like) UnmarshalJSON(b []byte) error {
	type plain Like
	var w struct {
		plain
		LikedAt   flexTime `json:"likedAt"`
		CreatedAt flexTime `json:"createdAt"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*l = Like(w.plain)
	l.LikedAt = time.Time(w.LikedAt)
	if l.LikedAt.IsZero() {
		l.LikedAt = time.Time(w.CreatedAt)
	}
	return nil
}

// UnmarshalJSON implements json.Unmarshaler: createdAt (or repostedAt) is
// read leniently.
func (r *Repost) UnmarshalJSON(b []byte) error {
	type plain Repost
	var w struct {
		plain
		CreatedAt  flexTime `json:"createdAt"`
		RepostedAt flexTime `json:"repostedAt"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*r = Repost(w.plain)
	r.CreatedAt = time.Time(w.CreatedAt)
	if r.CreatedAt.IsZero() {
		r.CreatedAt = time.Time(w.RepostedAt)
	}
	return nil
}

// UnmarshalJSON implements json.Unmarshaler: the handle loses a leading
// "@", and identity fields nested under "agent" are used when the top level
// lacks them.
func (r *Registration) UnmarshalJSON(b []byte) error {
	type plain Registration
	var w struct {
		plain
		Agent *Agent `json:"agent"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*r = Registration(w.plain)
	if w.Agent != nil {
		r.ID = cmp.Or(r.ID, w.Agent.ID)
		r.Handle = cmp.Or(r.Handle, w.Agent.Handle)
		r.Name = cmp.Or(r.Name, w.Agent.Name)
	}
	r.Handle = bareHandle(r.Handle)
	return nil
}
