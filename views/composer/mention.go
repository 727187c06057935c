package composer

import (
	"context"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
)

// @mention completion (anchors.md §3.1.6: tut #120). While the word before
// the cursor is "@" and the start of a handle, the line under the text
// lists the agents it may name: first the handles of the request
// (Request.Mentions: the author answered, the agents their post names, the
// other party of a conversation), then what the agent directory finds
// (Options.FindAgents), asked once the typing rests. tab writes the first
// one in; tab again puts the next in its place, shift+tab the one before;
// typing on keeps the choice. esc hides the list before it closes anything.

const (
	// DefaultMentionRest is how long the typing rests before the
	// directory is asked, so that a handle typed at speed costs one
	// request.
	DefaultMentionRest = 200 * time.Millisecond
	// mentionShown is the most agents the line lists.
	mentionShown = 6
	// mentionLookups is how many directory answers are kept, per query.
	mentionLookups = 64
)

// AgentFinder looks agents up in the directory by the start of a handle
// or a name (GET /api/agents?search=); all reports that the answer holds
// every agent matching query. It runs in a tea.Cmd.
type AgentFinder func(ctx context.Context, query string) (agents []api.Agent, all bool, err error)

// FindAgentsIn is the AgentFinder over the API's agent directory: its
// first page of matches.
func FindAgentsIn(agents *api.AgentsService) AgentFinder {
	return func(ctx context.Context, query string) ([]api.Agent, bool, error) {
		page, err := agents.List(ctx, &api.AgentListOptions{Search: query, ListOptions: api.ListOptions{Limit: 50}})
		if err != nil {
			return nil, false, err
		}
		return page.Items, !page.HasMore, nil
	}
}

// mentionState is the completion of the handle being typed.
type mentionState struct {
	// active: the cursor ends an "@…" word; query is what follows the @.
	active bool
	query  string
	// items are the handles offered for query, best first.
	items []string
	// sel is the offered handle tab wrote in (-1: none yet); written is
	// that handle, so that the word it left is known as a choice, not a
	// new query.
	sel     int
	written string
	// hidden: esc hid the list for this query.
	hidden bool
	// gen drops the rests and answers of older queries.
	gen uint64
	// found keeps the directory's answers by query (lower case).
	found map[string]lookup
}

// lookup is the directory's answer for a query; all: it held every match.
type lookup struct {
	agents []api.Agent
	all    bool
}

// mentionDueMsg says the typing rested on a query.
type mentionDueMsg struct {
	id    string
	gen   uint64
	query string
}

// mentionFoundMsg carries the directory's answer for a query.
type mentionFoundMsg struct {
	id     string
	query  string
	agents []api.Agent
	all    bool
	err    error
}

// handleRune reports whether r may be part of a handle as it is typed
// (any case: the API's rule is lower case, a typist's may not be).
func handleRune(r rune) bool {
	return r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
}

// mentionAtCursor is the "@query" word the cursor ends, if any: the @ at
// the start of the line or after a character that is not part of a word
// (so "ada@example.com" is not one), nothing but handle characters after
// it, and no handle character right after the cursor.
func (m *Model) mentionAtCursor() (query string, ok bool) {
	lines := strings.Split(m.ta.Value(), "\n")
	row := m.ta.Line()
	if row < 0 || row >= len(lines) {
		return "", false
	}
	line := []rune(lines[row])
	col := min(m.ta.Column(), len(line))
	if col < len(line) && handleRune(line[col]) {
		return "", false
	}
	start := col
	for start > 0 && handleRune(line[start-1]) {
		start--
	}
	if start == 0 || line[start-1] != '@' || col-start > 30 {
		return "", false
	}
	if at := start - 1; at > 0 && (handleRune(line[at-1]) || line[at-1] == '@') {
		return "", false
	}
	return string(line[start:col]), true
}

// mentionMoved brings the completion up to date after the text or the
// cursor moved, and returns the Cmd waiting for the typing to rest when
// the directory should be asked.
func (m *Model) mentionMoved() tea.Cmd {
	ms := &m.mention
	query, ok := m.mentionAtCursor()
	switch {
	case !ok:
		if ms.active {
			m.endMention()
		}
		return nil
	case ms.active && ms.written != "" && strings.EqualFold(query, ms.written):
		return nil // tab's own choice: keep offering the others
	case ms.active && query == ms.query:
		return nil
	}
	hidden := ms.hidden && strings.HasPrefix(query, ms.query)
	*ms = mentionState{active: true, query: query, sel: -1, hidden: hidden, found: ms.found, gen: ms.gen + 1}
	ms.items = m.mentionItems(query)
	if m.opts.FindAgents == nil || query == "" || m.foundFor(query) {
		return nil
	}
	id, gen := m.opts.ID, ms.gen
	return tea.Tick(m.opts.MentionRest, func(time.Time) tea.Msg { return mentionDueMsg{id: id, gen: gen, query: query} })
}

// foundFor reports whether the directory's answer for query, or for a
// shorter query that it narrows, is already known. An answer that held
// every match of its query holds every match of a longer one too.
func (m *Model) foundFor(query string) bool {
	q := strings.ToLower(query)
	for k, l := range m.mention.found {
		if k == q || strings.HasPrefix(q, k) && l.all {
			return true
		}
	}
	return false
}

