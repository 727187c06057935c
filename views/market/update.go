package market

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
	"imagine/views/composer"
)

// Update implements ui.Pane (and views.Screen, stacked).
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	if m.stacked {
		defer m.settleStacked()
		if cmd, done := m.stackedUpdate(msg); done {
			return cmd
		}
	}
	return m.handle(msg)
}

// handle is Update for the message itself.
func (m *Model) handle(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case listMsg:
		if msg.thread != nil {
			m.threaded(*msg.thread)
		}
		return tea.Batch(m.listed(msg), msg.then)
	case servicesMsg:
		m.gotDays(msg)
		return nil
	case views.OrderChangedMsg:
		return m.orderChanged(msg)
	case olderMsg:
		return m.olderListed(msg)
	case svcListMsg:
		m.gotServices(msg)
		if msg.err != nil {
			return nil // a failed read waits for a move to try again
		}
		return m.moreServices()
	case searchMsg:
		if msg.gen == m.svc.gen {
			return m.readServices("")
		}
		return nil
	case svcDetailMsg:
		m.gotDetail(msg)
		return nil
	case reviewsMsg:
		if !m.gotReviews(msg) {
			return nil // a failed read waits for a move to try again
		}
		return m.moreReviews()
	case orderedMsg:
		return m.ordered(msg)
	case formMsg:
		return m.formUpdate(msg.form, msg.msg)
	case payoutsMsg:
		m.gotPayouts(msg)
		if msg.err != nil {
			return nil // a failed read waits for a move to try again
		}
		return m.morePayouts()
	case accountMsg:
		return m.gotAccount(msg)
	case payoutRequestedMsg:
		return m.payoutRequested(msg)
	case payoutCheckMsg:
		return m.payoutChecked(msg)
	case listingSavedMsg:
		return m.listingSaved(msg)
	case listingDeletedMsg:
		return m.listingDeleted(msg)
	case threadMsg:
		m.threaded(msg)
		return nil
	case views.OpenOrderMsg:
		return m.openFromElsewhere(msg.OrderID)
	case orderReadMsg:
		return m.orderRead(msg)
	case actionMsg:
		return m.acted(msg)
	case sentMsg:
		return m.sent(msg)
	case reviewedMsg:
		return m.reviewed(msg)
	case reviewCheckMsg:
		m.reviewCheckDone(msg)
		return nil
	case checkoutsSavedMsg:
		return views.Failed("couldn't keep the checkout link on disk", msg.err)
	case actionDoneMsg:
		return m.actionDone(msg)
	case composer.SendMsg:
		if msg.ID != composerID {
			return nil
		}
		if msg.Key == "price" {
			return m.priced(msg.Text)
		}
		return m.send(msg)
	case tea.KeyPressMsg:
		return m.key(msg)
	case tea.PasteMsg:
		if f := m.activeForm(); f != nil {
			return m.formUpdate(f.seq, msg)
		}
		if m.comp.IsOpen() {
			return m.comp.Update(msg)
		}
		if m.svc.query.Editing() {
			return m.searchInput(msg)
		}
		if m.query.Editing() {
			m.query.Input(msg, m.refilter, m.clearQuery)
		}
		return nil
	}
	return m.comp.Update(msg)
}

func (m *Model) clearQuery() {
	m.query.Clear()
	m.refilter()
}

// key handles a key press.
func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	if m.comp.IsOpen() {
		if m.open != nil {
			m.open.active = m.clock()
		}
		return m.comp.Update(msg)
	}
	if m.activeForm() != nil {
		return m.formKey(msg)
	}
	if m.links.IsOpen() {
		return m.links.Key(msg, m.keys)
	}
	if m.svc.query.Editing() {
		return m.searchInput(msg)
	}
	if m.query.Editing() {
		m.query.Input(msg, m.refilter, m.clearQuery)
		return nil
	}
	m.touch()
	if m.inMoney() {
		return m.moneyKey(msg)
	}
	if m.inServices() {
		if m.svc.open != nil {
			if m.svc.open.reviews != nil {
				return m.reviewsKey(msg)
			}
			return m.serviceScreenKey(msg)
		}
		return m.servicesKey(msg)
	}
	if m.open != nil {
		m.open.active = m.clock()
		return m.screenKey(msg)
	}
	return m.listKey(msg)
}

