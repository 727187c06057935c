package market

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"imagine/api"
	"imagine/internal/tuitest"
	"imagine/theme"
	"imagine/views"
)

const wallet = "0x52908400098527886E0F7030069857D2E4169EE7"

// moneyHarness is the fixture's orders with payouts in every state, on
// Money.
func moneyHarness(t *testing.T, w, h int) *harness {
	t.Helper()
	hs := newHarness(t, w, h, fixture())
	hs.src.money.payouts = payoutFixture()
	hs.keys("M")
	return hs
}

// confirm runs the Yes of the confirmation among msgs, failing when
// there is none.
func (hs *harness) confirm(msgs []tea.Msg) []tea.Msg {
	hs.t.Helper()
	c, ok := tuitest.Find[views.ConfirmMsg](msgs)
	if !ok {
		hs.t.Fatalf("no confirmation asked: %v", msgs)
	}
	return tuitest.Settle(hs.m.Update, c.Yes)
}

func TestMoneyShowsThePayoutsAndTheTotals(t *testing.T) {
	hs := moneyHarness(t, 100, 30)
	mo := &hs.src.money
	if len(mo.payoutReads) != 1 || mo.payoutReads[0] != "" || mo.accountReads != 1 {
		t.Fatalf("opening Money reads the payouts and the account once: %q, %d", mo.payoutReads, mo.accountReads)
	}
	v := ansi.Strip(hs.m.View())
	for _, want := range []string{
		"Market · money · all payouts",
		"Total $65.70 · pending $13.50 · processing $45.00 · paid out $7.20 · fees $7.30",
		"Payment account not set up · A starts onboarding",
		`$13.50 · pending · "Poem for a launch"`, "fee $1.50 · made 1d · → P requests it",
		"$45.00 · processing · order zz", "→ on its way",
		`$7.20 · paid out · "Translation FR"`, "paid Mar 9",
	} {
		if !strings.Contains(v, want) {
			t.Errorf("%q is not on screen:\n%s", want, v)
		}
	}
	if !strings.HasPrefix(strings.Split(tuitest.Marked(hs.m.View()), "\n")[len(hs.m.moneyHeader())], "▌") {
		t.Errorf("the first payout must be selected in the gutter:\n%s", v)
	}
	// A poll reads the orders only: Money is read on the switch and on r.
	hs.poll()
	if len(mo.payoutReads) != 1 || mo.accountReads != 1 {
		t.Errorf("a poll read Money: %q, %d", mo.payoutReads, mo.accountReads)
	}
	hs.m.ForceRefresh()
	hs.poll()
	if len(mo.payoutReads) != 2 || mo.accountReads != 2 {
		t.Errorf("r must read Money again: %q, %d", mo.payoutReads, mo.accountReads)
	}
	// M again goes back to the orders.
	hs.keys("M")
	if v := ansi.Strip(hs.m.View()); !strings.Contains(v, "Market · orders") {
		t.Errorf("M must go back to the orders:\n%s", v)
	}
}

func TestMoneyStatusFilter(t *testing.T) {
	hs := moneyHarness(t, 100, 30)
	hs.keys("f")
	v := ansi.Strip(hs.m.View())
	if got := hs.src.money.payoutReads; got[len(got)-1] != api.PayoutPending {
		t.Errorf("the filter is read on the server: %q", got)
	}
	if !strings.Contains(v, "money · pending payouts") || !strings.Contains(v, "$13.50 · pending") || strings.Contains(v, "$45.00 · processing") {
		t.Errorf("pending only:\n%s", v)
	}
	// The totals stay every payout's.
	if !strings.Contains(v, "Total $65.70") {
		t.Errorf("the totals must not follow the filter:\n%s", v)
	}
	hs.keys("f", "f")
	if v := ansi.Strip(hs.m.View()); !strings.Contains(v, "paid out · \"Translation FR\"") || strings.Contains(v, "$13.50 · pending") {
		t.Errorf("completed only:\n%s", v)
	}
	hs.keys("f")
	if got := hs.src.money.payoutReads; got[len(got)-1] != "" || len(hs.m.money.items) != 3 {
		t.Errorf("back to all: %q, %d", got, len(hs.m.money.items))
	}
}

