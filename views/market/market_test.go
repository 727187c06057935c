package market

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"imagine/api"
	"imagine/internal/tuitest"
	"imagine/views"
	"imagine/views/composer"
)

func ids(es []*entry) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.o.ID)
	}
	return out
}

func statusText(msgs []tea.Msg) string {
	var out []string
	for _, m := range msgs {
		if s, ok := m.(views.StatusMsg); ok {
			out = append(out, s.Text)
		}
	}
	return strings.Join(out, " | ")
}

func TestNeedsYouComesFirstAndMakesTheBadge(t *testing.T) {
	hs := newHarness(t, 80, 24, fixture())
	got := strings.Join(ids(hs.m.vis[:hs.m.nNeeds]), " ")
	// PAID and REVISION (seller), IN_PROGRESS past due (o3: 100 h > 3 days),
	// DELIVERED and PENDING_PAYMENT (buyer); not o7, in progress as buyer.
	if got != "o1 o2 o3 o4 o5" {
		t.Errorf("needs you = %q", got)
	}
	if hs.m.Badge() != 5 {
		t.Errorf("badge = %d", hs.m.Badge())
	}
	view := ansi.Strip(hs.m.View())
	for _, want := range []string{"Needs you", "Other orders", "Logo design", "Ada Bot @ada_bot", "$25.00", "→ start", "→ deliver (late)", "→ pay", "5 need you"} {
		if !strings.Contains(view, want) {
			t.Errorf("the list lacks %q:\n%s", want, view)
		}
	}
}

func TestRoleStatusAndQueryFilters(t *testing.T) {
	hs := newHarness(t, 80, 24, fixture())
	hs.keys("w") // selling
	for _, e := range hs.m.vis {
		if e.role != roleSeller {
			t.Errorf("selling shows %s", e.o.ID)
		}
	}
	if len(hs.m.vis) != 5 {
		t.Errorf("selling shows %d orders", len(hs.m.vis))
	}
	hs.keys("w") // buying
	if len(hs.m.vis) != 5 || hs.m.vis[0].role != roleBuyer {
		t.Errorf("buying shows %v", ids(hs.m.vis))
	}
	hs.keys("w", "f", "f") // all roles; status PAID
	if got := strings.Join(ids(hs.m.vis), " "); got != "o1" {
		t.Errorf("paid shows %q", got)
	}
	for range len(api.OrderStatuses) - 1 {
		hs.keys("f")
	}
	if hs.m.statusF != 0 || len(hs.m.vis) != 10 {
		t.Errorf("the status filter did not cycle back to any: %d, %d rows", hs.m.statusF, len(hs.m.vis))
	}
	hs.keys("/")
	hs.typeText("quill")
	if got := strings.Join(ids(hs.m.vis), " "); got != "o2" {
		t.Errorf("/quill shows %q", got)
	}
	if !hs.m.CapturesInput() {
		t.Error("typing the filter must capture input")
	}
	hs.keys("esc")
	if len(hs.m.vis) != 10 {
		t.Errorf("esc leaves %d rows", len(hs.m.vis))
	}
}

func TestOnePollIsOneGET(t *testing.T) {
	hs := newHarness(t, 80, 24, fixture())
	hs.poll()
	hs.poll()
	if hs.src.lists != 3 || hs.src.threads != 0 {
		t.Errorf("3 polls made %d list and %d thread reads", hs.src.lists, hs.src.threads)
	}
	if hs.m.PollInterval() != 12*time.Second {
		t.Errorf("interval %v", hs.m.PollInterval())
	}
	hs.keys("enter") // reads the thread once
	threads := hs.src.threads
	if hs.m.PollInterval() != threadEvery {
		t.Errorf("the order screen in use polls every %v", hs.m.PollInterval())
	}
	hs.poll()
	if hs.src.threads != threads+1 || hs.src.lists != 3 {
		t.Errorf("an order screen poll: %d thread, %d list reads", hs.src.threads-threads, hs.src.lists-3)
	}
	hs.now = hs.now.Add(13 * time.Second)
	hs.poll()
	if hs.src.lists != 4 {
		t.Error("the list is read when a poll old")
	}
	// Idle: every 12 s, the thread and the list in turn.
	hs.now = hs.now.Add(time.Minute)
	if hs.m.PollInterval() != 12*time.Second {
		t.Errorf("an idle order screen polls every %v", hs.m.PollInterval())
	}
	l, th := hs.src.lists, hs.src.threads
	for range 4 {
		hs.poll()
	}
	if hs.src.lists-l != 2 || hs.src.threads-th != 2 {
		t.Errorf("4 idle polls: %d list, %d thread reads", hs.src.lists-l, hs.src.threads-th)
	}
}

