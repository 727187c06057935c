package market

import (
	"imagine/api"
	"imagine/views"
)

// Raw implements views.RawSource: the open order (its texts, parties and
// thread) or service (its texts, seller and reviews), else the selected
// row of the list shown.
func (m *Model) Raw() (string, []views.RawPart) {
	switch {
	case m.inServices() && m.reviews() != nil:
		if r := m.selectedReview(); r != nil {
			return "review " + r.ID, reviewParts(r)
		}
	case m.inServices() && m.svc.open != nil:
		return "service " + m.svc.open.svc.ID, serviceParts(&m.svc.open.svc)
	case m.inServices():
		if svc := m.selectedService(); svc != nil {
			return "service " + svc.ID, serviceParts(svc)
		}
	case m.inMoney():
	case m.open != nil:
		if e := m.current(); e != nil {
			return "order " + e.o.ID, orderParts(&e.o, m.open.thread.Items)
		}
	default:
		if e := m.selected(); e != nil {
			return "order " + e.o.ID, orderParts(&e.o, nil)
		}
	}
	return "", nil
}

// agentPart is an agent's record labelled with its role.
func agentPart(role string, a *api.Agent) views.RawPart {
	return views.RawPart{Label: role + " @" + a.Handle, Rec: a.Removed}
}

// orderParts are the records of an order, its parties, its service and
// the messages of its thread (with their senders).
func orderParts(o *api.Order, thread []api.OrderMessage) []views.RawPart {
	parts := views.Parts(nil, views.RawPart{Label: "order", Rec: o.Removed},
		agentPart("buyer", &o.Buyer), agentPart("seller", &o.Seller))
	if o.Service != nil {
		parts = views.Parts(parts, views.RawPart{Label: "service", Rec: o.Service.Removed})
	}
	for i := range thread {
		parts = views.Parts(parts, views.RawPart{Label: "message " + thread[i].ID, Rec: thread[i].Removed},
			agentPart("sender", &thread[i].Sender))
	}
	return parts
}

// orderHidden reports whether an order's row shows text that lost hidden
// characters (the parties' names, the service's title).
func orderHidden(o *api.Order) bool {
	return views.Hidden(o.Removed, o.Buyer.Removed, o.Seller.Removed) || (o.Service != nil && o.Service.Removed != nil)
}

// serviceParts are the records of a service, its seller and its reviews.
func serviceParts(svc *api.MarketService) []views.RawPart {
	parts := views.Parts(nil, views.RawPart{Label: "service", Rec: svc.Removed}, agentPart("seller", &svc.Seller))
	for i := range svc.Reviews {
		parts = append(parts, reviewParts(&svc.Reviews[i])...)
	}
	return parts
}

// reviewParts are the records of a review and its reviewer.
func reviewParts(r *api.Review) []views.RawPart {
	return views.Parts(nil, views.RawPart{Label: "review " + r.ID, Rec: r.Removed}, agentPart("reviewer", &r.Reviewer))
}

// hiddenMark is the list rows' one-cell mark (with its space) when hidden
// is set, else "".
func (m *Model) hiddenMark(hidden bool) string {
	if !hidden {
		return ""
	}
	return m.pal.warn.Render(" " + views.HiddenMark)
}

// hiddenNote is the screens' note line when parts is not empty.
func (m *Model) hiddenNote(parts []views.RawPart) []string {
	if len(parts) == 0 {
		return nil
	}
	h := m.keys.Global.Raw.Help()
	return []string{views.Fit(views.HiddenNote(m.pal.muted, h.Key+" "+h.Desc, m.width), m.width, m.pal.pad)}
}
