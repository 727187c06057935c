package api

// Tolerant decoding of the types of types_discover.go. The spec names few
// of their fields (api-reference.md §5.15–5.17, Q23), so each reads the
// name the sandbox sends and the usual alternatives; counts and times are
// lenient, URLs to open must be https (SafeLink), and everything still
// goes through decode, so every string is cleaned before a caller sees it.

import (
	"cmp"
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"time"
)

// signedFloat is a number that may be negative (a percentage change),
// given as a number or a numeric string; null or anything else is unset.
type signedFloat struct {
	f   float64
	set bool
}

// UnmarshalJSON implements json.Unmarshaler.
func (f *signedFloat) UnmarshalJSON(b []byte) error {
	*f = signedFloat{}
	var n json.Number
	if json.Unmarshal(b, &n) != nil {
		var s string
		if json.Unmarshal(b, &s) != nil {
			return nil
		}
		n = json.Number(strings.TrimSuffix(strings.TrimSpace(s), "%"))
	}
	if v, err := strconv.ParseFloat(string(n), 64); err == nil && !math.IsInf(v, 0) && !math.IsNaN(v) {
		*f = signedFloat{f: v, set: true}
	}
	return nil
}

// agentOf returns the first of raws that is an agent.
func agentOf(raws ...json.RawMessage) Agent {
	for _, raw := range raws {
		var r agentRef
		if json.Unmarshal(raw, &r) == nil && r.agent != nil {
			return *r.agent
		}
	}
	return Agent{}
}

// UnmarshalJSON implements json.Unmarshaler: the video under videoUrl,
// url or video_url; the poster under thumbnailUrl, posterUrl, thumbnail or
// poster; the author under agent or author; counts leniently.
func (b *Byte) UnmarshalJSON(data []byte) error {
	var w struct {
		ID           json.RawMessage `json:"id"`
		Caption      flexText        `json:"caption"`
		Content      flexText        `json:"content"`
		VideoURL     string          `json:"videoUrl"`
		URL          string          `json:"url"`
		VideoURL2    string          `json:"video_url"`
		ThumbnailURL string          `json:"thumbnailUrl"`
		PosterURL    string          `json:"posterUrl"`
		Thumbnail    string          `json:"thumbnail"`
		Poster       string          `json:"poster"`
		Duration     signedFloat     `json:"duration"`
		Hashtags     flexStrings     `json:"hashtags"`
		CreatedAt    flexTime        `json:"createdAt"`
		Agent        json.RawMessage `json:"agent"`
		Author       json.RawMessage `json:"author"`
		LikeCount    flexInt         `json:"likeCount"`
		Likes        flexInt         `json:"likes"`
		CommentCount flexInt         `json:"commentCount"`
		Comments     flexInt         `json:"comments"`
		ViewCount    flexInt         `json:"viewCount"`
		IsLiked      flexBool        `json:"isLiked"`
		Liked        flexBool        `json:"liked"`
	}
	if err := json.Unmarshal(data, &w); err != nil {
		return err
	}
	*b = Byte{
		ID: textOf(w.ID), Caption: cmp.Or(string(w.Caption), string(w.Content)),
		VideoURL:     SafeLink(cmp.Or(w.VideoURL, w.URL, w.VideoURL2)),
		ThumbnailURL: SafeLink(cmp.Or(w.ThumbnailURL, w.PosterURL, w.Thumbnail, w.Poster)),
		Hashtags:     orEmpty(w.Hashtags), CreatedAt: time.Time(w.CreatedAt), Agent: agentOf(w.Agent, w.Author),
		LikeCount: firstInt(w.LikeCount, w.Likes), CommentCount: firstInt(w.CommentCount, w.Comments),
		ViewCount: w.ViewCount.n, IsLiked: w.IsLiked.b || w.Liked.b,
	}
	if w.Duration.set && w.Duration.f > 0 && w.Duration.f < 1e6 {
		b.Duration = int(math.Round(w.Duration.f))
	}
	return nil
}

// UnmarshalJSON implements json.Unmarshaler: the author under agent or
// author, the Byte under byteId or byte_id, a null parentId as "".
func (c *ByteComment) UnmarshalJSON(data []byte) error {
	var w struct {
		ID        json.RawMessage `json:"id"`
		ByteID    string          `json:"byteId"`
		ByteID2   string          `json:"byte_id"`
		Content   flexText        `json:"content"`
		CreatedAt flexTime        `json:"createdAt"`
		Agent     json.RawMessage `json:"agent"`
		Author    json.RawMessage `json:"author"`
		ParentID  *string         `json:"parentId"`
	}
	if err := json.Unmarshal(data, &w); err != nil {
		return err
	}
	*c = ByteComment{ID: textOf(w.ID), ByteID: cmp.Or(w.ByteID, w.ByteID2), Content: string(w.Content),
		CreatedAt: time.Time(w.CreatedAt), Agent: agentOf(w.Agent, w.Author)}
	if w.ParentID != nil {
		c.ParentID = *w.ParentID
	}
	return nil
}

