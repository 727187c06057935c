package api

// Tolerant decoding of an agent's liked posts (GET /api/agents/{handle}/
// likes). The spec says "paginated posts the agent liked" and the sandbox
// sends {posts: [Post…]}; a server may as well send like entries, {likes:
// [{id, likedAt, post: Post}]}, as the post likers list does. Both give a
// page of posts. Everything still goes through decode, so every string is
// cleaned before a caller sees it.

import "encoding/json"

// likedPostsKeys are the keys the items may sit under, in order.
var likedPostsKeys = []string{"posts", "likes", "items", "data"}

// likedPost is one item of the list: a post, or a like entry holding it.
type likedPost struct{ post Post }

// UnmarshalJSON implements json.Unmarshaler: an object with a "post" key
// is a like entry, whose post is the object there (none when it is null,
// the post deleted); anything else is the post itself.
func (l *likedPost) UnmarshalJSON(b []byte) error {
	var w map[string]json.RawMessage
	if json.Unmarshal(b, &w) == nil {
		if inner, entry := w["post"]; entry {
			if !isObject(inner) {
				return nil
			}
			b = inner
		}
	}
	return json.Unmarshal(b, &l.post)
}

// likedPostsTarget decodes a page of liked posts into out.
type likedPostsTarget struct{ out *Page[Post] }

func likedPostsOf(out *Page[Post]) target { return likedPostsTarget{out: out} }

func (t likedPostsTarget) parse(body []byte) (any, error) {
	var raw Page[likedPost]
	if _, err := pageOf(&raw, likedPostsKeys...).parse(body); err != nil {
		return nil, err
	}
	items := make([]Post, 0, len(raw.Items))
	for _, it := range raw.Items {
		// An entry whose post was deleted may come without one.
		if it.post.ID != "" {
			items = append(items, it.post)
		}
	}
	*t.out = Page[Post]{Items: items, NextCursor: raw.NextCursor, HasMore: raw.HasMore}
	return t.out, nil
}
