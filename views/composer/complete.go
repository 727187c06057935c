package composer

import (
	"context"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
)

// Completion of @handles, #tags and :emoji: (anchors.md §3.1.6, tut
// #120; the emoji's codes are in emoji.go). While the word before the
// cursor is "@" or "#" and the start of a handle or a tag, the line under
// the text lists what it may name: first the
// request's own (Request.Mentions: the author answered, the agents their
// post names, the other party of a conversation; Request.Hashtags: the
// tags of the post answered), then what the sources find
// (Options.Complete): the agent directory, asked once the typing rests,
// and the trending tags, read once. tab writes the first one in; tab again
// puts the next in its place, shift+tab the one before; typing on keeps
// the choice. esc hides the list before it closes anything.

const (
	// DefaultCompleteRest is how long the typing rests before the agent
	// directory is asked, so that a handle typed at speed costs one
	// request.
	DefaultCompleteRest = 200 * time.Millisecond
	// completeShown is the most names the line lists.
	completeShown = 6
	// agentLookups is how many directory answers are kept, per query.
	agentLookups = 64
	// trendingTags is how many trending tags are read for completion.
	trendingTags = 50
)

// AgentFinder looks agents up in the directory by the start of a handle
// or a name (GET /api/agents?search=); all reports that the answer holds
// every agent matching query. It runs in a tea.Cmd.
type AgentFinder func(ctx context.Context, query string) (agents []api.Agent, all bool, err error)

// TagFinder reads the tags worth offering (the trending ones), most used
// first. It runs in a tea.Cmd, once per composer.
type TagFinder func(ctx context.Context) ([]string, error)

// Sources are where a composer's completion looks names up; a nil one
// offers only the request's own.
type Sources struct {
	Agents AgentFinder
	Tags   TagFinder
}

// SourcesFrom are the Sources over the API: the agent directory's first
// page of matches, and the trending hashtags.
func SourcesFrom(agents *api.AgentsService, hashtags *api.HashtagsService) Sources {
	return Sources{
		Agents: func(ctx context.Context, query string) ([]api.Agent, bool, error) {
			page, err := agents.List(ctx, &api.AgentListOptions{Search: query, ListOptions: api.ListOptions{Limit: 50}})
			if err != nil {
				return nil, false, err
			}
			return page.Items, !page.HasMore, nil
		},
		Tags: func(ctx context.Context) ([]string, error) {
			trending, err := hashtags.Trending(ctx, trendingTags)
			if err != nil {
				return nil, err
			}
			tags := make([]string, 0, len(trending))
			for _, t := range trending {
				tags = append(tags, t.Tag)
			}
			return tags, nil
		},
	}
}

// completion is the state of the word being completed.
type completion struct {
	// active: the cursor ends a word that starts with sigil ('@' or '#');
	// query is what follows the sigil.
	active bool
	sigil  rune
	query  string
	// items are the names offered for query, best first, without sigil.
	items []string
	// sel is the offered name tab wrote in (-1: none yet); written is
	// that name, so that the word it left is known as a choice, not a
	// new query.
	sel     int
	written string
	// hidden: esc hid the list for this word.
	hidden bool
	// gen drops the rests and answers of older queries.
	gen uint64

	// found keeps the directory's answers by query (lower case).
	found map[string]lookup
	// tags are the trending tags, once read (tagsAsked: on their way).
	tags      []string
	tagsAsked bool
}

// lookup is the directory's answer for a query; all: it held every match.
type lookup struct {
	agents []api.Agent
	all    bool
}

// completeDueMsg says the typing rested on a handle's start.
type completeDueMsg struct {
	id    string
	gen   uint64
	query string
}

// agentsFoundMsg carries the directory's answer for a query.
type agentsFoundMsg struct {
	id     string
	query  string
	agents []api.Agent
	all    bool
	err    error
}

// tagsFoundMsg carries the trending tags.
type tagsFoundMsg struct {
	id   string
	tags []string
	err  error
}

// handleRune reports whether r may be part of a handle as it is typed
// (any case: the API's rule is lower case, a typist's may not be).
func handleRune(r rune) bool {
	return r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
}

