package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"imagine/theme"
	"imagine/views"
	"imagine/views/report"
)

// styler is implemented by panes that cache rendered output and must drop
// it when the styles change.
type styler interface{ SetStyles(*theme.Styles) }

// Update implements tea.Model. It dispatches, then notices badges that
// grew, whatever message made them grow.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	before := m.signals
	cmd := m.dispatch(msg)
	m.syncWidths()
	return m, tea.Batch(cmd, m.noticeBadges(before), m.followTarget(), m.soonerTick(), m.reportPresence())
}

// dispatch handles one message; each case is one call.
func (m *Model) dispatch(msg tea.Msg) tea.Cmd {
	switch msg.(type) {
	case views.OpenPostMsg, views.OpenProfileMsg, views.OpenHashtagMsg:
		return m.openStack(msg)
	}
	if isNews(msg) {
		return m.spread(msg)
	}
	if open, ok := msg.(views.OpenConversationMsg); ok {
		return m.openConversation(open)
	}
	if open, ok := msg.(views.OpenOrderMsg); ok {
		return m.openOrder(open)
	}
	if target, ok := openTarget(msg); ok {
		return m.routeOpen(target, msg)
	}
	switch msg := msg.(type) {
	case stackMsg:
		return m.handleStackMsg(msg)
	case views.OpenURLMsg:
		return m.openURL(msg.URL)
	case detailMsg:
		return m.handleDetailMsg(msg)
	case splitRestMsg:
		return m.splitRested(msg)
	case paletteLookupDueMsg:
		return m.paletteLookupDue(msg)
	case paletteAgentsMsg:
		m.paletteAgentsFound(msg)
		return nil
	case tea.WindowSizeMsg:
		m.resize(msg.Width, msg.Height)
		return nil
	case tea.KeyPressMsg:
		return m.handleKey(msg)
	case tea.MouseMsg:
		return m.mouse(msg)
	case tea.PasteMsg:
		if m.reportOpen() {
			return m.reportUpdate(msg)
		}
		if m.palette != nil {
			m.pastePalette(msg.Content)
			return nil
		}
		return m.frontUpdate(msg)
	case tea.BackgroundColorMsg:
		m.restyle(msg.IsDark())
		return nil
	case tea.FocusMsg:
		m.termBlur = false
		return m.rearmAll()
	case tea.BlurMsg:
		m.termBlur = true
		return nil
	case pollTickMsg:
		return m.handleTick(msg)
	case fetchedMsg:
		return m.handleFetched(msg)
	case views.StatusMsg:
		return m.handleStatus(msg)
	case views.ConfirmMsg:
		m.openDialog(msg)
		return nil
	case views.ReportMsg:
		return m.openReport(msg)
	case report.Msg:
		return m.reportUpdate(msg)
	case signedInMsg:
		return m.handleSignedIn(msg)
	case retrySignInMsg:
		return m.signIn()
	case accountsMsg:
		return m.handleAccounts(msg)
	case clearStatusMsg:
		m.status.clear(msg.gen)
		return nil
	case pacingMsg:
		return m.handlePacing(msg)
	case pacingDoneMsg:
		m.pacingDone(msg)
		return nil
	case PresenceMsg:
		m.presenceOthers = msg.Others
		return nil
	case activityMsg:
		return m.handleActivity(msg)
	case activityChangedMsg:
		if m.activity == nil {
			return nil
		}
		return m.readActivity()
	}
	return m.broadcast(msg)
}

// handleKey applies the key precedence of doc.go.
func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	m.status.keyPressed()
	g := m.keys.Global
	if m.fatal != nil {
		if key.Matches(msg, g.Quit, g.ForceQuit) {
			return tea.Quit
		}
		return nil
	}
	if m.dialog != nil {
		return m.dialogKey(msg)
	}
	if m.reportOpen() {
		if key.Matches(msg, g.ForceQuit) {
			return tea.Quit
		}
		return m.reportUpdate(msg)
	}
	if m.switcher != nil {
		return m.switcherKey(msg)
	}
	if m.palette != nil {
		return m.paletteKey(msg)
	}
	p := m.front()
	if p != nil && p.CapturesInput() {
		if key.Matches(msg, g.ForceQuit) {
			return tea.Quit
		}
		return m.frontUpdate(msg)
	}
	if m.showHelp {
		if cmd, done := m.helpKey(msg); done {
			return cmd
		}
	}
	if m.activity != nil {
		if cmd, done := m.activityKey(msg); done {
			return cmd
		}
	}
	if m.raw != nil {
		if cmd, done := m.rawKey(msg); done {
			return cmd
		}
	}
	switch {
	case key.Matches(msg, g.Quit, g.ForceQuit):
		return tea.Quit
	case key.Matches(msg, g.Help):
		m.showHelp, m.helpTop = true, 0
		return nil
	case key.Matches(msg, g.Palette):
		return m.openPalette()
	case key.Matches(msg, g.Accounts):
		return m.openSwitcher()
	case key.Matches(msg, g.Activity):
		return m.openActivity()
	case key.Matches(msg, g.Raw):
		return m.openRaw()
	case key.Matches(msg, g.NextPane):
		return m.cycleFocus(1)
	case key.Matches(msg, g.PrevPane):
		return m.cycleFocus(-1)
	case key.Matches(msg, g.Split):
		return m.toggleSplit()
	case key.Matches(msg, g.Attention):
		return m.jumpToAttention()
	case key.Matches(msg, g.Refresh):
		return tea.Batch(m.refreshNow(), m.status.set(levelInfo, "refreshing…", 0))
	}
	for i, b := range g.Panes {
		if key.Matches(msg, b) {
			return m.focusPane(PaneID(i))
		}
	}
	if p == nil {
		return nil
	}
	return m.frontUpdate(msg)
}

