package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"imagine/api"
	"imagine/internal/tuitest"
	"imagine/keymap"
	"imagine/theme"
	"imagine/views"
)

// keyedPane is a fake pane that lists keys, as the real panes do, so the
// footer, help and palette have something to show.
type keyedPane struct {
	fakePane
	short []key.Binding
	full  [][]key.Binding
	// gate, when set, says why an action cannot run (views.ActionGate).
	gate map[string]string
}

func (p *keyedPane) ShortHelp() []key.Binding  { return p.short }
func (p *keyedPane) FullHelp() [][]key.Binding { return p.full }

// gatedPane is a keyedPane that can tell why an action cannot run.
type gatedPane struct{ keyedPane }

func (p *gatedPane) ActionDisabled(id string) string { return p.gate[id] }

// newKeyedModel is a root over Feed, Notifications, Messages and Jobs
// panes listing the real panes' keys (their list screens).
func newKeyedModel(t *testing.T, w, h int) (*Model, *gatedPane, *keyedPane) {
	t.Helper()
	k := keymap.Default()
	l, f, n, x, j := k.List, k.Feed, k.Notifications, k.Messages, k.Jobs
	nav := []key.Binding{l.Up, l.Down, l.Top, l.Bottom, l.PageUp, l.PageDown}
	feed := &gatedPane{keyedPane{
		fakePane: fakePane{title: "Feed"},
		short:    []key.Binding{l.Open, f.Compose, f.Like, f.Comment, f.Profile, f.Timeline},
		full: [][]key.Binding{nav, {l.Open, l.Filter, f.Compose, f.Timeline, f.ShowNew},
			{f.Like, f.Repost, f.Quote, f.Amplify, f.Comment}, {f.Profile, f.Likers, f.Media}},
	}}
	notes := &keyedPane{
		fakePane: fakePane{title: "Notifications", badge: 3},
		short:    []key.Binding{l.Open, n.MarkRead, n.MarkAllRead, n.Filter, n.Profile},
		full:     [][]key.Binding{nav, {l.Open, l.Filter, n.Profile, n.MarkRead, n.MarkAllRead}, {n.Filter, n.FilterBack}},
	}
	msgs := &keyedPane{
		fakePane: fakePane{title: "Messages"},
		short:    []key.Binding{l.Open, x.New, x.Reply, x.DeleteConversation, x.Profile},
		full: [][]key.Binding{nav, {l.Open, l.Back, l.Filter, x.New, x.Reply}, {x.Delete, x.Retry},
			{x.DeleteConversation, x.Profile}},
	}
	jobs := &keyedPane{
		fakePane: fakePane{title: "Jobs"},
		short:    []key.Binding{j.New, l.Open, j.Retry, j.History, j.Services},
		full: [][]key.Binding{nav, {l.Open, l.Back, l.Filter, j.Retry, j.New, j.History, j.Services},
			{j.Connect, j.Toggle, j.Test, j.Disconnect, j.Cancel}},
	}
	mk := k.Market
	market := &keyedPane{
		fakePane: fakePane{title: "Market"},
		short:    []key.Binding{l.Open, mk.Role, mk.Status, l.Filter},
		full: [][]key.Binding{nav, {l.Open, l.Back, l.Filter, mk.Role, mk.Status},
			{mk.Start, mk.Deliver, mk.Accept, mk.Revision, mk.Dispute, mk.Cancel, mk.Review, mk.Message, mk.Profile}},
	}
	pk := k.Profile
	profile := &keyedPane{
		fakePane: fakePane{title: "Profile"},
		short:    []key.Binding{pk.Section, pk.Edit},
		full: [][]key.Binding{nav, {pk.Section, pk.PrevSection, l.Open, pk.Edit, pk.Avatar, pk.RemoveAvatar, pk.Capabilities, pk.ClearCapabilities},
			{pk.Webhook, pk.Regenerate, pk.TestWebhook, pk.DeleteWebhook, pk.Range, pk.Sort, pk.Report}},
	}
	m := New(Options{
		Context: t.Context(),
		Panes: map[PaneID]Pane{FeedPane: feed, NotificationsPane: notes, MessagesPane: msgs, MarketPane: market, JobsPane: jobs,
			ProfilePane: profile},
		Styles: theme.New(true, true),
		Keys:   k,
		Handle: "demo_agent",
		Now:    func() time.Time { return time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC) },
	})
	m.Update(teaSize(w, h))
	return m, feed, notes
}