func TestACounterpartysMoveRaisesTheBadgeAndAlerts(t *testing.T) {
	hs := newHarness(t, 80, 24, fixture())
	if hs.m.Alerts() != 0 {
		t.Errorf("what waited at start is no alert: %d", hs.m.Alerts())
	}
	hs.src.find("o7").Status = api.OrderDelivered // the seller delivered
	hs.poll()
	if hs.m.Badge() != 6 || hs.m.Alerts() != 1 {
		t.Errorf("badge %d alerts %d", hs.m.Badge(), hs.m.Alerts())
	}
	if txt := hs.m.NotifyText(); !strings.Contains(txt, "Order ") {
		t.Errorf("notify text %q", txt)
	}
}

func TestStartThenDeliverAsSeller(t *testing.T) {
	hs := newHarness(t, 80, 24, fixture())
	hs.keys("enter") // o1, PAID, the demo agent sells
	if hs.m.open == nil || hs.m.open.id != "o1" {
		t.Fatal("enter did not open o1")
	}
	if s := statusText(hs.keys("a")); !strings.Contains(s, "only the buyer can accept") {
		t.Errorf("accept as seller: %q", s)
	}
	if s := statusText(hs.keys("d")); !strings.Contains(s, "start the order first") {
		t.Errorf("deliver before start: %q", s)
	}
	if why := hs.m.ActionDisabled("market.deliver"); why != "start the order first" {
		t.Errorf("help reason %q", why)
	}
	if s := statusText(hs.keys("s")); !strings.Contains(s, "Order started") {
		t.Errorf("start: %q", s)
	}
	if hs.src.find("o1").Status != api.OrderInProgress {
		t.Fatal("not started on the server")
	}
	hs.keys("d")
	if !hs.m.comp.IsOpen() || hs.m.comp.Key() != "deliver-o1" {
		t.Fatal("deliver did not open the composer")
	}
	hs.keys("ctrl+s") // empty: refused by the composer or the pane
	if hs.src.find("o1").Status != api.OrderInProgress {
		t.Fatal("delivered with no deliverables")
	}
	hs.typeText("Here is the logo: https://example.com/logo.png")
	hs.keys("ctrl+s")
	o := hs.src.find("o1")
	if o.Status != api.OrderDelivered || !strings.Contains(o.Deliverables, "logo.png") {
		t.Fatalf("not delivered: %s %q", o.Status, o.Deliverables)
	}
	if hs.m.comp.IsOpen() {
		t.Error("the composer stays open after delivering")
	}
	view := ansi.Strip(hs.m.View())
	if !strings.Contains(view, "https://example.com/logo.png") || !strings.Contains(view, "delivered") {
		t.Errorf("the screen does not show the delivery:\n%s", view)
	}
	hs.keys("esc")
	if hs.m.open != nil || hs.m.selected().o.ID != "o1" {
		t.Errorf("esc came back to %v", hs.m.selected().o.ID)
	}
}

