package market

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

// screen is an open order: its thread and where the body is scrolled.
type screen struct {
	id       string
	ver      int // bumped when anything the body shows changes
	orderVer int // the entry version the body was drawn from
	// thread is the order's messages, read from the newest page back
	// (thread.go); msgsErr is why the newest page failed.
	thread  views.Pages[api.OrderMessage]
	msgsErr error
	// threadTop is the body line where the thread starts (the line that
	// says older messages can be loaded, or the first message).
	threadTop int
	off       int         // first body line shown
	busy      string      // the action in flight, "" for none
	review    *reviewForm // the review form, nil when closed
	act       *actionForm // a revision, dispute or cancel form, nil when closed
	// active is when the operator last used the screen (opened it, a key,
	// a send); the thread is polled every threadEvery for activeFor after.
	active time.Time
	// listNext says the next idle poll reads the list (idle polls take
	// the thread and the list in turn).
	listNext bool

	lines     []string // the body, rendered without the scroll
	linesVer  int
	linesW    int
	linesDone bool
}

// actionMsg is the answer to an order action.
type actionMsg struct {
	id     string
	action api.OrderAction
	order  *api.Order
	err    error
	// key is the composer draft that carried the deliverables, if any.
	key string
	// settled says the answer was lost and the order was read back;
	// checkErr is why that read failed (the outcome is still unknown).
	settled  bool
	checkErr error
}

// sentMsg is the answer to an order message; res says whether a lost
// answer was read back (views.SendOnce).
type sentMsg struct {
	id, key, text string
	msg           *api.OrderMessage
	err           error
	res           views.SendResult[*api.OrderMessage]
}

// openOrder shows e's screen and reads its thread. Its row is the
// operator's place from then on (browsed), however the orders move.
func (m *Model) openOrder(e *entry) tea.Cmd {
	m.browsed = true
	m.open = &screen{id: e.o.ID, orderVer: e.ver, active: m.clock(), thread: newThread()}
	return tea.Batch(m.fetchThread(), m.checkReviewed(e))
}

// closeOrder goes back to the list, on the same row.
func (m *Model) closeOrder() tea.Cmd {
	m.open = nil
	m.touch()
	m.refilter()
	return m.comp.Close()
}

// current is the open order's entry.
func (m *Model) current() *entry {
	if m.open == nil {
		return nil
	}
	return m.byID[m.open.id]
}

// act runs action on the open order when the state machine allows it to
// the operator, and otherwise says why in the status line.
func (m *Model) act(a api.OrderAction) tea.Cmd {
	e := m.current()
	if e == nil {
		return views.Status(views.LevelWarn, "the order is no longer listed")
	}
	if why := m.refusal(e, a); why != "" {
		if !strings.Contains(why, verb(a)) {
			why = "can't " + verb(a) + ": " + why
		}
		return views.Status(views.LevelWarn, why)
	}
	if m.open.busy != "" {
		return views.Status(views.LevelInfo, "wait: "+m.open.busy+" is on its way")
	}
	t := title(&e.o)
	switch a {
	case api.ActionDeliver:
		return m.comp.Open(composer.Request{
			Key: "deliver-" + e.o.ID, Title: "Deliverables for " + t,
			Limit: api.MaxDeliverablesRunes, Placeholder: "what you deliver (markdown), or attach the files",
			Files: api.MaxMessageAttachments,
		})
	case reviewAction:
		return m.openReview(e)
	case api.ActionRequestRevision, api.ActionDispute, api.ActionCancel:
		return m.openAction(e, a)
	}
	m.open.busy = verb(a)
	return m.run(e.o.ID, a, "", "")
}