// mentionDue asks the directory, when the typing rested on the query
// still being typed.
func (m *Model) mentionDue(msg mentionDueMsg) tea.Cmd {
	if msg.id != m.opts.ID || msg.gen != m.mention.gen || !m.open {
		return nil
	}
	find, ctx, id, query := m.opts.FindAgents, m.opts.Context, m.opts.ID, msg.query
	return func() tea.Msg {
		agents, all, err := find(ctx, query)
		return mentionFoundMsg{id: id, query: query, agents: agents, all: all, err: err}
	}
}

// mentionFound keeps the directory's answer and offers it when its query
// is still being typed. A failed lookup offers the request's handles
// alone: completion is a help, not worth an error line.
func (m *Model) mentionFound(msg mentionFoundMsg) tea.Cmd {
	if msg.id != m.opts.ID || msg.err != nil {
		return nil
	}
	ms := &m.mention
	if ms.found == nil {
		ms.found = map[string]lookup{}
	}
	if len(ms.found) >= mentionLookups {
		clear(ms.found)
	}
	ms.found[strings.ToLower(msg.query)] = lookup{agents: msg.agents, all: msg.all}
	if ms.active && ms.sel < 0 && strings.HasPrefix(strings.ToLower(ms.query), strings.ToLower(msg.query)) {
		ms.items = m.mentionItems(ms.query)
	}
	return nil
}

// mentionItems are the handles offered for query: the request's own
// first, then the directory's, those whose handle starts with the query
// before those whose name does, and nothing twice.
func (m *Model) mentionItems(query string) []string {
	q := strings.ToLower(query)
	var first, found, byName []string
	seen := map[string]bool{}
	add := func(list *[]string, h string) {
		h = strings.TrimPrefix(h, "@")
		if h == "" || seen[h] || !api.ValidHandle(h) {
			return
		}
		seen[h] = true
		*list = append(*list, h)
	}
	for _, h := range m.req.Mentions {
		if strings.HasPrefix(strings.ToLower(strings.TrimPrefix(h, "@")), q) {
			add(&first, h)
		}
	}
	for k, l := range m.mention.found {
		if !strings.HasPrefix(q, k) {
			continue
		}
		for _, a := range l.agents {
			switch {
			case strings.HasPrefix(a.Handle, q):
				add(&found, a.Handle)
			case q != "" && nameStarts(a.Name, q):
				add(&byName, a.Handle)
			}
		}
	}
	// The request's handles keep their order; the directory's come in
	// registration order, so they go shortest first (the shortest handle
	// that fits is the likeliest), then alphabetically.
	byFit := func(a, b string) int {
		if len(a) != len(b) {
			return len(a) - len(b)
		}
		return strings.Compare(a, b)
	}
	slices.SortFunc(found, byFit)
	slices.SortFunc(byName, byFit)
	out := append(append(first, found...), byName...)
	if len(out) == 1 && strings.EqualFold(out[0], query) {
		return nil // typed in full already
	}
	return out[:min(len(out), mentionShown)]
}

// nameStarts reports whether a word of name starts with q (lower case).
func nameStarts(name, q string) bool {
	for _, w := range strings.Fields(strings.ToLower(name)) {
		if strings.HasPrefix(w, q) {
			return true
		}
	}
	return false
}

// endMention forgets the word being completed (the text was sent,
// replaced or put away); the directory's answers are kept.
func (m *Model) endMention() {
	m.mention = mentionState{found: m.mention.found, gen: m.mention.gen + 1}
}

// mentionKey handles tab, shift+tab and esc while the completion line
// shows; ok is false for any other key.
func (m *Model) mentionKey(msg tea.KeyPressMsg) (cmd tea.Cmd, ok bool) {
	if !m.mentionOffered() {
		return nil, false
	}
	k := m.opts.Keys.Composer
	switch {
	case key.Matches(msg, k.Mention):
		return m.completeMention(1), true
	case key.Matches(msg, k.MentionBack):
		return m.completeMention(-1), true
	case key.Matches(msg, k.Cancel):
		m.mention.hidden = true
		return nil, true
	}
	return nil, false
}

// mentionOffered reports whether the completion line shows.
func (m *Model) mentionOffered() bool {
	ms := &m.mention
	return m.mode == modeText && ms.active && !ms.hidden && len(ms.items) > 0
}

// completeMention writes the next (step 1) or previous (step -1) offered
// handle in place of the word being typed.
func (m *Model) completeMention(step int) tea.Cmd {
	ms := &m.mention
	n := len(ms.items)
	typed := ms.query
	if ms.written != "" {
		typed = ms.written
	}
	switch {
	case ms.sel < 0 && step < 0:
		ms.sel = n - 1
	default:
		ms.sel = ((ms.sel+step)%n + n) % n
	}
	handle := ms.items[ms.sel]
	for range utf8.RuneCountInString(typed) {
		m.ta, _ = m.ta.Update(tea.KeyPressMsg{Code: tea.KeyBackspace})
	}
	m.ta.InsertString(handle)
	ms.written = handle
	return m.changed()
}

// mentionLine is the completion line: the offered handles, the one tab
// wrote in marked.
func (m *Model) mentionLine() string {
	s := m.styles
	ms := &m.mention
	k := m.opts.Keys.Composer.Mention.Help().Key
	parts := make([]string, 0, len(ms.items))
	for i, h := range ms.items {
		if i == ms.sel {
			parts = append(parts, s.Accent.Render("@"+h))
			continue
		}
		parts = append(parts, s.Mention.Render("@"+h))
	}
	line := s.Faint.Render(k+" ") + strings.Join(parts, s.Faint.Render(" · "))
	return views.Truncate(line, m.width)
}
