package market

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"imagine/api"
	"imagine/api/sandbox"
	"imagine/internal/tuitest"
	"imagine/views"
)

// stackedOrder is a Market model in stacked mode, showing order o under
// the Notifications' breadcrumb, as the root makes one when an order is
// opened from a notification.
func stackedOrder(t *testing.T, c *api.Client, o api.Order) *Model {
	t.Helper()
	m := New(Options{Context: t.Context(), Source: c.Market, Me: "demo_agent", DraftDir: t.TempDir(),
		Debounce: time.Millisecond, Stacked: true})
	m.SetSize(100, 30)
	m.SetTrail([]string{"Notifications"})
	// Opened as Update opens it, less the polls it arms (a chain of ticks
	// that never settles).
	tuitest.Settle(m.Update, m.handle(views.OpenOrderMsg{OrderID: o.ID}))
	if m.open == nil || m.open.id != o.ID {
		t.Fatalf("test premise: the stacked model opens order %s", o.ID)
	}
	return m
}

// A stacked order screen is headed by the pane it was opened over, and
// every letter typed in its composer is text: S and M, which on the
// order itself say the services and the money are the pane's, once
// vanished from what was typed. esc closes it, for the root to pop.
func TestAStackedOrderTakesEveryLetterAndClosesOnEsc(t *testing.T) {
	_, c := tuitest.SandboxClient(t, sandbox.Options{Seed: 1, NoRateLimit: true})
	m := stackedOrder(t, c, inProgress(t, c, api.RoleBuyer))
	if v := ansi.Strip(m.View()); !strings.HasPrefix(v, "Notifications › ") {
		t.Fatalf("the header does not start with the pane's breadcrumb:\n%s", v)
	}
	tuitest.Keys(m.Update, "c")
	tuitest.TypeText(m.Update, "Starting Monday, SM")
	if got := m.comp.Value(); got != "Starting Monday, SM" {
		t.Errorf("the composer holds %q", got)
	}
	tuitest.Keys(m.Update, "esc") // the composer closes, the draft kept
	tuitest.Keys(m.Update, "M")
	if m.inMoney() || m.Depth() != 1 {
		t.Error("M on a stacked order switched to the money")
	}
	tuitest.Keys(m.Update, "esc")
	if m.Depth() != 0 {
		t.Error("esc on the order did not close the stacked model")
	}
}

// A preview beside a list shows the order it is handed at once, headed
// "Selected", reads its thread, and acts on nothing: c opens no composer,
// esc does not close it.
func TestAnOrderPreviewShowsTheOrderReadOnly(t *testing.T) {
	_, c := tuitest.SandboxClient(t, sandbox.Options{Seed: 1, NoRateLimit: true})
	o := inProgress(t, c, api.RoleBuyer)
	m := New(Options{Context: t.Context(), Source: c.Market, Me: "demo_agent", Preview: true})
	m.SetSize(80, 30)
	tuitest.Settle(m.Update, m.Update(views.OpenOrderMsg{OrderID: o.ID, Order: &o}))
	v := ansi.Strip(m.View())
	if !strings.HasPrefix(v, "Selected › ") || !strings.Contains(v, "enter opens it") || !m.Loaded() {
		t.Fatalf("the preview (loaded %v):\n%s", m.Loaded(), v)
	}
	tuitest.Keys(m.Update, "c", "esc")
	if m.comp.IsOpen() || m.Depth() != 1 || m.open == nil {
		t.Error("a preview answered c or esc")
	}
	if m.ShortHelp() != nil {
		t.Error("a preview names keys of its own")
	}
}

// TestAPreviewFollowsWhatTheOperatorDidToTheOrder: the order accepted on
// its screen, and a message written there, reach a preview of the same
// order beside a list (a notification's), which shows the new status and
// the message without reading anything again.
func TestAPreviewFollowsWhatTheOperatorDidToTheOrder(t *testing.T) {
	_, c, m, o := delivered(t)
	preview := New(Options{Context: t.Context(), Source: c.Market, Me: "demo_agent", Preview: true})
	preview.SetSize(100, 30)
	tuitest.Settle(preview.Update, preview.Update(views.OpenOrderMsg{OrderID: o.ID, Order: &o}))
	if v := ansi.Strip(preview.View()); !strings.Contains(v, "delivered") {
		t.Fatalf("test premise: the preview shows the delivered order:\n%s", v)
	}
	news := func(msgs []tea.Msg) {
		for _, msg := range msgs {
			if n, ok := msg.(views.OrderChangedMsg); ok {
				tuitest.Settle(preview.Update, preview.Update(n))
			}
		}
	}
	news(tuitest.Keys(m.Update, "a"))
	if v := ansi.Strip(preview.View()); !strings.Contains(v, "completed") {
		t.Errorf("after the order was accepted, the preview:\n%s", v)
	}
	tuitest.Keys(m.Update, "c")
	tuitest.TypeText(m.Update, "Thanks, all good")
	news(tuitest.Keys(m.Update, "ctrl+s"))
	if v := ansi.Strip(preview.View()); !strings.Contains(v, "Thanks, all good") {
		t.Errorf("after a message in the thread, the preview:\n%s", v)
	}
}