// withExplore adds an Explore pane with the pane's keys to m (kept out of
// newKeyedModel so the goldens of the other panes' tab bar stay as they
// are).
func withExplore(m *Model) *keyedPane {
	l, ek := m.keys.List, m.keys.Explore
	ex := &keyedPane{
		fakePane: fakePane{title: "Explore"},
		short:    []key.Binding{l.Open, ek.Trending, ek.Search, ek.Bytes},
		full: [][]key.Binding{{l.Up, l.Down, l.Open, l.Back, l.Filter, l.Copy},
			{ek.Trending, ek.Search, ek.Directory, ek.Recommended, ek.Bytes},
			{ek.Type, ek.Verified, ek.Filters, ek.Similar, ek.Profile},
			{ek.Like, ek.Comment, ek.Delete, ek.New, ek.Watch, ek.Report}},
	}
	m.panes[ExplorePane] = ex
	m.order = append(m.order, ExplorePane)
	ex.SetSize(m.lay.body.w, m.lay.body.h)
	return ex
}

// typeInto sends each key of text to the root.
func typeInto(m *Model, text string) {
	for _, k := range tuitest.Type(text) {
		m.Update(k)
	}
}

// press sends one named key. Its Cmd is not run: focusing a pane arms
// poll timers, which would wait for real.
func press(m *Model, k string) { m.Update(tuitest.Press(k)) }

// pressRun sends one named key and returns what its Cmd produced, for
// keys whose Cmds are immediate.
func pressRun(m *Model, k string) []tea.Msg {
	_, cmd := m.Update(tuitest.Press(k))
	return tuitest.Collect(cmd)
}

// modalScopes hold the keys themselves while they are open (a text field,
// a dialog), so the palette, which opens only over a screen, never
// lists them.
var modalScopes = map[keymap.Scope]bool{"composer": true, "dialog": true}

// TestEveryActionIsInThePalette walks the registry: every action outside
// the modal scopes is offered on some screen, and typing its title finds
// it (the top match, or among rows that score the same).
func TestEveryActionIsInThePalette(t *testing.T) {
	m, _, _ := newKeyedModel(t, 120, 40)
	withExplore(m)
	found := map[string]bool{}
	notTop := 0
	for _, id := range m.order {
		m.focusPane(id)
		for _, a := range m.screenActions() {
			press(m, "ctrl+p")
			typeInto(m, a.Title)
			rows := m.palette.rows
			at := -1
			for i, r := range rows {
				if r.title == a.Title {
					at = i
					break
				}
			}
			switch {
			case at < 0:
				t.Errorf("%s: typing %q does not list it: %v", a.ID, a.Title, titlesOf(rows))
			case at > 0 && rows[0].score > rows[at].score && a.disabled == "":
				notTop++
				t.Errorf("%s: typing %q lists %q first", a.ID, a.Title, rows[0].title)
			}
			found[a.ID] = true
			press(m, "esc")
		}
	}
	for _, a := range m.keys.Registry() {
		if !found[a.ID] && !modalScopes[a.Scope] {
			t.Errorf("%s (%s) is offered on no screen", a.ID, a.Title)
		}
	}
	if notTop > 0 {
		t.Logf("%d titles were not the top match", notTop)
	}
}

func titlesOf(rows []paletteRow) []string {
	var out []string
	for _, r := range rows {
		out = append(out, r.title)
	}
	return out
}

func TestColonNotifEnterFocusesNotifications(t *testing.T) {
	m, _, _ := newKeyedModel(t, 80, 24)
	press(m, ":")
	if m.palette == nil {
		t.Fatal(": did not open the palette")
	}
	typeInto(m, "notif")
	if got := m.palette.rows[0].title; got != "Go to Notifications" {
		t.Fatalf("top row %q", got)
	}
	press(m, "enter")
	if m.Focused() != NotificationsPane || m.palette != nil {
		t.Fatalf("focus %v, palette open %v", m.Focused(), m.palette != nil)
	}
}

func TestPaletteOpensAProfileByHandle(t *testing.T) {
	m, _, _ := newKeyedModel(t, 80, 24)
	press(m, "ctrl+p")
	typeInto(m, "@some_handle")
	msgs := pressRun(m, "enter")
	want := views.OpenProfileMsg{Handle: "some_handle"}
	if len(msgs) != 1 || msgs[0] != want {
		t.Fatalf("enter produced %#v, want %#v", msgs, want)
	}

	press(m, "ctrl+p")
	typeInto(m, "@some_handle")
	press(m, "down")
	msgs = pressRun(m, "enter")
	if len(msgs) != 1 || msgs[0] != (views.OpenConversationMsg{Handle: "some_handle"}) {
		t.Fatalf("the second row produced %#v, want a conversation", msgs)
	}

	press(m, "ctrl+p")
	typeInto(m, "@x")
	if msgs := pressRun(m, "enter"); len(msgs) != 0 || m.palette == nil || !strings.Contains(m.palette.note, "handle is") {
		t.Fatalf("an invalid handle was opened: %#v, note %q", msgs, m.palette.note)
	}
}

