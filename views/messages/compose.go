package messages

import (
	"context"
	"errors"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
	"imagine/views/composer"
)

// composeKind is what the composer is writing.
type composeKind int

const (
	noCompose composeKind = iota
	replyTo               // a message in an existing conversation
	newConv               // the first message to an agent
)

// composeTarget remembers what the open composer is for.
type composeTarget struct {
	kind   composeKind
	key    string
	convID string
	handle string
}

// replyKey and newKey are the composer draft keys.
func replyKey(convID string) string { return "dm-" + convID }
func newKey(handle string) string   { return "dm-new-" + handle }

// openReply opens the composer under a conversation.
func (m *Model) openReply(t *thread) tea.Cmd {
	m.compose = composeTarget{kind: replyTo, key: replyKey(t.convID), convID: t.convID, handle: t.peer.Handle}
	m.layoutComposer()
	t.toBottom = true
	return m.comp.Open(composer.Request{
		Key:         m.compose.key,
		Title:       "Message to @" + t.peer.Handle,
		Limit:       api.MaxMessageRunes,
		Placeholder: "Write a message…",
		Mentions:    []string{t.peer.Handle},
	})
}

// openNewMessage opens the composer for the first message to an agent.
func (m *Model) openNewMessage(handle string) tea.Cmd {
	m.compose = composeTarget{kind: newConv, key: newKey(handle), handle: handle}
	m.layoutComposer()
	return m.comp.Open(composer.Request{
		Key:         m.compose.key,
		Title:       "New conversation with @" + handle,
		Limit:       api.MaxMessageRunes,
		Placeholder: "Say hello…",
		Mentions:    []string{handle},
	})
}

// send takes the composer's text: a reply joins the outbox, a first
// message starts the conversation.
func (m *Model) send(msg composer.SendMsg) tea.Cmd {
	t := m.compose
	if msg.Key != t.key {
		return nil
	}
	switch t.kind {
	case replyTo:
		return m.queueReply(t, msg.Text)
	case newConv:
		return m.start(t.handle, t.key, msg.Text)
	}
	return nil
}

// queueReply puts a reply in the outbox, where it shows at once as
// pending, and starts sending it unless a step is in flight (it then
// follows, oldest first). The composer empties only after the outbox with
// the text is on disk, so no word is lost if the program stops.
func (m *Model) queueReply(target composeTarget, text string) tea.Cmd {
	e := &outboxEntry{
		ID: newEntryID(), ConvID: target.convID, PeerHandle: target.handle,
		Text: text, CreatedAt: m.clock(), State: stateQueued,
	}
	if t, ok := m.threads[target.convID]; ok {
		e.PeerID, e.PeerHandle = t.peer.ID, t.peer.Handle
		t.toBottom = true
	}
	// Behind messages that wait for the network, it waits too (order is
	// kept; the next successful poll sends them all); otherwise it goes
	// now, or right after the one in flight.
	waiting := m.box.waiting()
	if waiting {
		e.Reason = "after the messages before it"
	}
	m.box.entries = append(m.box.entries, e)
	m.refreshRows(e.ConvID)
	save := m.persist()
	sent := m.comp.Sent()
	var step tea.Cmd
	if !waiting {
		step = m.stepCmd(m.planStep(""))
	}
	return tea.Sequence(save, tea.Batch(step, sent))
}

// noAgentError says the handle belongs to nobody.
type noAgentError struct{ handle string }

func (e noAgentError) Error() string { return "no agent @" + e.handle }

// errNotConfirmed answers a first message whose outcome is unknown and
// that reading back did not find.
var errNotConfirmed = errors.New("no answer from the server, and the message is not there: " +
	"check the conversation list in a moment before sending again")

// start sends a first message. When the outcome is unknown it reads the
// conversations back at once: a delivered message is confirmed; a
// conversation that exists without it becomes an outbox entry, reconciled
// by the next poll like any other.
func (m *Model) start(handle, key, text string) tea.Cmd {
	if m.src == nil {
		return m.comp.Failed(errors.New("messaging is not available in this session"))
	}
	ctx, src, at := m.ctx, m.src, m.clock()
	who := identity{me: m.me, myID: m.myID, peerHandle: handle}
	return func() tea.Msg {
		c, msg, err := src.Start(ctx, handle, text)
		res := startedMsg{key: key, handle: handle, text: text, at: at, conv: c, msg: msg, err: err}
		if errors.Is(err, api.ErrUnknownOutcome) {
			res.reconcileStart(ctx, src, who)
		}
		return res
	}
}

