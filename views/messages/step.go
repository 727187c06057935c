package messages

import (
	"context"
	"errors"
	"slices"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
)

const (
	// stuckAfter is how long a step may stay in flight before the outbox
	// stops waiting for it (its answer was lost): the entry becomes
	// unconfirmed and is reconciled.
	stuckAfter = 3 * time.Minute
)

// identity decides which messages are the operator's. It is a value so
// Cmds can carry it without touching the model.
type identity struct {
	me, myID           string // the operator's handle and agent ID, if known
	peerID, peerHandle string // the other agent of the conversation
}

// mine reports whether msg was sent by the operator: by handle or ID when
// they are known, else by not being the other agent (a conversation has
// two participants).
func (id identity) mine(msg *api.Message) bool {
	if msg.Sender != nil && msg.Sender.Handle != "" {
		if id.me != "" {
			return strings.EqualFold(msg.Sender.Handle, id.me)
		}
		return id.peerHandle != "" && !strings.EqualFold(msg.Sender.Handle, id.peerHandle)
	}
	if msg.SenderID != "" {
		if id.myID != "" {
			return msg.SenderID == id.myID
		}
		return id.peerID != "" && msg.SenderID != id.peerID
	}
	return false
}

// findDelivered returns the server message that delivered e: from the
// operator, with the same text, created within views.MatchWindow of one
// of e's attempts, and not claimed by another entry (views.FindSent).
func findDelivered(items []api.Message, e *outboxEntry, claimed map[string]bool, who identity) *api.Message {
	i := views.FindSent(items, e.Text, e.Attempts, claimed, func(msg *api.Message) views.SentItem {
		return views.SentItem{ID: msg.ID, Text: msg.Content, At: msg.CreatedAt, Mine: msg.ID != "" && who.mine(msg)}
	})
	if i < 0 {
		return nil
	}
	found := items[i]
	return &found
}

// covers reports whether a newest page reaches back before every match
// window of e, so a delivery not in it did not happen.
func covers(page *api.Page[api.Message], e *outboxEntry) bool {
	if page == nil {
		return false
	}
	if !page.HasMore || len(e.Attempts) == 0 {
		return true
	}
	if len(page.Items) == 0 {
		return false
	}
	return views.Covers(page.Items[0].CreatedAt, e.Attempts)
}

// stepPlan is one outbox step prepared in Update: a copy of the entry,
// what the reconcile needs, and the snapshot to write before sending.
type stepPlan struct {
	entry   outboxEntry
	at      time.Time // when the step was planned: the attempt's time
	who     identity
	claimed map[string]bool
	store   *outboxStore
	gen     uint64
	snap    outboxData
	save    bool
}

// stepResult is what a step did.
type stepResult struct {
	entryID  string
	at       time.Time    // the attempt's time
	checked  bool         // the conversation was read back
	checkErr error        // reading back failed
	matched  *api.Message // the read-back found the delivery
	sent     bool         // a send was made
	msg      *api.Message
	err      error
	saveErr  error
}

// run performs the step: the snapshot (marking the entry as being sent)
// is written first; an unconfirmed entry is reconciled against the
// conversation's newest messages (page, when it covers the attempts, else
// a fresh read); only then, if no delivery was found, the message is sent.
func (p *stepPlan) run(ctx context.Context, src Conversations, page *api.Page[api.Message]) stepResult {
	r := stepResult{entryID: p.entry.ID, at: p.at}
	if p.save {
		r.saveErr = p.store.save(p.gen, p.snap)
	}
	if p.entry.State == stateUnknown {
		r.checked = true
		if !covers(page, &p.entry) {
			page, r.checkErr = src.Messages(ctx, p.entry.ConvID, &api.ListOptions{Limit: api.MaxPageSize})
			if r.checkErr != nil {
				return r
			}
		}
		if found := findDelivered(page.Items, &p.entry, p.claimed, p.who); found != nil {
			r.matched = found
			return r
		}
	}
	r.sent = true
	r.msg, r.err = src.Send(ctx, p.entry.ConvID, p.entry.Text)
	return r
}

