package sandbox

import "slices"

// marketMem is the memStore's share of the marketplace. memStore.mu guards
// it like everything else.
type marketMem struct {
	listings     map[string]*listingRecord
	listingOrder []*listingRecord // creation order
	orders       map[string]*orderRecord
	orderOrder   []*orderRecord                   // sequence order
	messages     map[string][]*orderMessageRecord // by order
	reviews      []*reviewRecord                  // sequence order
	reviewed     map[string]bool                  // order IDs
	payouts      map[string]*payoutRecord
	payoutOrder  []*payoutRecord
	connect      map[string]connectRecord
}

func newMarketMem() marketMem {
	return marketMem{
		listings: map[string]*listingRecord{}, orders: map[string]*orderRecord{},
		messages: map[string][]*orderMessageRecord{}, reviewed: map[string]bool{},
		payouts: map[string]*payoutRecord{}, connect: map[string]connectRecord{},
	}
}

// CreateListing stores a new service with fresh counters.
func (m *memStore) CreateListing(l listingRecord) listingRecord {
	m.mu.Lock()
	defer m.mu.Unlock()
	l.Seq = m.next()
	if l.ID == "" {
		l.ID = m.newIDLocked("svc_")
	}
	l.RatingSum, l.ReviewCount, l.OrderCount = 0, 0, 0
	l.Tags, l.Images = slices.Clone(l.Tags), slices.Clone(l.Images)
	rec := l
	m.market.listings[l.ID] = &rec
	m.market.listingOrder = append(m.market.listingOrder, &rec)
	return rec
}

// Listing returns a service by ID.
func (m *memStore) Listing(id string) (listingRecord, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	l, ok := m.market.listings[id]
	if !ok {
		return listingRecord{}, false
	}
	return *l, true
}

// UpdateListing applies update to a copy and stores it unless update fails;
// the identity and counters cannot change.
func (m *memStore) UpdateListing(id string, update func(*listingRecord) error) (listingRecord, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	l, ok := m.market.listings[id]
	if !ok {
		return listingRecord{}, errNotFound
	}
	c := *l
	c.Tags, c.Images = slices.Clone(l.Tags), slices.Clone(l.Images)
	if err := update(&c); err != nil {
		return listingRecord{}, err
	}
	c.Seq, c.ID, c.AgentID, c.CreatedAt = l.Seq, l.ID, l.AgentID, l.CreatedAt
	c.RatingSum, c.ReviewCount, c.OrderCount = l.RatingSum, l.ReviewCount, l.OrderCount
	*l = c
	return c, nil
}

// DeleteListing removes a service, or deactivates it while it has active
// orders.
func (m *memStore) DeleteListing(id string) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	l, ok := m.market.listings[id]
	if !ok {
		return false, errNotFound
	}
	for _, o := range m.market.orderOrder {
		if o.ServiceID == id && orderActive(o.Status) {
			l.Active = false
			return true, nil
		}
	}
	delete(m.market.listings, id)
	m.market.listingOrder = removeFirst(m.market.listingOrder, func(x *listingRecord) bool { return x.ID == id })
	return false, nil
}

// Listings returns the services keep accepts, in creation order.
func (m *memStore) Listings(keep func(*listingRecord) bool) []listingRecord {
	m.mu.RLock()
	defer m.mu.RUnlock()
	var out []listingRecord
	for _, l := range m.market.listingOrder {
		if keep == nil || keep(l) {
			c := *l
			c.Tags, c.Images = slices.Clone(l.Tags), slices.Clone(l.Images)
			out = append(out, c)
		}
	}
	return out
}

// CreateOrder stores a new order.
func (m *memStore) CreateOrder(o orderRecord) orderRecord {
	m.mu.Lock()
	defer m.mu.Unlock()
	o.Seq = m.next()
	if o.ID == "" {
		o.ID = m.newIDLocked("ord_")
	}
	rec := o
	m.market.orders[o.ID] = &rec
	m.market.orderOrder = append(m.market.orderOrder, &rec)
	return rec
}

// Order returns an order by ID.
func (m *memStore) Order(id string) (orderRecord, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	o, ok := m.market.orders[id]
	if !ok {
		return orderRecord{}, false
	}
	return *o, true
}

// UpdateOrder applies update to a copy and stores it unless update fails.
func (m *memStore) UpdateOrder(id string, update func(*orderRecord) error) (orderRecord, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	o, ok := m.market.orders[id]
	if !ok {
		return orderRecord{}, errNotFound
	}
	c := *o
	if err := update(&c); err != nil {
		return orderRecord{}, err
	}
	c.Seq, c.ID, c.BuyerID, c.SellerID, c.ServiceID = o.Seq, o.ID, o.BuyerID, o.SellerID, o.ServiceID
	if c.Status == orderCompleted && o.Status != orderCompleted {
		if l, ok := m.market.listings[o.ServiceID]; ok {
			l.OrderCount++
		}
	}
	*o = c
	return c, nil
}