func TestBuyerActionsAndConfirmations(t *testing.T) {
	hs := newHarness(t, 80, 24, fixture())
	hs.keys("j", "enter") // o2, DELIVERED, the demo agent buys
	if hs.m.open.id != "o2" {
		t.Fatalf("opened %s", hs.m.open.id)
	}
	if s := statusText(hs.keys("s")); !strings.Contains(s, "only the seller can start") {
		t.Errorf("start as buyer: %q", s)
	}
	if s := statusText(hs.keys("x")); !strings.Contains(s, "only an order not yet delivered can be cancelled") {
		t.Errorf("cancel after delivery: %q", s)
	}
	hs.keys("D")
	if hs.m.open.act == nil || len(hs.src.actions) != 0 {
		t.Fatal("dispute must ask first, in its form")
	}
	hs.typeText("The colours are wrong")
	hs.keys("enter", "y")
	if hs.src.find("o2").Status != api.OrderDisputed {
		t.Error("not disputed")
	}
	if ms := hs.src.msgs["o2"]; len(ms) != 1 || ms[0].Content != "Disputed: The colours are wrong" {
		t.Errorf("the reason must reach the seller as a message first: %+v", ms)
	}
	hs.keys("esc")
	// o5: pending payment; declining the cancel keeps it, and says so.
	hs.m.win.Cursor = indexOf(hs.m, "o5")
	hs.keys("enter", "x")
	if s := statusText(hs.keys("n")); s != "kept: the order was not cancelled" || hs.src.find("o5").Status != api.OrderPendingPayment {
		t.Errorf("declined cancel: status %q, order %s", s, hs.src.find("o5").Status)
	}
	hs.keys("x", "y")
	if hs.src.find("o5").Status != api.OrderCancelled {
		t.Error("not cancelled")
	}
}

func indexOf(m *Model, id string) int {
	for i, e := range m.vis {
		if e.o.ID == id {
			return i
		}
	}
	return -1
}

func TestOrderMessagesSendAndFailKeepsTheText(t *testing.T) {
	hs := newHarness(t, 80, 24, fixture())
	hs.src.msgs["o1"] = []api.OrderMessage{{ID: "m0", OrderID: "o1", Sender: agent("ada_bot", "Ada Bot"), Content: "Can it be *blue*?", CreatedAt: t0.Add(-time.Hour)}}
	hs.keys("enter")
	if v := ansi.Strip(hs.m.View()); !strings.Contains(v, "Can it be blue?") || !strings.Contains(v, "Messages (1)") {
		t.Errorf("the thread is not shown:\n%s", v)
	}
	hs.keys("c")
	if !hs.m.comp.IsOpen() || hs.m.comp.Key() != "order-o1" || hs.m.comp.Limit() != api.MaxOrderMessageRunes {
		t.Fatal("c did not open the order's composer")
	}
	hs.src.sendErr = errBoom
	hs.typeText("Yes, blue.")
	hs.keys("ctrl+s")
	if hs.m.comp.Value() != "Yes, blue." || !strings.Contains(hs.m.comp.Problem(), "boom") {
		t.Errorf("a failed send: kept %q, problem %q", hs.m.comp.Value(), hs.m.comp.Problem())
	}
	hs.src.sendErr = nil
	hs.keys("ctrl+s")
	if hs.m.comp.Value() != "" || len(hs.src.msgs["o1"]) != 2 {
		t.Errorf("sent: composer %q, thread %d", hs.m.comp.Value(), len(hs.src.msgs["o1"]))
	}
	if v := ansi.Strip(hs.m.View()); !strings.Contains(v, "Yes, blue.") {
		t.Errorf("the sent message is not shown:\n%s", v)
	}
}