func TestMoneyPagesWithTheCursor(t *testing.T) {
	hs := newHarness(t, 100, 30, fixture())
	for i := range 45 {
		hs.src.money.payouts = append(hs.src.money.payouts, api.Payout{ID: fmt.Sprintf("p%02d", i), OrderID: "o6", Amount: 100 + i,
			Status: api.PayoutCompleted, CreatedAt: t0.Add(-time.Duration(i) * time.Hour)})
	}
	hs.keys("M")
	if len(hs.m.money.items) != payoutsPage {
		t.Fatalf("first page: %d", len(hs.m.money.items))
	}
	hs.keys("G")
	hs.keys("G")
	if len(hs.m.money.items) != 45 || len(hs.src.money.payoutReads) != 3 {
		t.Errorf("the end of the list reads the next pages: %d payouts, reads %q", len(hs.m.money.items), hs.src.money.payoutReads)
	}
}

func TestRequestAPayoutNeedsOnboardingThenGoes(t *testing.T) {
	hs := moneyHarness(t, 100, 30)
	mo := &hs.src.money
	// A payout on its way cannot be requested: said, nothing asked.
	hs.keys("j")
	if msgs := hs.keys("P"); !strings.Contains(statusText(msgs), "already processing") || len(mo.requested) != 0 {
		t.Errorf("a processing payout: %q", statusText(msgs))
	}
	if why := hs.m.ActionDisabled("market.payout"); !strings.Contains(why, "already processing") {
		t.Errorf("the palette must say why: %q", why)
	}
	hs.keys("k")
	// Before onboarding (the account says so): said at once, in a line
	// that fits 80 columns, and neither confirmed nor sent.
	msgs := hs.keys("P")
	s := statusText(msgs)
	if _, asked := tuitest.Find[views.ConfirmMsg](msgs); asked || len(mo.requested) != 0 ||
		s != "payouts need onboarding: A gets the link, r checks again" {
		t.Errorf("P before onboarding: asked %v, sent %q, status %q", asked, mo.requested, s)
	}
	// The status line shows it after " @demo_agent  ● live  " (22
	// columns): at 80 columns, 58 are left.
	if w := ansi.StringWidth(s); w > 58 {
		t.Errorf("the status is %d columns: cut at 80", w)
	}
	// With the account thought ready (read before onboarding was undone,
	// say), the server's refusal says the same, and the account is read
	// again.
	hs.m.money.acct = &api.ConnectStatus{Connected: true, ChargesEnabled: true, PayoutsEnabled: true}
	reads := mo.accountReads
	s = statusText(hs.confirm(hs.keys("P")))
	if len(mo.requested) != 1 || s != "payouts need onboarding: A gets the link, r checks again" {
		t.Errorf("refused before onboarding: %q %q", s, mo.requested)
	}
	if mo.accountReads != reads+1 {
		t.Errorf("a refusal for the onboarding reads the account again")
	}
	if hs.m.money.acct.PayoutsEnabled {
		t.Errorf("the account read after the refusal must replace the stale one")
	}
	// A asks for the link: shown in full, and opened through the root.
	msgs = hs.keys("A")
	open, ok := tuitest.Find[views.OpenURLMsg](msgs)
	if !ok || open.URL != "https://connect.example.com/onboarding/acct_1" || mo.connects[0] != "false " {
		t.Fatalf("onboarding: %+v %v %q", open, ok, mo.connects)
	}
	if s := statusText(hs.keys("y")); !strings.Contains(s, "copied https://connect.example.com/onboarding/acct_1") {
		t.Errorf("y copies the link: %q", s)
	}
	v := ansi.Strip(hs.m.View())
	if !strings.Contains(v, "charges not enabled · payouts not enabled · r once onboarded") ||
		!strings.Contains(v, "https://connect.example.com/onboarding/acct_1") {
		t.Errorf("the account and its link:\n%s", v)
	}
	// Onboarding finishes out of sight; r reads it.
	mo.enable()
	hs.m.ForceRefresh()
	hs.poll()
	v = ansi.Strip(hs.m.View())
	if !strings.Contains(v, "charges enabled · payouts enabled") || strings.Contains(v, "acct_1") {
		t.Errorf("after onboarding:\n%s", v)
	}
	if s := statusText(hs.keys("A")); !strings.Contains(s, "set up") || len(mo.connects) != 1 {
		t.Errorf("A once set up: %q %q", s, mo.connects)
	}
	before := len(mo.payoutReads)
	s = statusText(hs.confirm(hs.keys("P")))
	if !strings.Contains(s, "Payout requested: $13.50 is on its way") {
		t.Errorf("requested: %q", s)
	}
	if len(mo.payoutReads) != before+1 {
		t.Errorf("the totals are read again after a request")
	}
	v = ansi.Strip(hs.m.View())
	if !strings.Contains(v, `$13.50 · processing · "Poem for a launch"`) || !strings.Contains(v, "processing $58.50") {
		t.Errorf("the payout and the totals after the request:\n%s", v)
	}
}

