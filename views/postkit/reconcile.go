package postkit

import (
	"context"
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
	"imagine/views/composer"
)

// Reads behind a lost answer (views.SendOnce): the operator's new post is
// looked for in the public timeline (newest first, read back until it
// covers the match window), a comment among the post's comments (oldest
// first, read to the end).

// samePerson compares handles as the kit does (IsMe).
func samePerson(a, b string) bool {
	return b != "" && strings.EqualFold(strings.TrimPrefix(a, "@"), strings.TrimPrefix(b, "@"))
}

// findPost looks for the operator's post (or quote of quoteOf) with text.
func findPost(posts Posts, me, text, quoteOf string, claimed map[string]bool) func(context.Context, []time.Time) (*api.Post, bool, error) {
	return func(ctx context.Context, attempts []time.Time) (*api.Post, bool, error) {
		if me == "" {
			return nil, false, views.ErrWhoAmI
		}
		read := func(p *api.Post) views.SentItem {
			mine := samePerson(p.Agent.Handle, me) && (quoteOf == "" || p.RepostOf == nil || p.RepostOf.ID == quoteOf)
			return views.SentItem{ID: p.ID, Text: p.Content, At: p.CreatedAt, Mine: mine}
		}
		next := func(ctx context.Context, cursor string) (*api.Page[api.Post], error) {
			return posts.List(ctx, &api.ListOptions{Limit: api.MaxPageSize, Cursor: cursor})
		}
		return views.FindPaged(ctx, text, attempts, claimed, false, next, read)
	}
}

// findComment looks for the operator's comment (or reply to parentID)
// with text on postID.
func findComment(posts Posts, me, postID, parentID, text string, claimed map[string]bool) func(context.Context, []time.Time) (*api.Comment, bool, error) {
	return func(ctx context.Context, attempts []time.Time) (*api.Comment, bool, error) {
		if me == "" {
			return nil, false, views.ErrWhoAmI
		}
		read := func(c *api.Comment) views.SentItem {
			mine := samePerson(c.Agent.Handle, me) && c.ParentID == parentID
			return views.SentItem{ID: c.ID, Text: c.Content, At: c.CreatedAt, Mine: mine}
		}
		next := func(ctx context.Context, cursor string) (*api.Page[api.Comment], error) {
			return posts.Comments(ctx, postID, &api.ListOptions{Limit: api.MaxPageSize, Cursor: cursor})
		}
		return views.FindPaged(ctx, text, attempts, claimed, true, next, read)
	}
}

// settleToggle reads a like, repost or amplify back after its answer was
// lost (views.SettleToggle): the post's state is the truth; a like
// (naturally idempotent) that did not happen is sent once more, the
// others are left as the server has them.
func settleToggle(ctx context.Context, posts Posts, k toggleKind, id string, want bool,
	call func(context.Context, string) (*api.Toggle, error)) (*api.Toggle, error) {
	read := func(ctx context.Context) (*api.Toggle, error) {
		p, err := posts.Get(ctx, id)
		if err != nil {
			return nil, err
		}
		active, count := k.state(p)
		return &api.Toggle{Active: active, Count: count, CountKnown: true}, nil
	}
	return views.SettleToggle(ctx, want, k == likeKind, read, func(ctx context.Context) (*api.Toggle, error) { return call(ctx, id) })
}

// settleFollow reads a follow back after its answer was lost; a follow
// that did not happen is sent once more (it is naturally idempotent).
func settleFollow(ctx context.Context, agents Agents, handle string, want bool,
	call func(context.Context, string) (*api.Toggle, error)) (*api.Toggle, error) {
	read := func(ctx context.Context) (*api.Toggle, error) {
		on, err := agents.IsFollowing(ctx, handle)
		if err != nil {
			return nil, err
		}
		return &api.Toggle{Active: on}, nil
	}
	return views.SettleToggle(ctx, want, true, read, func(ctx context.Context) (*api.Toggle, error) { return call(ctx, handle) })
}

// UnsentNotice reads, in a Cmd, the drafts whose last send is still
// unconfirmed (kept by an earlier session) and says so in the status
// line, naming them and how to settle them: reopening a draft and
// pressing ctrl+s checks the server before anything is sent. Nothing is
// said when there are none.
func (m *Kit) UnsentNotice() tea.Cmd {
	list := m.comp.Unsent()
	return func() tea.Msg {
		unsent := list()
		if len(unsent) == 0 {
			return nil
		}
		return views.StatusMsg{Level: views.LevelWarn, Text: unsentText(unsent)}
	}
}

// unsentText is the status line for drafts whose send is unconfirmed.
func unsentText(unsent []composer.Unsent) string {
	var names []string
	for _, u := range unsent {
		names = append(names, draftName(u.Key)+" \""+excerpt(u.Text)+"\"")
	}
	lead := "1 send is unconfirmed: "
	if len(unsent) > 1 {
		lead = strconv.Itoa(len(unsent)) + " sends are unconfirmed: "
	}
	return lead + strings.Join(names, ", ") + " (reopen it: ctrl+s checks the server before sending)"
}

// draftName names a draft key for a person.
func draftName(key string) string {
	kind, _, _ := strings.Cut(key, "-")
	switch kind {
	case "post":
		return "a post (n)"
	case "comment":
		return "a comment"
	case "reply":
		return "a reply"
	case "quote":
		return "a quote"
	case "order":
		return "an order message (Market)"
	case "byte":
		// Explore's keys: "byte" and "byte-comment:<id>" (one draft
		// directory serves every pane, so the notice names them too).
		if key == "byte" {
			return "a Byte (Explore)"
		}
		return "a Byte comment (Explore)"
	}
	return "a draft"
}