// ListOrders returns orders newest first.
func (m *memStore) ListOrders(keep func(*orderRecord) bool, q pageQuery) ([]orderRecord, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	page, more := pageDesc(m.market.orderOrder, func(o *orderRecord) int64 { return o.Seq }, q, keep)
	return derefAll(page), more
}

// OrderIDs lists the orders keep accepts, oldest first.
func (m *memStore) OrderIDs(keep func(*orderRecord) bool) []string {
	m.mu.RLock()
	defer m.mu.RUnlock()
	var out []string
	for _, o := range m.market.orderOrder {
		if keep(o) {
			out = append(out, o.ID)
		}
	}
	return out
}

// AddOrderMessage stores a message on an order.
func (m *memStore) AddOrderMessage(msg orderMessageRecord) orderMessageRecord {
	m.mu.Lock()
	defer m.mu.Unlock()
	msg.Seq = m.next()
	if msg.ID == "" {
		msg.ID = m.newIDLocked("omsg_")
	}
	msg.Attachments = slices.Clone(msg.Attachments)
	rec := msg
	m.market.messages[msg.OrderID] = append(m.market.messages[msg.OrderID], &rec)
	return rec
}

// ListOrderMessages returns a page of an order's messages, newest first,
// older than q.Cursor when it is set.
func (m *memStore) ListOrderMessages(orderID string, q pageQuery) ([]orderMessageRecord, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	page, more := pageDesc(m.market.messages[orderID], func(x *orderMessageRecord) int64 { return x.Seq }, q, nil)
	return derefAll(page), more
}

// CreateReview stores a review, once per order, and updates its service's
// rating.
func (m *memStore) CreateReview(r reviewRecord) (reviewRecord, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.market.reviewed[r.OrderID] {
		return reviewRecord{}, errConflict
	}
	r.Seq = m.next()
	if r.ID == "" {
		r.ID = m.newIDLocked("rev_")
	}
	rec := r
	m.market.reviews = append(m.market.reviews, &rec)
	m.market.reviewed[r.OrderID] = true
	if o, ok := m.market.orders[r.OrderID]; ok {
		o.Reviewed = true
	}
	if l, ok := m.market.listings[r.ServiceID]; ok {
		l.RatingSum += r.Rating
		l.ReviewCount++
	}
	return rec, nil
}

// ListReviews returns a service's reviews newest first.
func (m *memStore) ListReviews(serviceID string, q pageQuery) ([]reviewRecord, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	page, more := pageDesc(m.market.reviews, func(r *reviewRecord) int64 { return r.Seq }, q,
		func(r *reviewRecord) bool { return serviceID == "" || r.ServiceID == serviceID })
	return derefAll(page), more
}

// CreatePayout stores a payout.
func (m *memStore) CreatePayout(p payoutRecord) payoutRecord {
	m.mu.Lock()
	defer m.mu.Unlock()
	p.Seq = m.next()
	if p.ID == "" {
		p.ID = m.newIDLocked("po_")
	}
	rec := p
	m.market.payouts[p.ID] = &rec
	m.market.payoutOrder = append(m.market.payoutOrder, &rec)
	return rec
}

// UpdatePayout applies update to a copy and stores it unless update fails.
func (m *memStore) UpdatePayout(id string, update func(*payoutRecord) error) (payoutRecord, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	p, ok := m.market.payouts[id]
	if !ok {
		return payoutRecord{}, errNotFound
	}
	c := *p
	if err := update(&c); err != nil {
		return payoutRecord{}, err
	}
	c.Seq, c.ID, c.AgentID, c.OrderID = p.Seq, p.ID, p.AgentID, p.OrderID
	*p = c
	return c, nil
}

// Payouts returns an agent's payouts newest first.
func (m *memStore) Payouts(agentID string) []payoutRecord {
	m.mu.RLock()
	defer m.mu.RUnlock()
	var out []payoutRecord
	for i := len(m.market.payoutOrder) - 1; i >= 0; i-- {
		if p := m.market.payoutOrder[i]; p.AgentID == agentID {
			out = append(out, *p)
		}
	}
	return out
}

// PayoutIDs lists the payouts keep accepts, oldest first.
func (m *memStore) PayoutIDs(keep func(*payoutRecord) bool) []string {
	m.mu.RLock()
	defer m.mu.RUnlock()
	var out []string
	for _, p := range m.market.payoutOrder {
		if keep(p) {
			out = append(out, p.ID)
		}
	}
	return out
}

// Connect returns an agent's payment account.
func (m *memStore) Connect(agentID string) (connectRecord, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	c, ok := m.market.connect[agentID]
	return c, ok
}

// PutConnect stores an agent's payment account.
func (m *memStore) PutConnect(c connectRecord) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.market.connect[c.AgentID] = c
}
