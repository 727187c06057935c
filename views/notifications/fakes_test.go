package notifications

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"imagine/api"
	"imagine/internal/tuitest"
	"imagine/keymap"
	"imagine/theme"
)

// testNow is the fixed start of every test's clock.
func testNow() time.Time { return time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC) }

// fakeSource serves pages by cursor and an unread count, records every
// call as "count", "list:<cursor>", "mark:<id,id>" or "markAll", and fails
// the calls named in errs ("count", "list", "list:<cursor>", "mark",
// "markAll").
type fakeSource struct {
	mu    sync.Mutex
	pages map[string]*api.Page[api.Notification]
	count int
	errs  map[string]error
	calls []string
}

func newFakeSource() *fakeSource {
	return &fakeSource{pages: map[string]*api.Page[api.Notification]{}, errs: map[string]error{}}
}

func (f *fakeSource) record(call, errKey string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, call)
	return f.errs[errKey]
}

func (f *fakeSource) List(_ context.Context, opts *api.ListOptions) (*api.Page[api.Notification], error) {
	if err := f.record("list:"+opts.Cursor, "list"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.errs["list:"+opts.Cursor]; err != nil {
		return nil, err
	}
	if p, ok := f.pages[opts.Cursor]; ok {
		cp := *p
		cp.Items = append([]api.Notification(nil), p.Items...)
		return &cp, nil
	}
	return &api.Page[api.Notification]{}, nil
}

func (f *fakeSource) Count(context.Context) (int, error) {
	if err := f.record("count", "count"); err != nil {
		return 0, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.count, nil
}

func (f *fakeSource) MarkRead(_ context.Context, ids []string) error {
	return f.record("mark:"+strings.Join(ids, ","), "mark")
}

func (f *fakeSource) MarkAllRead(context.Context) error { return f.record("markAll", "markAll") }

// requests returns the calls so far and forgets them.
func (f *fakeSource) requests() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := f.calls
	f.calls = nil
	return out
}

// The fake satisfies the pane's interface.
var _ Source = (*fakeSource)(nil)

// note is a fixture notification from handle, age old.
func note(id, typ, handle, name string, age time.Duration, read bool, postID, commentID, snippet string) api.Notification {
	return api.Notification{
		ID: id, Type: typ, Read: read, CreatedAt: testNow().Add(-age),
		Actor:  api.Agent{ID: "a-" + handle, Handle: handle, Name: name},
		PostID: postID, CommentID: commentID, Snippet: snippet,
	}
}

// fixture is one notification of every type (and one the client does not
// know), newest first; four are unread.
func fixture() []api.Notification {
	other := note("n8", "BADGE", "heidi", "Heidi", 30*24*time.Hour, true, "", "", "")
	other.Message = "awarded you a badge"
	return []api.Notification{
		note("n1", api.NotificationLike, "atlas_ai", "Atlas", 2*time.Minute, false, "p1", "", "Shipping a new #release today. Thanks to everyone who tested it."),
		note("n2", api.NotificationReply, "bob", "Bob Builder", 5*time.Minute, false, "p1", "c7", "I think the second option is better"),
		note("n3", api.NotificationFollow, "carol", "Carol", time.Hour, false, "", "", ""),
		note("n4", api.NotificationComment, "dave", "Dave", 3*time.Hour, true, "p2", "c9", "Great thread, bookmarking it."),
		note("n5", api.NotificationRepost, "erin", "Erin", 26*time.Hour, true, "p3", "", "A picture of the sunset from the roof."),
		note("n6", api.NotificationQuote, "frank", "Frank", 50*time.Hour, false, "p4", "", "Quoting this because #context matters."),
		note("n7", api.NotificationMention, "grace", "Grace", 6*24*time.Hour, true, "p5", "c2", "cc @me what do you think?"),
		other,
	}
}

// many makes n liked-post notifications m<n>…m1, newest first, unread.
func many(n int) []api.Notification {
	out := make([]api.Notification, 0, n)
	for i := n; i >= 1; i-- {
		out = append(out, note(fmt.Sprintf("m%d", i), api.NotificationLike, "alice", "Alice", time.Duration(n-i+1)*time.Minute, false, fmt.Sprintf("p%d", i), "", fmt.Sprintf("Post number %d", i)))
	}
	return out
}

func unreadIn(items []api.Notification) int {
	n := 0
	for _, it := range items {
		if !it.Read {
			n++
		}
	}
	return n
}

// harness is a pane with a fake source behind it and a clock it controls.
type harness struct {
	t   testing.TB
	m   *Model
	src *fakeSource
	now time.Time
}

// newHarness loads items as the first page (with a next page "c2" when
// hasMore), the count being their unread number, and forgets the requests
// of that first load.
func newHarness(t testing.TB, w, h int, items []api.Notification, hasMore bool) *harness {
	t.Helper()
	hs := &harness{t: t, src: newFakeSource(), now: testNow()}
	hs.setFirstPage(items, hasMore)
	hs.src.count = unreadIn(items)
	hs.m = New(Options{
		Context: t.Context(), Source: hs.src,
		Keys: keymap.Default(), Styles: theme.New(true, false),
		Now: func() time.Time { return hs.now },
	})
	hs.m.SetSize(w, h)
	hs.m.SetFocused(true)
	hs.poll()
	hs.src.requests()
	return hs
}

func (hs *harness) setFirstPage(items []api.Notification, hasMore bool) {
	next := ""
	if hasMore {
		next = "c2"
	}
	hs.src.mu.Lock()
	defer hs.src.mu.Unlock()
	hs.src.pages[""] = &api.Page[api.Notification]{Items: items, NextCursor: next, HasMore: hasMore}
}

// poll runs one Refresh to the end, as the root's scheduler would.
func (hs *harness) poll() []tea.Msg { return hs.settle(hs.m.Refresh(hs.t.Context())) }

// settle runs cmd and feeds every message back to the pane (as the root
// would) until nothing is left; it returns every message seen.
func (hs *harness) settle(cmd tea.Cmd) []tea.Msg { return tuitest.Settle(hs.m.Update, cmd) }

// keys presses each key and settles what it returns.
func (hs *harness) keys(keys ...string) []tea.Msg { return tuitest.Keys(hs.m.Update, keys...) }

// plain is the pane's view without styling.
func (hs *harness) plain() string { return ansi.Strip(hs.m.View()) }

// selectedID is the ID of the notification under the cursor.
func (hs *harness) selectedID() string {
	if e := hs.m.selected(); e != nil {
		return e.n.ID
	}
	return ""
}

// selectedLine is the screen line of the cursor's row, or -1.
func (hs *harness) selectedLine() int {
	for i, l := range strings.Split(hs.plain(), "\n") {
		if strings.HasPrefix(l, "▌") {
			return i
		}
	}
	return -1
}

// lineWith is the first plain line holding s.
func (hs *harness) lineWith(s string) string {
	for _, l := range strings.Split(hs.plain(), "\n") {
		if strings.Contains(l, s) {
			return l
		}
	}
	return ""
}
