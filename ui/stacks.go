package ui

// Per-pane stacks of screens (views.Stack). A post, a profile, a hashtag
// or a conversation opened from a pane is pushed onto that pane's own
// stack: the tab does not change, the pane underneath keeps its list,
// selection and scroll untouched, and esc pops back to it. Screens are
// made by the Options (Stacks for posts, profiles and hashtags, which one
// postkit.Kit stacks itself; Conversations for a conversation), so a new
// pane gets stacks without writing any code for them, and no pane imports
// another.
//
// A request is opened in the screen on top when that screen opens such
// things itself (views.Opener), else in a new screen pushed over it: a
// profile opened from a conversation goes in a new group over it. The
// first group on a pane is the stack's base, kept with what it fetched
// while nothing shows; the Feed pane is its own base.
//
// A screen's Cmds are wrapped in stackMsg, with the pane and the screen's
// ID, so their results come back to that screen only (and are dropped
// once it is gone): two screens of the same kind would otherwise each
// take the other's answers, since broadcast messages reach every pane.
// What a screen asks of the root (a status, a confirmation, opening
// something) is unwrapped and handled as if a pane had asked, on the
// screen's own pane.

import (
	"reflect"
	"strings"

	tea "charm.land/bubbletea/v2"

	"imagine/views"
)

// Stack is a screen a pane's stack holds (views.Screen): what
// Options.Stacks, Conversations and Details make.
type Stack = views.Screen

// stackMsg carries the result of a stacked screen's Cmd back to it: to
// screen (its ID in the stack) of pane's stack.
type stackMsg struct {
	pane   PaneID
	screen int
	msg    tea.Msg
}

// stackOf returns pane id's stack, making an empty one on first use.
func (m *Model) stackOf(id PaneID) *views.Stack {
	if m.stacks[id] == nil {
		m.stacks[id] = &views.Stack{}
	}
	return m.stacks[id]
}

// prepare gives a screen just made what the root knows: its size, who is
// signed in, the styles.
func (m *Model) prepare(s Stack) Stack {
	s.SetSize(m.lay.body.w, m.lay.body.h)
	if me, ok := s.(identityAware); ok && m.handle != "" {
		me.SetMe(m.handle)
	}
	if st, ok := s.(styler); ok {
		st.SetStyles(m.styles)
	}
	return s
}

// paneTrail is the breadcrumb of pane id under its stack: the path of
// what it shows for a pane that stacks screens itself (views.Pathed),
// else its name.
func (m *Model) paneTrail(id PaneID) []string {
	if p, ok := m.panes[id].(views.Pathed); ok {
		return p.Path()
	}
	name := id.String()
	return []string{strings.ToUpper(name[:1]) + name[1:]}
}

// openStack shows the post, profile or hashtag of msg on the focused
// pane's stack; the Feed pane stacks them itself while nothing of the
// root's is stacked over it.
func (m *Model) openStack(msg tea.Msg) tea.Cmd {
	if m.opts.Stacks == nil || (m.focus == FeedPane && !m.stackOf(FeedPane).Shows()) {
		return m.routeOpen(FeedPane, msg)
	}
	return m.openOn(m.focus, msg)
}

// openConversation shows the conversation of msg on the focused pane's
// stack; the Messages pane opens it itself when nothing is stacked over
// it, as do all panes when the root has no way to make the screen.
func (m *Model) openConversation(msg views.OpenConversationMsg) tea.Cmd {
	if m.opts.Conversations == nil || (m.focus == MessagesPane && !m.stackOf(MessagesPane).Shows()) {
		return m.routeOpen(MessagesPane, msg)
	}
	return m.openOn(m.focus, msg)
}

// openOrder shows the order of msg on the focused pane's stack; the
// Market pane opens it itself when nothing is stacked over it, as do all
// panes when the root has no way to make the screen.
func (m *Model) openOrder(msg views.OpenOrderMsg) tea.Cmd {
	if m.opts.Orders == nil || (m.focus == MarketPane && !m.stackOf(MarketPane).Shows()) {
		return m.routeOpen(MarketPane, msg)
	}
	return m.openOn(m.focus, msg)
}

// openOn opens msg on pane id's stack: in the screen on top when it opens
// such things itself (a group of posts and profiles, the pane's base
// among them), else in a new screen pushed over it.
func (m *Model) openOn(id PaneID, msg tea.Msg) tea.Cmd {
	s := m.stackOf(id)
	s.Reroot(m.paneTrail(id))
	top, sid := s.Top()
	if o, ok := top.(views.Opener); ok && o.Opens(msg) && (sid == 0 || top.Depth() > 0) {
		return m.deliver(id, sid, msg)
	}
	sc := m.makeScreen(id, msg)
	if sc == nil {
		return nil
	}
	if s.Base() == nil && !s.Shows() && id != FeedPane && !ownScreen(msg) {
		// The pane's own group of posts and profiles: it outlives its
		// screens, so what it fetched and has in flight stays.
		s.SetBase(sc, m.paneTrail(id))
		return m.deliver(id, 0, msg)
	}
	return m.deliver(id, s.Push(sc, m.paneTrail(id)), msg)
}

