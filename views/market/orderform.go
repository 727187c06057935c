package market

import (
	"errors"
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"imagine/api"
	"imagine/views"
)

// Ordering a service (B): a huh form with the requirements and the
// payment method, chosen from the documented four (a typed method could
// be mistyped and then sent as requirements). The order is confirmed,
// then placed; until it is, what was typed is kept (drafts.go): a refusal
// reopens the form with it, esc or a declined confirmation leave it for
// B to bring back.

// orderForm is the open order form.
type orderForm struct {
	paneForm
	serviceID, title string
	price            int
	d                *orderDraft
}

// orderDraft is the order form's values; huh writes into it.
type orderDraft struct {
	req, method string
}

// typed says the draft holds something the operator chose or wrote.
func (d *orderDraft) typed() bool {
	return strings.TrimSpace(d.req) != "" || d.method != api.PaymentCard
}

// orderFields are the form's fields in order, as api.FieldError names
// them.
var orderFields = []string{"requirements", "paymentMethod"}

// paymentOptions are the payment methods as the form offers them, with
// what paying by each involves.
func paymentOptions() []huh.Option[string] {
	out := make([]huh.Option[string], 0, len(api.PaymentMethods))
	for _, pm := range api.PaymentMethods {
		out = append(out, huh.NewOption(methodName(pm)+" · "+howToPay(pm), pm))
	}
	return out
}

// methodName is a payment method as a sentence says it.
func methodName(pm string) string {
	switch pm {
	case api.PaymentCard:
		return "card"
	case api.PaymentCryptoUSDC:
		return "USDC"
	case api.PaymentCryptoUSDP:
		return "USDP"
	case api.PaymentCoinbase:
		return "Coinbase"
	}
	return pm
}

// howToPay is where paying by pm is finished.
func howToPay(pm string) string {
	if pm == api.PaymentCard {
		return "you finish paying in the ImagineAnything web app"
	}
	return "you pay at the checkout link the order gives"
}

// buy opens the order form for svc, with what was typed for it before.
func (m *Model) buy(svc *api.MarketService) tea.Cmd {
	if svc == nil {
		return nil
	}
	if m.mine(svc) {
		return views.Status(views.LevelWarn, "this is your own service: you can't order it")
	}
	m.newOrderForm(svc)
	return m.buildOrder()
}

// newOrderForm makes svc's order form, with its kept draft if any.
func (m *Model) newOrderForm(svc *api.MarketService) {
	d := m.drafts.orders[svc.ID]
	if d == nil {
		d = &orderDraft{method: api.PaymentCard}
	}
	m.svc.order = &orderForm{serviceID: svc.ID, title: views.NormalizeEmojiWidth(svc.Title), price: svc.Price, d: d}
}

// buildOrder (re)builds the order form from its draft, a refusal beside
// its field.
func (m *Model) buildOrder() tea.Cmd {
	f := m.svc.order
	d := f.d
	method := huh.NewSelect[string]().Title(f.label("Pay with", "paymentMethod")).
		Options(paymentOptions()...).Value(&d.method)
	f.last, f.send = method, "orders"
	form := huh.NewForm(
		huh.NewGroup(
			huh.NewText().Title(f.label("Requirements (required): what you need from the seller", "requirements")).
				CharLimit(api.MaxRequirementsRunes).Lines(5).Value(&d.req),
			method,
		).Title(f.head("Order " + f.title + " · " + views.Money(f.price))),
	)
	return m.startForm(&f.paneForm, form, orderFields)
}

// refuseOrder shows why the order form was refused, beside its field.
func (m *Model) refuseOrder(err error) tea.Cmd {
	m.svc.order.refuse(err)
	return m.buildOrder()
}