// TestPaletteTakesKeysFirst: q, digits and j are text in the palette.
func TestPaletteTakesKeysFirst(t *testing.T) {
	m, feed, _ := newKeyedModel(t, 80, 24)
	press(m, "ctrl+p")
	for _, k := range []string{"q", "2", "j", "?", ":"} {
		_, cmd := m.Update(tuitest.Press(k))
		if isQuit(cmd) {
			t.Fatalf("%s quit with the palette open", k)
		}
	}
	if m.palette == nil || m.palette.query != "q2j?:" || m.Focused() != FeedPane || len(feed.keys) != 0 || m.showHelp {
		t.Fatalf("query %q, focus %v, pane keys %v", m.palette.query, m.Focused(), feed.keys)
	}
	press(m, "backspace")
	if m.palette.query != "q2j?" {
		t.Fatalf("backspace left %q", m.palette.query)
	}
	press(m, "esc")
	if m.palette != nil || len(feed.keys) != 0 {
		t.Fatal("esc did not close the palette, or reached the pane")
	}
	press(m, "ctrl+p")
	_, cmd := m.Update(tuitest.Press("ctrl+c"))
	if !isQuit(cmd) {
		t.Fatal("ctrl+c must quit even from the palette")
	}
}

// TestPaletteRunsAPaneActionByItsKey: running an action presses its key
// for the operator, and one the pane says cannot run shows why instead.
func TestPaletteRunsAPaneActionByItsKey(t *testing.T) {
	m, feed, _ := newKeyedModel(t, 80, 24)
	press(m, "ctrl+p")
	typeInto(m, "write a new post")
	press(m, "enter")
	if len(feed.keys) != 1 || feed.keys[0] != "n" {
		t.Fatalf("pane got %v, want n", feed.keys)
	}

	feed.gate = map[string]string{"feed.like": "no post selected"}
	press(m, ":")
	typeInto(m, "like")
	row := m.palette.rows[m.palette.sel]
	if row.title != "Like or unlike the post" || row.disabled != "no post selected" {
		t.Fatalf("row %+v", row)
	}
	if !strings.Contains(ansi.Strip(m.render()), "no post selected") {
		t.Fatal("the reason is not shown")
	}
	press(m, "enter")
	if len(feed.keys) != 1 || m.palette == nil || !strings.Contains(m.palette.note, "no post selected") {
		t.Fatalf("a disabled action ran: keys %v", feed.keys)
	}

	// An action whose key this screen does not list is listed, and why;
	// that is the root's guess, so it runs and the pane answers.
	press(m, "ctrl+u")
	typeInto(m, "follow or unfollow")
	if r := m.palette.rows[0]; r.title != "Follow or unfollow the agent" || r.disabled != "not on this screen" {
		t.Fatalf("row %+v", r)
	}
	press(m, "enter")
	if m.palette != nil || len(feed.keys) != 2 || feed.keys[1] != "f" {
		t.Fatalf("the pane got %v", feed.keys)
	}
}

func TestPaletteMovesAndRunsGlobals(t *testing.T) {
	m, _, _ := newKeyedModel(t, 80, 24)
	press(m, "ctrl+p")
	for _, k := range []string{"down", "ctrl+n", "down", "up", "ctrl+p"} {
		press(m, k)
	}
	if m.palette.sel != 1 {
		t.Fatalf("selection %d after 3 down and 2 up", m.palette.sel)
	}
	typeInto(m, "show every key")
	press(m, "enter")
	if !m.showHelp {
		t.Fatal("help did not open from the palette")
	}
	press(m, "esc")
	press(m, ":")
	typeInto(m, "go to jobs")
	press(m, "enter")
	if m.Focused() != JobsPane {
		t.Fatalf("focus %v", m.Focused())
	}
}

// TestPaletteSearchSaysWhereItComes: without the Explore pane there is no
// search screen, and the palette says so rather than pretend.
func TestPaletteSearchSaysWhereItComes(t *testing.T) {
	m, _, _ := newKeyedModel(t, 80, 24)
	press(m, ":")
	typeInto(m, "llamas")
	last := m.palette.rows[len(m.palette.rows)-1]
	if last.title != "Search posts for “llamas”" {
		t.Fatalf("last row %q", last.title)
	}
	m.palette.sel = len(m.palette.rows) - 1
	press(m, "enter")
	if !strings.Contains(m.status.text, "Explore (pane 6)") {
		t.Fatalf("status %q", m.status.text)
	}
}

