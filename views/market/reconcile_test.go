package market

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/api/sandbox"
	"imagine/internal/tuitest"
	"imagine/views"
)

// lossyOrder opens the first order of the demo agent in role and status
// on a pane over the sandbox through the real client.
func lossyOrder(t *testing.T, role string, status api.OrderStatus) (*sandbox.Server, *api.Client, *Model, api.Order) {
	t.Helper()
	sb, c := tuitest.SandboxClient(t, sandbox.Options{Seed: 1, NoRateLimit: true})
	page, err := c.Market.Orders(t.Context(), &api.OrderListOptions{Role: role, Status: status})
	if err != nil || len(page.Items) == 0 {
		t.Fatalf("test premise: the demo agent has a %s order as %s (%v)", status, role, err)
	}
	o := page.Items[0]
	m := New(Options{Context: t.Context(), Source: c.Market, Me: "demo_agent", DraftDir: t.TempDir(), Debounce: time.Millisecond})
	m.SetSize(100, 30)
	m.SetFocused(true)
	tuitest.Settle(m.Update, m.Refresh(t.Context()))
	tuitest.Settle(m.Update, m.Update(views.OpenOrderMsg{OrderID: o.ID}))
	return sb, c, m, o
}

// statusTexts are the status lines among msgs.
func statusTexts(msgs []tea.Msg) []string {
	var out []string
	for _, m := range msgs {
		if s, ok := m.(views.StatusMsg); ok {
			out = append(out, s.Text)
		}
	}
	return out
}

// inThread counts the order's messages with content text.
func inThread(t *testing.T, c *api.Client, id, text string) int {
	t.Helper()
	page, err := c.Market.OrderMessages(t.Context(), id, &api.ListOptions{Limit: threadPage})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, m := range page.Items {
		if m.Content == text {
			n++
		}
	}
	return n
}

// TestAnOrderMessageWhoseAnswerWasDroppedIsNotDuplicated: a message the
// server took but whose answer was dropped is found in the thread, and
// pressing send again makes no second copy; one dropped before it
// arrived says "not sent" and then goes once.
func TestAnOrderMessageWhoseAnswerWasDroppedIsNotDuplicated(t *testing.T) {
	sb, c, m, o := lossyOrder(t, api.RoleBuyer, api.OrderInProgress)
	path := "/api/marketplace/orders/" + o.ID + "/messages"
	write := func(text string) {
		tuitest.Keys(m.Update, m.keys.Market.Message.Keys()[0])
		tuitest.TypeText(m.Update, text)
	}

	text := "a message whose answer was lost"
	write(text)
	sb.InjectOnce("POST", path, sandbox.Fault{Drop: true, AfterProcessing: true})
	seen := tuitest.Keys(m.Update, "ctrl+s", "ctrl+s")
	want := "message sent (the answer was lost; it is in the thread)"
	if got := statusTexts(seen); !contains(got, want) {
		t.Fatalf("statuses %q, want %q", got, want)
	}
	if n := inThread(t, c, o.ID, text); n != 1 {
		t.Errorf("%d copies on the server, want 1", n)
	}

	text = "a message lost before it arrived"
	tuitest.Settle(m.Update, m.comp.Close())
	write(text)
	sb.InjectOnce("POST", path, sandbox.Fault{Drop: true})
	tuitest.Keys(m.Update, "ctrl+s")
	if p := m.comp.Problem(); !strings.HasPrefix(p, "not sent: no answer from ") ||
		!strings.Contains(p, "the message is not on the server; ctrl+s sends it again") {
		t.Fatalf("composer says %q", p)
	}
	tuitest.Keys(m.Update, "ctrl+s", "ctrl+s")
	if n := inThread(t, c, o.ID, text); n != 1 {
		t.Errorf("%d copies on the server, want 1", n)
	}
}

