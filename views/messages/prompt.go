package messages

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"imagine/api/sanitize"
	"imagine/theme"
	"imagine/views"
)

// handlePrompt asks for the handle of a new conversation.
type handlePrompt struct {
	input   textinput.Model
	open    bool
	problem string
	// checking is the handle being looked up in the directory before
	// the message is written (handleCheckedMsg).
	checking string
}

// handleCheckedMsg says whether the directory knows handle: found, or
// known to be missing (a search that returned every match without it);
// neither when the search failed or was cut short.
type handleCheckedMsg struct {
	handle         string
	found, missing bool
}

func newHandlePrompt() handlePrompt {
	in := textinput.New()
	in.Prompt = "To: @"
	in.Placeholder = "handle"
	in.CharLimit = 40
	in.ShowSuggestions = true
	km := textinput.DefaultKeyMap()
	// Reading the clipboard would read the server's over SSH; bracketed
	// paste (tea.PasteMsg) still works.
	km.Paste.SetEnabled(false)
	in.KeyMap = km
	return handlePrompt{input: in}
}

func (p *handlePrompt) setWidth(w int) { p.input.SetWidth(max(w-8, 10)) }

func (p *handlePrompt) setStyles(s *theme.Styles) {
	st := textinput.DefaultStyles(s.Dark)
	// A steady cursor: blinking would redraw an idle screen.
	st.Cursor.Blink = false
	p.input.SetStyles(st)
}

func (p *handlePrompt) close() {
	p.open = false
	p.problem, p.checking = "", ""
	p.input.Blur()
}

// openPrompt asks for a handle, offering the handles of the list as
// completions.
func (m *Model) openPrompt() tea.Cmd {
	p := &m.prompt
	p.open, p.problem = true, ""
	p.input.Reset()
	handles := make([]string, 0, len(m.list.entries))
	for _, e := range m.list.entries {
		handles = append(handles, e.c.Participant.Handle)
	}
	p.input.SetSuggestions(handles)
	return p.input.Focus()
}

// promptKey handles a key while the prompt is open.
func (m *Model) promptKey(msg tea.KeyPressMsg) tea.Cmd {
	p := &m.prompt
	switch {
	case key.Matches(msg, m.keys.Composer.Cancel):
		p.close()
		return nil
	case key.Matches(msg, m.keys.List.Open, m.keys.Composer.Send):
		return m.submitHandle()
	}
	before := p.input.Value()
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	p.dropAt()
	if p.input.Value() != before {
		p.problem, p.checking = "", ""
	}
	return cmd
}

// dropAt removes an "@" typed or pasted first: the prompt's own "To: @"
// is the sign, and "@@nov" completed nothing.
func (p *handlePrompt) dropAt() {
	if v := p.input.Value(); strings.HasPrefix(v, "@") {
		p.input.SetValue(strings.TrimLeft(v, "@"))
		p.input.CursorEnd()
	}
}

// promptPaste inserts pasted text, cleaned to one line.
func (m *Model) promptPaste(msg tea.PasteMsg) tea.Cmd {
	var cmd tea.Cmd
	m.prompt.input, cmd = m.prompt.input.Update(tea.PasteMsg{Content: sanitize.Line(msg.Content)})
	m.prompt.dropAt()
	return cmd
}

// parseHandle turns what was typed into a handle, or explains why not.
func (m *Model) parseHandle(s string) (string, string) {
	s = strings.ToLower(strings.TrimSpace(s))
	h, ok := sanitize.Handle(s)
	switch {
	case s == "" || s == "@":
		return "", "type the agent's handle"
	case !ok:
		return "", "a handle is 3–30 lowercase letters, digits or underscores, starting with a letter"
	case m.me != "" && strings.EqualFold(h, m.me):
		return "", "that is you: pick another agent"
	}
	return h, ""
}

// submitHandle moves on to the message: into the existing conversation
// with that agent, or to a first message.
func (m *Model) submitHandle() tea.Cmd {
	p := &m.prompt
	h, problem := m.parseHandle(p.input.Value())
	if problem != "" {
		p.problem = problem
		return nil
	}
	find := m.complete.Agents
	if m.byHandle(h) != nil || find == nil {
		p.close()
		return m.startWith(h)
	}
	// A new conversation: the handle is looked up first, so that a
	// message is not written to an agent that does not exist.
	p.checking, p.problem = h, ""
	ctx := m.ctx
	return func() tea.Msg {
		agents, all, err := find(ctx, h)
		if err != nil {
			return handleCheckedMsg{handle: h}
		}
		for _, a := range agents {
			if strings.EqualFold(a.Handle, h) {
				return handleCheckedMsg{handle: h, found: true}
			}
		}
		return handleCheckedMsg{handle: h, missing: all}
	}
}

// handleChecked moves on to the message once the handle was looked up,
// or says there is no such agent and keeps the prompt. A lookup that
// could not tell lets the operator go on: sending says it then.
func (m *Model) handleChecked(msg handleCheckedMsg) tea.Cmd {
	p := &m.prompt
	if !p.open || p.checking != msg.handle {
		return nil
	}
	p.checking = ""
	if msg.missing {
		p.problem = "no agent is called @" + msg.handle + ": check the handle"
		return nil
	}
	p.close()
	return m.startWith(msg.handle)
}

// startWith opens the conversation with handle and its composer, or the
// composer of a first message when there is none.
func (m *Model) startWith(handle string) tea.Cmd {
	if e := m.byHandle(handle); e != nil {
		open := m.showConversation(e)
		return tea.Batch(open, m.openReply(m.open))
	}
	return m.openNewMessage(handle)
}

// promptLines draws the prompt over the pane.
func (m *Model) promptLines() []string {
	p, pal := &m.prompt, m.pal
	lines := []string{views.Truncate(pal.title.Render("New conversation"), m.width), ""}
	// The input pads itself to its width, and with a suggestion shown
	// bubbles' textinput pads it past that: cut the padding, no "…".
	lines = append(lines, ansi.Truncate(p.input.View(), m.width, ""), "")
	switch {
	case p.problem != "":
		lines = append(lines, views.Truncate(pal.errs.Render(p.problem), m.width))
	case p.checking != "":
		lines = append(lines, views.Truncate(pal.muted.Render("looking @"+p.checking+" up…"), m.width))
	default:
		lines = append(lines, views.Truncate(pal.muted.Render("The agent's handle, e.g. atlas_ai. Tab completes from your conversations."), m.width))
	}
	k := m.keys
	hint := k.List.Open.Help().Key + " continue · " + k.Composer.Cancel.Help().Key + " cancel"
	for len(lines) < m.height-1 {
		lines = append(lines, "")
	}
	return append(lines, views.Truncate(pal.faint.Render(hint), m.width))
}
