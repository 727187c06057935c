package ui

// The split view: at splitMinWidth columns or more, a pane that can say
// what its selection would open (a Targeter) shows it beside the list, as
// gh-dash does. The detail is a preview Stack showing what enter would
// open: a postkit.Kit that records no view and fetches no likers for a
// post, a profile or a hashtag (Options.Details); a Messages model that
// marks nothing read for a conversation (Options.ConversationDetails). It
// follows the cursor: a target already shown before comes back at once
// from a small cache, without a request; a new one waits for the cursor to
// rest (splitRest), so scrolling fast through a list fetches nothing on
// the way. The split is off below splitMinWidth (the Market's rows want
// more: splitMinFor), while a screen is stacked
// over the pane, and when the operator turns it off (the key, or
// split = false in the config).

import (
	"context"
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"imagine/api"
	"imagine/views"
)

const (
	// splitMinWidth is the narrowest body that is split.
	splitMinWidth = 120
	// splitRest is how long the cursor rests on an item before its detail
	// is fetched.
	splitRest = 150 * time.Millisecond
	// splitCached is how many details are kept to come back to.
	splitCached = 16
)

// Targeter is a pane that can say what enter would open for its
// selection (a views.OpenPostMsg, OpenProfileMsg, OpenHashtagMsg or
// OpenConversationMsg), or nil.
type Targeter interface{ Target() tea.Msg }

// listShower is a Targeter that is not always showing its list (a screen
// or a form over it); the split is for lists only.
type listShower interface{ ShowsList() bool }

// splitState is the split view's bookkeeping.
type splitState struct {
	off   bool // turned off by the operator
	want  string
	shown string
	gen   int
	// details are the previews made, by target, with when each was last
	// shown (to drop the oldest past splitCached).
	details map[string]*detail
	clock   int
	serial  int // the last preview made (newDetail)
	// widths are the widths the panes were last given.
	widths [paneCount]int
}

// detail is one preview, when it was last shown, and what cancels its
// requests (split_fetch.go).
type detail struct {
	stack  Stack
	used   int
	cancel context.CancelFunc
	serial int
	// post is the list's copy of the post shown, and stamp what the
	// list's copy of a conversation (its newest message) or an order
	// stood at, as the preview last had them (spread.go's resyncDetail).
	post  *api.Post
	stamp string
}

// splitRestMsg says the cursor rested on a target long enough.
type splitRestMsg struct{ gen int }

// splitting reports whether the focused pane is shown split now.
func (m *Model) splitting() bool {
	return m.splitFor(m.focus) && m.stacked() == nil && m.showsList(m.focus)
}

// showsList reports whether pane id shows its list rather than a screen
// or a form of its own.
func (m *Model) showsList(id PaneID) bool {
	l, ok := m.panes[id].(listShower)
	return !ok || l.ShowsList()
}

// splitMinFor is the narrowest body pane id is split at: an order's row
// (service, party, price, status) needs 70 columns or so to say what the
// order is, so the Market splits from 160, every other pane from 120.
func splitMinFor(id PaneID) int {
	if id == MarketPane {
		return 160
	}
	return splitMinWidth
}

// splitFor reports whether pane id is laid out split.
func (m *Model) splitFor(id PaneID) bool {
	if m.split.off || m.detailsFor(id) == nil || m.lay.body.w < splitMinFor(id) {
		return false
	}
	_, ok := m.panes[id].(Targeter)
	return ok
}

// splitWidths are the list's and the detail's widths; one column between
// them holds the rule.
func (m *Model) splitWidths() (list, det int) {
	w := m.lay.body.w
	list = max(w*45/100, 50)
	return list, w - list - 1
}

// paneWidth is the width pane id is given: the list's beside a detail,
// the whole body when it shows a screen or a form of its own.
func (m *Model) paneWidth(id PaneID) int {
	if m.splitFor(id) && m.showsList(id) {
		l, _ := m.splitWidths()
		return l
	}
	return m.lay.body.w
}

// syncWidths gives a pane a new width when it went from its list to a
// screen of its own or back, which changes whether it is split. It runs
// after every message and costs a comparison when nothing changed.
func (m *Model) syncWidths() {
	for _, id := range m.order {
		if w := m.paneWidth(id); w != m.split.widths[id] {
			m.split.widths[id] = w
			m.panes[id].SetSize(w, m.lay.body.h)
		}
	}
}

