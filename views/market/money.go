package market

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
)

// The Money section: the seller's payouts (one per completed sale, the
// platform's fee kept) with a status filter and the totals the server
// sums, requesting a pending payout, and the payment account (Stripe
// Connect): whether charges and payouts are enabled, the onboarding link,
// and the crypto payout preference with its wallet (wallet.go).
//
// It reads only when asked: on the switch to it and on a manual refresh,
// never on a timer, so the idle client's GET budget stays the orders'
// (cli.TestIdleClientStaysUnderTheGETBudget has little room). Onboarding
// finishes in a browser, out of the client's sight: the section says to
// refresh once it is done.

const (
	// payoutsPage is how many payouts a read asks for.
	payoutsPage = 20
	// onboardingRequired is the server's code for a payout asked before
	// the payment account is enabled.
	onboardingRequired = "onboarding_required"
)

// money is the Money section's state.
type money struct {
	items   []api.Payout
	summary api.PayoutSummary
	next    string
	more    bool
	loaded  bool
	loading bool
	err     error
	// gen numbers the list's query (the filter): an answer to an older
	// one is dropped.
	gen     int
	statusF int // 0 all, else api.PayoutStatuses[statusF-1]
	win     views.Window

	acct    *api.ConnectStatus // nil until read
	acctErr error
	// link is the onboarding link the last setup returned, shown in full.
	link string
	// busy says what is on its way ("requesting the payout"…), "" for
	// nothing.
	busy string
	form *walletForm
}

// payoutsMsg is a payouts read.
type payoutsMsg struct {
	gen    int
	cursor string
	page   *api.PayoutPage
	err    error
}

// Err lets the root classify a failed read.
func (m payoutsMsg) Err() error { return m.err }

// accountMsg is the payment account, read or set up. opened says the
// operator asked for onboarding (A): its link is opened, not only shown.
// seq is the wallet form that sent it, 0 for none.
type accountMsg struct {
	acct   *api.ConnectStatus
	err    error
	opened bool
	seq    int
}

// payoutRequestedMsg answers a payout request.
type payoutRequestedMsg struct {
	id     string
	payout *api.Payout
	err    error
}

// inMoney says the Money section is shown.
func (m *Model) inMoney() bool { return m.section == sectionMoney }

// toggleMoney switches to Money, reading it, or back to the orders.
func (m *Model) toggleMoney() tea.Cmd { return m.toggleSection(sectionMoney, m.readMoney) }

// readMoney reads the first page of payouts and the payment account.
func (m *Model) readMoney() tea.Cmd {
	m.money.gen++
	return tea.Batch(m.readPayouts(""), m.readAccount())
}

// payoutStatus is the status filter as the API takes it ("" for all).
func (m *Model) payoutStatus() string {
	if m.money.statusF == 0 {
		return ""
	}
	return api.PayoutStatuses[m.money.statusF-1]
}

// readPayouts reads a page of payouts (cursor "" for the first).
func (m *Model) readPayouts(cursor string) tea.Cmd {
	if m.src == nil {
		return nil
	}
	mo := &m.money
	mo.loading = true
	ctx, src, gen, st := api.Background(m.ctx), m.src, mo.gen, m.payoutStatus()
	return func() tea.Msg {
		page, err := src.Payouts(ctx, st, &api.ListOptions{Limit: payoutsPage, Cursor: cursor})
		return payoutsMsg{gen: gen, cursor: cursor, page: page, err: err}
	}
}

// gotPayouts applies a payouts read.
func (m *Model) gotPayouts(msg payoutsMsg) {
	mo := &m.money
	if msg.gen != mo.gen {
		return // the filter changed since
	}
	mo.loading = false
	mo.err = msg.err
	if msg.err != nil || msg.page == nil {
		return
	}
	if msg.cursor == "" {
		mo.items = mo.items[:0:0]
	}
	mo.items = appendNew(mo.items, msg.page.Items, func(p *api.Payout) string { return p.ID })
	mo.summary = msg.page.Summary
	mo.next, mo.more, mo.loaded = msg.page.NextCursor, msg.page.HasMore && msg.page.NextCursor != "", true
	mo.win.Fix(len(mo.items), m.moneyBodyHeight(), payoutRowHeight)
}

// morePayouts reads the next page when the cursor nears the end.
func (m *Model) morePayouts() tea.Cmd {
	mo := &m.money
	if !mo.more || mo.loading || mo.win.Cursor < len(mo.items)-pageAhead {
		return nil
	}
	return m.readPayouts(mo.next)
}

// readAccount reads the payment account (one GET).
func (m *Model) readAccount() tea.Cmd {
	if m.src == nil {
		return nil
	}
	ctx, src := api.Background(m.ctx), m.src
	return func() tea.Msg {
		cs, err := src.Connect(ctx)
		return accountMsg{acct: cs, err: err}
	}
}