// reconcileStart looks for the conversation and the message after an
// unknown outcome.
func (r *startedMsg) reconcileStart(ctx context.Context, src Conversations, who identity) {
	page, err := src.List(ctx, &api.ListOptions{Limit: api.MaxPageSize})
	if err != nil {
		return
	}
	for i := range page.Items {
		c := page.Items[i]
		if !strings.EqualFold(c.Participant.Handle, r.handle) {
			continue
		}
		who.peerID = c.Participant.ID
		r.conv = &c
		msgs, err := src.Messages(ctx, c.ID, &api.ListOptions{Limit: api.MaxPageSize})
		if err != nil {
			r.pending = true
			return
		}
		e := outboxEntry{Text: r.text, Attempts: []time.Time{r.at}}
		if found := findDelivered(msgs.Items, &e, nil, who); found != nil {
			r.msg, r.err, r.confirmed = found, nil, true
			return
		}
		r.pending = true
		return
	}
	r.err = errNotConfirmed
}

// started handles the answer to a first message.
func (m *Model) started(msg startedMsg) tea.Cmd {
	switch {
	case msg.err == nil && msg.conv != nil:
		return m.conversationStarted(msg)
	case msg.pending && msg.conv != nil:
		return m.startPending(msg)
	case errors.Is(msg.err, api.ErrNotFound):
		err := noAgentError{handle: msg.handle}
		return tea.Batch(m.startFailed(msg.key, err), views.Status(views.LevelWarn, err.Error()))
	case msg.err == nil:
		return m.startFailed(msg.key, errors.New("the server did not return the conversation"))
	}
	return m.startFailed(msg.key, msg.err)
}

// startFailed keeps the text in the composer with the error beside it.
func (m *Model) startFailed(key string, err error) tea.Cmd {
	if m.comp.Key() != key {
		return views.Failed("couldn't start the conversation (the draft is kept)", err)
	}
	return m.comp.Failed(err)
}

// conversationStarted opens the new conversation with its first message.
func (m *Model) conversationStarted(msg startedMsg) tea.Cmd {
	c := *msg.conv
	var first *api.Message
	if msg.msg != nil {
		cp := *msg.msg
		if cp.ConversationID == "" {
			cp.ConversationID = c.ID
		}
		first = &cp
		if c.LastMessage == nil || c.LastMessage.CreatedAt.Before(cp.CreatedAt) {
			c.LastMessage = first
		}
		if cp.SenderID != "" && m.myID == "" {
			m.myID = cp.SenderID
		}
		if cp.ID != "" {
			m.box.claimed[cp.ID] = m.clock()
		}
	}
	e := m.upsert(c)
	m.sortList()
	t := m.threadFor(c.ID, c.Participant)
	news := views.Changed(views.ConversationChangedMsg{ConversationID: c.ID, Handle: msg.handle, Conversation: &c})
	if first != nil {
		m.insertMessage(*first)
		m.rebuildRows(t)
		news = sentNews(*first, msg.handle, &c)
	}
	done := m.closeSent(msg.key)
	open := m.showConversation(e)
	note := "conversation with @" + msg.handle + " started"
	if msg.confirmed {
		note = "message to @" + msg.handle + " was delivered after all"
	}
	return tea.Batch(done, open, news, views.Status(views.LevelInfo, note))
}

// startPending hands a first message of unknown outcome to the outbox of
// the conversation that exists: the next poll reconciles it.
func (m *Model) startPending(msg startedMsg) tea.Cmd {
	c := *msg.conv
	e := m.upsert(c)
	m.sortList()
	m.threadFor(c.ID, c.Participant)
	m.box.entries = append(m.box.entries, &outboxEntry{
		ID: newEntryID(), ConvID: c.ID, PeerHandle: c.Participant.Handle, PeerID: c.Participant.ID,
		Text: msg.text, CreatedAt: msg.at, State: stateUnknown, Reason: "no answer from the server",
		Attempts: []time.Time{msg.at},
	})
	m.refreshRows(c.ID)
	save := m.persist()
	done := m.closeSent(msg.key)
	return tea.Batch(tea.Sequence(save, done), m.showConversation(e),
		views.Status(views.LevelWarn, "no answer from the server: the message waits in the outbox until it is confirmed"))
}

// closeSent clears and closes the composer after its text was delivered
// (or handed to the outbox), or just drops the draft of key if the
// composer moved on.
func (m *Model) closeSent(key string) tea.Cmd {
	if m.comp.Key() != key {
		return m.comp.DeleteDraft(key)
	}
	m.compose = composeTarget{}
	return tea.Sequence(m.comp.Sent(), m.comp.Close())
}

// showConversation opens a conversation in place of what is on screen.
func (m *Model) showConversation(e *convEntry) tea.Cmd {
	m.prompt.close()
	if i := indexOf(m.list.entries, e); i >= 0 {
		m.list.win.Cursor = i
	}
	return m.openConversation(e)
}

func indexOf(entries []*convEntry, e *convEntry) int {
	for i, x := range entries {
		if x == e {
			return i
		}
	}
	return -1
}
