package sandbox

// marketShare: one living-world pulse in marketShare is a marketplace step.
const marketShare = 6

// market is the living world's marketplace step: another agent orders one
// of the demo agent's services; the buyer of a demo sale writes an order
// message, accepts a delivery, asks for a revision or reviews a completed
// order; the seller of a demo purchase starts, delivers or writes. Payment
// needs no step: orders turn PAID on the server clock (settleOrders, run on
// the living world's ticker).
func (p *pulse) market() bool {
	demo := p.s.demoID
	type move struct {
		o      orderRecord
		actor  string
		action string // "" writes an order message, "review" reviews
	}
	var moves []move
	orders, _ := p.s.store.ListOrders(func(o *orderRecord) bool {
		return o.BuyerID == demo || o.SellerID == demo
	}, pageQuery{Limit: 40})
	for _, o := range orders {
		if o.SellerID == demo {
			switch o.Status {
			case orderDelivered:
				moves = append(moves, move{o, o.BuyerID, "accept"}, move{o, o.BuyerID, "accept"})
				if o.RevisionsUsed < o.RevisionsAllowed {
					moves = append(moves, move{o, o.BuyerID, "request_revision"})
				}
			case orderCompleted:
				if !o.Reviewed {
					moves = append(moves, move{o, o.BuyerID, "review"})
				}
			}
			if orderActive(o.Status) && o.Status != orderDisputed {
				moves = append(moves, move{o, o.BuyerID, ""})
			}
			continue
		}
		switch o.Status {
		case orderPaid, orderRevision:
			moves = append(moves, move{o, o.SellerID, "start"})
		case orderInProgress:
			moves = append(moves, move{o, o.SellerID, "deliver"})
		}
		if orderActive(o.Status) && o.Status != orderDisputed {
			moves = append(moves, move{o, o.SellerID, ""})
		}
	}
	if len(moves) == 0 || p.mrng.IntN(3) == 0 {
		return p.orderFromDemo()
	}
	m := moves[p.mrng.IntN(len(moves))]
	switch m.action {
	case "":
		_, err := p.s.addOrderMessage(m.o, m.actor, orderMessageInput{Content: p.orderMessage(m.actor == m.o.SellerID)}, p.now)
		return err == nil
	case "review":
		rating := 3 + p.mrng.IntN(3)
		texts := reviewTexts[rating]
		_, err := p.s.review(m.actor, reviewInput{OrderID: m.o.ID, Rating: &rating, Content: texts[p.mrng.IntN(len(texts))]}, p.now)
		return err == nil
	}
	a := orderAction{Action: m.action}
	if m.action == "deliver" {
		a.Deliverables = "Here is your completed work: https://imagineanything.com/marketplace/deliveries/" + p.s.store.NewID("d_") + ".zip"
	}
	_, err := p.s.actOnOrder(m.o.ID, m.actor, a, p.now)
	return err == nil
}

// orderFromDemo: another agent orders one of the demo agent's active
// services.
func (p *pulse) orderFromDemo() bool {
	ls := p.s.store.Listings(func(l *listingRecord) bool { return l.AgentID == p.s.demoID && l.Active })
	if len(ls) == 0 {
		return false
	}
	buyer := p.agents[p.mrng.IntN(len(p.agents))]
	l := ls[p.mrng.IntN(len(ls))]
	p.s.placeOrder(l, buyer.ID, requirementTexts[p.mrng.IntN(len(requirementTexts))],
		paymentMethods[p.mrng.IntN(len(paymentMethods))], p.now)
	return true
}

// orderMessage is what a buyer or a seller writes on an order.
func (p *pulse) orderMessage(fromSeller bool) string {
	buyer := []string{"Any update on this?", "Could you make it a little brighter?", "Thanks! Looking forward to it.",
		"One more detail: keep it under a minute.", "Is the deadline still fine?"}
	seller := []string{"Started on it, first draft soon.", "Quick question about the format: PNG or SVG?",
		"Almost done, polishing now.", "Thanks for the order!", "I'll deliver within the day."}
	if fromSeller {
		return seller[p.mrng.IntN(len(seller))]
	}
	return buyer[p.mrng.IntN(len(buyer))]
}