// searchingPane is an Explore pane that records what it is asked to
// search.
type searchingPane struct {
	fakePane
	asked []string
}

func (p *searchingPane) Search(q string) tea.Cmd {
	p.asked = append(p.asked, q)
	return nil
}

// TestPaletteSearchGoesToExplore: with the Explore pane, the palette's
// search focuses it and searches there.
func TestPaletteSearchGoesToExplore(t *testing.T) {
	m, _, _ := newKeyedModel(t, 80, 24)
	ex := &searchingPane{fakePane: fakePane{title: "Explore"}}
	m.panes[ExplorePane] = ex
	m.order = append(m.order, ExplorePane)
	press(m, ":")
	typeInto(m, "llamas")
	m.palette.sel = len(m.palette.rows) - 1
	press(m, "enter")
	if m.Focused() != ExplorePane || len(ex.asked) != 1 || ex.asked[0] != "llamas" {
		t.Fatalf("focus %v, searched %q", m.Focused(), ex.asked)
	}
}

func TestPastedTextGoesToThePalette(t *testing.T) {
	m, feed, _ := newKeyedModel(t, 80, 24)
	press(m, ":")
	m.Update(tea.PasteMsg{Content: "@bob\x1b[31m\nsmith"})
	if m.palette.query != "@bob[31m smith" || len(feed.msgs) != 0 {
		t.Fatalf("query %q, pane got %v", m.palette.query, feed.msgs)
	}
}

func TestFuzzy(t *testing.T) {
	for _, tc := range []struct {
		q, text string
		ok      bool
	}{
		{"notif", "Go to Notifications", true},
		{"mkrd", "Mark read", true},
		{"read mark", "Mark the notification read", true},
		{"zz", "Go to Feed", false},
		{"", "anything", true},
	} {
		if _, ok := fuzzy(tc.q, tc.text); ok != tc.ok {
			t.Errorf("fuzzy(%q, %q) = %v", tc.q, tc.text, ok)
		}
	}
	whole, _ := fuzzy("notif", "Go to Notifications")
	scattered, _ := fuzzy("notif", "Next notebook of filters")
	if whole <= scattered {
		t.Errorf("a whole word scored %d, letters apart %d", whole, scattered)
	}
}

// TestADialogComesBeforeThePalette: a confirmation that arrives while
// the palette is open is shown and answered first.
func TestADialogComesBeforeThePalette(t *testing.T) {
	m, _, _ := newKeyedModel(t, 80, 24)
	press(m, ":")
	typeInto(m, "li")
	m.Update(views.ConfirmMsg{Title: "Delete post?"})
	if f := ansi.Strip(m.render()); !strings.Contains(f, "Delete post?") || strings.Contains(f, "> li") {
		t.Fatalf("the palette hides the dialog:\n%s", f)
	}
	press(m, "n")
	if m.dialog != nil || m.palette == nil || m.palette.query != "li" {
		t.Fatal("n should answer the dialog and leave the palette as it was")
	}
}

// TestPaletteRunsAnotherPanesActionFromAnywhere (issue 8: "mark all read",
// "new DM" from every screen): from Explore, "mark all read" finds the
// Notifications action with the keys that reach it, and running it goes
// there and presses them; "new DM" finds the Messages one.
func TestPaletteRunsAnotherPanesActionFromAnywhere(t *testing.T) {
	m, _, notes := newKeyedModel(t, 120, 30)
	withExplore(m)
	press(m, "6")
	press(m, "ctrl+p")
	typeInto(m, "mark all read")
	rows := m.palette.rows
	if len(rows) == 0 || rows[0].title != "Mark all notifications read · Notifications" || rows[0].key != "2 M" {
		t.Fatalf("the first row is %+v, want the Notifications action with its keys; rows %q", rows[0], titlesOf(rows))
	}
	press(m, "enter")
	if m.Focused() != NotificationsPane {
		t.Fatalf("running it left the focus on %v", m.Focused())
	}
	if len(notes.keys) == 0 || notes.keys[len(notes.keys)-1] != "M" {
		t.Errorf("the Notifications pane got the keys %q, want its M last", notes.keys)
	}

	press(m, "6")
	press(m, "ctrl+p")
	typeInto(m, "new dm")
	if rows := m.palette.rows; len(rows) == 0 || !strings.HasPrefix(rows[0].title, "New conversation (a DM") {
		t.Errorf("\"new dm\" found %q first", titlesOf(rows))
	}
}

