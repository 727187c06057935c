package messages

import (
	"slices"
	"strings"
	"testing"
	"time"

	"imagine/api"
	"imagine/internal/tuitest"
)

// TestAConversationOpenedAfterItsPreviewShowsAtOnce: the preview beside
// the list read the conversation; opened in the pane it shows at once,
// divider included, before any answer, and the page read again brings
// what arrived meanwhile and drops what was deleted. A page older than what the list's row says is
// not drawn: the divider would land on the wrong message.
func TestAConversationOpenedAfterItsPreviewShowsAtOnce(t *testing.T) {
	srv := standardServer() // atlas_ai first: 2 unread
	pane := newHarness(t, 80, 24, srv, "")
	preview := newPreview(t, 80, 24, srv, t.TempDir())
	preview.m.memo = pane.m.memo // one memo, as the program shares it
	preview.settle(preview.m.Update(openMsg("atlas_ai")))

	cmd := pane.m.Update(tuitest.Press("enter")) // nothing answered yet
	view := pane.plain()
	if strings.Contains(view, "loading messages") || !strings.Contains(view, "They mention @bob too.") || !strings.Contains(view, "── 2 new ──") {
		t.Fatalf("before any answer, the conversation its preview read does not show:\n%s", view)
	}
	srv.incoming("c1", "a5", "And one more thing.", pane.clock)
	srv.mu.Lock()
	srv.msgs["c1"] = slices.DeleteFunc(srv.msgs["c1"], func(m api.Message) bool { return m.ID == "a1" }) // deleted meanwhile
	srv.mu.Unlock()
	pane.settle(cmd)
	view = pane.plain()
	if !strings.Contains(view, "And one more thing.") || !strings.Contains(view, "── 2 new ──") {
		t.Errorf("the page read again did not bring what arrived, or moved the divider:\n%s", view)
	}
	if strings.Contains(view, "Hi! Are you around?") {
		t.Errorf("a message deleted since the preview read it still shows:\n%s", view)
	}
	pane.keys("esc")

	// bob: read by the preview, then a new message the list has seen.
	preview.settle(preview.m.Update(openMsg("bob")))
	srv.incoming("c2", "b3", "One more build.", pane.clock.Add(time.Second))
	pane.poll()
	pane.keys("g")
	for range 3 {
		if e := pane.m.selectedConv(); e != nil && e.c.ID == "c2" {
			break
		}
		pane.keys("j")
	}
	if e := pane.m.selectedConv(); e == nil || e.c.ID != "c2" {
		t.Fatalf("test premise: bob's conversation is not in the list")
	}
	pane.m.Update(tuitest.Press("enter"))
	if view := pane.plain(); !strings.Contains(view, "loading messages") {
		t.Errorf("a kept page older than the list's row was drawn:\n%s", view)
	}
}
