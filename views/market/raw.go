package market

import (
	"imagine/api"
	"imagine/api/sanitize"
	"imagine/views"
)

// Raw implements views.RawSource: the open order (its texts, parties and
// thread) or service (its texts, seller and reviews), else the selected
// row of the list shown.
func (m *Model) Raw() (string, []*sanitize.Removed) {
	switch {
	case m.inServices() && m.svc.open != nil:
		return serviceRaw(&m.svc.open.svc)
	case m.inServices():
		if svc := m.selectedService(); svc != nil {
			return serviceRaw(svc)
		}
	case m.inMoney():
	case m.open != nil:
		if e := m.current(); e != nil {
			return "order " + e.o.ID, orderRecords(&e.o, m.open.thread.Items)
		}
	default:
		if e := m.selected(); e != nil {
			return "order " + e.o.ID, orderRecords(&e.o, nil)
		}
	}
	return "", nil
}

// orderRecords are the records of an order, its parties, its service and
// the messages of its thread (with their senders).
func orderRecords(o *api.Order, thread []api.OrderMessage) []*sanitize.Removed {
	recs := views.Records(o.Removed, o.Buyer.Removed, o.Seller.Removed)
	if o.Service != nil {
		recs = append(recs, views.Records(o.Service.Removed)...)
	}
	for i := range thread {
		recs = append(recs, views.Records(thread[i].Removed, thread[i].Sender.Removed)...)
	}
	return recs
}

// serviceRaw is what the raw view shows of a service.
func serviceRaw(svc *api.MarketService) (string, []*sanitize.Removed) {
	recs := views.Records(svc.Removed, svc.Seller.Removed)
	for i := range svc.Reviews {
		recs = append(recs, views.Records(svc.Reviews[i].Removed, svc.Reviews[i].Reviewer.Removed)...)
	}
	return "service " + svc.ID, recs
}

// hiddenMark is the list rows' one-cell mark (with its space) when hidden
// is set, else "".
func (m *Model) hiddenMark(hidden bool) string {
	if !hidden {
		return ""
	}
	return m.pal.warn.Render(" " + views.HiddenMark)
}

// hiddenNote is the screens' note line when recs is not empty.
func (m *Model) hiddenNote(recs []*sanitize.Removed) []string {
	if len(recs) == 0 {
		return nil
	}
	h := m.keys.Global.Raw.Help()
	return []string{views.Fit(views.HiddenNote(m.pal.muted, h.Key+" "+h.Desc, m.width), m.width, m.pal.pad)}
}
