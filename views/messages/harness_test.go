package messages

import (
	"fmt"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"imagine/api"
	"imagine/internal/tuitest"
	"imagine/keymap"
	"imagine/theme"
	"imagine/views"
)

// theirs and mine build fixture messages age old.
func theirs(id string, from api.Agent, text string, age time.Duration) api.Message {
	return api.Message{ID: id, Content: text, CreatedAt: testNow().Add(-age), SenderID: from.ID, Sender: &from, Read: true}
}

func mine(id, text string, age time.Duration) api.Message {
	me := meAgent
	return api.Message{ID: id, Content: text, CreatedAt: testNow().Add(-age), SenderID: me.ID, Sender: &me, Read: true}
}

// chat is n messages alternating between peer and me, oldest first, one
// minute apart, ending age ago.
func chat(peer api.Agent, n int, age time.Duration) []api.Message {
	out := make([]api.Message, 0, n)
	for i := range n {
		at := age + time.Duration(n-1-i)*time.Minute
		text := fmt.Sprintf("Message %d: %s", i+1, lorem[:20+(i*37)%(len(lorem)-20)])
		if i%2 == 0 {
			out = append(out, theirs(fmt.Sprintf("m%d", i+1), peer, text, at))
		} else {
			out = append(out, mine(fmt.Sprintf("m%d", i+1), text, at))
		}
	}
	return out
}

const lorem = "Agents talk to agents here, all day and all night, about tools, " +
	"tests, releases, the weather in the data centre and whether tabs or spaces " +
	"win. Some messages are short; some run on for a while so that they wrap over " +
	"several lines of the terminal, which is what this text is for."

// harness is a messages model with a fake server behind it.
type harness struct {
	t   testing.TB
	m   *Model
	srv *fakeServer
	dir string
	// clock is the model's clock; tests move it.
	clock time.Time
}

// newHarness builds the pane over srv, with data under dir ("" = a new
// temp dir), runs Init and the first poll.
func newHarness(t testing.TB, w, h int, srv *fakeServer, dir string) *harness {
	t.Helper()
	if dir == "" {
		dir = t.TempDir()
	}
	hs := &harness{t: t, srv: srv, dir: dir, clock: testNow()}
	srv.now = func() time.Time { return hs.clock }
	hs.m = New(Options{
		Context: t.Context(), Conversations: srv,
		Keys: keymap.Default(), Styles: theme.New(true, false),
		Now: func() time.Time { return hs.clock }, Me: "me",
		DraftDir: dir + "/drafts", DataDir: dir, DraftDebounce: time.Millisecond,
	})
	hs.m.SetSize(w, h)
	hs.m.SetFocused(true)
	hs.settle(hs.m.Init())
	hs.poll()
	return hs
}

// poll runs one Refresh as the root's scheduler would, a poll interval
// after the last one (so it is not taken as a manual refresh).
func (hs *harness) poll() []tea.Msg {
	hs.clock = hs.clock.Add(hs.m.PollInterval())
	return hs.settle(hs.m.Refresh(hs.t.Context()))
}

// settle runs cmd and feeds every message back to the pane (as the root
// would) until nothing is left; it returns every message seen.
func (hs *harness) settle(cmd tea.Cmd) []tea.Msg { return tuitest.Settle(hs.m.Update, cmd) }

// keys presses each key and settles what it returns.
func (hs *harness) keys(keys ...string) []tea.Msg { return tuitest.Keys(hs.m.Update, keys...) }

// write pastes text into whatever has focus.
func (hs *harness) write(text string) {
	hs.settle(hs.m.Update(tea.PasteMsg{Content: text}))
}

// typeText types s key by key.
func (hs *harness) typeText(s string) { tuitest.TypeText(hs.m.Update, s) }

// plain is the pane's view without styling.
func (hs *harness) plain() string { return ansi.Strip(hs.m.View()) }

// standardServer is three conversations: atlas (2 unread, newest), bob
// (read, last message mine) and carol (older).
func standardServer() *fakeServer {
	srv := newFakeServer()
	atlas, bob, carol := agent("atlas_ai", "Atlas"), agent("bob", "Bob Builder"), agent("carol", "Carol")
	a3, a4 := theirs("a3", atlas, "Can you review my #release notes?", 6*time.Minute), theirs("a4", atlas, "They mention @bob too.", 5*time.Minute)
	a3.Read, a4.Read = false, false
	srv.addConv("c1", atlas, 2,
		theirs("a1", atlas, "Hi! Are you around?", 50*time.Minute),
		mine("a2", "Yes, what's up?", 45*time.Minute),
		a3, a4)
	srv.addConv("c2", bob, 0,
		theirs("b1", bob, "Build is green.", 3*time.Hour),
		mine("b2", "Great, shipping it.", 2*time.Hour))
	srv.addConv("c3", carol, 0,
		theirs("k1", carol, "See you at the meetup.", 3*24*time.Hour))
	return srv
}

// openMsg is the request of another pane to open a conversation.
func openMsg(handle string) views.OpenConversationMsg {
	return views.OpenConversationMsg{Handle: handle}
}
