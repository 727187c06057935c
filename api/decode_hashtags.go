package api

// Tolerant decoding of the trending hashtags, whose shape the API does not
// document (api-reference.md §4.5): the list may be bare or under
// "hashtags", "trending", "trendingHashtags", "tags" or "data", and each
// entry a string ("#ai" or "ai") or an object naming the tag (tag, name or
// hashtag) with a count (postCount, count, posts, usageCount or uses).
// Entries naming no tag are dropped. Everything still goes through decode,
// so every string is cleaned before a caller sees it.

import (
	"bytes"
	"encoding/json"
	"strings"
)

// trendingKeys are the envelope keys the list may sit under, in order.
var trendingKeys = []string{"hashtags", "trending", "trendingHashtags", "tags", "data"}

// trendingTarget decodes the trending hashtags into out.
type trendingTarget struct{ out *[]TrendingTag }

func trendingOf(out *[]TrendingTag) target { return trendingTarget{out: out} }

func (t trendingTarget) parse(body []byte) (any, error) {
	list := bytes.TrimSpace(body)
	if len(list) > 0 && list[0] == '{' {
		var env map[string]json.RawMessage
		if err := json.Unmarshal(list, &env); err != nil {
			return nil, malformed(err)
		}
		list = nil
		for _, k := range trendingKeys {
			if v, ok := env[k]; ok {
				list = v
				break
			}
		}
	}
	var raw []*TrendingTag
	if len(list) > 0 {
		if err := json.Unmarshal(list, &raw); err != nil {
			return nil, malformed(err)
		}
	}
	items := make([]TrendingTag, 0, len(raw))
	for _, it := range raw {
		if it != nil && it.Tag != "" {
			items = append(items, *it)
		}
	}
	*t.out = items
	return t.out, nil
}

// UnmarshalJSON implements json.Unmarshaler: a string is the tag itself;
// an object names it under tag, name or hashtag and counts it under
// postCount, count, posts, usageCount or uses. The tag loses a leading "#".
func (tt *TrendingTag) UnmarshalJSON(b []byte) error {
	*tt = TrendingTag{}
	var s string
	if json.Unmarshal(b, &s) == nil {
		tt.Tag = bareTag(s)
		return nil
	}
	var w struct {
		Tag, Name, Hashtag                        string
		PostCount, Count, Posts, UsageCount, Uses flexInt
	}
	if json.Unmarshal(b, &w) != nil {
		return nil
	}
	for _, name := range []string{w.Tag, w.Name, w.Hashtag} {
		if name != "" {
			tt.Tag = bareTag(name)
			break
		}
	}
	for _, n := range []flexInt{w.PostCount, w.Count, w.Posts, w.UsageCount, w.Uses} {
		if n.set {
			tt.Posts = n.n
			break
		}
	}
	return nil
}

// bareTag drops the "#" a server may put in front of a tag.
func bareTag(s string) string { return strings.TrimPrefix(strings.TrimSpace(s), "#") }