func (m *Model) listKey(msg tea.KeyPressMsg) tea.Cmd {
	lk, mk := m.keys.List, m.keys.Market
	h := m.bodyHeight()
	switch {
	case m.win.Navigate(msg, lk, len(m.vis), h, m.rowHeight):
		m.browsed = true
		return m.moreOrders()
	case key.Matches(msg, mk.Section):
		return m.switchSection()
	case key.Matches(msg, mk.Money):
		return m.toggleMoney()
	case key.Matches(msg, lk.Filter):
		m.query.Start(m.win)
		return nil
	case key.Matches(msg, lk.Back):
		if m.query.Active() {
			m.clearQuery()
		}
		return nil
	case key.Matches(msg, lk.Open):
		if e := m.selected(); e != nil {
			return m.openOrder(e)
		}
		return nil
	case key.Matches(msg, mk.Role):
		m.roleF = (m.roleF + 1) % len(roleFilters)
		m.refilter()
		return nil
	case key.Matches(msg, mk.Status):
		m.statusF = (m.statusF + 1) % (len(api.OrderStatuses) + 1)
		m.refilter()
		return nil
	case key.Matches(msg, mk.Profile):
		return m.profile(m.selected())
	case key.Matches(msg, lk.Copy):
		return m.copyID()
	case key.Matches(msg, mk.Message):
		// Write on the selected order: it opens, with the composer.
		if e := m.selected(); e != nil {
			open := m.openOrder(e)
			return tea.Batch(open, m.writeMessage())
		}
		return nil
	}
	for _, oa := range m.orderActions() {
		if key.Matches(msg, *oa.b) {
			return views.Status(views.LevelInfo, "open the order ("+lk.Open.Help().Key+") to "+verb(oa.a))
		}
	}
	return nil
}

func (m *Model) screenKey(msg tea.KeyPressMsg) tea.Cmd {
	lk, mk := m.keys.List, m.keys.Market
	s := m.open
	h := max(m.height-1, 1)
	switch {
	case key.Matches(msg, lk.Back):
		return m.closeOrder()
	case views.Scroll(msg, lk, &s.off, h):
		return m.scrolledUp(msg, h)
	case key.Matches(msg, mk.Message):
		return m.writeMessage()
	case key.Matches(msg, lk.Links):
		return m.showLinks()
	case key.Matches(msg, lk.Copy):
		return m.copyID()
	case key.Matches(msg, mk.Profile):
		return m.profile(m.current())
	case key.Matches(msg, mk.Money):
		return m.toggleMoney()
	default:
		for _, oa := range m.orderActions() {
			if key.Matches(msg, *oa.b) {
				return m.act(oa.a)
			}
		}
	}
	return nil
}

// ShortHelp implements ui.Pane.
func (m *Model) ShortHelp() []key.Binding {
	if m.preview {
		return nil // beside a list the keys are the list's
	}
	if m.comp.IsOpen() {
		return m.comp.ShortHelp()
	}
	if m.query.Editing() {
		return m.query.Help()
	}
	lk, mk := m.keys.List, m.keys.Market
	if m.links.IsOpen() {
		return m.links.Help(lk)
	}
	if m.activeForm() != nil {
		return []key.Binding{m.keys.Jobs.Cancel}
	}
	if m.inMoney() {
		return []key.Binding{mk.Payout, mk.Status, mk.Account, mk.Wallet, mk.Money, mk.Section}
	}
	if m.inServices() {
		if m.svc.open != nil {
			if m.svc.open.reviews != nil {
				return []key.Binding{lk.Back, reviewerKey(mk.Profile)}
			}
			if m.mine(&m.svc.open.svc) {
				return []key.Binding{lk.Back, mk.Edit, mk.Delete, mk.Reviews, lk.Links}
			}
			return []key.Binding{lk.Back, mk.Buy, mk.Profile, mk.Reviews, lk.Links}
		}
		if svc := m.selectedService(); svc != nil && m.mine(svc) {
			return []key.Binding{lk.Open, lk.Filter, mk.Edit, mk.Delete, mk.NewListing, mk.Section}
		}
		return []key.Binding{lk.Open, lk.Filter, mk.Category, mk.Sort, mk.Buy, mk.NewListing, mk.Section}
	}
	if m.open != nil {
		out := []key.Binding{lk.Back}
		if m.checkoutShown() != "" {
			out = append(out, m.copyHelp())
		}
		if e := m.current(); e != nil {
			for _, oa := range m.orderActions() {
				if m.refusal(e, oa.a) == "" {
					out = append(out, *oa.b)
				}
			}
		}
		return append(out, mk.Message, mk.Profile, lk.Links)
	}
	return []key.Binding{lk.Open, mk.Role, mk.Status, lk.Filter, mk.Profile, mk.Money}
}

