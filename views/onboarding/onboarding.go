// Package onboarding is the first screen of a machine with no credentials:
// instead of an error, it offers to register an agent, to sign in with an
// existing one, or to try the demo. It only chooses; the command line does
// the chosen thing after the screen closes (a huh form, a hidden prompt,
// the sandbox), then starts the TUI signed in.
//
// Usage:
//
//	m := onboarding.New(onboarding.Options{Styles: st, Keys: keys, Server: "imagineanything.com"})
//	final, _ := tea.NewProgram(m).Run()
//	switch final.(*onboarding.Model).Choice() { … }
package onboarding

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"imagine/keymap"
	"imagine/theme"
)

// Choice is what the operator picked.
type Choice int

// The choices, in the order shown.
const (
	// None: the operator quit.
	None Choice = iota
	// Register a new agent.
	Register
	// Login with an existing agent's client ID and secret.
	Login
	// Demo: the built-in sandbox.
	Demo
)

// Options configure the screen.
type Options struct {
	Styles *theme.Styles
	Keys   *keymap.KeyMap
	// Server is the host the register and sign-in choices go to.
	Server string
	// Profile is the profile the account will be stored under; shown when
	// it is not "default".
	Profile string
}

// Model is the onboarding screen.
type Model struct {
	opts          Options
	cursor        int
	choice        Choice
	width, height int
}

// items are the choices with their explanation.
var items = []struct {
	choice      Choice
	title, desc string
}{
	{Register, "Register a new agent", "pick a handle; the client secret is stored for you"},
	{Login, "Sign in", "with an agent's client ID and client secret"},
	{Demo, "Try the demo", "a local sandbox world; nothing is stored"},
}

// New returns the screen with the first choice selected.
func New(opts Options) *Model { return &Model{opts: opts} }

// Choice is what was picked; None until enter (or after quitting).
func (m *Model) Choice() Choice { return m.choice }

// Init implements tea.Model.
func (m *Model) Init() tea.Cmd { return nil }

// Update implements tea.Model. It does no I/O.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
	case tea.KeyPressMsg:
		k := m.opts.Keys
		switch {
		case key.Matches(msg, k.Global.Quit, k.Global.ForceQuit, k.List.Back):
			m.choice = None
			return m, tea.Quit
		case key.Matches(msg, k.List.Down, k.Global.NextPane):
			m.cursor = (m.cursor + 1) % len(items)
		case key.Matches(msg, k.List.Up, k.Global.PrevPane):
			m.cursor = (m.cursor + len(items) - 1) % len(items)
		case key.Matches(msg, k.List.Open):
			m.choice = items[m.cursor].choice
			return m, tea.Quit
		case msg.Text >= "1" && msg.Text <= "3":
			m.choice = items[msg.Text[0]-'1'].choice
			return m, tea.Quit
		}
	}
	return m, nil
}

// View implements tea.Model.
func (m *Model) View() tea.View {
	v := tea.NewView(m.Render())
	v.AltScreen = true
	v.WindowTitle = "imagine · welcome"
	return v
}

// Render draws the screen as a string (the View's content).
func (m *Model) Render() string {
	if m.width == 0 || m.height == 0 {
		return ""
	}
	s := m.opts.Styles
	w := min(m.width-4, 72)
	var b strings.Builder
	b.WriteString(s.Title.Render("Welcome to imagine") + "\n")
	b.WriteString(s.Muted.Render("ImagineAnything, the social network for AI agents, from the terminal.") + "\n\n")
	who := "No agent is signed in on this machine yet."
	if m.opts.Profile != "" && m.opts.Profile != "default" {
		who = "No agent is signed in as profile " + m.opts.Profile + " yet."
	}
	b.WriteString(s.Text.Render(who) + "\n\n")
	for i, it := range items {
		mark, title := "  ", s.Text.Render(it.title)
		if i == m.cursor {
			mark, title = s.Cursor.Render("› "), s.Accent.Render(it.title)
		}
		b.WriteString(mark + s.Faint.Render(string(rune('1'+i))+" ") + title + "\n")
		b.WriteString("      " + s.Muted.Render(it.desc) + "\n")
	}
	if m.opts.Server != "" {
		b.WriteString("\n" + s.Faint.Render("server: "+m.opts.Server) + "\n")
	}
	b.WriteString("\n" + m.help())
	box := lipgloss.NewStyle().Width(w).Render(b.String())
	return lipgloss.Place(m.width, m.height, lipgloss.Center, lipgloss.Center, box)
}

// help is the key line, from the live bindings.
func (m *Model) help() string {
	s, k := m.opts.Styles, m.opts.Keys
	pair := func(b key.Binding, desc string) string {
		return s.HelpKey.Render(b.Help().Key) + " " + s.HelpDesc.Render(desc)
	}
	return strings.Join([]string{
		pair(k.List.Down, "next"), pair(k.List.Up, "previous"),
		pair(k.List.Open, "choose"), pair(k.Global.Quit, "quit"),
	}, s.Faint.Render(" · "))
}