// isConversation reports a request for a conversation.
func isConversation(msg tea.Msg) bool {
	_, ok := msg.(views.OpenConversationMsg)
	return ok
}

// isOrder reports a request for a marketplace order.
func isOrder(msg tea.Msg) bool {
	_, ok := msg.(views.OpenOrderMsg)
	return ok
}

// ownScreen reports a request shown by a screen of its own kind (a
// conversation, an order) rather than by the group of posts, profiles
// and hashtags.
func ownScreen(msg tea.Msg) bool { return isConversation(msg) || isOrder(msg) }

// makeScreen makes the screen that shows msg over pane id, or nil.
func (m *Model) makeScreen(id PaneID, msg tea.Msg) Stack {
	var s Stack
	switch {
	case isConversation(msg) && m.opts.Conversations != nil:
		s = m.opts.Conversations(id)
	case isOrder(msg) && m.opts.Orders != nil:
		s = m.opts.Orders(id)
	case !ownScreen(msg) && m.opts.Stacks != nil:
		s = m.opts.Stacks(id)
	}
	if s == nil {
		return nil
	}
	return m.prepare(s)
}

// stacked returns the focused pane's top screen when the stack shows one.
func (m *Model) stacked() Stack {
	if s := m.stacks[m.focus]; s != nil && s.Shows() {
		top, _ := s.Top()
		return top
	}
	return nil
}

// stackUpdate hands msg to the top of pane id's stack and addresses what
// it returns to that screen.
func (m *Model) stackUpdate(id PaneID, msg tea.Msg) tea.Cmd {
	s := m.stacks[id]
	if s == nil {
		return nil
	}
	cmd, sid := s.Update(msg)
	return m.wrapForScreen(id, sid, cmd)
}

// deliver hands msg to screen sid of pane id's stack.
func (m *Model) deliver(id PaneID, sid int, msg tea.Msg) tea.Cmd {
	s := m.stacks[id]
	if s == nil {
		return nil
	}
	return m.wrapForScreen(id, sid, s.Deliver(sid, msg))
}

// wrapForScreen addresses cmd's results to screen sid of pane id's stack.
func (m *Model) wrapForScreen(id PaneID, sid int, cmd tea.Cmd) tea.Cmd {
	return wrapCmd(cmd, func(r tea.Msg) tea.Msg { return stackMsg{pane: id, screen: sid, msg: r} })
}

// handleStackMsg delivers a stacked screen's result, or does what it asks
// of the root.
func (m *Model) handleStackMsg(msg stackMsg) tea.Cmd {
	if isNews(msg.msg) {
		return m.spread(msg.msg)
	}
	switch inner := msg.msg.(type) {
	case views.ConfirmMsg:
		inner.Yes = m.wrapForScreen(msg.pane, msg.screen, inner.Yes)
		m.openDialog(inner)
		return nil
	case views.StatusMsg, views.OpenURLMsg, views.ReportMsg, tea.QuitMsg:
		return m.dispatch(inner)
	case views.OpenOrderMsg:
		if m.opts.Orders == nil {
			return m.dispatch(inner)
		}
		return m.openOn(msg.pane, inner)
	case views.OpenConversationMsg:
		if m.opts.Conversations == nil {
			return m.dispatch(inner)
		}
		return m.openOn(msg.pane, inner)
	case views.OpenPostMsg, views.OpenProfileMsg, views.OpenHashtagMsg:
		return m.openOn(msg.pane, inner)
	}
	return m.deliver(msg.pane, msg.screen, msg.msg)
}

// wrapCmd makes cmd's message into(message), addressed to whoever made
// cmd; a batch or sequence has each of its Cmds wrapped instead, so they
// still run as Bubble Tea runs them, and Bubble Tea's own messages pass
// as they are.
func wrapCmd(cmd tea.Cmd, into func(tea.Msg) tea.Msg) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() tea.Msg {
		msg := cmd()
		switch inner := msg.(type) {
		case nil:
			return nil
		case tea.BatchMsg:
			for i := range inner {
				inner[i] = wrapCmd(inner[i], into)
			}
			return inner
		}
		// tea.Sequence's message is unexported: a slice of Cmds.
		if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeFor[tea.Cmd]() {
			out := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
			for i := range v.Len() {
				c, _ := v.Index(i).Interface().(tea.Cmd)
				out.Index(i).Set(reflect.ValueOf(wrapCmd(c, into)))
			}
			return out.Interface()
		}
		if isProgramMsg(msg) {
			return msg
		}
		return into(msg)
	}
}

// isProgramMsg reports messages meant for Bubble Tea itself (quit, window
// title, terminal queries…), which must reach the program unwrapped.
func isProgramMsg(msg tea.Msg) bool {
	switch msg.(type) {
	case tea.QuitMsg, tea.InterruptMsg, tea.SuspendMsg:
		return true
	}
	// Bubble Tea's own command messages (exec, print, clipboard, raw
	// sequences…) are unexported types of its package.
	t := reflect.TypeOf(msg)
	return t != nil && t.PkgPath() == "charm.land/bubbletea/v2"
}
