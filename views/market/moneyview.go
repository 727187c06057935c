package market

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"imagine/api"
	"imagine/views"
)

// moneyView draws the Money section: the title with the filter, the
// totals, the payment account, then the payouts (selection in the
// gutter).
func (m *Model) moneyView() string {
	if m.money.form != nil {
		return m.walletView()
	}
	p, mo := m.pal, &m.money
	lines := append(make([]string, 0, m.height), m.moneyHeader()...)
	h := max(m.height-len(lines), 1)
	switch {
	case m.src == nil:
		lines = append(lines, p.muted.Render("The marketplace is not available."))
	case !mo.loaded && mo.err != nil:
		lines = append(lines,
			views.Truncate(p.errs.Render("couldn't load payouts: "+views.Describe(mo.err)), m.width),
			views.Truncate(p.muted.Render(m.keys.Global.Refresh.Help().Key+" retries"), m.width))
	case !mo.loaded:
		lines = append(lines, p.muted.Render("loading…"))
	case len(mo.items) == 0 && m.money.statusF != 0:
		lines = append(lines, views.Truncate(p.muted.Render("No "+strings.ToLower(m.payoutStatus())+" payouts."), m.width))
	case len(mo.items) == 0:
		lines = append(lines, views.Truncate(p.muted.Render("No payouts yet: each completed sale makes one."), m.width))
	default:
		mo.win.Fix(len(mo.items), h, payoutRowHeight)
		lines = append(lines, mo.win.Render(len(mo.items), h, m.payoutRow)...)
	}
	for len(lines) < m.height {
		lines = append(lines, "")
	}
	return views.Rows(lines, m.height)
}

// moneyBodyHeight is the room for payout rows.
func (m *Model) moneyBodyHeight() int { return max(m.height-len(m.moneyHeader()), 1) }

// filterName names the payouts filter.
func (m *Model) filterName() string {
	if st := m.payoutStatus(); st != "" {
		return strings.ToLower(st) + " payouts"
	}
	return "all payouts"
}

// moneyHeader is the title line, the totals, the payment account and
// where payouts go, the onboarding link in full, a read error, and a
// blank line above the rows.
func (m *Model) moneyHeader() []string {
	p, mk, mo := m.pal, m.keys.Market, &m.money
	t := p.title.Render("Market") + p.muted.Render(" · money · "+m.filterName())
	if mo.loading {
		t += p.faint.Render(" · loading…")
	}
	// The wallet's key is on the "Payouts to" line: the hint fits 80
	// columns beside the title.
	hint := p.faint.Render(mk.Money.Help().Key + " orders · " + mk.Status.Help().Key + " status · " +
		mk.Payout.Help().Key + " request · " + mk.Account.Help().Key + " account")
	out := []string{views.Spread(t, hint, m.width)}
	if mo.loaded {
		s := mo.summary
		sep := p.faint.Render(" · ")
		out = append(out, views.Truncate(p.muted.Render("Total ")+p.money.Render(views.Money(s.Total))+sep+
			p.muted.Render("pending ")+p.money.Render(views.Money(s.Pending))+sep+
			p.muted.Render("processing ")+p.money.Render(views.Money(s.Processing))+sep+
			p.muted.Render("paid out ")+p.money.Render(views.Money(s.Completed))+sep+
			p.muted.Render("fees ")+p.money.Render(views.Money(s.Fees)), m.width))
	}
	out = append(out, m.accountLines()...)
	if mo.err != nil && mo.loaded {
		out = append(out, views.Truncate(p.warn.Render("couldn't refresh: "+views.Describe(mo.err)+" · showing what was loaded"), m.width))
	}
	return append(out, "")
}

