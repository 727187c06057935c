package views

import (
	"strings"
	"unicode"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"imagine/keymap"
	"imagine/theme"
)

// maxQuery bounds the query in runes: it is matched against every loaded
// item on each keystroke, and a longer one never narrows a list further.
const maxQuery = 200

// Filter is the `/` filter of a list: a query typed over the items already
// loaded, and which of them match it (filter_match.go), drawn as a line
// under the list (filter_line.go) with the matches marked in the visible
// rows (filter_mark.go).
//
// Matching is synchronous, as crush's FilterableList does it, rather than
// a Cmd answered by a message as in bubbles' list: the matches exist in the
// same Update as the key, so a quick "/bo⏎⏎" acts on what the screen
// shows, and a root that broadcasts messages has nothing to misdeliver.
// The matches are indices into the pane's own items, never copies.
//
// While the query is typed (Editing) the pane captures input, so q and
// 1-7 type into it; enter keeps the filter and hands the keys back to the
// list; esc drops it.
type Filter struct {
	// Win is the scroll position over the matches while the filter is
	// on; the list's own Window keeps its place in the whole list.
	Win Window

	editing bool
	query   string   // as typed
	words   []string // the folded words of query
	needles []needle // the words, ready to be looked for

	idx   []int // the matching items, in list order (unless all)
	all   bool  // no words: every item matches
	total int   // the items idx was computed over
	valid bool  // idx and what it came from are for the items as they are

	// chain is the queries typed since the items were last all looked
	// at, each extending one before it; base is the items matching
	// chain[0], depth how far along the chain each of them still
	// matches, and step the query idx holds the matches of. Erasing a
	// key then costs no string comparison (filter_match.go).
	chain []string
	base  []int
	depth []uint16
	step  int

	scratch markScratch // reused by Mark

	on, off string // SGR switching the match style on and off
	st      filterStyles
	keys    keymap.ListKeys
}

// filterStyles are the styles of the filter line.
type filterStyles struct{ prompt, text, muted, faint lipgloss.Style }

// NewFilter returns an empty filter drawn with s; k names its keys in the
// filter line. s may be nil when the pane gives the styles later, with
// SetStyles.
func NewFilter(s *theme.Styles, k keymap.ListKeys) Filter {
	f := Filter{keys: k}
	if s != nil {
		f.SetStyles(s)
	}
	return f
}

// SetStyles switches to new styles.
func (f *Filter) SetStyles(s *theme.Styles) {
	f.st = filterStyles{prompt: s.Accent, text: s.Text, muted: s.Muted, faint: s.Faint}
	f.on, f.off = sgrToggles(s.Match)
}

// Active reports whether the filter is on: being typed, or applied.
func (f *Filter) Active() bool { return f.editing || f.query != "" }

// Editing reports whether the query is being typed: the pane then
// captures input.
func (f *Filter) Editing() bool { return f.editing }

// Query is the query as typed.
func (f *Filter) Query() string { return f.query }

// Start begins typing the query, or resumes typing it. Turning on, Win
// takes the list's window w: with no query yet every item matches, so
// nothing moves until a key is typed.
func (f *Filter) Start(w Window) {
	if !f.Active() {
		f.Win = w
		f.valid = false
	}
	f.editing = true
}

// Clear turns the filter off.
func (f *Filter) Clear() {
	f.editing, f.query, f.words, f.needles = false, "", nil, nil
	f.idx, f.all, f.valid, f.chain = f.idx[:0], false, false, f.chain[:0]
	f.Win = Window{}
}

// Close turns the filter off, leaving the list's window w (whose cursor
// is the list's selection) so that the selected item, when it is the one
// under the filter's cursor, stays on the row it had among the matches:
// the screen then changes least, unless that leaves rows empty under
// the list's last item while items are hidden above it (Window.Fill). n
// is the number of the list's items and height its view's; h measures
// the list's items, fh the matches.
func (f *Filter) Close(w *Window, n, height int, h, fh HeightFunc) {
	if i, ok := f.Selected(); ok && i == w.Cursor {
		row := f.RowOf(fh)
		w.Anchor(row, h)
	}
	w.Fill(n, height, h)
	f.Clear()
}

// FilterEvent is what a key did to a filter being typed.
type FilterEvent int

const (
	// FilterIgnored: the key did nothing.
	FilterIgnored FilterEvent = iota
	// FilterChanged: the query changed; the matches must be refreshed.
	FilterChanged
	// FilterApplied: enter ended the typing; the filter stays on.
	FilterApplied
	// FilterClosed: esc, or enter on an empty query, asks for the filter
	// to go; the pane turns it off with Close (or Clear), having read what
	// it needs of the matches first.
	FilterClosed
)

// Edit applies a key to the query being typed. The editing keys are fixed
// (enter, esc, backspace, ctrl+w, ctrl+u) rather than taken from the key
// map: a rebound list key must not stop a letter from being typed.
func (f *Filter) Edit(msg tea.KeyPressMsg) FilterEvent {
	switch msg.String() {
	case "enter":
		if len(f.words) == 0 {
			return FilterClosed
		}
		f.editing = false
		return FilterApplied
	case "esc":
		return FilterClosed
	case "backspace", "ctrl+h":
		_, size := utf8.DecodeLastRuneInString(f.query)
		return f.set(f.query[:len(f.query)-size])
	case "ctrl+w", "alt+backspace":
		q := strings.TrimRightFunc(f.query, unicode.IsSpace)
		return f.set(q[:strings.LastIndexFunc(q, unicode.IsSpace)+1])
	case "ctrl+u":
		return f.set("")
	}
	if msg.Text == "" || msg.Mod&^tea.ModShift != 0 {
		return FilterIgnored
	}
	return f.set(f.query + msg.Text)
}

// Input types a key or a paste into the query, then calls changed when
// the matches must be found again (the query changed, or enter applied
// it) or closed when esc dropped the filter. Every pane's filter takes its
// input through here.
func (f *Filter) Input(msg tea.Msg, changed, closed func()) {
	var ev FilterEvent
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		ev = f.Edit(msg)
	case tea.PasteMsg:
		ev = f.Paste(msg.Content)
	}
	switch ev {
	case FilterChanged, FilterApplied:
		changed()
	case FilterClosed:
		closed()
	case FilterIgnored:
	}
}

// Paste types text into the query; line breaks become spaces.
func (f *Filter) Paste(text string) FilterEvent {
	if !f.editing {
		return FilterIgnored
	}
	return f.set(f.query + text)
}

// set replaces the query, cleaned of control characters and cut to
// maxQuery runes.
func (f *Filter) set(q string) FilterEvent {
	q = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, q)
	if utf8.RuneCountInString(q) > maxQuery {
		q = string([]rune(q)[:maxQuery])
	}
	if q == f.query {
		return FilterIgnored
	}
	f.query = q
	f.words = strings.Fields(Fold(q))
	f.needles = f.needles[:0]
	for _, w := range f.words {
		f.needles = append(f.needles, newNeedle(w))
	}
	return FilterChanged
}
