package market

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"imagine/api"
	"imagine/views"
)

// The buyer's revision request (v) and dispute (D), and either party's
// cancel (x), are huh forms on the order's screen. The API's PATCH takes
// no reason, so what should change (required for a revision) or why
// (optional for a dispute) goes to the seller as an order message first,
// then the action runs: the seller reads it in the thread. A message that
// fails keeps its text and nothing else is done; an action that fails
// after its message keeps the form, and sending it again retries the
// action only. A dispute and a cancel are confirmed in the form, "Keep
// it" chosen until the operator picks otherwise: declining keeps the
// order and says so.

// actionForm is an open action form.
type actionForm struct {
	paneForm
	orderID, title string
	action         api.OrderAction
	d              *actionDraft
	// sent says the message is in the thread: sending again retries the
	// action only. attempts are the message's sends whose outcome is
	// unknown, checked before any resend (views.SendOnce).
	sent     bool
	attempts []time.Time
}

// actionDraft is the form's values; huh writes into it. sure is the
// confirmation of a dispute or a cancel.
type actionDraft struct {
	text string
	sure bool
}

// actionFields are the form's fields, as api.FieldError names them.
var actionFields = []string{"content", "confirm"}

// actionDoneMsg answers an action form: the message's send (when there
// was one), then the action.
type actionDoneMsg struct {
	seq    int
	id     string
	action api.OrderAction
	// sending says a message was sent first; res is its outcome.
	sending bool
	res     views.SendResult[*api.OrderMessage]
	act     actionMsg
}

// draftKey names an action's kept draft.
func draftKey(id string, a api.OrderAction) string { return string(a) + " " + id }

// openAction opens the form of action a on e's order.
func (m *Model) openAction(e *entry, a api.OrderAction) tea.Cmd {
	d := m.drafts.actions[draftKey(e.o.ID, a)]
	if d == nil {
		d = &actionDraft{}
	}
	d.sure = false // a kept confirmation is asked again
	m.open.act = &actionForm{orderID: e.o.ID, title: views.NormalizeEmojiWidth(title(&e.o)), action: a, d: d}
	return m.buildAction()
}

// buildAction (re)builds the open action form, a refusal beside its
// field.
func (m *Model) buildAction() tea.Cmd {
	f := m.open.act
	d := f.d
	text := func(label string) *huh.Text {
		return huh.NewText().Title(f.label(label, "content")).CharLimit(api.MaxOrderMessageRunes - len([]rune(messageLead(f.action)))).
			Lines(4).Value(&d.text)
	}
	sure := func(title, body, yes string) *huh.Confirm {
		return huh.NewConfirm().Title(f.label(title, "confirm")).Description(body).Affirmative(yes).Negative("Keep it").Value(&d.sure)
	}
	var group *huh.Group
	switch f.action {
	case api.ActionRequestRevision:
		t := text("What should change? (required: the seller reads it in the thread)")
		if e := m.current(); e != nil && e.o.Revisions > 0 {
			t.Description(fmt.Sprintf("revision %d of the %d this order allows", e.o.RevisionsUsed+1, e.o.Revisions))
		}
		f.last, f.send = t, "sends the request"
		group = huh.NewGroup(t).Title(f.head("Request a revision of " + f.title))
	case api.ActionDispute:
		c := sure("Dispute this order?", "\""+f.title+"\" goes to a dispute; you are refunded if it is upheld.", "Dispute")
		f.last, f.send = c, "answers"
		group = huh.NewGroup(text("Why? (optional: the seller reads it in the thread)"), c).Title(f.head("Dispute " + f.title))
	default:
		c := sure("Cancel this order?", "\""+f.title+"\" is cancelled for both parties.", "Cancel the order")
		f.last, f.send = c, "answers"
		group = huh.NewGroup(c).Title(f.head("Cancel " + f.title))
	}
	return m.startForm(&f.paneForm, huh.NewForm(group), actionFields)
}

// messageLead heads the message an action sends, so the thread says
// what it was for.
func messageLead(a api.OrderAction) string {
	switch a {
	case api.ActionRequestRevision:
		return "Revision requested: "
	case api.ActionDispute:
		return "Disputed: "
	}
	return ""
}

// refuseAction shows why the action form was refused, beside its field.
func (m *Model) refuseAction(err error) tea.Cmd {
	m.open.act.refuse(err)
	return m.buildAction()
}

// closeAction closes the action form unsent, keeping what was typed, and
// says the order was kept as it was.
func (m *Model) closeAction() tea.Cmd {
	f := m.open.act
	m.open.act = nil
	typed := strings.TrimSpace(f.d.text) != ""
	keep(&m.drafts.actions, draftKey(f.orderID, f.action), f.d, typed)
	text := "kept: the order was not " + pastTense(f.action)
	if typed {
		for _, oa := range m.orderActions() {
			if oa.a == f.action {
				text += " · " + oa.b.Help().Key + " brings back what you typed"
			}
		}
	}
	return views.Status(views.LevelInfo, text)
}