// eligible reports whether the automatic steps may take e.
func eligible(e *outboxEntry) bool {
	return !e.Sending && (e.State == stateQueued || e.State == stateUnknown)
}

// planStep prepares a step for the entry with ID only, or for the oldest
// eligible entry when only is "". It returns nil when a step is in flight
// or nothing is due. The entry is marked as being sent at once.
func (m *Model) planStep(only string) *stepPlan {
	b := m.box
	now := m.clock()
	if b.busy && now.Sub(b.busySince) > stuckAfter {
		m.recoverStuck()
	}
	if b.busy || m.src == nil {
		return nil
	}
	var e *outboxEntry
	if only != "" {
		if e = b.find(only); e != nil && e.Sending {
			e = nil
		}
	} else {
		for _, x := range b.entries {
			if eligible(x) {
				e = x
				break
			}
		}
	}
	if e == nil {
		return nil
	}
	if e.State == stateFailed {
		e.State = stateQueued
	}
	e.Sending = true
	e.ver++
	b.busy, b.busySince = true, now
	m.refreshRows(e.ConvID)
	// The reconcile looks at the earlier attempts; the file written just
	// before the send also holds this one, so a stop during the send
	// reconciles it on restart. The entry itself records it only once the
	// send was made (stepDone), so a step that never ran adds nothing.
	p := &stepPlan{entry: *e, at: now, who: m.entryWho(e), claimed: make(map[string]bool, len(b.claimed))}
	p.entry.Attempts = slices.Clone(e.Attempts)
	for id := range b.claimed {
		p.claimed[id] = true
	}
	p.gen, p.snap, p.save = b.nextSave(now)
	for i := range p.snap.Entries {
		if x := &p.snap.Entries[i]; x.ID == e.ID {
			x.Attempts = addAttempt(x.Attempts, now)
		}
	}
	p.store = b.store
	return p
}

// addAttempt records an attempt time, keeping the last maxAttempts.
func addAttempt(attempts []time.Time, at time.Time) []time.Time {
	attempts = append(attempts, at)
	if len(attempts) > maxAttempts {
		attempts = attempts[len(attempts)-maxAttempts:]
	}
	return attempts
}

// reachedNobody reports whether a failed send certainly did not reach the
// server (no connection, or refused for the rate limit).
func reachedNobody(err error) bool {
	return errors.Is(err, api.ErrOffline) || errors.Is(err, api.ErrRateLimited)
}

// entryWho is the identity test for an entry's conversation.
func (m *Model) entryWho(e *outboxEntry) identity {
	who := identity{me: m.me, myID: m.myID, peerID: e.PeerID, peerHandle: e.PeerHandle}
	if c, ok := m.list.ids[e.ConvID]; ok {
		who.peerID, who.peerHandle = c.c.Participant.ID, c.c.Participant.Handle
	}
	return who
}

// recoverStuck gives up waiting for a step whose answer never came: the
// entry may have been sent, so it is reconciled before any resend.
func (m *Model) recoverStuck() {
	m.box.busy = false
	for _, e := range m.box.entries {
		if e.Sending {
			e.Sending, e.quiet = false, false
			e.State = stateUnknown
			e.Reason = "no answer came back"
			e.ver++
			m.refreshRows(e.ConvID)
		}
	}
}

// stepCmd runs a planned step outside a poll, with the operator's context
// (interactive: the client may retry what is safe to retry).
func (m *Model) stepCmd(p *stepPlan) tea.Cmd {
	if p == nil {
		return nil
	}
	ctx, src := m.ctx, m.src
	return func() tea.Msg { return stepMsg{res: p.run(ctx, src, nil)} }
}

// stepSkipped clears the in-flight mark of a step a poll planned but did
// not run (an earlier call of the poll failed).
func (m *Model) stepSkipped(id string) tea.Cmd {
	m.box.busy = false
	e := m.box.find(id)
	if e == nil || !e.Sending {
		return nil
	}
	e.Sending, e.quiet = false, false
	e.ver++
	m.refreshRows(e.ConvID)
	return m.persist()
}