// focusedPane returns the pane on screen, or nil when there is none.
func (m *Model) focusedPane() Pane { return m.panes[m.focus] }

// front is what is on screen in the focused pane and takes its keys: the
// screen stacked over it, or else the pane.
func (m *Model) front() interface {
	View() string
	CapturesInput() bool
	ShortHelp() []key.Binding
	FullHelp() [][]key.Binding
} {
	if s := m.stacked(); s != nil {
		return s
	}
	if p := m.focusedPane(); p != nil {
		return p
	}
	return nil
}

// frontUpdate sends msg to what is on screen in the focused pane only.
func (m *Model) frontUpdate(msg tea.Msg) tea.Cmd {
	if m.stacked() != nil {
		return m.stackUpdate(m.focus, msg)
	}
	if p := m.focusedPane(); p != nil {
		return p.Update(msg)
	}
	return nil
}

// focusPane shows pane id if it exists, and re-arms polling for the new
// focus. Asking for a pane that is not built yet says so.
func (m *Model) focusPane(id PaneID) tea.Cmd {
	if m.panes[id] == nil {
		return m.status.set(levelInfo, id.String()+" is not available in this version yet", 0)
	}
	if id == m.focus {
		return nil
	}
	m.panes[m.focus].SetFocused(false)
	m.focus = id
	m.panes[id].SetFocused(true)
	m.showHelp = false
	return tea.Batch(m.rearmAll(), m.panes[id].Update(views.ShownMsg{}))
}

// cycleFocus moves focus by delta through the shown panes.
func (m *Model) cycleFocus(delta int) tea.Cmd {
	if len(m.order) == 0 {
		return nil
	}
	at := 0
	for i, id := range m.order {
		if id == m.focus {
			at = i
		}
	}
	n := len(m.order)
	return m.focusPane(m.order[((at+delta)%n+n)%n])
}

// broadcast delivers msg to every pane; only its owner reacts.
func (m *Model) broadcast(msg tea.Msg) tea.Cmd {
	var cmds []tea.Cmd
	for _, id := range m.order {
		cmds = append(cmds, m.panes[id].Update(msg))
	}
	return tea.Batch(cmds...)
}

// resize recomputes the layout and tells every pane its size.
func (m *Model) resize(w, h int) {
	m.width, m.height = w, h
	m.lay = layout(w, h)
	m.help.SetWidth(w)
	m.resizeDetails()
	if m.report != nil {
		m.report.SetSize(m.lay.body.w, m.lay.body.h)
	}
	for _, id := range m.order {
		m.split.widths[id] = m.paneWidth(id)
		m.panes[id].SetSize(m.split.widths[id], m.lay.body.h)
		if s := m.stacks[id]; s != nil {
			s.Each(func(sc views.Screen) { sc.SetSize(m.lay.body.w, m.lay.body.h) })
		}
	}
}

// restyle rebuilds the styles in place for the terminal's background and
// tells the panes, unless the theme is fixed by configuration.
func (m *Model) restyle(dark bool) {
	if m.opts.FixedTheme || dark == m.styles.Dark {
		return
	}
	links := m.styles.Hyperlinks // the terminal's, not the theme's
	rebuilt, err := theme.Build(m.styles.Palette, dark, m.opts.NoColor)
	if err != nil {
		return // the palette was checked when the styles were first built
	}
	*m.styles = *rebuilt
	m.styles.Hyperlinks = links
	m.chrome.styleGen++
	m.applyHelpStyles()
	for _, id := range m.order {
		if s, ok := m.panes[id].(styler); ok {
			s.SetStyles(m.styles)
		}
		if s := m.stacks[id]; s != nil {
			s.Each(func(sc views.Screen) {
				if st, ok := sc.(styler); ok {
					st.SetStyles(m.styles)
				}
			})
		}
	}
	if m.report != nil {
		m.report.SetStyles(m.styles)
	}
}
