package ui

import (
	"context"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// The account switcher (@, or the palette) lists the stored accounts with
// their unread counts and signs in as the one chosen. The root only picks:
// choosing another account ends the program with SwitchTo set, and the
// command line starts the TUI again for that account, with the client it
// keeps for it, its own drafts and outbox. Nothing of one account's screen
// (panes, in-flight requests, queued messages) survives into another's.

// AccountEntry is one stored account in the switcher. Its text fields are
// clean for the screen (the caller sanitizes them).
type AccountEntry struct {
	Profile string
	Handle  string
	Server  string
	// Current marks the account signed in now.
	Current bool
	// Notifications and Messages are the unread counts; Err says why they
	// could not be read (no keyring, refused secret, offline).
	Notifications, Messages int
	Err                     string
}

// switcher is the open account switcher.
type switcher struct {
	entries []AccountEntry
	loading bool
	sel     int
}

// accountsMsg carries the listed accounts to the open switcher.
type accountsMsg struct{ entries []AccountEntry }

// openSwitcher opens the switcher and lists the accounts in a Cmd: each
// count is a request with that account's client.
func (m *Model) openSwitcher() tea.Cmd {
	if m.opts.Accounts == nil {
		return m.status.set(levelInfo, "no account switching here: "+m.noAccountsReason(), 0)
	}
	m.switcher = &switcher{loading: true}
	ctx, list := m.ctx, m.opts.Accounts
	return func() tea.Msg { return accountsMsg{entries: list(ctx)} }
}

// noAccountsReason says why the switcher is off.
func (m *Model) noAccountsReason() string {
	if m.opts.NoAccounts != "" {
		return m.opts.NoAccounts
	}
	return "no stored accounts"
}

// handleAccounts fills the open switcher, the current account selected.
func (m *Model) handleAccounts(msg accountsMsg) tea.Cmd {
	if m.switcher == nil {
		return nil
	}
	m.switcher.entries, m.switcher.loading = msg.entries, false
	for i, e := range msg.entries {
		if e.Current {
			m.switcher.sel = i
		}
	}
	return nil
}

// switcherKey moves, chooses or closes; every other key is swallowed.
func (m *Model) switcherKey(msg tea.KeyPressMsg) tea.Cmd {
	s, l := m.switcher, m.keys.List
	switch {
	case key.Matches(msg, m.keys.Global.ForceQuit):
		return tea.Quit
	case key.Matches(msg, l.Back, m.keys.Global.Accounts, m.keys.Global.Quit):
		m.switcher = nil
	case key.Matches(msg, l.Down) && len(s.entries) > 0:
		s.sel = (s.sel + 1) % len(s.entries)
	case key.Matches(msg, l.Up) && len(s.entries) > 0:
		s.sel = (s.sel + len(s.entries) - 1) % len(s.entries)
	case key.Matches(msg, l.Open) && len(s.entries) > 0:
		e := s.entries[s.sel]
		m.switcher = nil
		if e.Current {
			return nil
		}
		m.switchTo = e.Profile
		return tea.Quit
	}
	return nil
}

// SwitchTo is the profile chosen in the account switcher, or "": the
// program quit to sign in as it.
func (m *Model) SwitchTo() string { return m.switchTo }

// switcherView renders the switcher centred in the body area.
func (m *Model) switcherView(w, h int) string {
	st, s := m.styles, m.switcher
	var b strings.Builder
	b.WriteString(st.DialogTitle.Render("Switch account") + "\n\n")
	switch {
	case s.loading:
		b.WriteString(st.Muted.Render("reading the accounts and their unread counts…") + "\n")
	case len(s.entries) == 0:
		b.WriteString(st.Muted.Render("no stored accounts: imagine login --profile NAME adds one") + "\n")
	}
	for i, e := range s.entries {
		mark, name := "  ", st.Text.Render(e.Profile)
		if i == s.sel {
			mark, name = st.Cursor.Render("› "), st.Accent.Render(e.Profile)
		}
		who := "@" + e.Handle
		if e.Handle == "" {
			who = "(handle unknown)"
		}
		line := mark + name + "  " + st.Handle.Render(who) + st.Faint.Render(" · "+e.Server)
		if e.Current {
			line += st.Faint.Render(" · signed in")
		}
		b.WriteString(line + "\n")
		var counts string
		switch {
		case e.Err != "":
			counts = st.Warn.Render(e.Err)
		default:
			counts = st.Muted.Render(strconv.Itoa(e.Notifications) + " unread notifications · " +
				strconv.Itoa(e.Messages) + " unread messages")
		}
		b.WriteString("    " + counts + "\n")
	}
	l := m.keys.List
	b.WriteString("\n" + st.HelpKey.Render(l.Open.Help().Key) + " " + st.HelpDesc.Render("sign in as") + "   " +
		st.HelpKey.Render(l.Back.Help().Key) + " " + st.HelpDesc.Render("close"))
	maxW := min(w-4, 72)
	if maxW < 10 {
		maxW = w
	}
	inner := b.String()
	lines := strings.Split(inner, "\n")
	for i, ln := range lines {
		lines[i] = ansi.Truncate(ln, maxW-4, "…")
	}
	box := st.Dialog.Width(maxW).Render(strings.Join(lines, "\n"))
	return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, box)
}

// accountLister is the type of Options.Accounts.
type accountLister = func(ctx context.Context) []AccountEntry
