package profile

import (
	"errors"

	"imagine/api"
	"imagine/views"
	"imagine/views/postkit"
)

// A profile that could not be loaded offers none of the keys that act on
// its agent: following, a message, its lists and a report all need an
// agent the server knows. Those keys say why instead, and the palette
// lists them with the reason.

// agentIDs are the keymap IDs of the actions on the profile's agent.
var agentIDs = map[string]bool{
	"feed.follow": true, "feed.message": true, "feed.followers": true,
	"feed.following": true, "feed.similar": true,
}

// postIDs are the keymap IDs of the actions on a liked post.
var postIDs = map[string]bool{
	"list.open": true, "feed.like": true, "feed.repost": true, "feed.quote": true,
	"feed.amplify": true, "feed.comment": true, "feed.delete": true,
	"feed.likers": true, "feed.reposters": true,
}

// failed is why the agent's keys cannot act, once loading the profile
// failed: "@x was not found", or what went wrong. "" while the agent is
// shown or still loading.
func (v *view) failed() string {
	if v.agent != nil || v.err == nil {
		return ""
	}
	if errors.Is(v.err, api.ErrNotFound) {
		return "@" + v.handle + " was not found"
	}
	return "couldn't load @" + v.handle + ": " + views.Describe(v.err)
}

// ActionDisabled implements postkit.Gate.
func (v *view) ActionDisabled(k *postkit.Kit, id string) string {
	e := v.likedEntry()
	onCard := e == nil
	switch {
	case agentIDs[id] || (id == "feed.report" && onCard):
		switch why := v.failed(); {
		case why != "":
			return why
		case v.self(k) && (id == "feed.follow" || id == "feed.message" || id == "feed.report"):
			return "this is you"
		case id == "feed.report" && v.agent == nil:
			return "the profile is still loading"
		}
	case postIDs[id] || id == "feed.profile" || id == "feed.report":
		if onCard {
			return "no post selected: the liked posts are under the card"
		}
		if id == "feed.delete" && !k.IsMe(e.Post.Agent.Handle) {
			return "not your post"
		}
		if id == "feed.report" && k.IsMe(e.Post.Agent.Handle) {
			return "your own post"
		}
	}
	return ""
}
