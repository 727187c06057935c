package messages

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"imagine/keymap"
	"imagine/theme"
	"imagine/views"
)

// targetHandle is the handle Target asks for, "" for no target; the
// conversation must be carried along with it (a preview then reads no
// list to find it).
func targetHandle(t *testing.T, m *Model) string {
	t.Helper()
	got := m.Target()
	if got == nil {
		return ""
	}
	o, ok := got.(views.OpenConversationMsg)
	if !ok || o.Conversation == nil || o.Conversation.Participant.Handle != o.Handle {
		t.Fatalf("Target = %#v: not a conversation carried along", got)
	}
	return o.Handle
}

func TestTargetIsTheSelectedConversation(t *testing.T) {
	hs := newHarness(t, 80, 24, standardServer(), "")
	if got := targetHandle(t, hs.m); got != "atlas_ai" {
		t.Fatalf("Target on the first conversation = %q", got)
	}
	if !hs.m.ShowsList() {
		t.Error("the list is on screen but ShowsList is false")
	}
	hs.keys("j")
	if got := targetHandle(t, hs.m); got != "bob" {
		t.Errorf("Target after j = %q, want bob's conversation", got)
	}

	// A conversation open in the pane: no target, and the whole width.
	hs.keys("enter")
	if hs.m.Target() != nil || hs.m.ShowsList() {
		t.Errorf("with a conversation open: Target %#v, ShowsList %v", hs.m.Target(), hs.m.ShowsList())
	}
	hs.keys("esc")
	if targetHandle(t, hs.m) != "bob" || !hs.m.ShowsList() {
		t.Error("back on the list, the target did not come back")
	}

	// A filter being typed: no target until enter gives the keys back.
	hs.keys("/")
	hs.typeText("carol")
	if hs.m.Target() != nil {
		t.Errorf("Target while the filter is typed = %#v", hs.m.Target())
	}
	hs.keys("enter")
	if got := targetHandle(t, hs.m); got != "carol" {
		t.Errorf("Target with the filter kept = %q, want carol's conversation", got)
	}
	hs.keys("esc")

	// The handle prompt takes the pane.
	hs.keys("n")
	if hs.m.Target() != nil || hs.m.ShowsList() {
		t.Errorf("with the prompt open: Target %#v, ShowsList %v", hs.m.Target(), hs.m.ShowsList())
	}
}

func TestTargetWithNoConversation(t *testing.T) {
	hs := newHarness(t, 80, 24, newFakeServer(), "")
	if hs.m.Target() != nil {
		t.Errorf("Target with no conversations = %#v", hs.m.Target())
	}
}

// newPreview is the pane in preview mode over srv, as the root makes it
// beside the list: never focused, never initialised, never polled. dir is
// handed over as DataDir and DraftDir, which a preview must ignore.
func newPreview(t *testing.T, w, h int, srv *fakeServer, dir string) *harness {
	t.Helper()
	hs := &harness{t: t, srv: srv, dir: dir, clock: testNow()}
	srv.now = func() time.Time { return hs.clock }
	hs.m = New(Options{
		Context: t.Context(), Conversations: srv,
		Keys: keymap.Default(), Styles: theme.New(true, false),
		Now: func() time.Time { return hs.clock }, Me: "me",
		DraftDir: dir + "/drafts", DataDir: dir, Editor: "vi",
		Preview: true,
	})
	hs.m.SetSize(w, h)
	return hs
}

func TestPreviewOpensTheThreadWithoutMarkingItRead(t *testing.T) {
	srv := standardServer() // atlas_ai: 2 unread
	dir := t.TempDir()
	hs := newPreview(t, 80, 24, srv, dir)
	if hs.m.Depth() != 0 {
		t.Fatalf("a new preview has depth %d", hs.m.Depth())
	}
	hs.settle(hs.m.Update(openMsg("atlas_ai")))
	view := hs.plain()
	if !strings.Contains(view, "They mention @bob too.") || hs.m.Depth() != 1 {
		t.Fatalf("the preview does not show the conversation (depth %d):\n%s", hs.m.Depth(), view)
	}
	if n := srv.count("read:*"); n != 0 {
		t.Errorf("the preview marked the conversation read %d times: %v", n, srv.calls)
	}
	if srv.convs["c1"].UnreadCount != 2 {
		t.Errorf("the server's unread count moved to %d", srv.convs["c1"].UnreadCount)
	}
	if strings.Contains(view, "esc back") || !strings.Contains(view, "enter opens it") {
		t.Errorf("the preview's header offers the pane's keys:\n%s", strings.SplitN(view, "\n", 2)[0])
	}

	// Keys that write, delete or go back do nothing; the cursor moves.
	calls := len(srv.calls)
	hs.keys("n", "c", "enter", "d", "D", "R", "esc", "/", "p")
	if hs.m.CapturesInput() || hs.m.Depth() != 1 || len(srv.calls) != calls {
		t.Errorf("keys acted in a preview: captures %v, depth %d, calls %v", hs.m.CapturesInput(), hs.m.Depth(), srv.calls[calls:])
	}
	before := hs.m.open.win.Cursor
	hs.keys("k")
	if hs.m.open.win.Cursor != before-1 {
		t.Errorf("k moved the cursor from %d to %d", before, hs.m.open.win.Cursor)
	}
	if help := hs.m.ShortHelp(); len(help) == 0 || keyNames(help) != keyNames(hs.m.FullHelp()[0]) {
		t.Errorf("the preview's help is %q", keyNames(help))
	}

	// Nothing written: no outbox, no drafts.
	if entries, err := os.ReadDir(dir); err != nil || len(entries) != 0 {
		t.Errorf("the preview wrote into its data directory: %v %v", entries, err)
	}
	if hs.m.box.store != nil {
		t.Error("the preview keeps an outbox file")
	}
}

