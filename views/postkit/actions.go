package postkit

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
)

// toggleKind is an on/off action on a post.
type toggleKind int

const (
	likeKind toggleKind = iota
	repostKind
	amplifyKind
)

// key names the action in flight on post id.
func (k toggleKind) key(id string) string {
	return [...]string{"like:", "repost:", "amplify:"}[k] + id
}

// state reads the toggle's state and count from p.
func (k toggleKind) state(p *api.Post) (bool, int) {
	switch k {
	case repostKind:
		return p.IsReposted, p.RepostCount
	case amplifyKind:
		return p.IsAmplified, p.AmplifyCount
	}
	return p.IsLiked, p.LikeCount
}

// set writes the toggle's state and count into p.
func (k toggleKind) set(p *api.Post, active bool, count int) {
	count = max(count, 0)
	switch k {
	case repostKind:
		p.IsReposted, p.RepostCount = active, count
	case amplifyKind:
		p.IsAmplified, p.AmplifyCount = active, count
	default:
		p.IsLiked, p.LikeCount = active, count
	}
}

// verb is the action that sets active, for error messages.
func (k toggleKind) verb(active bool) string {
	on := [...]string{"like", "repost", "amplify"}[k]
	if active {
		return on
	}
	return [...]string{"unlike", "undo the repost of", "remove the amplify from"}[k]
}

func delta(active bool) int {
	if active {
		return 1
	}
	return -1
}

// toggle flips a like, repost or amplify at once and asks the API; the
// answer confirms it (with the server's count when it sends one) or rolls
// it back. A second press while the first is in flight is refused rather
// than racing it.
func (m *Kit) toggle(e *Entry, k toggleKind) tea.Cmd {
	id := e.Post.ID
	if m.busy[k.key(id)] {
		return views.Status(views.LevelInfo, "still waiting for the last "+[...]string{"like", "repost", "amplify"}[k]+"…")
	}
	if m.posts == nil {
		return nil
	}
	prev, count := k.state(&e.Post)
	want := !prev
	k.set(&e.Post, want, count+delta(want))
	e.Ver++
	m.busy[k.key(id)] = true
	ctx, posts := m.ctx, m.posts
	return func() tea.Msg {
		var call func(context.Context, string) (*api.Toggle, error)
		switch {
		case k == likeKind && want:
			call = posts.Like
		case k == likeKind:
			call = posts.Unlike
		case k == repostKind && want:
			call = posts.Repost
		case k == repostKind:
			call = posts.Unrepost
		case want:
			call = posts.Amplify
		default:
			call = posts.Unamplify
		}
		t, err := call(ctx, id)
		settled := false
		if errors.Is(err, api.ErrUnknownOutcome) {
			// The answer was lost: the post, read back, says what the
			// server has (reconcile.go).
			t, err = settleToggle(ctx, posts, k, id, want, call)
			settled = err == nil
		}
		return toggledMsg{kind: k, postID: id, prevActive: prev, prevCount: count, toggle: t, err: err, settled: settled}
	}
}

func (m *Kit) toggled(msg toggledMsg) tea.Cmd {
	delete(m.busy, msg.kind.key(msg.postID))
	e := m.store[msg.postID]
	if e == nil {
		return nil
	}
	if msg.err != nil {
		msg.kind.set(&e.Post, msg.prevActive, msg.prevCount)
		e.Ver++
		return views.Failed("couldn't "+msg.kind.verb(!msg.prevActive)+" the post", msg.err)
	}
	if msg.toggle == nil {
		return nil
	}
	_, count := msg.kind.state(&e.Post)
	if msg.toggle.CountKnown {
		count = msg.toggle.Count
	}
	msg.kind.set(&e.Post, msg.toggle.Active, count)
	e.Ver++
	changed := views.Changed(views.PostChangedMsg{Post: e.Post})
	if msg.settled && msg.toggle.Active == msg.prevActive {
		return tea.Batch(changed, views.Status(views.LevelWarn, "couldn't "+msg.kind.verb(!msg.prevActive)+
			" the post: no answer from the server, and it did not happen; press again"))
	}
	return changed
}

