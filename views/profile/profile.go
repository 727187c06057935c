// Package profile is the screen of an agent's profile: a list whose first
// item is the card (name, handle, bio, website, counts, capabilities and
// whether the operator follows the agent) and the others the posts the
// agent liked, most recent like first, drawn as the timeline draws posts
// and paged in as the cursor nears the end. The card's keys work wherever
// the cursor is: f follows or unfollows (optimistically, rolled back on
// error), m opens the conversation with the agent, F and G list its
// followers and the agents it follows; your own profile offers neither
// follow nor message; one that failed to load offers none of the agent's
// keys, which say why (gate.go). On a liked post, enter opens it and the
// post keys act on it.
//
// It is pushed onto a postkit.Kit by Open, the kit's Options.Profile (p on
// a post, a mention, views.OpenProfileMsg from any pane), so postkit
// imports no screen package.
package profile

import (
	"context"
	"strings"

	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
	"imagine/views/postkit"
)

// view is an agent's profile. It implements postkit.Screen.
type view struct {
	id        int
	handle    string
	agent     *api.Agent
	following *bool    // nil while unknown
	axp       *api.AXP // level and AXP; nil until read, or in a preview
	loading   bool
	err       error
	ver       int              // bumped on every change; part of the cache key
	liked     postkit.PostList // the agent's liked posts, under the card
	win       views.Window
}

// view is a postkit.Screen.
var (
	_ postkit.Screen = (*view)(nil)
	_ postkit.Loader = (*view)(nil)
)

// loadedMsg is an agent's profile and whether the operator follows them.
type loadedMsg struct {
	id        int
	agent     *api.Agent
	following *bool
	axp       *api.AXP
	err       error
}

// xpReader reads an agent's reputation (*api.AgentsService has it);
// sources without it show none.
type xpReader interface {
	XP(ctx context.Context, handle string, opts *api.ListOptions) (*api.AXP, error)
}

// Open is postkit.Options.Profile: it pushes the profile of handle (without
// "@") onto the kit and fetches it; with no agents service it opens none.
func Open(k *postkit.Kit, handle string) tea.Cmd {
	agents := k.Agents()
	if agents == nil {
		return nil
	}
	v := &view{id: k.NewID(), handle: handle, loading: true}
	k.Push(v)
	if card, ok := k.Memo().Card(handle, k.Clock()); ok {
		// Read moments ago (a preview, an earlier visit): drawn at once,
		// read again all the same.
		a := card.Agent
		v.agent, v.following, v.axp = &a, card.Following, card.AXP
		v.ver++
	}
	ctx, id, self := k.Context(), v.id, k.IsMe(handle)
	// A preview (the split view's glance) reads the card alone: the level
	// would cost a request on every rest of the cursor.
	xp, _ := agents.(xpReader)
	if k.Previewing() {
		xp = nil
	}
	return func() tea.Msg {
		a, err := agents.Get(ctx, handle)
		if err != nil {
			return loadedMsg{id: id, err: err}
		}
		following := a.IsFollowing
		if following == nil && !self {
			// The follow state is a nicety: without it the profile still
			// shows, and f follows.
			if f, ferr := agents.IsFollowing(ctx, handle); ferr == nil {
				following = &f
			}
		}
		msg := loadedMsg{id: id, agent: a, following: following}
		if xp != nil {
			// The level is a nicety too: the card shows without it.
			msg.axp, _ = xp.XP(ctx, handle, &api.ListOptions{Limit: 1})
		}
		return msg
	}
}

// ID implements postkit.Screen.
func (v *view) ID() int { return v.id }

// Crumb implements postkit.Screen.
func (v *view) Crumb() string { return "@" + v.handle }

// Loaded implements postkit.Loader: the agent arrived, and their liked
// posts (when asked for) are not on their way or failed.
func (v *view) Loaded() bool { return !v.loading && v.err == nil && v.liked.Settled() }

// loaded takes the profile, then asks for the agent's liked posts.
func (v *view) loaded(k *postkit.Kit, msg loadedMsg) tea.Cmd {
	v.loading = false
	v.err = msg.err
	if msg.agent != nil {
		if msg.axp == nil {
			msg.axp = v.axp // not read (a preview) or failed: the level shown stays
		}
		v.agent, v.following, v.axp = msg.agent, msg.following, msg.axp
		k.Memo().KeepCard(v.handle, postkit.Card{Agent: *msg.agent, Following: msg.following, AXP: msg.axp}, k.Clock())
	}
	v.ver++
	if msg.agent != nil && !v.liked.Asked() {
		return v.fetchLiked(k)
	}
	return nil
}

