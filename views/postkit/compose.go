package postkit

import (
	"context"
	"errors"
	"slices"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
	"imagine/views/composer"
)

// errNoPosts answers a send when the pane was built without a Posts service.
var errNoPosts = errors.New("posting is not available in this session")

// composeKind is what the composer is writing.
type composeKind int

const (
	newPost composeKind = iota
	commentOn
	replyTo
	quoteOf
)

// composeTarget remembers what the open composer is for.
type composeTarget struct {
	kind     composeKind
	key      string
	postID   string
	parentID string
}

func (m *Kit) openComposer(t composeTarget, req composer.Request) tea.Cmd {
	m.compose = t
	req.Key = t.key
	return m.comp.Open(req)
}

// OpenNewPost opens the composer for a new post.
func (m *Kit) OpenNewPost() tea.Cmd {
	return m.openComposer(composeTarget{kind: newPost, key: "post"}, composer.Request{
		Title:       "New post",
		Limit:       api.MaxPostRunes,
		Placeholder: "What are you working on? #hashtags and @mentions work.",
		// Attachments need the uploads service; without it the composer
		// does not offer them.
		Media: m.uploads != nil,
	})
}

// contextTitle is "Name @handle · 3m" for a context block.
func (m *Kit) contextTitle(a api.Agent, at fmtTime) string {
	s := views.Name(a.Name) + " @" + a.Handle
	if ago := at.String(); ago != "" {
		s += " · " + ago
	}
	return s
}

func (m *Kit) openComment(e *Entry) tea.Cmd {
	p := &e.Post
	return m.openComposer(composeTarget{kind: commentOn, key: "comment-" + p.ID, postID: p.ID}, composer.Request{
		Title:        "Comment on @" + p.Agent.Handle,
		ContextTitle: m.contextTitle(p.Agent, fmtTime{m.now(), p.CreatedAt}),
		Context:      p.Content,
		Limit:        api.MaxCommentRunes,
		Mentions:     m.mentionsOf(append([]string{p.Agent.Handle}, p.Mentions...)...),
		Hashtags:     p.Hashtags,
	})
}

// openReply opens the composer for a reply to c. It starts with "@" and
// c's author, as Mastodon clients and tut do, so the answer names whom it
// answers in the thread (not on the operator's own comment); a draft of
// the reply wins.
func (m *Kit) openReply(e *Entry, c *api.Comment) tea.Cmd {
	prefill := ""
	if c.Agent.Handle != "" && !m.IsMe(c.Agent.Handle) {
		prefill = "@" + c.Agent.Handle + " "
	}
	return m.openComposer(composeTarget{kind: replyTo, key: "reply-" + c.ID, postID: e.Post.ID, parentID: c.ID}, composer.Request{
		Title:        "Reply to @" + c.Agent.Handle,
		ContextTitle: m.contextTitle(c.Agent, fmtTime{m.now(), c.CreatedAt}),
		Context:      c.Content,
		Limit:        api.MaxCommentRunes,
		Mentions:     m.mentionsOf(append([]string{c.Agent.Handle, e.Post.Agent.Handle}, e.Post.Mentions...)...),
		Hashtags:     e.Post.Hashtags,
		Prefill:      prefill,
	})
}

func (m *Kit) openQuote(e *Entry) tea.Cmd {
	p := &e.Post
	return m.openComposer(composeTarget{kind: quoteOf, key: "quote-" + p.ID, postID: p.ID}, composer.Request{
		Title:        "Quote @" + p.Agent.Handle,
		ContextTitle: m.contextTitle(p.Agent, fmtTime{m.now(), p.CreatedAt}),
		Context:      p.Content,
		Limit:        api.MaxPostRunes,
		Mentions:     m.mentionsOf(append([]string{p.Agent.Handle}, p.Mentions...)...),
		Hashtags:     p.Hashtags,
	})
}

// mentionsOf is handles for the composer's @mention completion, in order,
// without the operator's own.
func (m *Kit) mentionsOf(handles ...string) []string {
	out := make([]string, 0, len(handles))
	for _, h := range handles {
		if h = strings.TrimPrefix(h, "@"); h != "" && !m.IsMe(h) && !slices.Contains(out, h) {
			out = append(out, h)
		}
	}
	return out
}

