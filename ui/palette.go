package ui

import (
	"sort"
	"strings"
	"unicode"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
)

// The command palette (ctrl+p or :) finds any action of the screen
// showing, and every global one, by typing part of its name; each row
// shows its key, so the palette teaches the keys. It also runs what has
// no key: open a profile or write to an agent by handle ("@handle"), and
// search. Like a dialog it takes every key while open (routing in
// doc.go), so q, j or 1 typed there are part of the query.

// paletteQueryMax caps the query: a paste of a whole file must not become
// a row wider than any screen.
const paletteQueryMax = 100

// palette is the open palette.
type palette struct {
	query   string
	actions []screenAction // of the screen it is open over
	rows    []paletteRow   // what the query matches, best first
	sel     int
	// note says why the last enter ran nothing (a disabled row).
	note string
	// agents are those found for the handle agentsFor
	// (palette_agents.go).
	agents    []api.Agent
	agentsFor string
	// exact says the search found the agent whose handle is agentsFor.
	exact bool
}

// paletteRow is one line of the palette.
type paletteRow struct {
	title string
	key   string // the key that does the same, if any
	// disabled says why it cannot run now; such rows are listed anyway,
	// so an action never seems to have vanished.
	disabled string
	// guess: disabled is the root's inference, so the row runs anyway.
	guess bool
	score int
	run   func() tea.Cmd
}

// The palette's own keys. Arrows and ctrl+n/ctrl+p move, so every
// printable key, j and k included, goes to the query.
var paletteKeys = struct {
	up, down, pageUp, pageDown, run, close, erase, clear, eraseWord key.Binding
}{
	up:        key.NewBinding(key.WithKeys("up", "ctrl+p", "shift+tab"), key.WithHelp("↑", "up")),
	down:      key.NewBinding(key.WithKeys("down", "ctrl+n", "tab"), key.WithHelp("↓", "down")),
	pageUp:    key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
	pageDown:  key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),
	run:       key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "run")),
	close:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close")),
	erase:     key.NewBinding(key.WithKeys("backspace")),
	clear:     key.NewBinding(key.WithKeys("ctrl+u")),
	eraseWord: key.NewBinding(key.WithKeys("ctrl+w", "alt+backspace")),
}

// openPalette opens the palette over the screen showing.
func (m *Model) openPalette() tea.Cmd {
	m.palette = &palette{}
	m.filterPalette()
	return nil
}

// paletteKey handles a key while the palette is open.
func (m *Model) paletteKey(msg tea.KeyPressMsg) tea.Cmd {
	p := m.palette
	k := paletteKeys
	switch {
	case key.Matches(msg, m.keys.Global.ForceQuit):
		return tea.Quit
	case key.Matches(msg, k.close):
		m.palette = nil
	case key.Matches(msg, k.run):
		return m.runPaletteRow()
	case key.Matches(msg, k.up):
		p.move(-1)
	case key.Matches(msg, k.down):
		p.move(1)
	case key.Matches(msg, k.pageUp):
		p.move(-paletteRowsMax)
	case key.Matches(msg, k.pageDown):
		p.move(paletteRowsMax)
	case key.Matches(msg, k.erase):
		r := []rune(p.query)
		m.setPaletteQuery(string(r[:max(len(r)-1, 0)]))
	case key.Matches(msg, k.clear):
		m.setPaletteQuery("")
	case key.Matches(msg, k.eraseWord):
		q := strings.TrimRight(p.query, " ")
		m.setPaletteQuery(q[:strings.LastIndex(q, " ")+1])
	case msg.Text != "" && msg.Mod&(tea.ModCtrl|tea.ModAlt) == 0:
		m.setPaletteQuery(p.query + msg.Text)
	}
	return m.paletteLookup()
}

// pastePalette types pasted text into the query.
func (m *Model) pastePalette(text string) {
	m.setPaletteQuery(m.palette.query + text)
}

// setPaletteQuery changes the query, keeping only what can be shown on
// one line, and ranks the rows again from the top.
func (m *Model) setPaletteQuery(q string) {
	q = strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return ' '
		case !unicode.IsPrint(r):
			return -1
		}
		return r
	}, q)
	if r := []rune(q); len(r) > paletteQueryMax {
		q = string(r[:paletteQueryMax])
	}
	m.palette.query = q
	m.palette.sel = 0
	m.palette.note = ""
	m.filterPalette()
}

// move moves the selection, stopping at the ends.
func (p *palette) move(d int) {
	p.sel = min(max(p.sel+d, 0), max(len(p.rows)-1, 0))
	p.note = ""
}

// runPaletteRow runs the selected row and closes the palette; a disabled
// row says why instead, and the palette stays.
func (m *Model) runPaletteRow() tea.Cmd {
	p := m.palette
	if len(p.rows) == 0 {
		return nil
	}
	row := p.rows[p.sel]
	if row.disabled != "" && !row.guess {
		p.note = row.title + ": " + row.disabled
		return nil
	}
	m.palette = nil
	return row.run()
}