// fetchLiked fetches the first page of the agent's liked posts, once the
// profile has arrived: the card comes first under a tight rate budget, and
// a profile left before it arrived costs no request for its likes. A
// preview (the split view's glance at a profile) fetches none: the card is
// enough there, and the request would be paid on every cursor move.
func (v *view) fetchLiked(k *postkit.Kit) tea.Cmd {
	agents := k.Agents()
	if k.Previewing() || agents == nil {
		return nil
	}
	handle := v.handle
	v.liked.SetSource(k.Context(), func(ctx context.Context, opts *api.ListOptions) (*api.Page[api.Post], error) {
		return agents.Likes(ctx, handle, opts)
	})
	return k.FetchPosts(v.id, &v.liked)
}

// likedEntry is the liked post under the cursor, or nil on the card.
func (v *view) likedEntry() *postkit.Entry {
	if i := v.win.Cursor - 1; i >= 0 && i < len(v.liked.Entries) {
		return v.liked.Entries[i]
	}
	return nil
}

// Update implements postkit.Screen: the profile, its liked posts, the
// follow state, a liked post deleted.
func (v *view) Update(k *postkit.Kit, msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case loadedMsg:
		if msg.id == v.id {
			return v.loaded(k, msg)
		}
		return nil
	case postkit.FollowSet:
		if msg.Handle != v.handle || v.agent == nil {
			return nil
		}
		v.following = msg.Following
		if msg.CountKnown {
			v.agent.FollowerCount = max(msg.Count, 0)
		}
		k.Memo().Followed(v.handle, msg.Following, msg.Count, msg.CountKnown, k.Clock())
		v.ver++
		return nil
	case postkit.PostDeleted:
		v.liked.Remove(msg.ID, &v.win, 1)
		return nil
	}
	return k.PostsLoaded(v.id, &v.liked, v.win.Cursor-1, msg)
}

// Holds implements postkit.Screen: the liked posts.
func (v *view) Holds(e *postkit.Entry) bool { return v.liked.Holds(e) }

// Closed implements postkit.Screen: a profile stays.
func (v *view) Closed() bool { return false }

// Release implements postkit.Screen.
func (v *view) Release(k *postkit.Kit) { v.liked.Release(k) }

// LinkTexts implements postkit.Screen: the selected liked post, else the
// bio and website.
func (v *view) LinkTexts(*postkit.Kit) []string {
	if e := v.likedEntry(); e != nil {
		return postkit.PostTexts(&e.Post)
	}
	if a := v.agent; a != nil {
		return []string{a.Bio, a.WebsiteURL}
	}
	return nil
}

// Links implements postkit.LinkLister: on a liked post, the post it
// quotes, to open, then its links; on the card, the bio's and website's.
func (v *view) Links(k *postkit.Kit) []views.Link {
	if e := v.likedEntry(); e != nil {
		return k.PostLinks(&e.Post)
	}
	return postkit.TextLinks(v.LinkTexts(k)...)
}

// Address implements postkit.Screen: the selected liked post, else the
// agent.
func (v *view) Address(k *postkit.Kit) string {
	if e := v.likedEntry(); e != nil {
		return k.PostAddress(e)
	}
	return k.WebAddress("agent", v.handle)
}

// self reports whether the profile is the operator's own.
func (v *view) self(k *postkit.Kit) bool { return k.IsMe(v.handle) }

// hints are the profile's keys named in its header: your own profile
// offers neither follow nor message, one that failed to load none of the
// agent's.
func (v *view) hints(k *postkit.Kit) string {
	f := k.Keys().Feed
	if v.failed() != "" {
		return k.Hint(k.Keys().List.Back)
	}
	parts := []string{k.Hint(f.Followers), k.Hint(f.Following), k.Hint(k.Keys().List.Back)}
	if !v.self(k) {
		parts = append([]string{k.Hint(f.Message)}, parts...)
	}
	return strings.Join(parts, " · ")
}
