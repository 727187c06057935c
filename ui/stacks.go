package ui

// Per-pane stacks of content screens. A post or a profile opened from a
// pane is pushed onto that pane's own stack: the tab does not change, the
// pane underneath keeps its list, selection and scroll untouched, and
// esc pops back to it. The Feed pane stacks its own screens; for every
// other pane the root keeps a Stack (a Feed model with no timelines, made
// by Options.Stacks) the first time something is opened there, so a new
// pane gets stacks without writing any code for them.
//
// A stack's Cmds are wrapped in stackMsg so their results come back to
// that stack only: two stacks of the same kind would otherwise each take
// the other's answers, since broadcast messages reach every pane. What a
// stack asks of the root (a status, a confirmation, opening something)
// is unwrapped and handled as if a pane had asked.

import (
	"reflect"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"imagine/views"
)

// Stack is a pane's stack of content screens, as the root uses it.
type Stack interface {
	Update(msg tea.Msg) tea.Cmd
	View() string
	SetSize(width, height int)
	CapturesInput() bool
	ShortHelp() []key.Binding
	FullHelp() [][]key.Binding
	// Depth is the number of screens stacked; 0 shows the pane.
	Depth() int
}

// stackMsg carries the result of a stack's Cmd back to it.
type stackMsg struct {
	pane PaneID
	msg  tea.Msg
}

// stackFor returns pane id's stack, making it on first use; nil when the
// root has no way to make one.
func (m *Model) stackFor(id PaneID) Stack {
	if m.stacks[id] == nil && m.opts.Stacks != nil {
		s := m.opts.Stacks(id)
		if s == nil {
			return nil
		}
		s.SetSize(m.lay.body.w, m.lay.body.h)
		if me, ok := s.(identityAware); ok && m.handle != "" {
			me.SetMe(m.handle)
		}
		if st, ok := s.(styler); ok {
			st.SetStyles(m.styles)
		}
		m.stacks[id] = s
	}
	return m.stacks[id]
}

// openStack shows the post or profile of msg on the focused pane's stack
// (the Feed pane stacks them itself).
func (m *Model) openStack(msg tea.Msg) tea.Cmd {
	if m.focus == FeedPane || m.opts.Stacks == nil {
		return m.routeOpen(FeedPane, msg)
	}
	s := m.stackFor(m.focus)
	if s == nil {
		return m.routeOpen(FeedPane, msg)
	}
	return m.stackUpdate(m.focus, msg)
}

// stacked returns the focused pane's stack when it shows a screen.
func (m *Model) stacked() Stack {
	if s := m.stacks[m.focus]; s != nil && s.Depth() > 0 {
		return s
	}
	return nil
}

// stackUpdate hands msg to pane id's stack and wraps what it returns.
func (m *Model) stackUpdate(id PaneID, msg tea.Msg) tea.Cmd {
	s := m.stacks[id]
	if s == nil {
		return nil
	}
	return wrapCmd(s.Update(msg), func(msg tea.Msg) tea.Msg { return stackMsg{pane: id, msg: msg} })
}

// handleStackMsg delivers a stack's result, or does what it asks of the
// root.
func (m *Model) handleStackMsg(msg stackMsg) tea.Cmd {
	switch inner := msg.msg.(type) {
	case views.ConfirmMsg:
		inner.Yes = wrapCmd(inner.Yes, func(m tea.Msg) tea.Msg { return stackMsg{pane: msg.pane, msg: m} })
		m.openDialog(inner)
		return nil
	case views.StatusMsg, views.OpenConversationMsg, views.OpenOrderMsg, views.OpenURLMsg, tea.QuitMsg:
		return m.dispatch(inner)
	case views.OpenPostMsg, views.OpenProfileMsg, views.OpenHashtagMsg:
		return m.stackUpdate(msg.pane, inner)
	}
	return m.stackUpdate(msg.pane, msg.msg)
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