// gotAccount applies the payment account; a setup's answer also hands
// the wallet form its outcome.
func (m *Model) gotAccount(msg accountMsg) tea.Cmd {
	mo := &m.money
	if msg.seq != 0 {
		return m.walletSaved(msg)
	}
	if msg.opened {
		mo.busy = ""
	}
	if msg.err != nil {
		mo.acctErr = msg.err
		if msg.opened {
			return views.Failed("couldn't set up the payment account", msg.err)
		}
		return nil
	}
	m.setAccount(msg.acct)
	if !msg.opened {
		return nil
	}
	if mo.link == "" {
		return views.Status(views.LevelWarn, "the server returned no onboarding link")
	}
	// The checkout's path (orderform.go, ordered): the root opens it with
	// the system's opener when the terminal is local, else shows it in
	// the status line; y copies it (moneyKey).
	u := mo.link
	return func() tea.Msg { return views.OpenURLMsg{URL: u} }
}

// setAccount keeps an account the server returned, and its link.
func (m *Model) setAccount(cs *api.ConnectStatus) {
	if cs == nil {
		return
	}
	mo := &m.money
	mo.acct, mo.acctErr = cs, nil
	if cs.OnboardingURL != "" {
		mo.link = cs.OnboardingURL
	}
	if cs.PayoutsEnabled {
		mo.link = "" // onboarding is done: the old link leads nowhere useful
	}
}

// startOnboarding asks for the payment account's onboarding link (it
// creates the account the first time).
func (m *Model) startOnboarding() tea.Cmd {
	mo := &m.money
	if m.src == nil {
		return views.Status(views.LevelWarn, "the marketplace is not available")
	}
	if a := mo.acct; a != nil && a.ChargesEnabled && a.PayoutsEnabled {
		return views.Status(views.LevelInfo, "your payment account is set up: charges and payouts are enabled")
	}
	if mo.busy != "" {
		return views.Status(views.LevelInfo, "wait: "+mo.busy)
	}
	mo.busy = "asking for the onboarding link"
	ctx, src := api.Background(m.ctx), m.src
	return func() tea.Msg {
		cs, err := src.StartConnect(ctx, false, "")
		return accountMsg{acct: cs, err: err, opened: true}
	}
}

// selectedPayout is the payout under the cursor.
func (m *Model) selectedPayout() *api.Payout {
	mo := &m.money
	if len(mo.items) == 0 {
		return nil
	}
	return &mo.items[min(mo.win.Cursor, len(mo.items)-1)]
}

// payoutRefusal says why p cannot be requested now, "" when it can.
func payoutRefusal(p *api.Payout) string {
	if p == nil {
		return "no payout selected"
	}
	if p.Status != api.PayoutPending {
		return "this payout is already " + strings.ToLower(p.Status) + ": only a pending one can be requested"
	}
	return ""
}

// requestPayout asks before requesting the selected payout.
func (m *Model) requestPayout() tea.Cmd {
	p := m.selectedPayout()
	if why := payoutRefusal(p); why != "" {
		return views.Status(views.LevelWarn, why)
	}
	mo := &m.money
	if mo.busy != "" {
		return views.Status(views.LevelInfo, "wait: "+mo.busy)
	}
	if a := mo.acct; a == nil || !a.PayoutsEnabled {
		// Asked before onboarding, the server would refuse it: the
		// account is read first (it may have been finished in the
		// browser since), and a refusal said before the confirmation
		// rather than after it.
		mo.busy = "checking your payment account"
		ctx, src, id := api.Background(m.ctx), m.src, p.ID
		return func() tea.Msg {
			cs, err := src.Connect(ctx)
			return payoutCheckMsg{id: id, acct: cs, err: err}
		}
	}
	return m.confirmPayout(p)
}

// payoutCheckMsg is the payment account read before a payout request.
type payoutCheckMsg struct {
	id   string
	acct *api.ConnectStatus
	err  error
}

// payoutChecked asks to confirm the payout once the account allows it;
// an account that could not be read leaves it to the server.
func (m *Model) payoutChecked(msg payoutCheckMsg) tea.Cmd {
	mo := &m.money
	mo.busy = ""
	if msg.err == nil && msg.acct != nil {
		m.setAccount(msg.acct)
		if !msg.acct.PayoutsEnabled {
			return views.Status(views.LevelWarn, m.onboardingFirst())
		}
	}
	for i := range mo.items {
		if mo.items[i].ID == msg.id && payoutRefusal(&mo.items[i]) == "" {
			return m.confirmPayout(&mo.items[i])
		}
	}
	return nil
}