// The list beside a preview sends the conversation along: the preview
// reads its messages and nothing else.
func TestPreviewOfACarriedConversationReadsNoList(t *testing.T) {
	srv := standardServer()
	list := newHarness(t, 80, 24, srv, "")
	target := list.m.Target()
	hs := newPreview(t, 80, 24, srv, t.TempDir())
	calls := len(srv.calls)
	hs.settle(hs.m.Update(target))
	if v := hs.plain(); !strings.Contains(v, "They mention @bob too.") {
		t.Fatalf("the preview does not show the conversation:\n%s", v)
	}
	if n := srv.count("list:*"); n != 1 { // the list pane's own read
		t.Errorf("the preview read the list again: %v", srv.calls[calls:])
	}
	if n := srv.count("read:*"); n != 0 {
		t.Errorf("the preview marked the conversation read %d times: %v", n, srv.calls)
	}
}

// The split view keeps a preview the cursor leaves only when it loaded:
// not while it looks for the conversation or its messages are on their
// way, nor after reading them failed; once they are shown, or once it is
// known there is no conversation, it has.
func TestPreviewHasLoadedOnceItsMessagesArrive(t *testing.T) {
	srv := standardServer()
	list := newHarness(t, 80, 24, srv, "")
	for _, msg := range []views.OpenConversationMsg{openMsg("atlas_ai"), list.m.Target().(views.OpenConversationMsg)} {
		hs := newPreview(t, 80, 24, srv, t.TempDir())
		if hs.m.Loaded() {
			t.Fatal("a preview asked for nothing has loaded")
		}
		cmd := hs.m.Update(msg)
		if hs.m.Loaded() {
			t.Errorf("carried %v: loaded while it fetches", msg.Conversation != nil)
		}
		hs.settle(cmd)
		if !hs.m.Loaded() || !strings.Contains(hs.plain(), "They mention @bob too.") {
			t.Errorf("carried %v: loaded = %v once shown:\n%s", msg.Conversation != nil, hs.m.Loaded(), hs.plain())
		}
	}

	none := newPreview(t, 80, 24, srv, t.TempDir())
	none.settle(none.m.Update(openMsg("zed")))
	if !none.m.Loaded() {
		t.Errorf("no conversation with @zed, shown as such, has not loaded:\n%s", none.plain())
	}

	srv.offline = true
	failed := newPreview(t, 80, 24, srv, t.TempDir())
	failed.settle(failed.m.Update(list.m.Target()))
	if failed.m.Loaded() {
		t.Errorf("messages that could not be read count as loaded:\n%s", failed.plain())
	}
}

func TestPreviewSaysWhenThereIsNoConversation(t *testing.T) {
	hs := newPreview(t, 80, 24, standardServer(), t.TempDir())
	hs.settle(hs.m.Update(openMsg("zed")))
	if v := hs.plain(); !strings.Contains(v, "No conversation with @zed yet.") || hs.m.comp.IsOpen() {
		t.Errorf("a preview of no conversation:\n%s", v)
	}
	if n := hs.srv.count("start:*"); n != 0 {
		t.Errorf("the preview started %d conversations", n)
	}
}

func TestPreviewSaysWhenTheListFails(t *testing.T) {
	srv := standardServer()
	srv.listErr = errOffline
	hs := newPreview(t, 80, 24, srv, t.TempDir())
	hs.settle(hs.m.Update(openMsg("atlas_ai")))
	if v := hs.plain(); !strings.Contains(v, "couldn't load the conversation with @atlas_ai") {
		t.Errorf("a preview that could not read the list:\n%s", v)
	}
}

// A conversation past the list's first page (the pane's list may have
// been scrolled there) is found on the pages after.
func TestPreviewFindsAConversationPastTheFirstPage(t *testing.T) {
	srv := newFakeServer()
	for i := range pageSize + 5 {
		peer := agent(fmt.Sprintf("agent_%02d", i), fmt.Sprintf("Agent %d", i))
		srv.addConv(fmt.Sprintf("c%02d", i), peer, 0,
			theirs(fmt.Sprintf("m%02d", i), peer, fmt.Sprintf("hello from %d", i), time.Duration(i+1)*time.Minute))
	}
	hs := newPreview(t, 80, 24, srv, t.TempDir())
	hs.settle(hs.m.Update(openMsg("agent_53")))
	if v := hs.plain(); !strings.Contains(v, "hello from 53") {
		t.Errorf("the conversation on the second page was not found:\n%s", v)
	}
	if srv.count("list:*") != 2 {
		t.Errorf("list reads: %v", srv.calls)
	}
}

func TestGoldenPreview(t *testing.T) {
	hs := newPreview(t, 60, 20, standardServer(), t.TempDir())
	hs.settle(hs.m.Update(views.OpenConversationMsg{Handle: "atlas_ai"}))
	view := hs.m.View()
	checkFrame(t, view, 60, 20)
	golden.RequireEqual(t, []byte(ansi.Strip(view)))
}

// keyNames lists bindings' keys, to compare two lists of them.
func keyNames(bs []key.Binding) string {
	var out []string
	for _, b := range bs {
		out = append(out, b.Help().Key)
	}
	return strings.Join(out, " ")
}