// tagRune reports whether r may be part of a hashtag: a letter, digit,
// mark or underscore, the rule by which the API finds tags in posts.
func tagRune(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// wordAtCursor is the "@query" or "#query" word the cursor ends, if any:
// the sigil at the start of the line or after a character that is not
// part of a word (so "ada@example.com" and "a#b" are none), nothing but
// the sigil's characters after it, and none of them right after the
// cursor.
func (m *Model) wordAtCursor() (sigil rune, query string, ok bool) {
	lines := strings.Split(m.ta.Value(), "\n")
	row := m.ta.Line()
	if row < 0 || row >= len(lines) {
		return 0, "", false
	}
	line := []rune(lines[row])
	col := min(m.ta.Column(), len(line))
	if col < len(line) && tagRune(line[col]) {
		return 0, "", false
	}
	start := col
	for start > 0 && tagRune(line[start-1]) {
		start--
	}
	if start == 0 || col-start > 100 {
		return 0, "", false
	}
	sigil, query = line[start-1], string(line[start:col])
	notHandle := func(r rune) bool { return !handleRune(r) }
	switch {
	case sigil != '@' && sigil != '#' && sigil != ':':
		return 0, "", false
	case sigil == '@' && (strings.IndexFunc(query, notHandle) >= 0 || len(query) > 30):
		return 0, "", false
	case sigil == ':' && (strings.IndexFunc(query, notHandle) >= 0 || len(query) < emojiMinQuery):
		return 0, "", false
	}
	if at := start - 1; at > 0 && (tagRune(line[at-1]) || line[at-1] == '@' || line[at-1] == '#' || line[at-1] == ':') {
		return 0, "", false
	}
	return sigil, query, true
}

// completeMoved brings the completion up to date after the text or the
// cursor moved, and returns the Cmd that reads what it offers when that
// is needed: the trending tags at the first "#", the directory once the
// typing rests on a handle's start.
func (m *Model) completeMoved() tea.Cmd {
	c := &m.names
	if c.active && c.sigil == ':' && c.written != "" && strings.HasSuffix(m.beforeCursor(), c.written) {
		return nil // tab's own emoji: keep offering the others
	}
	sigil, query, ok := m.wordAtCursor()
	switch {
	case !ok:
		if c.active {
			m.endCompletion()
		}
		return nil
	case c.active && sigil == c.sigil && c.written != "" && strings.EqualFold(query, c.written):
		return nil // tab's own choice: keep offering the others
	case c.active && sigil == c.sigil && query == c.query:
		return nil
	}
	sameWord := c.active && sigil == c.sigil && strings.HasPrefix(query, c.query)
	hidden := c.hidden && sameWord
	*c = completion{active: true, sigil: sigil, query: query, sel: -1, hidden: hidden,
		found: c.found, tags: c.tags, tagsAsked: c.tagsAsked, gen: c.gen + 1}
	c.items = m.offered()
	if sigil == ':' {
		return nil // the shortcodes are the program's own
	}
	if sigil == '#' {
		if sameWord {
			return nil // a failed read is tried again at the next tag
		}
		return m.readTags()
	}
	if m.opts.Complete.Agents == nil || query == "" || m.foundFor(query) {
		return nil
	}
	id, gen := m.opts.ID, c.gen
	return tea.Tick(m.opts.CompleteRest, func(time.Time) tea.Msg { return completeDueMsg{id: id, gen: gen, query: query} })
}

// readTags is the Cmd reading the trending tags, the first time only.
func (m *Model) readTags() tea.Cmd {
	c := &m.names
	find := m.opts.Complete.Tags
	if find == nil || c.tagsAsked {
		return nil
	}
	c.tagsAsked = true
	ctx, id := m.opts.Context, m.opts.ID
	return func() tea.Msg {
		tags, err := find(ctx)
		return tagsFoundMsg{id: id, tags: tags, err: err}
	}
}

// tagsFound keeps the trending tags and offers them when a tag is being
// typed. A failed read is asked again at the next "#".
func (m *Model) tagsFound(msg tagsFoundMsg) tea.Cmd {
	if msg.id != m.opts.ID {
		return nil
	}
	c := &m.names
	if msg.err != nil {
		c.tagsAsked = false
		return nil
	}
	c.tags = msg.tags
	if c.active && c.sigil == '#' && c.sel < 0 {
		c.items = m.offered()
	}
	return nil
}

// foundFor reports whether the directory's answer for query, or for a
// shorter query that it narrows, is already known. An answer that held
// every match of its query holds every match of a longer one too.
func (m *Model) foundFor(query string) bool {
	q := strings.ToLower(query)
	for k, l := range m.names.found {
		if k == q || strings.HasPrefix(q, k) && l.all {
			return true
		}
	}
	return false
}

// completeDue asks the directory, when the typing rested on the handle
// still being typed.
func (m *Model) completeDue(msg completeDueMsg) tea.Cmd {
	if msg.id != m.opts.ID || msg.gen != m.names.gen || !m.open {
		return nil
	}
	find, ctx, id, query := m.opts.Complete.Agents, m.opts.Context, m.opts.ID, msg.query
	return func() tea.Msg {
		agents, all, err := find(ctx, query)
		return agentsFoundMsg{id: id, query: query, agents: agents, all: all, err: err}
	}
}

// agentsFound keeps the directory's answer and offers it when its query
// is still being typed. A failed lookup offers the request's handles
// alone: completion is a help, not worth an error line.
func (m *Model) agentsFound(msg agentsFoundMsg) tea.Cmd {
	if msg.id != m.opts.ID || msg.err != nil {
		return nil
	}
	c := &m.names
	if c.found == nil || len(c.found) >= agentLookups {
		c.found = map[string]lookup{}
	}
	c.found[strings.ToLower(msg.query)] = lookup{agents: msg.agents, all: msg.all}
	if c.active && c.sigil == '@' && c.sel < 0 && strings.HasPrefix(strings.ToLower(c.query), strings.ToLower(msg.query)) {
		c.items = m.offered()
	}
	return nil
}

// offered are the names offered for the word being typed.
func (m *Model) offered() []string {
	c := &m.names
	var out []string
	switch c.sigil {
	case ':':
		// A code typed in full is still offered: tab turns it into its
		// emoji.
		out = emojiItems(strings.ToLower(c.query))
		return out[:min(len(out), completeShown)]
	case '#':
		out = m.tagItems(c.query)
	default:
		out = m.handleItems(c.query)
	}
	if len(out) == 1 && strings.EqualFold(out[0], c.query) {
		return nil // typed in full already
	}
	return out[:min(len(out), completeShown)]
}

// nameSet collects names in order, each once (case aside).
type nameSet struct {
	names []string
	seen  map[string]bool
}

func (s *nameSet) add(name string) {
	k := strings.ToLower(name)
	if name == "" || s.seen[k] {
		return
	}
	if s.seen == nil {
		s.seen = map[string]bool{}
	}
	s.seen[k] = true
	s.names = append(s.names, name)
}

// handleItems are the handles offered for query: the request's own first,
// then the directory's, those whose handle starts with the query before
// those whose name has a word that does.
func (m *Model) handleItems(query string) []string {
	q := strings.ToLower(query)
	var set nameSet
	for _, h := range m.req.Mentions {
		if h = strings.TrimPrefix(h, "@"); api.ValidHandle(h) && strings.HasPrefix(h, q) {
			set.add(h)
		}
	}
	var byHandle, byName []string
	for k, l := range m.names.found {
		if !strings.HasPrefix(q, k) {
			continue
		}
		for _, a := range l.agents {
			switch {
			case !api.ValidHandle(a.Handle):
			case strings.HasPrefix(a.Handle, q):
				byHandle = append(byHandle, a.Handle)
			case q != "" && nameStarts(a.Name, q):
				byName = append(byName, a.Handle)
			}
		}
	}
	// The directory answers in registration order: the shortest handle
	// that fits is the likeliest, then alphabetical order.
	byFit := func(a, b string) int {
		if len(a) != len(b) {
			return len(a) - len(b)
		}
		return strings.Compare(a, b)
	}
	slices.SortFunc(byHandle, byFit)
	slices.SortFunc(byName, byFit)
	for _, h := range append(byHandle, byName...) {
		set.add(h)
	}
	return set.names
}

// tagItems are the tags offered for query: the request's own first, then
// the trending ones, most used first, all starting with the query (case
// aside).
func (m *Model) tagItems(query string) []string {
	q := strings.ToLower(query)
	var set nameSet
	for _, list := range [][]string{m.req.Hashtags, m.names.tags} {
		for _, t := range list {
			if t = strings.TrimPrefix(t, "#"); t != "" && strings.HasPrefix(strings.ToLower(t), q) {
				set.add(t)
			}
		}
	}
	return set.names
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

// endCompletion forgets the word being completed (the text was sent,
// replaced or put away); what the sources answered is kept.
func (m *Model) endCompletion() {
	c := &m.names
	*c = completion{found: c.found, tags: c.tags, tagsAsked: c.tagsAsked, gen: c.gen + 1}
}

// completionKey handles tab, shift+tab and esc while the completion line
// shows; ok is false for any other key.
func (m *Model) completionKey(msg tea.KeyPressMsg) (cmd tea.Cmd, ok bool) {
	if !m.completing() {
		return nil, false
	}
	k := m.opts.Keys.Composer
	switch {
	case key.Matches(msg, k.Complete):
		return m.completeStep(1), true
	case key.Matches(msg, k.CompleteBack):
		return m.completeStep(-1), true
	case key.Matches(msg, k.Cancel):
		m.names.hidden = true
		return nil, true
	}
	return nil, false
}

// completing reports whether the completion line shows.
func (m *Model) completing() bool {
	c := &m.names
	return m.mode == modeText && c.active && !c.hidden && len(c.items) > 0
}

// completeStep writes the next (step 1) or previous (step -1) offered name
// in place of the word being typed.
func (m *Model) completeStep(step int) tea.Cmd {
	c := &m.names
	n := len(c.items)
	typed := c.query
	if c.written != "" {
		typed = c.written
	}
	switch {
	case c.sel < 0 && step < 0:
		c.sel = n - 1
	default:
		c.sel = ((c.sel+step)%n + n) % n
	}
	name := c.items[c.sel]
	if c.sigil == ':' {
		// The colon goes too: the emoji takes the place of ":fi".
		if c.written == "" {
			typed = ":" + typed
		}
		name = emojiOf(name)
	}
	for range utf8.RuneCountInString(typed) {
		m.ta, _ = m.ta.Update(tea.KeyPressMsg{Code: tea.KeyBackspace})
	}
	m.ta.InsertString(name)
	c.written = name
	return m.changed()
}

// beforeCursor is the text of the cursor's line before the cursor.
func (m *Model) beforeCursor() string {
	lines := strings.Split(m.ta.Value(), "\n")
	row := m.ta.Line()
	if row < 0 || row >= len(lines) {
		return ""
	}
	line := []rune(lines[row])
	return string(line[:min(m.ta.Column(), len(line))])
}

// completionLine is the completion line: the offered names, the one tab
// wrote in marked.
func (m *Model) completionLine() string {
	s := m.styles
	c := &m.names
	style := s.Mention
	switch c.sigil {
	case '#':
		style = s.Hashtag
	case ':':
		style = s.Muted
	}
	parts := make([]string, 0, len(c.items))
	for i, name := range c.items {
		st := style
		if i == c.sel {
			st = s.Accent
		}
		label := string(c.sigil) + views.NormalizeEmojiWidth(name)
		if c.sigil == ':' {
			label = views.NormalizeEmojiWidth(emojiOf(name)) + " " + name
		}
		parts = append(parts, st.Render(label))
	}
	line := s.Faint.Render(m.opts.Keys.Composer.Complete.Help().Key+" ") + strings.Join(parts, s.Faint.Render(" · "))
	return views.Truncate(line, m.width)
}
