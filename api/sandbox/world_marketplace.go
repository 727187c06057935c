package sandbox

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"time"
)

// The seeded marketplace: servicesPerCategory services in every category,
// sold by agents of the matching type, with a history of completed and
// reviewed orders over the last marketSpan; three services of the demo
// agent; and orders of the demo agent in every status, as buyer and as
// seller, with a few order messages. It draws from its own random source,
// so the rest of the world is the same with or without it, and it is
// replayed in time order through the same functions the API uses.

const (
	servicesPerCategory = 11
	marketSpan          = 60 * 24 * time.Hour
)

// marketCatalog holds, per category, service titles and tags.
var marketCatalog = map[string]struct {
	titles []string
	tags   []string
}{
	"ASSISTANT": {[]string{"Inbox zero in a day", "Research brief on any topic", "Meeting notes and action items",
		"Travel itinerary planning", "Translate a document (EN/JA)", "Weekly reading digest", "Proofread and polish",
		"Calendar triage for a month", "Summarise a long paper", "Fact-check an article", "Write your FAQ"},
		[]string{"research", "writing", "productivity", "translation", "summaries"}},
	"CHATBOT": {[]string{"A persona for your Discord server", "Customer support script", "Onboarding conversation design",
		"Small talk that does not feel small", "Mock interview practice", "Role-play a tough negotiation",
		"Tone of voice guide", "Chat flow review", "Daily check-in bot", "Trivia night host", "Empathetic reply templates"},
		[]string{"conversation", "support", "persona", "scripts", "community"}},
	"CREATIVE": {[]string{"AI image generation", "Pixel-art avatar", "Album cover concept", "Short story on commission",
		"Haiku set for your launch", "Worldbuilding bible", "Generative poster series", "Synth patch pack",
		"Logo sketches", "Comic strip (4 panels)", "Lyrics for a jingle"},
		[]string{"ai-art", "image-generation", "music", "writing", "design"}},
	"ANALYST": {[]string{"Dashboard from your CSV", "Market sizing memo", "A/B test readout", "Churn analysis",
		"Sentiment report on your mentions", "Forecast next quarter", "Data cleaning pass", "SQL query review",
		"Competitor teardown", "Survey analysis", "KPI definitions workshop"},
		[]string{"data", "analytics", "sql", "forecasting", "reports"}},
	"AUTOMATION": {[]string{"Zap your busywork", "Scheduled posting pipeline", "Web scraper (polite)", "CI pipeline setup",
		"Invoice processing flow", "Slack to sheet sync", "Nightly backup script", "Webhook relay",
		"Auto-tagging for your images", "Email parser", "Cron job audit"},
		[]string{"automation", "scripts", "integration", "devops", "workflows"}},
	"OTHER": {[]string{"Name your project", "Roast your landing page", "Philosophical consultation", "Meme pack for your brand",
		"Recipe from your fridge", "Star chart for your launch date", "Bad puns, by the dozen", "Plant care schedule",
		"Board game rules check", "Pep talk on demand", "Mystery service"},
		[]string{"fun", "misc", "memes", "advice", "food"}},
}

var reviewTexts = map[int][]string{
	5: {"Excellent work, delivered quickly!", "Exceeded expectations. Would order again.", "Fast, friendly and exactly what I asked for. ⭐"},
	4: {"Very good, one small revision needed.", "Solid result, good communication.", "Happy with it; delivery took the full time."},
	3: {"Okay. Did the job, nothing more.", "Fine, but I had to explain twice."},
	2: {"Late and a bit off the brief.", "Not quite what I ordered."},
	1: {"Did not match the requirements at all."},
}

var requirementTexts = []string{
	"Please generate a landscape scene with mountains",
	"Three options, bright colours, square format.",
	"Keep it under 500 words and friendly.",
	"Use the attached data; the deadline is flexible.",
	"Surprise me, but no purple please.",
	"For a product launch next week: short and punchy.",
}

// marketOp is one step of the seeded marketplace's history.
type marketOp struct {
	at time.Time
	do func(at time.Time)
}

type marketBuilder struct {
	b   *builder
	rng *rand.Rand
	ops []marketOp
}

func (m *marketBuilder) add(at time.Time, do func(at time.Time)) {
	if at.After(m.b.now) {
		at = m.b.now
	}
	m.ops = append(m.ops, marketOp{at, do})
}

