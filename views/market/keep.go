package market

import (
	"cmp"

	"imagine/api"
)

// keepListed fills what an action's answer o leaves out with what the
// list had of the order (was): an answer may embed less than the list
// did (no service, parties or price), and the screen would lose them
// until the next poll. What the answer does give wins; an action never
// takes a field back to empty.
func keepListed(o, was *api.Order) {
	o.ServiceID = cmp.Or(o.ServiceID, was.ServiceID)
	if o.Service == nil {
		o.Service = was.Service
	}
	if o.Buyer.Handle == "" {
		o.Buyer = was.Buyer
	}
	if o.Seller.Handle == "" {
		o.Seller = was.Seller
	}
	o.Status = cmp.Or(o.Status, was.Status)
	if o.Requirements == "" && o.Removed == nil {
		// The texts are the list's: so is what cleaning took out of them.
		o.Removed = was.Removed
	}
	o.Requirements = cmp.Or(o.Requirements, was.Requirements)
	o.Deliverables = cmp.Or(o.Deliverables, was.Deliverables)
	o.Price = cmp.Or(o.Price, was.Price)
	o.PaymentMethod = cmp.Or(o.PaymentMethod, was.PaymentMethod)
	if o.DueAt == nil && o.DeliveryDays == 0 {
		o.DueAt, o.DeliveryDays = was.DueAt, was.DeliveryDays
	}
	o.RevisionsUsed = max(o.RevisionsUsed, was.RevisionsUsed)
	o.Revisions = cmp.Or(o.Revisions, was.Revisions)
	if o.CreatedAt.IsZero() {
		o.CreatedAt = was.CreatedAt
	}
	if o.UpdatedAt.IsZero() {
		o.UpdatedAt = was.UpdatedAt
	}
}