func TestWalletFormChecksTheAddressBeforeSending(t *testing.T) {
	hs := moneyHarness(t, 100, 30)
	mo := &hs.src.money
	hs.keys("W")
	if !hs.m.CapturesInput() {
		t.Fatal("the wallet form must take the keys")
	}
	hs.keys("left", "enter") // crypto: yes
	hs.typeText("0x123")
	if v := ansi.Strip(hs.m.View()); !strings.Contains(v, "✗ 5 of 42 characters") {
		t.Errorf("no live check:\n%s", v)
	}
	hs.keys("enter")
	v := ansi.Strip(hs.m.View())
	if len(mo.connects) != 0 || !strings.Contains(v, "Wallet address — must be 0x followed by 40 hex digits") || !strings.Contains(v, "0x123") {
		t.Fatalf("a malformed wallet must be refused beside the field, kept, unsent:\n%s", v)
	}
	hs.keys("ctrl+u")
	if v := ansi.Strip(hs.m.View()); len(mo.connects) != 0 || !strings.Contains(v, "empty for none") {
		t.Fatalf("the field is cleared:\n%s", v)
	}
	hs.keys("enter")
	if v := ansi.Strip(hs.m.View()); len(mo.connects) != 0 || !strings.Contains(v, "crypto payouts need a wallet address") {
		t.Errorf("crypto without a wallet:\n%s", v)
	}
	hs.typeText(wallet)
	if v := ansi.Strip(hs.m.View()); !strings.Contains(v, "✓ a well-formed address") {
		t.Errorf("no live check:\n%s", v)
	}
	s := statusText(hs.keys("enter"))
	if len(mo.connects) != 1 || mo.connects[0] != "true "+wallet || !strings.Contains(s, "Saved: payouts go to "+wallet) {
		t.Fatalf("sent %q, said %q", mo.connects, s)
	}
	if hs.m.money.form != nil {
		t.Error("the form must close once saved")
	}
	if v := ansi.Strip(hs.m.View()); !strings.Contains(v, "Payouts to crypto wallet "+wallet) {
		t.Errorf("where payouts go:\n%s", v)
	}
	// Crypto off, the wallet kept: the form opens on the saved values.
	hs.keys("W", "right", "enter", "enter")
	if len(mo.connects) != 2 || mo.connects[1] != "false "+wallet || mo.acct.PreferCrypto {
		t.Errorf("crypto off: %q", mo.connects)
	}
	if v := ansi.Strip(hs.m.View()); !strings.Contains(v, "Payouts to your payment account · crypto off, wallet "+wallet) {
		t.Errorf("crypto off:\n%s", v)
	}
}