// run sends an action.
func (m *Model) run(id string, a api.OrderAction, deliverables, key string) tea.Cmd {
	ctx, src := m.ctx, m.src
	return func() tea.Msg {
		o, err := src.OrderAction(ctx, id, a, deliverables)
		msg := actionMsg{id: id, action: a, order: o, err: err, key: key}
		if errors.Is(err, api.ErrUnknownOutcome) {
			msg.settled = true
			msg.order, msg.err, msg.checkErr = settleAction(ctx, src, id, a, err)
		}
		return msg
	}
}

// acted applies an action's answer.
func (m *Model) acted(msg actionMsg) tea.Cmd {
	if m.open != nil && m.open.id == msg.id {
		m.open.busy = ""
	}
	if msg.err != nil {
		// The order may have moved on the other side: read the list at the
		// next poll.
		m.listAt = time.Time{}
		if msg.checkErr != nil {
			why := views.UncheckedText(msg.err, msg.checkErr)
			if msg.key != "" && m.comp.Key() == msg.key {
				return m.comp.Unconfirmed(why)
			}
			return views.Status(views.LevelWarn, "can't tell whether the order was "+pastTense(msg.action)+": "+
				views.Unchecked(msg.err, msg.checkErr)+"; the list will show it")
		}
		if msg.key != "" && m.comp.Key() == msg.key {
			return m.comp.Failed(msg.err)
		}
		return views.Failed("couldn't "+verb(msg.action), msg.err)
	}
	if e := m.byID[msg.id]; e != nil && msg.order != nil && msg.order.ID == msg.id {
		o := *msg.order
		keepListed(&o, &e.o)
		m.withDays(&o)
		m.update(e, o, m.shown)
		if m.open != nil && m.open.id == msg.id {
			m.open.orderVer = e.ver
			m.open.ver++
		}
		m.refilter()
	}
	note := "Order " + pastTense(msg.action)
	if msg.settled {
		note += " (the answer was lost; the order shows it)"
	}
	done := views.Status(views.LevelInfo, note)
	if e := m.byID[msg.id]; e != nil {
		// Every other copy of the order (a preview beside a list, the
		// same order stacked elsewhere) moves on too.
		o := e.o
		done = tea.Batch(done, views.Changed(views.OrderChangedMsg{OrderID: o.ID, Order: &o}))
	}
	if msg.key != "" {
		return tea.Batch(done, m.sentAndClosed(msg.key))
	}
	return done
}

// sentAndClosed clears the composer's draft key after a send.
func (m *Model) sentAndClosed(key string) tea.Cmd {
	if m.comp.Key() != key {
		return m.comp.DeleteDraft(key)
	}
	return tea.Sequence(m.comp.Sent(), m.comp.Close())
}

func pastTense(a api.OrderAction) string {
	switch a {
	case api.ActionStart:
		return "started"
	case api.ActionDeliver:
		return "delivered"
	case api.ActionAccept:
		return "accepted"
	case api.ActionRequestRevision:
		return "sent back for a revision"
	case api.ActionDispute:
		return "disputed"
	case api.ActionCancel:
		return "cancelled"
	}
	return string(a)
}

// send handles the composer's send: a message or deliverables.
func (m *Model) send(msg composer.SendMsg) tea.Cmd {
	kind, id, _ := strings.Cut(msg.Key, "-")
	if m.src == nil {
		return m.comp.Failed(errors.New("the marketplace is not available"))
	}
	ctx, src, key := m.ctx, m.src, msg.Key
	switch kind {
	case "deliver":
		text := deliverables(msg.Text, msg.MediaURLs)
		if strings.TrimSpace(text) == "" {
			return m.comp.Failed(errors.New("the deliverables are required: write them or attach the files"))
		}
		if m.open != nil && m.open.id == id {
			m.open.busy = "deliver"
		}
		return m.run(id, api.ActionDeliver, text, key)
	case "order":
		if !m.sends.Start(key) {
			// The composer waits for Sent or Failed; the send in flight
			// answers for the text, so this one only steps aside.
			return m.comp.Unconfirmed("still sending or checking this text; ctrl+s again once it is done")
		}
		if strings.TrimSpace(msg.Text) == "" {
			// The API takes no message without text, attachments or not.
			return m.comp.Failed(errors.New("write a line to go with the attachments"))
		}
		text, files, at := msg.Text, msg.MediaURLs, m.clock()
		held, stored := m.sends.Prior(key, text), m.comp.StoredAttempts(key)
		find := findMessage(src, id, m.me, text, m.sends.Claimed())
		return func() tea.Msg {
			// Attempts kept next to the draft by an earlier session count
			// too (an unreadable file adds none).
			kept, _ := stored(text)
			res := views.SendOnce(ctx, "the message", views.MergeAttempts(held, kept), at, func(ctx context.Context) (*api.OrderMessage, error) {
				return src.SendOrderMessage(ctx, id, text, files)
			}, find)
			return sentMsg{id: id, key: key, text: text, msg: res.Item, err: res.Err, res: res}
		}
	}
	return nil
}

