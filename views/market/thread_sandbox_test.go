package market

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"imagine/api"
	"imagine/api/sandbox"
	"imagine/internal/tuitest"
	"imagine/views"
)

// TestSandboxThreadOf250MessagesPagesBackwards: an order whose thread
// holds 250 messages, against the sandbox through the real client. The
// screen reads the newest 100; scrolling up to the top of the thread
// reads the older pages, one at a time, leaving the messages on screen
// where they were; a live refresh adds a new message; every message is
// held and shown once, in order.
func TestSandboxThreadOf250MessagesPagesBackwards(t *testing.T) {
	sb, c := tuitest.SandboxClient(t, sandbox.Options{})
	o := inProgress(t, c, api.RoleBuyer)
	seller := sb.ActAs(o.Seller.Handle)
	for i := 1; i <= 250; i++ {
		seller.OrderMessage(o.ID, fmt.Sprintf("Note %03d from the seller", i))
		sb.Advance(time.Second)
	}
	m := sandboxPane(t, c, 100, 30, false)
	tuitest.Settle(m.Update, m.Update(views.OpenOrderMsg{OrderID: o.ID}))
	keys := func(ks ...string) { tuitest.Keys(m.Update, ks...) }
	screen := func() []string { return strings.Split(ansi.Strip(m.View()), "\n") }
	// notes are the test's messages loaded, in order (the seeded order
	// has a few of its own before them), each loaded once.
	notes := func() []string {
		t.Helper()
		var out []string
		ids := map[string]bool{}
		for _, it := range m.open.thread.Items {
			if ids[it.ID] {
				t.Errorf("message %s is held twice", it.ID)
			}
			ids[it.ID] = true
			if strings.HasPrefix(it.Content, "Note ") {
				out = append(out, it.Content)
			}
		}
		return out
	}
	want := func(from, to int) []string {
		var out []string
		for i := from; i <= to; i++ {
			out = append(out, fmt.Sprintf("Note %03d from the seller", i))
		}
		return out
	}
	if m.open == nil || !slices.Equal(notes(), want(151, 250)) || !m.open.thread.HasOlder {
		t.Fatalf("opened on %d messages (%v…), older %v", len(notes()), notes()[:1], m.open.thread.HasOlder)
	}
	keys("G")
	if v := strings.Join(screen(), "\n"); !strings.Contains(v, "Note 250 from the seller") {
		t.Errorf("the end of the thread does not show the newest message:\n%s", v)
	}
	keys("g") // the top: facts, then the thread's first lines; nothing read yet
	if len(notes()) != 100 {
		t.Fatalf("going to the top read older messages on its own")
	}
	row := -1
	for i, l := range screen() {
		if strings.Contains(l, "Note 151 from the seller") {
			row = i
		}
	}
	if row < 0 || !strings.Contains(strings.Join(screen(), "\n"), "older messages above: scroll up to load them") {
		t.Fatalf("the top of the thread is not on screen:\n%s", strings.Join(screen(), "\n"))
	}
	keys("k") // scrolling up with the thread's top on screen reads the page before
	if !slices.Equal(notes(), want(51, 250)) {
		t.Fatalf("after scrolling up once: %d messages, %v…", len(notes()), notes()[:1])
	}
	if l := screen()[row]; !strings.Contains(l, "Note 151 from the seller") {
		t.Errorf("the message on screen moved: row %d is %q", row, l)
	}
	keys("g", "k")
	if !slices.Equal(notes(), want(1, 250)) || m.open.thread.HasOlder {
		t.Fatalf("after scrolling up again: %d messages, older %v", len(notes()), m.open.thread.HasOlder)
	}
	held := len(m.open.thread.Items)
	keys("g", "k")
	if len(m.open.thread.Items) != held {
		t.Errorf("scrolling up past the first message read again: %d", len(m.open.thread.Items))
	}

	// The live refresh brings the newest message, once.
	seller.OrderMessage(o.ID, "Note 251 from the seller")
	m.ForceRefresh()
	tuitest.Settle(m.Update, m.Refresh(t.Context()))
	if !slices.Equal(notes(), want(1, 251)) {
		t.Fatalf("after the live refresh: %d messages, …%v", len(notes()), notes()[len(notes())-1:])
	}
	keys("G")
	var body []string
	for _, l := range m.body() {
		body = append(body, ansi.Strip(l))
	}
	all := strings.Join(body, "\n")
	for i := 1; i <= 251; i++ {
		if n := strings.Count(all, fmt.Sprintf("Note %03d from", i)); n != 1 {
			t.Errorf("note %d is on the screen %d times", i, n)
		}
	}
}