// typeHandleInPalette opens the palette, types text and lets each key's
// rest run out, as a person pausing after typing would: only the last
// key's rest is still the handle typed, so the directory is asked once.
func typeHandleInPalette(m *Model, text string) {
	press(m, "ctrl+p")
	var due []tea.Cmd
	for _, k := range tuitest.Type(text) {
		_, cmd := m.Update(k)
		due = append(due, cmd)
	}
	for _, cmd := range due {
		for _, msg := range tuitest.Collect(cmd) {
			_, found := m.Update(msg)
			for _, res := range tuitest.Collect(found) {
				m.Update(res)
			}
		}
	}
}

// TestPaletteOffersTheAgentsFoundBeforeAHandleNobodyHas: "@atlas" found
// @atlas_ai and no @atlas, so @atlas_ai comes first and enter opens it.
func TestPaletteOffersTheAgentsFoundBeforeAHandleNobodyHas(t *testing.T) {
	m, _, _ := newKeyedModel(t, 120, 30)
	m.opts.FindAgents = func(_ context.Context, q string) ([]api.Agent, bool, error) {
		return []api.Agent{{Handle: "atlas_ai", Name: "Atlas"}}, true, nil
	}
	typeHandleInPalette(m, "@atlas")
	if titles := titlesOf(m.palette.rows); len(titles) < 2 || titles[0] != "Open profile @atlas_ai · Atlas" || titles[1] != "Open profile @atlas" {
		t.Errorf("rows %q: want @atlas_ai first, then the handle as typed", titles)
	}
}

// TestPaletteCompletesAHandleFromTheDirectory: "@sag" typed, once the
// typing rests, offers the agents whose handles hold it, under the
// commands on "@sag" itself; enter on one opens that profile.
func TestPaletteCompletesAHandleFromTheDirectory(t *testing.T) {
	m, _, _ := newKeyedModel(t, 120, 30)
	var asked []string
	m.opts.FindAgents = func(_ context.Context, q string) ([]api.Agent, bool, error) {
		asked = append(asked, q)
		return []api.Agent{{Handle: "sage_helper", Name: "Sage"}, {Handle: "sag"}, {Handle: "atlas_ai"}}, true, nil
	}
	typeHandleInPalette(m, "@sag")
	if len(asked) != 1 || asked[0] != "sag" {
		t.Fatalf("the directory was asked %q, want once for \"sag\"", asked)
	}
	titles := titlesOf(m.palette.rows)
	if len(titles) < 3 || titles[2] != "Open profile @sage_helper · Sage" {
		t.Fatalf("rows %q: want the commands on @sag, then @sage_helper", titles)
	}
	for _, ti := range titles {
		if strings.Contains(ti, "atlas_ai") {
			t.Errorf("an agent whose handle does not hold \"sag\" is offered: %q", ti)
		}
	}
	press(m, "down")
	press(m, "down")
	_, cmd := m.Update(tuitest.Press("enter"))
	if got := tuitest.Collect(cmd); len(got) == 0 || got[0] != (views.OpenProfileMsg{Handle: "sage_helper"}) {
		t.Errorf("enter gave %v, want @sage_helper's profile", got)
	}
}

// "new post" from Explore finds the Feed's "Write a new post" first, not
// an action whose description merely mentions new posts.
func TestPaletteFindsNewPostFirst(t *testing.T) {
	m, _, _ := newKeyedModel(t, 120, 30)
	withExplore(m)
	press(m, "6")
	press(m, "ctrl+p")
	typeInto(m, "new post")
	if rows := m.palette.rows; len(rows) == 0 || rows[0].title != "Write a new post · Feed" {
		t.Errorf("\"new post\" found %q first", titlesOf(rows))
	}
}

// TestPaletteOpensAHashtag: "#Cooking" offers the hashtag's posts first,
// which a tag that is not trending is otherwise reached by only through a
// post that carries it.
func TestPaletteOpensAHashtag(t *testing.T) {
	m, _, _ := newKeyedModel(t, 120, 30)
	press(m, "ctrl+p")
	typeInto(m, "#Cooking")
	rows := m.palette.rows
	if len(rows) == 0 || rows[0].title != "Open #Cooking (its posts)" {
		t.Fatalf("rows %q", titlesOf(rows))
	}
	if msg := rows[0].run()(); msg != (views.OpenHashtagMsg{Tag: "Cooking"}) {
		t.Errorf("it opens %#v", msg)
	}
	press(m, "esc")
	press(m, "ctrl+p")
	typeInto(m, "#Cooking tips")
	if rows := m.palette.rows; len(rows) > 0 && strings.HasPrefix(rows[0].title, "Open #") {
		t.Errorf("a query of more than the tag offered %q", rows[0].title)
	}
}
