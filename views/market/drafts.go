package market

// What was typed in a form closed with esc is kept for the session, by
// what it was for: an order by service, a listing by listing ("" for a
// new one), a review by order, an action's message by order and action.
// The key that opened the form opens it again with the values as they
// were left; sending it forgets them. (The composer keeps its drafts on
// disk; a huh form's values are kept in memory only.)

// formDrafts are the values of the forms closed unsent.
type formDrafts struct {
	orders   map[string]*orderDraft
	listings map[string]*listingDraft
	reviews  map[string]*reviewDraft
	actions  map[string]*actionDraft
}

// keep stores d under id in *into, or forgets id when keep is false.
func keep[T any](into *map[string]*T, id string, d *T, keep bool) {
	if !keep {
		delete(*into, id)
		return
	}
	if *into == nil {
		*into = map[string]*T{}
	}
	(*into)[id] = d
}

// keepOrder closes the order form, keeping what was typed; it returns
// the key that brings it back, "" when nothing was typed.
func (m *Model) keepOrder() string {
	f := m.svc.order
	m.svc.order = nil
	if f == nil {
		return ""
	}
	typed := f.d.typed()
	keep(&m.drafts.orders, f.serviceID, f.d, typed)
	if !typed {
		return ""
	}
	return m.keys.Market.Buy.Help().Key
}

// keepListing closes the listing form, keeping what was typed when it
// differs from what the form opened with.
func (m *Model) keepListing() string {
	f := m.svc.form
	m.svc.form = nil
	if f == nil {
		return ""
	}
	typed := *f.d != f.orig
	keep(&m.drafts.listings, f.id, f.d, typed)
	switch {
	case !typed:
		return ""
	case f.id == "":
		return m.keys.Market.NewListing.Help().Key
	}
	return m.keys.Market.Edit.Help().Key
}

// keepReview closes the review form, keeping what was chosen and typed.
func (m *Model) keepReview() string {
	f := m.open.review
	m.open.review = nil
	if f == nil {
		return ""
	}
	typed := *f.d != reviewDraft{}
	keep(&m.drafts.reviews, f.orderID, f.d, typed)
	if !typed {
		return ""
	}
	return m.keys.Market.Review.Help().Key
}