// seedMarket builds the marketplace after the rest of the world.
func (b *builder) seedMarket(seed uint64) {
	m := &marketBuilder{b: b, rng: rand.New(rand.NewPCG(seed, 0x3a7e7))}
	s := b.s
	byType := map[string][]int{}
	for i, p := range b.cast {
		if i > 0 {
			byType[p.agentType] = append(byType[p.agentType], i)
		}
	}
	var listings []listingRecord
	for _, cat := range serviceCategories {
		sellers := byType[cat]
		if len(sellers) == 0 {
			sellers = []int{1 + m.rng.IntN(len(b.cast)-1)}
		}
		for k := range servicesPerCategory {
			seller := sellers[m.rng.IntN(len(sellers))]
			l := m.listing(cat, k, b.ids[seller], b.ago(marketSpan+time.Duration(m.rng.IntN(30*24))*time.Hour))
			listings = append(listings, s.store.CreateListing(l))
		}
	}
	var demoListings []listingRecord
	for k, d := range []struct{ title, does string }{
		{"Sandbox tour for your agent", "walks your agent through the sandbox: posts, DMs, orders and generation jobs"},
		{"Demo data, made to order", "makes you a set of demo data in the shape you describe"},
		{"API smoke test of your bot", "calls every endpoint your bot uses and reports what answered and how fast"},
	} {
		l := m.listing("ASSISTANT", 0, b.ids[0], b.ago(marketSpan+time.Duration(k)*24*time.Hour))
		l.Title, l.ShortDesc, l.Revisions, l.Featured = d.title, d.title, 2, false
		l.Description = "The demo agent " + d.does + ". Everything here is simulated; nothing is charged."
		demoListings = append(demoListings, s.store.CreateListing(l))
	}

	// History: completed, mostly reviewed orders between other agents.
	for _, l := range listings {
		for range m.rng.IntN(5) {
			buyer := m.someoneBut(l.AgentID)
			t0 := b.ago(time.Duration(3*24+m.rng.IntN(int(marketSpan/time.Hour)-5*24)) * time.Hour)
			m.chain(l, buyer, t0, 3*time.Hour, []string{"start", "deliver", "accept"}, m.rng.IntN(5) < 4)
		}
	}

	// The demo agent in every status, as buyer and as seller.
	for i, status := range orderStatuses {
		j := (i*7 + 3) % len(listings)
		for listings[j].Revisions == 0 {
			j = (j + 1) % len(listings)
		}
		m.demoOrder(listings[j], b.ids[0], status, i)
		m.demoOrder(demoListings[i%len(demoListings)], m.someoneBut(b.ids[0]), status, i)
	}

	m.popular(listings, seed)

	slices.SortStableFunc(m.ops, func(x, y marketOp) int { return x.at.Compare(y.at) })
	for _, op := range m.ops {
		op.do(op.at)
	}
	s.settleOrders(b.now)
}

// popularOrders is how many more completed, reviewed orders the popular
// service has: past two pages of its detail's reviews (detailReviews).
const popularOrders = 2*detailReviews + 3

// popular gives the newest service of another agent than the demo agent
// (near the top of the services list) popularOrders reviewed orders, so
// it has more reviews than its detail carries and the client's "all
// reviews" has pages to read. They draw from a source of their own: every
// draw above, and so the rest of the market, stays as it was.
func (m *marketBuilder) popular(listings []listingRecord, seed uint64) {
	if len(listings) == 0 {
		return
	}
	l := listings[0]
	for _, x := range listings[1:] {
		if x.CreatedAt.After(l.CreatedAt) {
			l = x
		}
	}
	pm := &marketBuilder{b: m.b, rng: rand.New(rand.NewPCG(seed, 0x9091a7))}
	for range popularOrders {
		buyer := pm.someoneBut(l.AgentID)
		t0 := m.b.ago(time.Duration(3*24+pm.rng.IntN(int(marketSpan/time.Hour)-5*24)) * time.Hour)
		pm.chain(l, buyer, t0, 3*time.Hour, []string{"start", "deliver", "accept"}, true)
	}
	m.ops = append(m.ops, pm.ops...)
}

// listing draws a service of a category.
func (m *marketBuilder) listing(cat string, k int, sellerID string, at time.Time) listingRecord {
	c := marketCatalog[cat]
	title := c.titles[k%len(c.titles)]
	tags := []string{c.tags[m.rng.IntN(len(c.tags))], c.tags[m.rng.IntN(len(c.tags))]}
	slices.Sort(tags)
	l := listingRecord{
		AgentID: sellerID, Title: title, ShortDesc: title,
		Description: fmt.Sprintf("%s. Tell me what you need in the requirements; I deliver in the agreed time and answer order messages within hours.", title),
		Price:       (5 + m.rng.IntN(300)) * 100, DeliveryDays: 1 + m.rng.IntN(14), Revisions: m.rng.IntN(4),
		Category: cat, Tags: slices.Compact(tags), Featured: m.rng.IntN(7) == 0, Active: true,
		CreatedAt: at, UpdatedAt: at,
	}
	if m.rng.IntN(2) == 0 {
		l.ThumbnailURL = "https://imagineanything.com/marketplace/thumbs/" + cat + "-" + fmt.Sprint(k) + ".png"
	}
	return l
}

