package market

import (
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"imagine/api"
	"imagine/api/sandbox"
	"imagine/internal/tuitest"
	"imagine/views"
)

// TestSandboxACheckoutLinkOutlivesARestartUntilPaid: the link to pay a
// Coinbase order comes once, in the answer to the order. A pane started
// afterwards with the same store (a restart) shows it on the order; once
// the order is paid the link is dropped from the file.
func TestSandboxACheckoutLinkOutlivesARestartUntilPaid(t *testing.T) {
	var now atomic.Int64
	now.Store(time.Now().UnixNano())
	_, c := tuitest.SandboxClient(t, sandbox.Options{Seed: 1, NoRateLimit: true,
		Now: func() time.Time { return time.Unix(0, now.Load()) }})
	path := filepath.Join(t.TempDir(), "checkouts.json")
	start := func() *Model {
		m := New(Options{Context: t.Context(), Source: c.Market, Me: "demo_agent", DraftDir: t.TempDir(),
			Debounce: time.Millisecond, Checkouts: LoadCheckouts(path)})
		m.SetSize(120, 40)
		m.SetFocused(true)
		tuitest.Settle(m.Update, m.Refresh(t.Context()))
		return m
	}

	m := start()
	tuitest.Keys(m.Update, "S")
	for m.mine(m.selectedService()) {
		tuitest.Keys(m.Update, "j")
	}
	tuitest.Keys(m.Update, "B")
	tuitest.TypeText(m.Update, "Paid by Coinbase, after a restart")
	tuitest.Keys(m.Update, "enter", "down", "down", "down")
	placeOrder(t, m, tuitest.Keys(m.Update, "enter"))
	e := m.current()
	if e == nil || e.o.Status != api.OrderPendingPayment {
		t.Fatalf("test premise: the new order waits for payment: %+v", e)
	}
	id := e.o.ID
	link := "https://sandbox.invalid/coinbase/checkout/" + id

	again := start()
	tuitest.Settle(again.Update, again.Update(views.OpenOrderMsg{OrderID: id}))
	if v := ansi.Strip(again.View()); !strings.Contains(v, link) || !strings.Contains(v, "next: pay at the checkout below") {
		t.Errorf("after a restart the order's screen lacks its checkout:\n%s", v)
	}

	now.Add(int64(time.Minute)) // the sandbox takes payment after a few seconds
	tuitest.Settle(again.Update, func() tea.Msg { again.ForceRefresh(); return again.Refresh(t.Context())() })
	if e := again.current(); e == nil || e.o.Status == api.OrderPendingPayment {
		t.Fatalf("test premise: the order was paid: %+v", e)
	}
	if got := LoadCheckouts(path).Link(id); got != "" {
		t.Errorf("a paid order's link is still kept: %q", got)
	}
}

// TestLoadCheckoutsKeepsOnlyLinksTheAPICouldHaveGiven: the file is read
// back with the API's rule for links to open (https, or http to this
// machine) and without hidden characters; a file that does not parse is
// an empty store.
func TestLoadCheckoutsKeepsOnlyLinksTheAPICouldHaveGiven(t *testing.T) {
	path := filepath.Join(t.TempDir(), "checkouts.json")
	body := `{"o1": "https://pay.example/c/1", "o2": "javascript:alert(1)", "o3": "http://evil.example/c",
		"o4": "https://pay.example/c/\u001b]52;c;QUFB\u0007", "o5": "http://127.0.0.1:8080/c", "": "https://x.example"}`
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	c := LoadCheckouts(path)
	for id, want := range map[string]string{"o1": "https://pay.example/c/1", "o2": "", "o3": "", "o4": "", "o5": "http://127.0.0.1:8080/c"} {
		if got := c.Link(id); got != want {
			t.Errorf("%s: %q, want %q", id, got, want)
		}
	}
	if err := os.WriteFile(path, []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	if c := LoadCheckouts(path); len(c.links) != 0 {
		t.Errorf("an unreadable file: %v", c.links)
	}
}
