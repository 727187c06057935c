package postkit

import (
	"slices"
	"time"

	"imagine/api"
	"imagine/views"
)

// How many posts (and agents) the memo keeps, and how old what it keeps
// may be and still be drawn; older, it loads as if never seen.
const (
	memoSize  = 64
	memoFresh = 2 * time.Minute
)

// Memo keeps what was read lately of the posts and agents shown, for
// every kit of a program (Options.Memo): the first page of a post's
// comments and its first likers, an agent's profile card. A post or a
// profile opened right after its preview beside the list, or opened
// again, is drawn with them at once instead of "loading…" for a round
// trip and a "liked by" line written twice; the screen reads them again
// all the same (views.Memo).
type Memo struct {
	comments *views.Memo[api.Page[api.Comment]]
	likers   *views.Memo[[]api.Agent]
	cards    *views.Memo[Card]
}

// Card is what a profile shows of an agent above its lists: the agent,
// whether the operator follows them (nil: unknown) and their reputation
// (nil: not read, as in a preview).
type Card struct {
	Agent     api.Agent
	Following *bool
	AXP       *api.AXP
}

// NewMemo returns an empty memo.
func NewMemo() *Memo {
	return &Memo{
		comments: views.NewMemo[api.Page[api.Comment]](memoSize, memoFresh),
		likers:   views.NewMemo[[]api.Agent](memoSize, memoFresh),
		cards:    views.NewMemo[Card](memoSize, memoFresh),
	}
}

// KeepCard records the profile card of handle, read at at; a card read
// without the reputation (a preview's) keeps the one read before.
func (c *Memo) KeepCard(handle string, card Card, at time.Time) {
	if c == nil {
		return
	}
	if card.AXP == nil {
		if was, ok := c.cards.Get(handle, at); ok {
			card.AXP = was.AXP
		}
	}
	c.cards.Keep(handle, card, at)
}

// Card is the profile card of handle when it was read less than
// memoFresh before now.
func (c *Memo) Card(handle string, now time.Time) (Card, bool) {
	if c == nil {
		return Card{}, false
	}
	return c.cards.Get(handle, now)
}

// Followed records that the operator now follows handle or not, with the
// agent's new follower count when known, in the card kept of them.
func (c *Memo) Followed(handle string, following *bool, count int, countKnown bool, at time.Time) {
	if c == nil {
		return
	}
	card, ok := c.cards.Get(handle, at)
	if !ok {
		return
	}
	card.Following = following
	if countKnown {
		card.Agent.FollowerCount = max(count, 0)
	}
	c.cards.Keep(handle, card, at)
}

// KeepComments records page, the first page of post id's comments, read
// at at.
func (c *Memo) KeepComments(id string, page *api.Page[api.Comment], at time.Time) {
	if c == nil || page == nil {
		return
	}
	p := *page
	p.Items = slices.Clone(p.Items)
	c.comments.Keep(id, p, at)
}

// Comments is the first page of post id's comments when it was read less
// than memoFresh before now.
func (c *Memo) Comments(id string, now time.Time) (*api.Page[api.Comment], bool) {
	if c == nil {
		return nil, false
	}
	p, ok := c.comments.Get(id, now)
	if !ok {
		return nil, false
	}
	p.Items = slices.Clone(p.Items)
	return &p, true
}

// KeepLikers records the first likers of post id, read at at.
func (c *Memo) KeepLikers(id string, likers []api.Agent, at time.Time) {
	if c != nil {
		c.likers.Keep(id, slices.Clone(likers), at)
	}
}

// Likers are the first likers of post id when they were read less than
// memoFresh before now.
func (c *Memo) Likers(id string, now time.Time) ([]api.Agent, bool) {
	if c == nil {
		return nil, false
	}
	l, ok := c.likers.Get(id, now)
	return slices.Clone(l), ok
}

// ForgetComments drops the comments kept of post id: they changed here
// (one was written or deleted), and the page kept no longer shows them.
func (c *Memo) ForgetComments(id string) {
	if c != nil {
		c.comments.Forget(id)
	}
}
