package market

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
)

// Paying for an order the operator bought. Ordering returns either a
// Stripe client secret (a card: only the ImagineAnything web app can take
// it, and the secret is never shown) or a checkout link (Coinbase; the
// sandbox gives one for the crypto methods too). The link comes once, in
// the answer to the order, and orders do not carry it: the pane keeps it
// (Checkouts, on disk until the order is paid) and shows it on the order's screen while the order
// waits for payment, as a hyperlink, in o's list, and y copies it.

// keepPayment keeps the checkout link of the order id, if one came; the
// Cmd saves it.
func (m *Model) keepPayment(id string, p api.Payment) tea.Cmd {
	return m.checkouts.Keep(id, p.CheckoutURL)
}

// forgetPaid drops the checkout links of the orders listed as no longer
// waiting for payment; the Cmd saves what is left.
func (m *Model) forgetPaid() tea.Cmd {
	return m.checkouts.Forget(func(id string) bool {
		e := m.byID[id]
		return e != nil && e.o.Status != api.OrderPendingPayment
	})
}

// checkoutShown is the checkout link the open order's screen shows: the
// operator bought it, it waits for payment, and the link is known.
func (m *Model) checkoutShown() string {
	e := m.current()
	if m.inServices() || m.inMoney() || e == nil || !awaitsPayment(e) {
		return ""
	}
	return m.checkouts.Link(e.o.ID)
}

// awaitsPayment says e is an order the operator bought and has not paid.
func awaitsPayment(e *entry) bool {
	return e.role == roleBuyer && e.o.Status == api.OrderPendingPayment
}

// payLines are the order screen's lines on paying: the checkout link in
// full, or where a card payment is finished, or that the link is not
// known in this session.
func (m *Model) payLines(e *entry) []string {
	if !awaitsPayment(e) {
		return nil
	}
	p, lk := m.pal, m.keys.List
	lands := " The order turns paid once the payment lands."
	if u := m.checkouts.Link(e.o.ID); u != "" {
		out := []string{views.Fit(p.accent.Render("Pay at this checkout")+
			p.faint.Render(" · "+lk.Copy.Help().Key+" copies it · "+lk.Links.Help().Key+" lists it"), m.width, p.pad)}
		out = append(out, m.linkLines(u, p.accent)...)
		return append(out, m.wrapped(lands[1:])...)
	}
	if e.o.PaymentMethod == api.PaymentCard || e.o.PaymentMethod == "" {
		return m.wrapped("Card payment is finished in the ImagineAnything web app: a terminal can't take a card." + lands)
	}
	return m.wrapped("Pay at the " + methodName(e.o.PaymentMethod) + " checkout link given when the order was placed " +
		"(this session doesn't have it; the ImagineAnything web app shows the order)." + lands)
}

// wrapped lays a muted sentence over the pane's width, each line filled.
func (m *Model) wrapped(text string) []string {
	lines := views.Wrapped(m.pal.muted, text, m.width)
	for i, l := range lines {
		lines[i] = views.Fit(l, m.width, m.pal.pad)
	}
	return lines
}

// paidBy is the order's payment method as its facts say it: "to be paid"
// until it is.
func paidBy(o *api.Order) string {
	name := methodName(o.PaymentMethod)
	switch o.Status {
	case api.OrderPendingPayment:
		return "to be paid by " + name
	case api.OrderCancelled:
		return "payment by " + name
	}
	return "paid by " + name
}

// screenNext is what the order's screen says comes next: the list's
// "open the order" is moot there, where the checkout is shown below.
func (m *Model) screenNext(e *entry) string {
	switch {
	case !awaitsPayment(e) || e.o.PaymentMethod == api.PaymentCard || e.o.PaymentMethod == "":
		return m.nextOf(e)
	case m.checkouts.Link(e.o.ID) != "":
		return "pay at the checkout below"
	}
	return "pay at the checkout link you were given"
}

// payNeed is what an unpaid order asks of its buyer, where it is done.
func payNeed(o *api.Order) string {
	if o.PaymentMethod == api.PaymentCard || o.PaymentMethod == "" {
		return "pay by card in the web app"
	}
	return "pay at the checkout (open the order)"
}

// copyHelp is y as the screen shown uses it: the checkout link while an
// unpaid order shows it, else the ID.
func (m *Model) copyHelp() key.Binding {
	b := m.keys.List.Copy
	if m.checkoutShown() != "" {
		b.SetHelp(b.Help().Key, "copy checkout link")
		return b
	}
	return copyKey(b)
}