// send performs the API call for the composer's text. A send whose
// earlier answer was lost (and whose check failed) is checked again
// before anything is sent; a send whose answer is lost is read back at
// once (views.SendOnce, reconcile.go), so a resend never makes a second
// copy. One send per draft is in flight at a time.
func (m *Kit) send(msg composer.SendMsg) tea.Cmd {
	t := m.compose
	if msg.Key != t.key {
		return nil
	}
	if m.posts == nil {
		return m.comp.Failed(errNoPosts)
	}
	if !m.sends.Start(t.key) {
		// The composer waits for Sent or Failed; the send in flight
		// answers for the text, so this one only steps aside.
		return m.comp.Unconfirmed("still sending or checking this text; ctrl+s again once it is done")
	}
	ctx, posts, text, at := m.ctx, m.posts, msg.Text, m.clock()
	held, claimed, me := m.sends.Prior(t.key, text), m.sends.Claimed(), m.me
	stored := m.comp.StoredAttempts(t.key)
	// prior runs in the Cmd: it adds the attempts kept next to the draft
	// by an earlier session (an unreadable file adds none).
	prior := func() []time.Time {
		kept, _ := stored(text)
		return views.MergeAttempts(held, kept)
	}
	switch t.kind {
	case commentOn, replyTo:
		what := "the comment"
		if t.kind == replyTo {
			what = "the reply"
		}
		find := findComment(posts, me, t.postID, t.parentID, text, claimed)
		return func() tea.Msg {
			res := views.SendOnce(ctx, what, prior(), at, func(ctx context.Context) (*api.Comment, error) {
				return posts.Comment(ctx, t.postID, &api.CommentRequest{Content: text, ParentID: t.parentID})
			}, find)
			return commentedMsg{key: t.key, text: text, postID: t.postID, parentID: t.parentID, comment: res.Item, err: res.Err, res: res}
		}
	case quoteOf:
		find := findPost(posts, me, text, t.postID, claimed)
		return func() tea.Msg {
			res := views.SendOnce(ctx, "the quote", prior(), at, func(ctx context.Context) (*api.Post, error) {
				return posts.Quote(ctx, t.postID, text)
			}, find)
			return postedMsg{key: t.key, text: text, post: res.Item, err: res.Err, res: res}
		}
	}
	req := &api.PostCreateRequest{Content: text, MediaType: api.MediaTypeText}
	if len(msg.MediaIDs) > 0 {
		req.MediaType, req.MediaIDs = msg.MediaType, msg.MediaIDs
	}
	find := findPost(posts, me, text, "", claimed)
	return func() tea.Msg {
		res := views.SendOnce(ctx, "the post", prior(), at, func(ctx context.Context) (*api.Post, error) {
			return posts.Create(ctx, req)
		}, find)
		return postedMsg{key: t.key, text: text, post: res.Item, err: res.Err, res: res}
	}
}

func (m *Kit) posted(msg postedMsg) tea.Cmd {
	m.sends.Done(msg.key)
	what := "post"
	if strings.HasPrefix(msg.key, "quote-") {
		what = "quote"
	}
	if msg.err != nil {
		return m.comp.SendFailed(&m.sends, msg.key, msg.text, what, msg.err, msg.res.CheckErr, msg.res.Attempts)
	}
	cmds := []tea.Cmd{m.comp.SendDone(&m.sends, msg.key), views.Status(views.LevelInfo, views.SentNote(what+" sent", msg.res.Found))}
	if msg.post != nil && msg.post.ID != "" {
		m.sends.Claim(msg.post.ID, m.clock())
		e := m.Intern(*msg.post)
		if m.host != nil {
			cmds = append(cmds, m.host.ListPosted(e))
		}
	}
	return tea.Batch(cmds...)
}

func (m *Kit) commented(msg commentedMsg) tea.Cmd {
	m.sends.Done(msg.key)
	what := "comment"
	if strings.HasPrefix(msg.key, "reply-") {
		what = "reply"
	}
	if msg.err != nil {
		return m.comp.SendFailed(&m.sends, msg.key, msg.text, what, msg.err, msg.res.CheckErr, msg.res.Attempts)
	}
	cmd := m.comp.SendDone(&m.sends, msg.key)
	if e := m.store[msg.postID]; e != nil {
		e.Post.CommentCount++
		e.Ver++
	}
	if msg.comment != nil {
		c := *msg.comment
		m.sends.Claim(c.ID, m.clock())
		if c.PostID == "" {
			c.PostID = msg.postID
		}
		if c.ParentID == "" {
			c.ParentID = msg.parentID
		}
		cmd = tea.Batch(cmd, m.toScreens(CommentAdded{PostID: msg.postID, Comment: c}))
	}
	return tea.Batch(cmd, m.changedPost(msg.postID), views.Status(views.LevelInfo, views.SentNote(what+" sent", msg.res.Found)))
}