// TestAnOrderActionWhoseAnswerWasDroppedIsReadBack: the seller starts an
// order, the server starts it and drops the answer; the order read back
// is in progress and the pane says so. An action lost before it arrived
// says it did not happen, and is not sent again by itself.
func TestAnOrderActionWhoseAnswerWasDroppedIsReadBack(t *testing.T) {
	sb, c, m, o := lossyOrder(t, api.RoleSeller, api.OrderPaid)
	path := "/api/marketplace/orders/" + o.ID

	sb.InjectOnce("PATCH", path, sandbox.Fault{Drop: true})
	seen := tuitest.Keys(m.Update, m.keys.Market.Start.Keys()[0])
	want := "couldn't start"
	got := statusTexts(seen)
	if len(got) == 0 || got[len(got)-1] != want {
		t.Fatalf("statuses %q, want %q", got, want)
	}
	if f, ok := tuitest.Find[views.StatusMsg](seen); !ok || !strings.Contains(views.Describe(f.Err), "the order is still paid: it did not start") {
		t.Errorf("status %+v", f)
	}
	if now, _ := c.Market.Order(t.Context(), o.ID); now.Status != api.OrderPaid {
		t.Fatalf("the order is %s, want still paid", now.Status)
	}

	sb.InjectOnce("PATCH", path, sandbox.Fault{Drop: true, AfterProcessing: true})
	seen = tuitest.Keys(m.Update, m.keys.Market.Start.Keys()[0])
	want = "Order started (the answer was lost; the order shows it)"
	if got := statusTexts(seen); !contains(got, want) {
		t.Errorf("statuses %q, want %q", got, want)
	}
	if e := m.current(); e == nil || e.o.Status != api.OrderInProgress {
		t.Errorf("the pane shows %+v, want in progress", e)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestAnOrderActionThatCannotBeCheckedSaysSo: the answer is lost and the
// order cannot be read back either: the pane says it can't tell, and
// nothing is sent again.
func TestAnOrderActionThatCannotBeCheckedSaysSo(t *testing.T) {
	sb, c, m, o := lossyOrder(t, api.RoleSeller, api.OrderPaid)
	path := "/api/marketplace/orders/" + o.ID
	sb.InjectOnce("PATCH", path, sandbox.Fault{Drop: true, AfterProcessing: true})
	for range 3 { // every attempt of the read
		sb.InjectOnce("GET", path, sandbox.Fault{Status: 503})
	}
	seen := tuitest.Keys(m.Update, m.keys.Market.Start.Keys()[0])
	got := statusTexts(seen)
	if len(got) != 1 || !strings.HasPrefix(got[0], "can't tell whether the order was started: no answer from ") ||
		!strings.HasSuffix(got[0], "; the list will show it") || !strings.Contains(got[0], "checking failed") {
		t.Fatalf("statuses %q", got)
	}
	if now, _ := c.Market.Order(t.Context(), o.ID); now.Status != api.OrderInProgress {
		t.Errorf("the order is %s, want in progress (started once)", now.Status)
	}
}

// TestAnUncheckableOrderMessageIsCheckedBeforeTheResend: the answer and
// the read-back are both lost: the composer says "unconfirmed", and the
// next ctrl+s reads the thread first and finds the message.
func TestAnUncheckableOrderMessageIsCheckedBeforeTheResend(t *testing.T) {
	sb, c, m, o := lossyOrder(t, api.RoleBuyer, api.OrderInProgress)
	path := "/api/marketplace/orders/" + o.ID + "/messages"
	text := "a message whose answer and check were lost"
	tuitest.Keys(m.Update, m.keys.Market.Message.Keys()[0])
	tuitest.TypeText(m.Update, text)
	sb.InjectOnce("POST", path, sandbox.Fault{Drop: true, AfterProcessing: true})
	for range 3 {
		sb.InjectOnce("GET", path, sandbox.Fault{Status: 503})
	}
	tuitest.Keys(m.Update, "ctrl+s")
	if p := m.comp.Problem(); !strings.HasPrefix(p, "unconfirmed: no answer from ") || !strings.HasSuffix(p, "ctrl+s checks again before sending") {
		t.Fatalf("composer says %q", p)
	}
	seen := tuitest.Keys(m.Update, "ctrl+s")
	if got := statusTexts(seen); !contains(got, "message sent (the answer was lost; it is in the thread)") {
		t.Errorf("statuses %q", got)
	}
	if n := inThread(t, c, o.ID, text); n != 1 {
		t.Errorf("%d copies on the server, want 1", n)
	}
}