// toggleSplit turns the split view off or on.
func (m *Model) toggleSplit() tea.Cmd {
	m.split.off = !m.split.off
	m.resize(m.width, m.height)
	word := "on"
	if m.split.off {
		word = "off"
	}
	if at := splitMinFor(m.focus); m.lay.body.w < at {
		// Nothing changes on screen: say what the key set, and when it
		// shows.
		return m.status.set(levelInfo, fmt.Sprintf("split view %s: it shows from %d columns here", word, at), 0)
	}
	return tea.Batch(m.status.set(levelInfo, "split view "+word, 0), m.followTarget())
}

// followTarget notices that the focused pane's selection points at
// something else and shows it: at once when its preview is kept or needs
// no request (a job), after the cursor rests otherwise.
func (m *Model) followTarget() tea.Cmd {
	if !m.splitting() {
		return nil
	}
	t, key := m.target()
	if key == m.split.want {
		if d := m.split.details[key]; d != nil && key == m.split.shown {
			return m.resyncDetail(key, d, t)
		}
		return nil
	}
	m.dropUnloadedDetail(key)
	m.split.want = key
	m.split.gen++
	if key == "" || m.split.details[key] != nil {
		return m.showDetail(key, t)
	}
	if _, job := t.(views.OpenJobMsg); job {
		// A job's detail is drawn from what the list holds and asks
		// nothing of the server: no rest to wait for, so a job that moves
		// on (generating, failed) is shown so beside the list at once.
		return m.showDetail(key, t)
	}
	gen := m.split.gen
	return tea.Tick(splitRest, func(time.Time) tea.Msg { return splitRestMsg{gen: gen} })
}

// target is what the focused pane's selection would open, and its cache
// key; none ("", nil) when no preview can be made of its kind.
func (m *Model) target() (tea.Msg, string) {
	t := m.panes[m.focus].(Targeter).Target()
	if t == nil || m.makerOf(t) == nil {
		return nil, ""
	}
	return t, targetKey(t)
}

// makerOf is what makes the preview of target: a conversation is shown
// by a Messages model, everything else by a postkit.Kit.
func (m *Model) makerOf(target tea.Msg) detailMaker {
	switch target.(type) {
	case views.OpenConversationMsg:
		return m.opts.ConversationDetails
	case views.OpenOrderMsg:
		return m.opts.OrderDetails
	case views.OpenJobMsg:
		return m.opts.JobDetails
	}
	return m.opts.Details
}

// detailsFor is the maker of pane id's previews. It goes by the pane, not
// by its selection, so that whether a pane is split (and so its width)
// never changes with what is selected: Messages lists conversations, every
// other pane posts, profiles and hashtags.
func (m *Model) detailsFor(id PaneID) detailMaker {
	switch id {
	case MessagesPane:
		return m.opts.ConversationDetails
	case MarketPane:
		return m.opts.OrderDetails
	}
	return m.opts.Details
}

// splitRested fetches the detail the cursor rests on.
func (m *Model) splitRested(msg splitRestMsg) tea.Cmd {
	if msg.gen != m.split.gen {
		return nil
	}
	if !m.splitting() {
		// A screen opened before the cursor rested: what was wanted is
		// not shown, so coming back to the list must want it again.
		m.split.want = m.split.shown
		return nil
	}
	t, key := m.target()
	if key != m.split.want {
		return nil
	}
	return m.showDetail(m.split.want, t)
}

// showDetail shows the preview of target key, making it when it is not
// kept.
func (m *Model) showDetail(key string, target tea.Msg) tea.Cmd {
	m.split.shown = key
	if key == "" {
		return nil
	}
	if m.split.details == nil {
		m.split.details = map[string]*detail{}
	}
	m.split.clock++
	if d := m.split.details[key]; d != nil {
		d.used = m.split.clock
		return m.resyncDetail(key, d, target)
	}
	m.dropOldestDetail()
	target = m.withHeldPost(target)
	d := m.newDetail(m.makerOf(target))
	s := d.stack
	_, w := m.splitWidths()
	s.SetSize(w, m.lay.body.h)
	if st, ok := s.(styler); ok {
		st.SetStyles(m.styles)
	}
	if me, ok := s.(identityAware); ok && m.handle != "" {
		me.SetMe(m.handle)
	}
	d.used = m.split.clock
	m.split.details[key] = d
	m.resyncDetail(key, d, target) // notes what it is made from; no news yet
	return d.wrap(key, s.Update(target))
}