// confirmPayout asks before requesting p.
func (m *Model) confirmPayout(p *api.Payout) tea.Cmd {
	mo := &m.money
	to := "your payment account"
	if a := mo.acct; a != nil && a.PreferCrypto && a.CryptoWalletAddress != "" {
		to = "your crypto wallet " + a.CryptoWalletAddress
	}
	ctx, src, id := api.Background(m.ctx), m.src, p.ID
	send := func() tea.Msg {
		got, err := src.RequestPayout(ctx, id)
		return payoutRequestedMsg{id: id, payout: got, err: err}
	}
	return views.Confirm("Request this payout?",
		views.Money(p.Amount)+" for "+m.payoutTitle(p)+" is paid to "+to+".", send)
}

// payoutRequested applies a payout request's answer: the row turns
// processing and the totals are read again; a refusal says why, and the
// account is read again when it was the onboarding.
func (m *Model) payoutRequested(msg payoutRequestedMsg) tea.Cmd {
	mo := &m.money
	if msg.err != nil {
		var ae *api.Error
		switch {
		case errors.As(msg.err, &ae) && ae.Code == onboardingRequired:
			return tea.Batch(views.Status(views.LevelWarn, m.onboardingFirst()), m.readAccount())
		case errors.Is(msg.err, api.ErrConflict):
			return tea.Batch(views.Status(views.LevelWarn, "can't request the payout: "+views.Describe(msg.err)), m.reloadPayouts())
		}
		return views.Failed("couldn't request the payout", msg.err)
	}
	amount := ""
	for i := range mo.items {
		if mo.items[i].ID == msg.id {
			if msg.payout != nil && msg.payout.Status != "" {
				mo.items[i].Status = msg.payout.Status
			} else {
				mo.items[i].Status = api.PayoutProcessing
			}
			amount = views.Money(mo.items[i].Amount) + " "
		}
	}
	return tea.Batch(views.Status(views.LevelInfo, "Payout requested: "+amount+"is on its way"), m.reloadPayouts())
}

// onboardingFirst says a payout waits for the payment account's
// onboarding, and the keys that finish it: short enough for the status
// line at 80 columns, after the handle and the connection state.
func (m *Model) onboardingFirst() string {
	return "payouts need onboarding: " + m.keys.Market.Account.Help().Key + " gets the link, " +
		m.keys.Global.Refresh.Help().Key + " checks again"
}

// reloadPayouts reads the first page again (the totals move with it).
func (m *Model) reloadPayouts() tea.Cmd {
	m.money.gen++
	return m.readPayouts("")
}

// payoutTitle names the order a payout is for, from the orders the pane
// holds.
func (m *Model) payoutTitle(p *api.Payout) string {
	if e := m.byID[p.OrderID]; e != nil {
		return "\"" + views.NormalizeEmojiWidth(title(&e.o)) + "\""
	}
	if p.OrderID == "" {
		return "an order"
	}
	return "order " + p.OrderID
}

// moneyKey handles a key on the Money section.
func (m *Model) moneyKey(msg tea.KeyPressMsg) tea.Cmd {
	mo := &m.money
	lk, mk := m.keys.List, m.keys.Market
	switch {
	case mo.win.Navigate(msg, lk, len(mo.items), m.moneyBodyHeight(), payoutRowHeight):
		return m.morePayouts()
	case key.Matches(msg, mk.Money):
		return m.toggleMoney()
	case key.Matches(msg, mk.Section):
		return m.switchSection()
	case key.Matches(msg, mk.Status):
		mo.statusF = (mo.statusF + 1) % (len(api.PayoutStatuses) + 1)
		mo.win.Home()
		return m.reloadPayouts()
	case key.Matches(msg, mk.Payout):
		return m.requestPayout()
	case key.Matches(msg, mk.Account):
		return m.startOnboarding()
	case key.Matches(msg, mk.Wallet):
		return m.openWallet()
	case key.Matches(msg, lk.Copy):
		if mo.link == "" {
			return views.Status(views.LevelInfo, "no onboarding link to copy: "+mk.Account.Help().Key+" gets one")
		}
		return views.Copy(mo.link)
	case key.Matches(msg, lk.Back):
		return m.toggleMoney()
	}
	return nil
}

// moneyDisabled says why an action cannot run on the Money section;
// handled is false for the actions it does not judge.
func (m *Model) moneyDisabled(id string) (why string, handled bool) {
	switch id {
	case "market.money", "market.section":
		return "", true
	case "market.payout":
		if !m.inMoney() {
			return "open Money first (" + m.keys.Market.Money.Help().Key + ")", true
		}
		return payoutRefusal(m.selectedPayout()), true
	case "market.account", "market.wallet":
		if !m.inMoney() {
			return "open Money first (" + m.keys.Market.Money.Help().Key + ")", true
		}
		return "", true
	case "market.status":
		if m.inMoney() {
			return "", true
		}
		return "", false
	}
	if m.inMoney() {
		return "not on the money screen", true
	}
	return "", false
}

// payoutRowHeight is a payout row's height.
func payoutRowHeight(int) int { return 2 }