// stepDone applies a step's result to its entry. After a delivery the
// next due entry is sent at once, so a backlog drains one at a time.
func (m *Model) stepDone(r stepResult) tea.Cmd {
	m.box.busy = false
	var cmds []tea.Cmd
	if r.saveErr != nil {
		cmds = append(cmds, views.Failed("couldn't save the outbox", r.saveErr))
	}
	e := m.box.find(r.entryID)
	if e == nil {
		return tea.Batch(cmds...)
	}
	e.Sending, e.quiet = false, false
	e.ver++
	if r.sent && (r.err == nil || !reachedNobody(r.err)) {
		e.Attempts = addAttempt(e.Attempts, r.at)
	}
	delivered := false
	switch {
	case r.matched != nil:
		cmds = append(cmds, m.deliver(e, *r.matched))
		delivered = true
		cmds = append(cmds, views.Status(views.LevelInfo, "message to @"+e.PeerHandle+" was delivered after all"))
	case r.checkErr != nil:
		e.Reason = "couldn't check yet: " + views.Describe(r.checkErr)
	case !r.sent:
		// Nothing was attempted: the entry stays as it was.
	case r.err == nil && r.msg != nil:
		cmds = append(cmds, m.deliver(e, *r.msg))
		delivered = true
	case r.err == nil:
		// A success without the message: it was delivered, but only the
		// next read of the conversation shows it.
		m.box.remove(e)
		m.threadDirty(e.ConvID)
		delivered = true
	default:
		cmds = append(cmds, m.classify(e, r.err))
	}
	m.refreshRows(e.ConvID)
	cmds = append(cmds, m.persist())
	if delivered {
		cmds = append(cmds, m.stepCmd(m.planStep("")))
	}
	return tea.Batch(cmds...)
}

// classify records why a send failed and what happens next.
func (m *Model) classify(e *outboxEntry, err error) tea.Cmd {
	switch {
	case errors.Is(err, api.ErrUnknownOutcome), errors.Is(err, context.Canceled):
		// Cancelled mid-send (the program is stopping) is as unknown.
		e.State = stateUnknown
		e.Reason = "no answer from the server"
		return nil
	case reachedNobody(err):
		e.State = stateQueued
		e.Reason = views.Describe(err)
		return nil
	}
	e.State = stateFailed
	e.Reason = views.Describe(err)
	return views.Failed("couldn't send the message to @"+e.PeerHandle+" (kept: R retries, d discards)", err)
}

// deliver replaces an entry by the server's message: in its thread, as
// the conversation's last message, and claimed so no other entry can
// count it as its own delivery. It returns the news of it for the other
// places that show the conversation.
func (m *Model) deliver(e *outboxEntry, msg api.Message) tea.Cmd {
	m.box.remove(e)
	if msg.ConversationID == "" {
		msg.ConversationID = e.ConvID
	}
	if msg.ID != "" {
		m.box.claimed[msg.ID] = m.clock()
	}
	if msg.SenderID != "" && m.myID == "" {
		m.myID = msg.SenderID
		m.cache.Clear()
	}
	m.insertMessage(msg)
	var conv *api.Conversation
	if c, ok := m.list.ids[msg.ConversationID]; ok {
		last := msg
		c.c.LastMessage = &last
		if msg.CreatedAt.After(c.c.UpdatedAt) {
			c.c.UpdatedAt = msg.CreatedAt
		}
		c.ver++
		m.sortList()
		conv = &c.c
	}
	return sentNews(msg, e.PeerHandle, conv)
}

// refreshRows lays out the rows of a conversation's thread again, if it
// is loaded.
func (m *Model) refreshRows(convID string) {
	if t, ok := m.threads[convID]; ok {
		m.rebuildRows(t)
	}
}

// threadDirty asks the next poll to read a conversation and the list.
func (m *Model) threadDirty(convID string) {
	m.list.dirty = true
	m.refreshRows(convID)
}