func TestDraftsAreKeptOnDiskByOrder(t *testing.T) {
	dir := t.TempDir()
	src := newSource(fixture()...)
	mk := func() *Model {
		m := New(Options{Source: src, Me: me, Now: func() time.Time { return t0 }, DraftDir: dir, Debounce: time.Millisecond})
		m.SetFocused(true)
		tuitest.Settle(m.Update, m.Refresh(context.Background()))
		return m
	}
	m := mk()
	tuitest.Keys(m.Update, "enter", "c")
	tuitest.TypeText(m.Update, "half a thought")
	tuitest.Keys(m.Update, "esc")
	m2 := mk()
	tuitest.Keys(m2.Update, "enter", "c")
	if m2.comp.Value() != "half a thought" {
		t.Errorf("the draft came back as %q", m2.comp.Value())
	}
}

func TestActionsOnTheListAskToOpenTheOrder(t *testing.T) {
	hs := newHarness(t, 80, 24, fixture())
	if s := statusText(hs.keys("s")); !strings.Contains(s, "open the order") {
		t.Errorf("s on the list: %q", s)
	}
	if why := hs.m.ActionDisabled("market.start"); why == "" {
		t.Error("start on the list is not disabled in the palette")
	}
}

func TestNotAvailableWithoutSource(t *testing.T) {
	m := New(Options{Now: func() time.Time { return t0 }})
	if m.PollInterval() != 0 || m.Refresh(context.Background()) != nil {
		t.Error("no source must not poll")
	}
	if !strings.Contains(m.View(), "not available") {
		t.Error("no source must say so")
	}
	_ = composer.DefaultDebounce
}

func TestTheHandleArrivingLateSetsRolesWithoutAlerts(t *testing.T) {
	src := newSource(fixture()...)
	m := New(Options{Source: src, Now: func() time.Time { return t0 }})
	m.SetFocused(true)
	tuitest.Settle(m.Update, m.Refresh(context.Background()))
	if m.Badge() != 0 {
		t.Errorf("before sign-in the badge is %d", m.Badge())
	}
	m.SetMe(me)
	if m.Badge() != 5 || m.Alerts() != 0 || m.vis[0].role != roleSeller {
		t.Errorf("after sign-in: badge %d, alerts %d", m.Badge(), m.Alerts())
	}
}

func TestAnOrderInProgressFallsDueAndNeedsYou(t *testing.T) {
	o := order("late", "Slow job", true, "ada_bot", "Ada Bot", api.OrderInProgress, 100, 71*time.Hour)
	hs := newHarness(t, 80, 24, []api.Order{o})
	if hs.m.Badge() != 0 {
		t.Fatal("not due yet")
	}
	hs.now = hs.now.Add(2 * time.Hour)
	hs.poll()
	if hs.m.Badge() != 1 || hs.m.Alerts() != 1 || hs.m.vis[0].need != "deliver (late)" {
		t.Errorf("past due: badge %d alerts %d need %q", hs.m.Badge(), hs.m.Alerts(), hs.m.vis[0].need)
	}
}

func TestAFailedActionSaysWhyAndRereadsTheList(t *testing.T) {
	hs := newHarness(t, 80, 24, fixture())
	hs.keys("enter")
	hs.src.actErr = &api.Error{StatusCode: 409, Code: "invalid_status", Message: "the order is not paid"}
	msgs := hs.keys("s")
	var st views.StatusMsg
	for _, m := range msgs {
		if s, ok := m.(views.StatusMsg); ok {
			st = s
		}
	}
	if st.Text != "couldn't start" || st.Err == nil || st.Level != views.LevelError {
		t.Errorf("status %+v", st)
	}
	if !hs.m.listAt.IsZero() {
		t.Error("the list is not read again after a refused action")
	}
	if hs.m.open.busy != "" {
		t.Error("the screen stays busy")
	}
}

func TestProfileOpensTheOtherParty(t *testing.T) {
	hs := newHarness(t, 80, 24, fixture())
	if p, ok := tuitest.Find[views.OpenProfileMsg](hs.keys("p")); !ok || p.Handle != "ada_bot" {
		t.Errorf("p on the list: %+v", p)
	}
	hs.keys("j", "enter")
	if p, ok := tuitest.Find[views.OpenProfileMsg](hs.keys("p")); !ok || p.Handle != "quill" {
		t.Errorf("p on the order: %+v", p)
	}
}