// submitOrder checks the form, then asks to confirm the order. The form
// closes meanwhile with its draft kept: declining leaves it for B.
func (m *Model) submitOrder() tea.Cmd {
	f := m.svc.order
	d := f.d
	req := strings.TrimSpace(d.req)
	switch n := len([]rune(req)); {
	case n == 0:
		return m.refuseOrder(&api.FieldError{Field: "requirements", Message: "say what you need from the seller"})
	case n > api.MaxRequirementsRunes:
		return m.refuseOrder(&api.FieldError{Field: "requirements",
			Message: fmt.Sprintf("%d characters, over the %d allowed", n, api.MaxRequirementsRunes)})
	}
	if m.src == nil {
		return m.refuseOrder(errors.New("the marketplace is not available"))
	}
	if svc := m.knownService(f.serviceID); svc != nil && m.mine(svc) {
		return m.refuseOrder(errors.New("this is your own service: you can't order it"))
	}
	keep(&m.drafts.orders, f.serviceID, d, true)
	m.svc.order = nil
	ctx, src, id, method := api.Background(m.ctx), m.src, f.serviceID, d.method
	place := func() tea.Msg {
		c, err := src.CreateOrder(ctx, id, req, method)
		return orderedMsg{serviceID: id, created: c, err: err}
	}
	return views.Confirm("Place this order?",
		"\""+f.title+"\" for "+views.Money(f.price)+", to be paid by "+methodName(method)+" ("+howToPay(method)+").", place)
}

// orderRefused says why an order was not placed. The form comes back
// with what was typed when the operator is still where they ordered;
// elsewhere the status line says B brings it back.
func (m *Model) orderRefused(msg orderedMsg) tea.Cmd {
	d := m.drafts.orders[msg.serviceID]
	svc := m.knownService(msg.serviceID)
	if d == nil || svc == nil || !m.inServices() || m.activeForm() != nil {
		return views.Failed("couldn't place the order ("+m.keys.Market.Buy.Help().Key+" brings it back as you left it)", msg.err)
	}
	m.newOrderForm(svc)
	return m.refuseOrder(msg.err)
}

// ordered applies an order's answer: the order joins the orders and its
// screen opens, saying how to pay (the checkout link in full, never the
// client secret); the status line says it in a sentence.
func (m *Model) ordered(msg orderedMsg) tea.Cmd {
	if msg.err != nil {
		return m.orderRefused(msg)
	}
	keep(&m.drafts.orders, msg.serviceID, nil, false)
	c := msg.created
	if c == nil || c.Order.ID == "" {
		return views.Status(views.LevelWarn, "the order was placed but the server did not return it: refresh to see it")
	}
	o := c.Order
	if o.ServiceID == "" {
		o.ServiceID = msg.serviceID
	}
	if s := m.knownService(msg.serviceID); s != nil {
		if o.Service == nil || o.Service.Title == "" {
			o.Service = &api.MarketService{ID: s.ID, Title: s.Title}
		}
		if o.Seller.Handle == "" {
			o.Seller = s.Seller
		}
	}
	if o.Buyer.Handle == "" && m.me != "" {
		o.Buyer.Handle = m.me
	}
	e := m.byID[o.ID]
	if e == nil {
		e = &entry{}
		m.byID[o.ID] = e
		m.orders = append([]*entry{e}, m.orders...)
	}
	e.setOrder(o)
	e.ver++
	e.role = roleOf(&e.o, m.me)
	e.need = need(&e.o, e.role, m.shown)
	m.needSeen[o.ID] = true
	kept := m.keepPayment(o.ID, c.Payment)

	var note string
	var open tea.Cmd
	switch u := m.checkouts.Link(o.ID); {
	case u != "":
		note = "Order placed: pay at the checkout shown on the order"
		open = func() tea.Msg { return views.OpenURLMsg{URL: u} }
	case c.Payment.ClientSecret != "" || o.PaymentMethod == api.PaymentCard:
		note = "Order placed: finish paying in the ImagineAnything web app"
	default:
		note = "Order placed: the server returned no payment details"
	}
	m.svc.open = nil
	m.section = sectionOrders
	m.roleF, m.statusF = 0, 0
	m.query.Clear()
	m.refilter()
	m.selectOrder(e)
	return tea.Batch(m.openOrder(e), views.Status(views.LevelInfo, note), open, kept)
}