// submitAction checks the form, then sends the message (if any) and the
// action, in that order, in one Cmd.
func (m *Model) submitAction() tea.Cmd {
	f := m.open.act
	d := f.d
	if f.action != api.ActionRequestRevision && !d.sure {
		return m.closeAction()
	}
	text := strings.TrimSpace(d.text)
	if f.action == api.ActionRequestRevision && text == "" {
		return m.refuseAction(&api.FieldError{Field: "content", Message: "say what should change"})
	}
	e := m.current()
	if e == nil || e.o.ID != f.orderID {
		return m.refuseAction(errors.New("the order is no longer listed"))
	}
	if why := refusal(&e.o, e.role, f.action); why != "" {
		return m.refuseAction(errors.New(why))
	}
	if m.src == nil {
		return m.refuseAction(errors.New("the marketplace is not available"))
	}
	f.busy, f.field, f.problem = true, "", ""
	m.open.busy = verb(f.action)
	ctx, src, id, a, seq := m.ctx, m.src, f.orderID, f.action, f.seq
	var message string
	if text != "" && !f.sent {
		message = messageLead(a) + text
	}
	prior, at := f.attempts, m.clock()
	find := findMessage(src, id, m.me, message, m.sends.Claimed())
	act := m.run(id, a, "", "")
	return func() tea.Msg {
		out := actionDoneMsg{seq: seq, id: id, action: a}
		if message != "" {
			out.sending = true
			out.res = views.SendOnce(ctx, "the message", prior, at, func(ctx context.Context) (*api.OrderMessage, error) {
				return src.SendOrderMessage(ctx, id, message, nil)
			}, find)
			if out.res.Err != nil {
				return out
			}
		}
		out.act, _ = act().(actionMsg)
		return out
	}
}

// actionDone applies an action form's answer: the message joins the
// thread, then the action's outcome as acted says it. A refusal of
// either keeps the form, and says what was done and what was not.
func (m *Model) actionDone(msg actionDoneMsg) tea.Cmd {
	var f *actionForm
	if s := m.open; s != nil && s.act != nil && s.act.seq == msg.seq {
		f = s.act
	}
	if m.open != nil && m.open.id == msg.id {
		m.open.busy = ""
	}
	if msg.sending {
		if cmd, stop := m.actionMessage(f, msg); stop {
			return cmd
		}
	}
	a := msg.act
	if a.err != nil && f != nil {
		m.listAt = time.Time{} // the order may have moved on the other side
		why := views.Describe(againByEnter(a.err))
		if a.checkErr != nil {
			why = views.Unchecked(a.err, a.checkErr)
		}
		if f.sent {
			why = "your message is in the thread, but the order was not " + pastTense(msg.action) + ": " + why
		}
		return m.refuseAction(errors.New(why))
	}
	if f != nil {
		m.open.act = nil
	}
	if a.err == nil {
		keep(&m.drafts.actions, draftKey(msg.id, msg.action), nil, false)
	}
	return m.acted(a)
}

// actionMessage applies the message's send; stop says the action was not
// run (the message failed or its outcome is unknown).
func (m *Model) actionMessage(f *actionForm, msg actionDoneMsg) (tea.Cmd, bool) {
	res := msg.res
	if res.Err == nil {
		if res.Item != nil {
			m.sends.Claim(res.Item.ID, m.clock())
			if s := m.open; s != nil && s.id == msg.id {
				s.thread.Add(*res.Item)
				s.ver++
			}
		}
		if f != nil {
			f.sent, f.attempts = true, nil
		}
		return nil, false
	}
	why := "your message was not sent, so the order was not " + pastTense(msg.action) + ": " + views.Describe(againByEnter(res.Err))
	if res.Unknown() {
		why = "can't tell whether your message arrived (" + views.Unchecked(res.Err, res.CheckErr) +
			"), so nothing else was done; sending again checks first"
	}
	if f == nil {
		return views.Status(views.LevelWarn, why), true
	}
	if res.Unknown() {
		f.attempts = res.Attempts
	}
	return m.refuseAction(errors.New(why)), true
}

// actionView draws the open action form under the order's breadcrumb.
func (m *Model) actionView() string {
	p := m.pal
	head := views.Crumbs(m.Path(), "", m.width, p.title, p.muted, p.faint)
	return m.drawForm([]string{head}, &m.open.act.paneForm)
}

// againByEnter is err with a proven non-delivery saying how the form
// sends again: by enter, not the composer's ctrl+s.
func againByEnter(err error) error {
	var ns *views.NotSentError
	if !errors.As(err, &ns) {
		return err
	}
	cp := *ns
	cp.Again = "enter sends it again"
	return &cp
}
