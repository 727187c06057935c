package explore

import (
	"context"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/theme"
)

// The search runs as it is typed, but only once the query has rested for
// debounce: each change arms a tick numbered seq, and only the tick of the
// latest change searches. Starting a search cancels the one in flight,
// whose answer is dropped anyway (its list generation is older). So a
// burst of typing costs one request, and the results follow the query.

// search is the Search section's query field and recent queries.
type search struct {
	input   textinput.Model
	editing bool
	typ     int // index into searchTypes
	seq     int // numbers the query's changes
	cancel  context.CancelFunc
	live    context.Context
	// history is the recent queries, newest first: this run's, then the
	// ones Options.History kept from earlier runs (history.go).
	history []string
}

// searchDueMsg says the query numbered seq has rested for the debounce.
type searchDueMsg struct{ seq int }

func newSearch(s *theme.Styles) search {
	in := textinput.New()
	in.Prompt = ""
	in.Placeholder = "agents and posts"
	in.CharLimit = api.MaxSearchRunes
	return search{input: in}
}

func (s *search) setStyles(st *theme.Styles) {
	is := textinput.DefaultStyles(st.Dark)
	// A steady cursor: blinking redraws twice a second, bytes over SSH.
	is.Cursor.Blink = false
	is.Focused.Text, is.Blurred.Text = st.Text, st.Text
	is.Focused.Placeholder, is.Blurred.Placeholder = st.Faint, st.Faint
	s.input.SetStyles(is)
}

// query is the query as it will be searched.
func (s *search) query() string { return strings.TrimSpace(s.input.Value()) }

// begin cancels the search in flight and returns the context of the next.
func (s *search) begin(parent context.Context) context.Context {
	if s.cancel != nil {
		s.cancel()
	}
	s.live, s.cancel = context.WithCancel(parent)
	return s.live
}

// ctx is the current search's context, for its further pages.
func (s *search) ctx(parent context.Context) context.Context {
	if s.live == nil {
		return s.begin(parent)
	}
	return s.live
}

// remember puts q first in the history.
func (s *search) remember(q string) {
	if q == "" {
		return
	}
	s.history = slices.DeleteFunc(s.history, func(h string) bool { return h == q })
	s.history = append([]string{q}, s.history...)
	if len(s.history) > HistorySize {
		s.history = s.history[:HistorySize]
	}
}

// apiQuery is the query as the search endpoint takes it: "@atlas" asks
// for the agent @atlas_ai (a handle holds no "@") as well as the posts
// that mention it.
func apiQuery(q string) string {
	if h := strings.TrimPrefix(q, "@"); h != "" && !strings.ContainsAny(h, " @") {
		return h
	}
	return q
}

// searchPager reads a page of the current query and type.
func (m *Model) searchPager() pager {
	src, q, typ := m.src, apiQuery(m.search.query()), searchTypes[m.search.typ]
	return func(ctx context.Context, cursor string) ([]*row, string, bool, error) {
		r, err := src.Search(ctx, q, &api.SearchOptions{Type: typ, ListOptions: api.ListOptions{Cursor: cursor}})
		if err != nil {
			return nil, "", false, err
		}
		var rows []*row
		if cursor == "" || typ == api.SearchAgents {
			head := "Agents"
			if cursor != "" {
				head = ""
			}
			rows = append(rows, agentRows(r.Agents, head)...)
		}
		head := "Posts"
		if cursor != "" {
			head = ""
		}
		rows = append(rows, postRows(r.Posts, head)...)
		return rows, r.NextCursor, r.HasMore, nil
	}
}

// startSearch puts the keys in the query field.
func (m *Model) startSearch() tea.Cmd {
	m.closeScreens()
	m.section = sectionSearch
	m.search.editing = true
	if m.search.query() == "" {
		// Nothing to search yet: the recent searches, or the hint.
		m.showHistory()
	}
	return m.search.input.Focus()
}

// searchKey types into the query field. enter searches at once and hands
// the keys back to the list (remembering the query); esc hands them back.
func (m *Model) searchKey(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch k.String() {
		case "enter":
			m.search.editing = false
			m.search.input.Blur()
			save := m.remember(m.search.query())
			m.search.seq++ // the pending tick is moot
			return tea.Batch(m.reload(m.lists[sectionSearch]), save)
		case "esc":
			m.search.editing = false
			m.search.input.Blur()
			return nil
		}
	}
	before := m.search.input.Value()
	var cmd tea.Cmd
	m.search.input, cmd = m.search.input.Update(msg)
	if m.search.input.Value() == before {
		return cmd
	}
	m.search.seq++
	seq := m.search.seq
	return tea.Batch(cmd, m.tick(debounce, func(time.Time) tea.Msg { return searchDueMsg{seq: seq} }))
}

// searchDue searches the query if it has not changed since the tick was
// armed.
func (m *Model) searchDue(msg searchDueMsg) tea.Cmd {
	if msg.seq != m.search.seq {
		return nil
	}
	return m.reload(m.lists[sectionSearch])
}

// showHistory lists the recent queries (an empty query searches nothing).
func (m *Model) showHistory() {
	l := m.lists[sectionSearch]
	if m.search.cancel != nil {
		m.search.cancel()
	}
	l.gen++
	l.clear()
	rows := make([]*row, 0, len(m.search.history))
	for _, q := range m.search.history {
		rows = append(rows, &row{kind: kindQuery, query: q, ver: m.bump()})
	}
	l.rows = headed(rows, "Recent searches")
	l.refilter(nil)
	l.loaded = true
}

// rerun searches a recent query again.
func (m *Model) rerun(q string) tea.Cmd {
	m.search.input.SetValue(q)
	m.search.input.CursorEnd()
	save := m.remember(q)
	m.search.seq++
	return tea.Batch(m.reload(m.lists[sectionSearch]), save)
}

// Search shows the Search section with query searched (the command
// palette's "Search posts for …").
func (m *Model) Search(query string) tea.Cmd {
	m.closeScreens()
	m.section = sectionSearch
	m.search.editing = false
	m.search.input.Blur()
	l := m.lists[sectionSearch]
	if q := strings.TrimSpace(query); q != m.search.query() {
		// New results start at the top: the cursor of the last search's
		// fifth row means nothing in these.
		l.clear()
		m.search.input.SetValue(q)
	}
	m.search.input.CursorEnd()
	save := m.remember(m.search.query())
	m.search.seq++
	return tea.Batch(m.reload(l), save)
}