// FullHelp implements ui.Pane: every action of the screen; those the
// order does not allow now are listed with the reason (ActionDisabled).
func (m *Model) FullHelp() [][]key.Binding {
	if m.preview {
		return nil
	}
	if m.comp.IsOpen() {
		return m.comp.FullHelp()
	}
	lk, mk := m.keys.List, m.keys.Market
	if m.activeForm() != nil {
		return [][]key.Binding{{m.keys.Jobs.Cancel}}
	}
	if m.inMoney() {
		pay := mk.Payout
		if why := payoutRefusal(m.selectedPayout()); why != "" {
			// Listed with the reason, never hidden (ui/doc.go).
			pay.SetHelp(pay.Help().Key, "Request the selected payout (not now: "+why+")")
		}
		return [][]key.Binding{
			{lk.Up, lk.Down, lk.Top, lk.Bottom, lk.PageUp, lk.PageDown, lk.Back, lk.Copy},
			{pay, mk.Status, mk.Account, mk.Wallet, mk.Money, mk.Section},
		}
	}
	if m.inServices() {
		if m.svc.open != nil {
			if m.svc.open.reviews != nil {
				return [][]key.Binding{
					{lk.Up, lk.Down, lk.PageUp, lk.PageDown, lk.Top, lk.Bottom, lk.Back},
					{reviewerKey(mk.Profile), mk.Money},
				}
			}
			return [][]key.Binding{
				{lk.Up, lk.Down, lk.PageUp, lk.PageDown, lk.Top, lk.Bottom, lk.Back},
				{mk.Buy, mk.Profile, mk.Reviews, lk.Links, copyKey(lk.Copy), mk.Edit, mk.Delete, mk.NewListing, mk.Section, mk.Money},
			}
		}
		return [][]key.Binding{
			{lk.Up, lk.Down, lk.Top, lk.Bottom, lk.PageUp, lk.PageDown, lk.Open, lk.Filter},
			{mk.Category, mk.Featured, mk.Price, mk.Sort, mk.Buy, mk.Profile, copyKey(lk.Copy)},
			{mk.NewListing, mk.Edit, mk.Delete, mk.Section, mk.Money},
		}
	}
	if m.open != nil {
		acts := []key.Binding{}
		e := m.current()
		for _, oa := range m.orderActions() {
			b := *oa.b
			if e != nil {
				if why := m.refusal(e, oa.a); why != "" {
					// Listed with the reason, never hidden (ui/doc.go).
					v := verb(oa.a)
					b.SetHelp(b.Help().Key, strings.ToUpper(v[:1])+v[1:]+" (not now: "+why+")")
				}
			}
			acts = append(acts, b)
		}
		return [][]key.Binding{
			{lk.Up, lk.Down, lk.PageUp, lk.PageDown, lk.Top, lk.Bottom, lk.Back},
			append(acts, mk.Message, mk.Profile, lk.Links, m.copyHelp(), mk.Money),
		}
	}
	return [][]key.Binding{
		{lk.Up, lk.Down, lk.Top, lk.Bottom, lk.PageUp, lk.PageDown, lk.Open, lk.Filter},
		{mk.Role, mk.Status, mk.Message, mk.Profile, copyKey(lk.Copy), mk.Section, mk.Money},
	}
}

// ActionDisabled implements views.ActionGate: on an order, why the state
// machine refuses an action now ("only the buyer can accept"); on the
// list, that an order must be open.
func (m *Model) ActionDisabled(id string) string {
	if why, ok := m.moneyDisabled(id); ok {
		return why
	}
	var a api.OrderAction
	switch id {
	case "market.start":
		a = api.ActionStart
	case "market.deliver":
		a = api.ActionDeliver
	case "market.accept":
		a = api.ActionAccept
	case "market.revision":
		a = api.ActionRequestRevision
	case "market.dispute":
		a = api.ActionDispute
	case "market.cancel":
		a = api.ActionCancel
	case "market.review":
		a = reviewAction
	case "market.message":
		if m.open == nil {
			return "open an order first"
		}
		return ""
	case "market.section":
		return ""
	case "market.reviews":
		if !m.inServices() || m.svc.open == nil {
			return "open a service first"
		}
		return ""
	case "market.category", "market.featured", "market.price", "market.sort":
		if !m.inServices() || m.svc.open != nil {
			return "on the services list only"
		}
		return ""
	case "market.buy":
		if !m.inServices() {
			return "switch to the services first"
		}
		if svc := m.currentService(); svc == nil {
			return "no service selected"
		} else if m.mine(svc) {
			return "this is your own service"
		}
		return ""
	case "market.newlisting":
		if !m.inServices() {
			return "switch to the services first"
		}
		return ""
	case "market.edit", "market.delete":
		if !m.inServices() {
			return "switch to the services first"
		}
		if svc := m.currentService(); svc == nil {
			return "no service selected"
		} else if !m.mine(svc) {
			return "only the seller can change this listing"
		}
		return ""
	case "market.profile":
		if m.inServices() {
			if m.reviews() != nil {
				if m.selectedReview() == nil {
					return "no review selected"
				}
				return ""
			}
			if m.currentService() == nil {
				return "no service selected"
			}
			return ""
		}
		if m.open == nil && m.selected() == nil {
			return "no order selected"
		}
		return ""
	default:
		return ""
	}
	if m.section != sectionOrders {
		return "switch to the orders first"
	}
	e := m.current()
	if e == nil {
		return "open an order first"
	}
	return m.refusal(e, a)
}

// profile opens the other party's profile on the pane's stack.
func (m *Model) profile(e *entry) tea.Cmd {
	if e == nil {
		return nil
	}
	return openAgent(counterparty(&e.o, e.role).Handle, "the other party is")
}

// openAgent opens handle's profile on the pane's stack, or says the
// server named nobody ("the server did not say who " + who).
func openAgent(handle, who string) tea.Cmd {
	if handle == "" {
		return views.Status(views.LevelInfo, "the server did not say who "+who)
	}
	return func() tea.Msg { return views.OpenProfileMsg{Handle: handle} }
}