// deliverables is what a delivery sends: the text, then the address of
// each attached file on a line of its own (the API's deliverables are
// text; the spec's own example carries the work's address in it).
func deliverables(text string, files []string) string {
	text = strings.TrimSpace(text)
	if len(files) == 0 {
		return text
	}
	if text != "" {
		text += "\n\n"
	}
	return text + strings.Join(files, "\n")
}

// sent applies an order message's answer: on failure the text stays in
// the composer with the error.
func (m *Model) sent(msg sentMsg) tea.Cmd {
	m.sends.Done(msg.key)
	if msg.res.Unknown() {
		// Nothing is resent until a check finds whether it arrived.
		m.sends.Unsure(msg.key, msg.text, msg.res.Attempts)
		keep := m.comp.KeepAttempts(msg.key, msg.text, msg.res.Attempts)
		why := views.UncheckedText(msg.err, msg.res.CheckErr)
		if m.comp.Key() == msg.key {
			return tea.Batch(keep, m.comp.Unconfirmed(why))
		}
		return tea.Batch(keep, views.Status(views.LevelWarn, "order message "+why+" (the draft is kept)"))
	}
	m.sends.AfterFailure(msg.key, msg.text, msg.err, msg.res.Attempts)
	drop := m.comp.DropAttempts(msg.key)
	if msg.err != nil {
		if m.comp.Key() == msg.key {
			return tea.Batch(drop, m.comp.Failed(msg.err))
		}
		return tea.Batch(drop, views.Failed("couldn't send the order message", msg.err))
	}
	note := drop
	if msg.res.Found {
		note = tea.Batch(note, views.Status(views.LevelInfo, "message sent (the answer was lost; it is in the thread)"))
	}
	if msg.msg != nil {
		m.sends.Claim(msg.msg.ID, m.clock())
	}
	if s := m.open; s != nil && s.id == msg.id && msg.msg != nil {
		s.thread.Add(*msg.msg)
		s.ver++
		s.off = views.ScrollBottom // show the end of the thread
	}
	if msg.msg != nil {
		sent := *msg.msg
		note = tea.Batch(note, views.Changed(views.OrderChangedMsg{OrderID: msg.id, Sent: &sent}))
	}
	if m.comp.Key() != msg.key {
		return tea.Batch(note, m.comp.DeleteDraft(msg.key))
	}
	return tea.Batch(note, m.comp.Sent())
}

// writeMessage opens the composer for the open order's thread.
func (m *Model) writeMessage() tea.Cmd {
	e := m.current()
	if e == nil {
		return nil
	}
	return m.comp.Open(composer.Request{
		Key: "order-" + e.o.ID, Title: "Message about " + title(&e.o),
		Limit: api.MaxOrderMessageRunes, Placeholder: "write to " + handleOf(counterparty(&e.o, e.role)),
		Files: api.MaxMessageAttachments,
	})
}

func handleOf(a api.Agent) string {
	if a.Handle == "" {
		return "the other party"
	}
	return "@" + a.Handle
}