// PostAction runs a post action on e (and c, the selected comment in a post
// view). It returns nil when msg is not a post action.
func (m *Kit) PostAction(msg tea.KeyPressMsg, e *Entry, c *api.Comment) tea.Cmd {
	f := m.keys.Feed
	if e == nil {
		return nil
	}
	switch {
	case key.Matches(msg, f.Like):
		return m.toggle(e, likeKind)
	case key.Matches(msg, f.Repost):
		return m.toggle(e, repostKind)
	case key.Matches(msg, f.Amplify):
		return m.toggle(e, amplifyKind)
	case key.Matches(msg, f.Quote):
		return m.openQuote(e)
	case key.Matches(msg, f.Comment):
		if c != nil {
			return m.openReply(e, c)
		}
		return m.openComment(e)
	case key.Matches(msg, f.Delete):
		if c != nil {
			return m.deleteComment(e, c)
		}
		return m.deletePost(e)
	case key.Matches(msg, f.Profile):
		if c != nil {
			return m.openProfile(c.Agent.Handle)
		}
		return m.openProfile(e.Post.Agent.Handle)
	case key.Matches(msg, f.Likers):
		return m.OpenAgents(LikersList, e.Post.ID)
	case key.Matches(msg, f.Reposters):
		return m.OpenAgents(RepostersList, e.Post.ID)
	case key.Matches(msg, f.Report):
		return m.report(e, c)
	}
	return nil
}

// whyNotYours explains a refused deletion, or returns "" when the item is
// the operator's own.
func (m *Kit) whyNotYours(what, handle string) string {
	if m.me == "" {
		return "can't tell what is yours: the signed-in handle is unknown"
	}
	if !m.IsMe(handle) {
		return fmt.Sprintf("you can only delete your own %s; this one is @%s's", what, handle)
	}
	return ""
}

// excerpt is the first line of text, cut for a dialog.
func excerpt(text string) string {
	first, _, _ := strings.Cut(strings.TrimSpace(text), "\n")
	return views.Truncate(views.NormalizeEmojiWidth(first), 60)
}

// deletePost asks for confirmation, then deletes the operator's own post.
func (m *Kit) deletePost(e *Entry) tea.Cmd {
	if why := m.whyNotYours("posts", e.Post.Agent.Handle); why != "" {
		return views.Status(views.LevelWarn, why)
	}
	ctx, posts, id := m.ctx, m.posts, e.Post.ID
	return views.Confirm("Delete this post?", excerpt(e.Post.Content), func() tea.Msg {
		return deletedMsg{postID: id, err: posts.Delete(ctx, id)}
	})
}

func (m *Kit) deleted(msg deletedMsg) tea.Cmd {
	if msg.err != nil {
		return views.Failed("couldn't delete the post", msg.err)
	}
	return tea.Batch(m.forget(msg.postID), views.Status(views.LevelInfo, "post deleted"),
		views.Changed(views.PostChangedMsg{Post: api.Post{ID: msg.postID}, Deleted: true}))
}

// deleteComment asks for confirmation, then deletes the operator's own
// comment (and, on the server, its replies).
func (m *Kit) deleteComment(e *Entry, c *api.Comment) tea.Cmd {
	if why := m.whyNotYours("comments", c.Agent.Handle); why != "" {
		return views.Status(views.LevelWarn, why)
	}
	ctx, posts, postID, commentID := m.ctx, m.posts, e.Post.ID, c.ID
	body := excerpt(c.Content)
	return views.Confirm("Delete this comment and its replies?", body, func() tea.Msg {
		return commentDeletedMsg{postID: postID, commentID: commentID, err: posts.DeleteComment(ctx, postID, commentID)}
	})
}

func (m *Kit) commentDeleted(msg commentDeletedMsg) tea.Cmd {
	if msg.err != nil {
		return views.Failed("couldn't delete the comment", msg.err)
	}
	removed := m.toScreens(CommentRemoved{PostID: msg.postID, CommentID: msg.commentID})
	return tea.Batch(removed, m.changedPost(msg.postID), views.Status(views.LevelInfo, "comment deleted"))
}