func TestTheOnboardingLinkIsAHyperlinkWhereAllowed(t *testing.T) {
	hs := moneyHarness(t, 100, 30)
	hs.keys("A")
	st := theme.New(true, false)
	st.Hyperlinks = true
	hs.m.SetStyles(st)
	raw := hs.m.View()
	if !strings.Contains(raw, ansi.SetHyperlink("https://connect.example.com/onboarding/acct_1")) {
		t.Errorf("no OSC 8 link:\n%q", raw)
	}
	st = theme.New(true, false)
	hs.m.SetStyles(st)
	if raw := hs.m.View(); strings.Contains(raw, "\x1b]8;") || !strings.Contains(raw, "acct_1") {
		t.Errorf("a link without hyperlinks must be plain text in full")
	}
}

func TestMoneyActionsSayWhyInThePalette(t *testing.T) {
	hs := newHarness(t, 100, 30, fixture())
	if why := hs.m.ActionDisabled("market.wallet"); !strings.Contains(why, "open Money first (M)") {
		t.Errorf("wallet on the orders: %q", why)
	}
	hs.src.money.payouts = payoutFixture()
	hs.keys("M")
	for id, want := range map[string]string{"market.payout": "", "market.account": "", "market.wallet": "", "market.money": "",
		"market.start": "not on the money screen", "market.buy": "not on the money screen"} {
		if got := hs.m.ActionDisabled(id); got != want {
			t.Errorf("%s: %q, want %q", id, got, want)
		}
	}
}

func TestGoldenMoney(t *testing.T) {
	each(t, func(t *testing.T, w, h int) {
		hs := moneyHarness(t, w, h)
		hs.keys("A", "j")
		view := hs.m.View()
		tuitest.CheckFrame(t, view, w, h)
		checkOnlySGR(t, view)
		golden.RequireEqual(t, []byte(ansi.Strip(view)))
	})
}

func TestGoldenWalletForm(t *testing.T) {
	each(t, func(t *testing.T, w, h int) {
		hs := moneyHarness(t, w, h)
		hs.keys("W", "left", "enter")
		hs.typeText("0xZZ")
		hs.keys("enter")
		view := hs.m.View()
		tuitest.CheckFrame(t, view, w, h)
		checkOnlySGR(t, view)
		golden.RequireEqual(t, []byte(ansi.Strip(view)))
	})
}

func TestClickSelectsAPayout(t *testing.T) {
	hs := moneyHarness(t, 100, 30)
	top := len(hs.m.moneyHeader())
	cmd, opened := hs.m.Click(5, top+4, false) // the third payout's first line
	tuitest.Settle(hs.m.Update, cmd)
	if opened || hs.m.money.win.Cursor != 2 {
		t.Errorf("a click selects the payout under it: cursor %d, opened %v", hs.m.money.win.Cursor, opened)
	}
	if hs.m.selected() != nil && hs.m.win.Cursor != 0 {
		t.Errorf("a click on Money must not move the orders' cursor")
	}
}

// TestAManualRefreshIsOnePollMessage: the root runs a poll's Cmd and hands
// its one message to the pane (ui/poll.go fetch), so what a manual refresh
// reads besides the orders must follow from that message, not ride in a
// batch the root would drop.
func TestAManualRefreshIsOnePollMessage(t *testing.T) {
	for _, section := range []string{"M", "S"} {
		hs := moneyHarness(t, 100, 30)
		if section == "S" {
			hs.keys("S")
		}
		mo := &hs.src.money
		reads, svcReads := len(mo.payoutReads), hs.src.services
		hs.m.ForceRefresh()
		msg := hs.m.Refresh(t.Context())()
		if _, ok := msg.(listMsg); !ok {
			t.Fatalf("%s: a poll answers %T, not the list", section, msg)
		}
		tuitest.Settle(hs.m.Update, func() tea.Msg { return msg })
		if section == "M" && (len(mo.payoutReads) != reads+1 || mo.accountReads != 2) {
			t.Errorf("r on Money must read it again: %q %d", mo.payoutReads, mo.accountReads)
		}
		if section == "S" && hs.src.services == svcReads {
			t.Errorf("r on the services must read them again")
		}
	}
}