// someoneBut picks a seeded agent other than the demo agent and id.
func (m *marketBuilder) someoneBut(id string) string {
	for {
		if x := m.b.ids[1+m.rng.IntN(len(m.b.ids)-1)]; x != id {
			return x
		}
	}
}

// chain plans an order placed at t0 (paid paymentDelay later), then its
// actions gap apart from an hour after t0, then, if review is set and it
// was accepted, the buyer's review.
func (m *marketBuilder) chain(l listingRecord, buyerID string, t0 time.Time, gap time.Duration, actions []string, review bool) *string {
	s := m.b.s
	id := new(string)
	req := requirementTexts[m.rng.IntN(len(requirementTexts))]
	method := paymentMethods[m.rng.IntN(len(paymentMethods))]
	m.add(t0, func(at time.Time) { *id = s.placeOrder(l, buyerID, req, method, at).ID })
	at := t0.Add(time.Hour)
	for _, a := range actions {
		actor := l.AgentID
		if a == "accept" || a == "request_revision" || a == "dispute" {
			actor = buyerID
		}
		body := orderAction{Action: a}
		if a == "deliver" {
			body.Deliverables = "Delivered: https://imagineanything.com/marketplace/deliveries/" + fmt.Sprint(m.rng.IntN(1e6)) + ".zip"
		}
		m.add(at, func(at time.Time) {
			_, err := s.actOnOrder(*id, actor, body, at)
			must(err)
		})
		at = at.Add(gap)
	}
	if review && len(actions) > 0 && actions[len(actions)-1] == "accept" {
		rating := []int{5, 5, 5, 4, 4, 4, 3, 2, 1, 5}[m.rng.IntN(10)]
		texts := reviewTexts[rating]
		in := reviewInput{Rating: &rating, Content: texts[m.rng.IntN(len(texts))]}
		if m.rng.IntN(2) == 0 {
			q, c, d := min(5, rating+m.rng.IntN(2)), max(1, rating-m.rng.IntN(2)), rating
			in.QualityRating, in.CommunicationRating, in.DeliveryRating = &q, &c, &d
		}
		m.add(at, func(at time.Time) {
			in.OrderID = *id
			_, err := s.review(buyerID, in, at)
			must(err)
		})
	}
	return id
}

// demoOrder plans an order of buyerID for l that ends in status, recent
// enough that the clock rules have not moved it on (a PENDING_PAYMENT
// order is paid a few seconds after the server starts; a DISPUTED one is
// refunded within the hour).
func (m *marketBuilder) demoOrder(l listingRecord, buyerID, status string, i int) {
	steps := map[string][]string{
		orderPendingPayment: nil, orderPaid: nil,
		orderInProgress: {"start"}, orderDelivered: {"start", "deliver"},
		orderRevision:  {"start", "deliver", "request_revision"},
		orderCompleted: {"start", "deliver", "accept"}, orderCancelled: {"cancel"},
		orderDisputed: {"start", "deliver", "dispute"}, orderRefunded: {"start", "deliver", "dispute"},
	}[status]
	now := m.b.now
	gap := 5 * time.Hour
	end := now.Add(-time.Duration(1+i) * time.Hour)
	switch status {
	case orderPendingPayment:
		m.chain(l, buyerID, now.Add(-time.Second), gap, nil, false)
		return
	case orderDisputed:
		end = now.Add(-20 * time.Minute)
	case orderRefunded:
		end = now.Add(-3 * time.Hour)
	}
	t0 := end.Add(-time.Duration(len(steps))*gap - time.Hour + gap)
	if len(steps) == 0 {
		t0 = end
	}
	// The demo agent's completed sale has its review; its purchase is left
	// for the user to review.
	id := m.chain(l, buyerID, t0, gap, steps, buyerID != m.b.ids[0])
	// Order messages, between placing and the end.
	if len(steps) > 0 || status == orderPaid {
		first, second := buyerID, l.AgentID
		for k, text := range []string{"Hi! A few more details: " + requirementTexts[m.rng.IntN(len(requirementTexts))],
			"Thanks, got it. I'll start as soon as the payment clears.", "Any questions, just ask here."} {
			from := first
			if k%2 == 1 {
				from = second
			}
			if k == 2 && status == orderDelivered {
				text += hostileOrderMessage // security.md §8.1 H07, H08
			}
			at := t0.Add(time.Duration(10*(k+1)) * time.Minute)
			m.add(at, func(at time.Time) {
				o, _ := m.b.s.store.Order(*id)
				_, err := m.b.s.addOrderMessage(o, from, orderMessageInput{Content: text}, at)
				must(err)
			})
		}
	}
}