// filterPalette ranks the rows for the query: commands on a typed
// @handle first, then the actions it matches, best first (with nothing
// typed, in the registry's order, the screen's before the global ones),
// those that cannot run now after those that can; then a search for the
// text.
func (m *Model) filterPalette() {
	p := m.palette
	// Read again on every key: a result that arrived meanwhile may have
	// changed what the screen offers, or why an action cannot run.
	p.actions = m.screenActions()
	q := strings.TrimSpace(p.query)
	h := typedHandle(q)
	rows := append(m.handleRows(q), m.agentRows(h)...)
	rows = append(rows, tagRows(q)...)
	switch found := m.agentRows(h); {
	case len(found) > 0 && !api.ValidHandle(h):
		// No agent can have the handle as typed: only the ones found.
		rows = found
	case len(found) > 0 && !m.foundExactly(h):
		// "@atlas" found @atlas_ai and no @atlas: the agents that exist
		// come first, the handle as typed after them.
		rows = append(found, m.handleRows(q)...)
	}
	var acts []paletteRow
	for _, a := range p.actions {
		score, ok := fuzzy(q, a.Title)
		if !ok {
			// The short help text ("next unread") finds an action too,
			// below its title, and so does its ID ("feed.like") once
			// the query looks like one.
			other := a.Key.Help().Desc
			if strings.ContainsAny(q, "._") {
				other += " " + a.ID
			}
			if score, ok = fuzzy(q, other); !ok {
				continue
			}
			score -= 20
		}
		if a.disabled != "" {
			score -= 30
		}
		acts = append(acts, paletteRow{title: a.Title, key: a.Key.Help().Key, disabled: a.disabled, guess: a.guess, score: score, run: m.actionRunner(a)})
	}
	for _, e := range m.elsewhereActions() {
		score, ok := fuzzy(q, e.title)
		if !ok {
			continue
		}
		acts = append(acts, paletteRow{title: e.title, key: m.elsewhereKey(e), score: score, run: m.elsewhereRunner(e)})
	}
	sort.SliceStable(acts, func(i, j int) bool {
		if q == "" {
			return acts[i].disabled == "" && acts[j].disabled != ""
		}
		return acts[i].score > acts[j].score
	})
	rows = append(rows, acts...)
	if q != "" && !strings.HasPrefix(q, "@") {
		rows = append(rows, paletteRow{title: "Search posts for “" + q + "”", run: m.searchRunner(q)})
	}
	p.rows = rows
	p.sel = min(p.sel, max(len(rows)-1, 0))
}

// elsewhereRunner runs another pane's action (palette_elsewhere.go).
func (m *Model) elsewhereRunner(e elsewhereAction) func() tea.Cmd {
	return func() tea.Cmd { return m.runElsewhere(e) }
}

// actionRunner runs a registered action.
func (m *Model) actionRunner(a screenAction) func() tea.Cmd {
	return func() tea.Cmd { return m.runAction(a.Action) }
}

// handleRows are the commands on the first "@handle" of the query: open
// the agent's profile, or write to them. A handle that breaks the API's
// rule is listed with the rule rather than sent.
func (m *Model) handleRows(q string) []paletteRow {
	h := typedHandle(q)
	if h == "" {
		return nil
	}
	why := ""
	if !api.ValidHandle(h) {
		why = "a handle is 3-30 of a-z, 0-9 and _, starting with a letter"
	}
	return []paletteRow{
		{title: "Open profile @" + h, disabled: why, run: func() tea.Cmd { return views.Open(views.OpenProfileMsg{Handle: h}) }},
		{title: "Message @" + h, disabled: why, run: func() tea.Cmd { return views.Open(views.OpenConversationMsg{Handle: h}) }},
	}
}

// tagRows is the command on a query that is one "#hashtag": open its
// posts, as a hashtag in a post does; a tag that is not trending is
// reached this way too.
func tagRows(q string) []paletteRow {
	links := views.FindLinks(q)
	if len(links) != 1 || links[0].Kind != views.LinkHashtag || links[0].Text != q {
		return nil
	}
	tag := links[0].Target
	return []paletteRow{{title: "Open #" + tag + " (its posts)", run: func() tea.Cmd { return views.Open(views.OpenHashtagMsg{Tag: tag}) }}}
}

// searcher is a pane that searches for what the palette was given (the
// Explore pane's Search section).
type searcher interface{ Search(query string) tea.Cmd }

// searchRunner searches posts (and agents) in the Explore pane, which it
// focuses; without that pane it says so rather than pretend.
func (m *Model) searchRunner(q string) func() tea.Cmd {
	return func() tea.Cmd {
		s, ok := m.panes[ExplorePane].(searcher)
		if !ok {
			return m.status.set(levelInfo, "search comes with Explore (pane 6), not in this build", 0)
		}
		// The search first: the pane then comes into view on its results,
		// not on the section it was last left on.
		search := s.Search(q)
		return tea.Batch(search, m.focusPane(ExplorePane))
	}
}
