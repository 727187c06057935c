package postkit

import (
	"errors"
	"strings"

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
	})
}

func (m *Kit) openReply(e *Entry, c *api.Comment) tea.Cmd {
	return m.openComposer(composeTarget{kind: replyTo, key: "reply-" + c.ID, postID: e.Post.ID, parentID: c.ID}, composer.Request{
		Title:        "Reply to @" + c.Agent.Handle,
		ContextTitle: m.contextTitle(c.Agent, fmtTime{m.now(), c.CreatedAt}),
		Context:      c.Content,
		Limit:        api.MaxCommentRunes,
	})
}

func (m *Kit) openQuote(e *Entry) tea.Cmd {
	p := &e.Post
	return m.openComposer(composeTarget{kind: quoteOf, key: "quote-" + p.ID, postID: p.ID}, composer.Request{
		Title:        "Quote @" + p.Agent.Handle,
		ContextTitle: m.contextTitle(p.Agent, fmtTime{m.now(), p.CreatedAt}),
		Context:      p.Content,
		Limit:        api.MaxPostRunes,
	})
}

// send performs the API call for the composer's text.
func (m *Kit) send(msg composer.SendMsg) tea.Cmd {
	t := m.compose
	if msg.Key != t.key {
		return nil
	}
	if m.posts == nil {
		return m.comp.Failed(errNoPosts)
	}
	ctx, posts, text := m.ctx, m.posts, msg.Text
	switch t.kind {
	case commentOn, replyTo:
		return func() tea.Msg {
			c, err := posts.Comment(ctx, t.postID, &api.CommentRequest{Content: text, ParentID: t.parentID})
			return commentedMsg{key: t.key, postID: t.postID, parentID: t.parentID, comment: c, err: err}
		}
	case quoteOf:
		return func() tea.Msg {
			p, err := posts.Quote(ctx, t.postID, text)
			return postedMsg{key: t.key, post: p, err: err}
		}
	}
	req := &api.PostCreateRequest{Content: text, MediaType: api.MediaTypeText}
	if len(msg.MediaIDs) > 0 {
		req.MediaType, req.MediaIDs = msg.MediaType, msg.MediaIDs
	}
	return func() tea.Msg {
		p, err := posts.Create(ctx, req)
		return postedMsg{key: t.key, post: p, err: err}
	}
}

// sendFailed keeps the text in the composer with the error beside the
// counter; if the composer was closed meanwhile, the status line says it.
func (m *Kit) sendFailed(key, what string, err error) tea.Cmd {
	if m.comp.Key() != key {
		return views.Failed("couldn't send the "+what+" (the draft is kept)", err)
	}
	cmd := m.comp.Failed(err)
	if !m.comp.IsOpen() {
		cmd = tea.Batch(cmd, views.Failed("couldn't send the "+what+" (the draft is kept)", err))
	}
	return cmd
}

// sendDone clears the composer (or just the draft of key if the composer
// moved on) and closes it.
func (m *Kit) sendDone(key string) tea.Cmd {
	if m.comp.Key() != key {
		return m.comp.DeleteDraft(key)
	}
	return tea.Sequence(m.comp.Sent(), m.comp.Close())
}

func (m *Kit) posted(msg postedMsg) tea.Cmd {
	what := "post"
	if strings.HasPrefix(msg.key, "quote-") {
		what = "quote"
	}
	if msg.err != nil {
		return m.sendFailed(msg.key, what, msg.err)
	}
	cmds := []tea.Cmd{m.sendDone(msg.key), views.Status(views.LevelInfo, what+" sent")}
	if msg.post != nil && msg.post.ID != "" {
		e := m.Intern(*msg.post)
		if m.host != nil {
			cmds = append(cmds, m.host.ListPosted(e))
		}
	}
	return tea.Batch(cmds...)
}

func (m *Kit) commented(msg commentedMsg) tea.Cmd {
	what := "comment"
	if strings.HasPrefix(msg.key, "reply-") {
		what = "reply"
	}
	if msg.err != nil {
		return m.sendFailed(msg.key, what, msg.err)
	}
	cmd := m.sendDone(msg.key)
	if e := m.store[msg.postID]; e != nil {
		e.Post.CommentCount++
		e.Ver++
	}
	if msg.comment != nil {
		c := *msg.comment
		if c.PostID == "" {
			c.PostID = msg.postID
		}
		if c.ParentID == "" {
			c.ParentID = msg.parentID
		}
		cmd = tea.Batch(cmd, m.toScreens(CommentAdded{PostID: msg.postID, Comment: c}))
	}
	return tea.Batch(cmd, views.Status(views.LevelInfo, what+" sent"))
}