func TestHelpListsRefusedActionsWithTheReason(t *testing.T) {
	hs := newHarness(t, 80, 24, fixture())
	hs.keys("enter") // o1: paid, the demo agent sells
	var descs []string
	for _, g := range hs.m.FullHelp() {
		for _, b := range g {
			descs = append(descs, b.Help().Key+" "+b.Help().Desc)
		}
	}
	all := strings.Join(descs, "\n")
	for _, want := range []string{"d Deliver (not now: start the order first)", "a Accept (not now: only the buyer can accept)", "s start"} {
		if !strings.Contains(all, want) {
			t.Errorf("help lacks %q:\n%s", want, all)
		}
	}
}

func TestDueDatesComeFromTheServicesWhenOrdersLackThem(t *testing.T) {
	o := order("nd", "No days", true, "ada_bot", "Ada Bot", api.OrderInProgress, 100, 50*time.Hour)
	o.DeliveryDays = 0
	src := newSource(o)
	src.days = 2
	m := New(Options{Source: src, Me: me, Now: func() time.Time { return t0 }})
	m.SetFocused(true)
	tuitest.Settle(m.Update, m.Refresh(context.Background()))
	tuitest.Settle(m.Update, m.Refresh(context.Background()))
	if src.services != 1 || src.lists != 2 {
		t.Errorf("%d services and %d list reads", src.services, src.lists)
	}
	if m.Badge() != 1 || m.vis[0].need != "deliver (late)" {
		t.Errorf("2 days from 50 h ago is late: badge %d, need %q", m.Badge(), m.vis[0].need)
	}
	if v := ansi.Strip(m.View()); !strings.Contains(v, "overdue since Mar 10") {
		t.Errorf("no due date:\n%s", v)
	}
}

func TestClickSelectsThenOpens(t *testing.T) {
	hs := newHarness(t, 80, 24, fixture())
	// Row 0 is the title, 1 "Needs you", 2-3 o1, 4-5 o2.
	if _, opened := hs.m.Click(10, 4, false); opened || hs.m.selected().o.ID != "o2" {
		t.Fatalf("first click: selected %s", hs.m.selected().o.ID)
	}
	cmd, opened := hs.m.Click(10, 5, false)
	tuitest.Settle(hs.m.Update, cmd)
	if !opened || hs.m.open == nil || hs.m.open.id != "o2" {
		t.Error("a click on the selected order does not open it")
	}
	tuitest.Settle(hs.m.Update, hs.m.Wheel(2))
	if hs.m.open.off != 2 {
		t.Errorf("the wheel scrolled the order to %d", hs.m.open.off)
	}
}

func TestAManualRefreshOnAnOrderReadsTheListAndTheThread(t *testing.T) {
	hs := newHarness(t, 80, 24, fixture())
	hs.keys("enter")
	hs.src.msgs["o1"] = threadFixture()
	l, th := hs.src.lists, hs.src.threads
	hs.m.ForceRefresh()
	hs.poll()
	if hs.src.lists != l+1 || hs.src.threads != th+1 {
		t.Errorf("a manual refresh read %d lists and %d threads", hs.src.lists-l, hs.src.threads-th)
	}
	if len(hs.m.open.thread.Items) != 2 {
		t.Errorf("the thread has %d messages", len(hs.m.open.thread.Items))
	}
}

func TestAPendingOrderSaysHowToPay(t *testing.T) {
	hs := newHarness(t, 120, 40, fixture())
	hs.m.win.Cursor = indexOf(hs.m, "o5")
	hs.keys("enter")
	if v := ansi.Strip(hs.m.View()); !strings.Contains(v, "Card payment is finished in the ImagineAnything web app") ||
		!strings.Contains(v, "to be paid by card") || strings.Contains(v, "paid by CARD") {
		t.Errorf("no payment hint:\n%s", v)
	}
}