// firstRaw returns the value of the first of keys present in m.
func firstRaw(m map[string]json.RawMessage, keys ...string) json.RawMessage {
	for _, k := range keys {
		if v, ok := m[k]; ok && string(v) != "null" {
			return v
		}
	}
	return nil
}

// itemsOf decodes a JSON list, dropping null and undecodable items.
func itemsOf[T any](raw json.RawMessage) []T {
	var items []json.RawMessage
	_ = json.Unmarshal(raw, &items)
	out := make([]T, 0, len(items))
	for _, it := range items {
		var v T
		if string(it) != "null" && json.Unmarshal(it, &v) == nil {
			out = append(out, v)
		}
	}
	return out
}

// exploreTarget decodes GET /api/explore.
type exploreTarget struct{ out *Explore }

func (t exploreTarget) parse(body []byte) (any, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(body, &m); err != nil {
		return nil, malformed(err)
	}
	*t.out = Explore{
		TrendingPosts: itemsOf[Post](firstRaw(m, "trendingPosts", "posts")),
		PopularAgents: itemsOf[Agent](firstRaw(m, "popularAgents", "agents")),
	}
	t.out.TrendingHashtags = []TrendingTag{}
	if raw := firstRaw(m, "trendingHashtags", "hashtags"); raw != nil {
		var tags []TrendingTag
		if _, err := trendingOf(&tags).parse(raw); err == nil {
			t.out.TrendingHashtags = tags
		}
	}
	if raw := firstRaw(m, "featuredAgent", "featured"); isObject(raw) {
		if a := agentOf(raw); a.ID != "" || a.Handle != "" {
			t.out.FeaturedAgent = &a
		}
	}
	return t.out, nil
}

// searchTarget decodes GET /api/search: agents (or users) and posts, or
// a single results list whose items say their own type.
type searchTarget struct{ out *SearchResult }

func (t searchTarget) parse(body []byte) (any, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(body, &m); err != nil {
		return nil, malformed(err)
	}
	var q string
	_ = json.Unmarshal(m["query"], &q)
	r := SearchResult{Query: q, Agents: itemsOf[Agent](firstRaw(m, "agents", "users")), Posts: itemsOf[Post](firstRaw(m, "posts"))}
	r.NextCursor = cursorString(m["nextCursor"])
	r.HasMore = r.NextCursor != ""
	var more *bool
	if json.Unmarshal(m["hasMore"], &more) == nil && more != nil {
		r.HasMore = *more
	}
	*t.out = r
	return t.out, nil
}

// axpTarget decodes GET /api/agents/{handle}/xp: the summary under axp
// (or xp, or at top level) and the history under history or transactions.
type axpTarget struct{ out *AXP }

func (t axpTarget) parse(body []byte) (any, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(body, &m); err != nil {
		return nil, malformed(err)
	}
	sum := firstRaw(m, "axp", "xp")
	if !isObject(sum) {
		sum = body
	}
	var w struct {
		Total           flexInt     `json:"total"`
		TotalAXP        flexInt     `json:"totalAXP"`
		Level           flexInt     `json:"level"`
		Progress        signedFloat `json:"progress"`
		RecentAXP       flexInt     `json:"recentAXP"`
		NextLevelAt     flexInt     `json:"nextLevelAt"`
		LevelThresholds []flexInt   `json:"levelThresholds"`
	}
	_ = json.Unmarshal(sum, &w)
	a := AXP{Agent: agentOf(m["agent"]), Total: firstInt(w.Total, w.TotalAXP), Level: max(w.Level.n, 1),
		RecentAXP: w.RecentAXP.n, NextLevelAt: w.NextLevelAt.n}
	if w.Progress.set {
		a.Progress = min(max(w.Progress.f, 0), 100)
	}
	for _, n := range w.LevelThresholds {
		if n.set {
			a.LevelThresholds = append(a.LevelThresholds, n.n)
		}
	}
	if _, err := pageOf(&a.History, "history", "transactions", "items").parse(body); err != nil {
		return nil, err
	}
	*t.out = a
	return t.out, nil
}

// UnmarshalJSON implements json.Unmarshaler: the amount under amount,
// points or xp; the reason under reason or type.
func (x *AXPTransaction) UnmarshalJSON(b []byte) error {
	type plain AXPTransaction
	var w struct {
		plain
		ID        json.RawMessage `json:"id"`
		Amount    signedFloat     `json:"amount"`
		Points    signedFloat     `json:"points"`
		XP        signedFloat     `json:"xp"`
		Type      string          `json:"type"`
		CreatedAt flexTime        `json:"createdAt"`
		PostID    *string         `json:"postId"`
		ByteID    *string         `json:"byteId"`
		OrderID   *string         `json:"orderId"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*x = AXPTransaction(w.plain)
	x.ID, x.Reason, x.CreatedAt = textOf(w.ID), cmp.Or(w.plain.Reason, w.Type), time.Time(w.CreatedAt)
	for _, f := range []signedFloat{w.Amount, w.Points, w.XP} {
		if f.set {
			x.Amount = int(math.Round(f.f))
			break
		}
	}
	x.PostID, x.ByteID, x.OrderID = deref(w.PostID), deref(w.ByteID), deref(w.OrderID)
	return nil
}

// deref reads an optional string.
func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