// detailMsg carries the result of a preview's Cmd back to it: the one
// kept under key, made as serial (not one made again after it was
// dropped).
type detailMsg struct {
	key    string
	serial int
	msg    tea.Msg
}

// handleDetailMsg delivers a preview's result. A preview is a glance:
// what it would ask of the root (a status for a failed fetch) is only
// logged, and a preview dropped from the cache meanwhile gets nothing.
func (m *Model) handleDetailMsg(msg detailMsg) tea.Cmd {
	d := m.split.details[msg.key]
	if d == nil || d.serial != msg.serial {
		return nil
	}
	switch inner := msg.msg.(type) {
	case views.StatusMsg:
		if inner.Err != nil {
			m.opts.Logger.Debug("preview", "what", inner.Text, "err", inner.Err)
		}
		return nil
	case views.ConfirmMsg, views.OpenPostMsg, views.OpenProfileMsg, views.OpenHashtagMsg,
		views.OpenConversationMsg, views.OpenOrderMsg, views.OpenURLMsg:
		return nil
	}
	return d.wrap(msg.key, d.stack.Update(msg.msg))
}

// dropOldestDetail keeps the cache under splitCached previews.
func (m *Model) dropOldestDetail() {
	if len(m.split.details) < splitCached {
		return
	}
	oldest, at := "", -1
	for k, d := range m.split.details {
		if at < 0 || d.used < at {
			oldest, at = k, d.used
		}
	}
	m.split.details[oldest].cancel()
	delete(m.split.details, oldest)
}

// resizeDetails gives every kept preview the detail's size.
func (m *Model) resizeDetails() {
	_, w := m.splitWidths()
	for _, d := range m.split.details {
		d.stack.SetSize(w, m.lay.body.h)
	}
}

// splitView draws the list and the detail side by side.
func (m *Model) splitView(list string) string {
	lw, dw := m.splitWidths()
	h := m.lay.body.h
	right := m.styles.Faint.Render("nothing to preview")
	if t, ok := m.panes[m.focus].(Targeter); ok {
		if _, order := t.Target().(views.OpenOrderMsg); order {
			right = m.styles.Faint.Render("an order: enter opens it")
		}
	}
	if d := m.split.details[m.split.shown]; d != nil && m.split.shown != "" {
		right = d.stack.View()
	} else if m.split.want != "" {
		right = m.styles.Faint.Render("loading…")
	}
	ll := strings.Split(fit(list, lw, h), "\n")
	rl := strings.Split(fit(right, dw, h), "\n")
	rule := m.styles.Faint.Render("│")
	var b strings.Builder
	for i := range h {
		l := ll[i]
		b.WriteString(l)
		if pad := lw - ansi.StringWidth(l); pad > 0 {
			b.WriteString(strings.Repeat(" ", pad))
		}
		b.WriteString(rule)
		b.WriteString(rl[i])
		if i < h-1 {
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// targetKey names a target for the cache ("" for none). A post carried
// along is left out: the same post is the same target.
func targetKey(t tea.Msg) string {
	switch t := t.(type) {
	case nil:
		return ""
	case views.OpenPostMsg:
		return "post:" + t.PostID + "/" + t.CommentID
	case views.OpenProfileMsg:
		return "profile:" + t.Handle
	case views.OpenHashtagMsg:
		return "tag:" + t.Tag
	case views.OpenConversationMsg:
		return "dm:" + t.Handle
	case views.OpenOrderMsg:
		return "order:" + t.OrderID
	case views.OpenJobMsg:
		// A job that moved on is a new detail; one polled unchanged is
		// the same.
		j := t.Job
		return fmt.Sprintf("job:%s/%s/%d/%s", j.ID, j.Status, j.RetryCount, j.PostID)
	}
	return fmt.Sprintf("%T:%v", t, t)
}