// accountLines say the payment account's state, where payouts go, and
// the onboarding link while onboarding is not done.
func (m *Model) accountLines() []string {
	p, mo := m.pal, &m.money
	keys := m.keys
	label := p.muted.Render("Payment account ")
	sep := p.faint.Render(" · ")
	a := mo.acct
	var out []string
	switch {
	case a == nil && mo.acctErr != nil:
		return []string{views.Truncate(label+p.warn.Render("couldn't read it: "+views.Describe(mo.acctErr)), m.width)}
	case a == nil:
		return []string{views.Truncate(label+p.faint.Render("loading…"), m.width)}
	case !a.Connected:
		out = append(out, views.Truncate(label+p.warn.Render("not set up")+sep+
			p.accent.Render(keys.Market.Account.Help().Key+" starts onboarding")+p.muted.Render(" (payouts need it)"), m.width))
	default:
		state := func(on bool, what string) string {
			if on {
				return p.ok.Render(what + " enabled")
			}
			return p.warn.Render(what + " not enabled")
		}
		l := label + state(a.ChargesEnabled, "charges") + sep + state(a.PayoutsEnabled, "payouts")
		if !a.PayoutsEnabled {
			l += sep + p.muted.Render(keys.Global.Refresh.Help().Key+" once onboarded")
		}
		out = append(out, views.Truncate(l, m.width))
	}
	to := p.muted.Render("Payouts to ")
	switch {
	case a.PreferCrypto && a.CryptoWalletAddress != "":
		to += p.text.Render("crypto wallet " + a.CryptoWalletAddress)
	case a.CryptoWalletAddress != "":
		to += p.text.Render("your payment account") + sep + p.muted.Render("crypto off, wallet "+a.CryptoWalletAddress)
	default:
		to += p.text.Render("your payment account")
	}
	out = append(out, views.Truncate(to+sep+p.faint.Render(keys.Market.Wallet.Help().Key+" crypto"), m.width))
	if mo.link != "" && !a.PayoutsEnabled {
		out = append(out, views.Truncate(p.muted.Render("Onboarding link")+sep+p.faint.Render(m.keys.List.Copy.Help().Key+" copies it"), m.width))
		out = append(out, m.linkLines(mo.link, p.accent)...)
	}
	return out
}

// linkLines lays text out over the pane's width in full (a checkout or
// onboarding URL is never cut), each URL that fits on a line an OSC 8
// hyperlink when the theme allows them. An order's checkout link
// (payment.go) and the onboarding link both go through it.
func (m *Model) linkLines(text string, st lipgloss.Style) []string {
	lines := views.Content(text, m.width, views.ContentStyles{Text: st, Hashtag: st, Mention: st, Links: m.styles.Hyperlinks})
	for i, l := range lines {
		lines[i] = views.Fit(l, m.width, m.pal.pad)
	}
	return lines
}

// payoutRow is the payout at i, the selection in the gutter:
//
//	$22.50 · pending · "Poem for a launch"
//	  fee $2.50 · made 2d ago · → P requests it
func (m *Model) payoutRow(i int, sel bool) []string {
	p, w := m.pal, m.width-views.GutterWidth
	po := &m.money.items[i]
	sep := p.faint.Render(" · ")
	status, st := payoutLabel(po.Status), p.muted
	switch po.Status {
	case api.PayoutPending:
		st = p.accent
	case api.PayoutCompleted:
		st = p.ok
	}
	head := p.money.Render(views.Money(po.Amount)) + sep + st.Render(status) + sep
	room := max(w-ansi.StringWidth(head), 6)
	first := views.Fit(head+p.pad.Render(views.Truncate(m.payoutTitle(po), room)), w, p.pad)
	var parts []string
	if po.Fee > 0 {
		parts = append(parts, p.muted.Render("fee "+views.Money(po.Fee)))
	}
	if a := views.Ago(m.shown, po.CreatedAt); a != "" {
		parts = append(parts, p.time.Render("made "+a))
	}
	switch po.Status {
	case api.PayoutPending:
		parts = append(parts, p.accent.Render("→ "+m.keys.Market.Payout.Help().Key+" requests it"))
	case api.PayoutProcessing:
		parts = append(parts, p.muted.Render("→ on its way"))
	case api.PayoutCompleted:
		if po.CompletedAt != nil {
			parts = append(parts, p.time.Render("paid "+po.CompletedAt.Format("Jan 2")))
		}
	}
	second := views.Fit(p.pad.Render("  ")+strings.Join(parts, sep), w, p.pad)
	return m.gut.Mark([]string{first, second}, sel)
}

// payoutLabel is a payout status as the rows say it.
func payoutLabel(s string) string {
	switch s {
	case api.PayoutCompleted:
		return "paid out"
	case "":
		return "?"
	}
	return strings.ToLower(s)
}