func TestWalletServerRefusalIsShownBesideTheField(t *testing.T) {
	hs := moneyHarness(t, 100, 30)
	hs.src.money.connectErr = &api.Error{StatusCode: 400, Code: invalidWallet, Message: "this wallet cannot receive USDC"}
	hs.keys("W", "left", "enter")
	hs.typeText(wallet)
	hs.keys("enter")
	v := ansi.Strip(hs.m.View())
	if hs.m.money.form == nil || !strings.Contains(v, "Wallet address — this wallet cannot receive USDC") || !strings.Contains(v, wallet) {
		t.Errorf("the server's refusal must be beside the field, the address kept:\n%s", v)
	}
	// Another refusal goes on the form's title.
	hs.src.money.connectErr = errBoom
	hs.keys("enter")
	if v := ansi.Strip(hs.m.View()); !strings.Contains(v, "Crypto payouts — boom") || !strings.Contains(v, wallet) {
		t.Errorf("a failure must be said on the form, the values kept:\n%s", v)
	}
}

func TestAPayoutTheServerMovedOnIsExplainedAndReread(t *testing.T) {
	hs := moneyHarness(t, 100, 30)
	mo := &hs.src.money
	mo.enable()
	mo.payouts[0].Status = api.PayoutProcessing // requested elsewhere; the pane still shows it pending
	reads := len(mo.payoutReads)
	s := statusText(hs.confirm(hs.keys("P")))
	if !strings.Contains(s, "can't request the payout: This payout is already PROCESSING") || len(mo.payoutReads) != reads+1 {
		t.Errorf("a 409: %q, reads %q", s, mo.payoutReads)
	}
	if v := ansi.Strip(hs.m.View()); !strings.Contains(v, `$13.50 · processing · "Poem for a launch"`) {
		t.Errorf("the list is read again:\n%s", v)
	}
}

// TestMoneyIsReachedFromEveryMarketScreen: M is offered everywhere in
// the pane (the palette says so), so it works on every screen, and M
// again comes back to the orders as they were left.
func TestMoneyIsReachedFromEveryMarketScreen(t *testing.T) {
	hs := servicesHarness(t, 100, 30)
	hs.keys("S", "M")
	if !hs.m.inMoney() {
		t.Error("M on the services list")
	}
	hs.keys("S", "enter", "M")
	if !hs.m.inMoney() {
		t.Error("M on a service's screen")
	}
	hs.keys("M", "enter")
	if hs.m.open == nil {
		t.Fatal("no order open")
	}
	hs.keys("M")
	if !hs.m.inMoney() {
		t.Error("M on an order's screen")
	}
	hs.keys("M")
	if hs.m.inMoney() || hs.m.open == nil {
		t.Error("M again comes back to the open order")
	}
}

// TestUBringsTheOrdersBackFromServicesAndMoney: u (the root's jump to what
// needs you) on the Market shows the orders, what needs you on top, from
// whichever section was showing.
func TestUBringsTheOrdersBackFromServicesAndMoney(t *testing.T) {
	for _, section := range []string{"S", "M"} {
		hs := servicesHarness(t, 100, 30)
		hs.keys(section)
		if hs.m.section == sectionOrders {
			t.Fatalf("%s did not leave the orders", section)
		}
		tuitest.Settle(hs.m.Update, hs.m.JumpToUnread())
		if hs.m.section != sectionOrders || !strings.Contains(ansi.Strip(hs.m.View()), "Market · orders") {
			t.Errorf("after %s, u shows:\n%s", section, ansi.Strip(hs.m.View()))
		}
	}
}
