package market

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"imagine/api"
	"imagine/api/sandbox"
	"imagine/internal/tuitest"
	"imagine/views"
)

// delivered is an order the demo agent bought, delivered by its seller
// on the sandbox, open on a pane over it.
func delivered(t *testing.T) (*sandbox.Server, *api.Client, *Model, api.Order) {
	t.Helper()
	sb, c := tuitest.SandboxClient(t, sandbox.Options{Seed: 1, NoRateLimit: true})
	o := inProgress(t, c, api.RoleBuyer)
	sb.ActAs(o.Seller.Handle).ActOnOrder(o.ID, "deliver", "The work, attached.")
	m := sandboxPane(t, c, 120, 40, false)
	tuitest.Settle(m.Update, m.Update(views.OpenOrderMsg{OrderID: o.ID}))
	if e := m.current(); e == nil || e.o.Status != api.OrderDelivered {
		t.Fatalf("test premise: the delivered order is open: %+v", e)
	}
	return sb, c, m, o
}

// thread is the contents of the order's messages on the server.
func thread(t *testing.T, c *api.Client, id string) []string {
	t.Helper()
	page, err := c.Market.OrderMessages(t.Context(), id, &api.ListOptions{Limit: threadPage})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, msg := range page.Items {
		out = append(out, msg.Content)
	}
	return out
}

// status is the order's status on the server.
func status(t *testing.T, c *api.Client, id string) api.OrderStatus {
	t.Helper()
	o, err := c.Market.Order(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	return o.Status
}

// TestSandboxARevisionSaysWhatShouldChangeAndADisputeWhy (QA 4): v asks
// what should change (required) and D why (optional, confirmed); the
// text reaches the seller as an order message before the action runs; a
// message that fails keeps the text and runs nothing; the revision stays
// in the order's timeline after the dispute.
func TestSandboxARevisionSaysWhatShouldChangeAndADisputeWhy(t *testing.T) {
	sb, c, m, o := delivered(t)
	keys := func(ks ...string) string { return statusText(tuitest.Keys(m.Update, ks...)) }
	keys("v")
	if m.open.act == nil {
		t.Fatal("v must ask what should change")
	}
	keys("enter")
	if v := ansi.Strip(m.View()); !strings.Contains(v, "What should change? (required: the seller reads it in the thread) — say what should change") {
		t.Errorf("an empty request must be refused beside the box:\n%s", v)
	}
	const want = "Make the chart's colours warmer."
	tuitest.TypeText(m.Update, want)
	sb.InjectOnce("POST", "/api/marketplace/orders/"+o.ID+"/messages", sandbox.Fault{Status: 500})
	keys("enter")
	v := ansi.Strip(m.View())
	if m.open.act == nil || !strings.Contains(v, want) || !strings.Contains(strings.Join(strings.Fields(v), " "),
		"your message was not sent, so the order was not sent back for a revision") {
		t.Errorf("a failed message must keep the text and say nothing was done:\n%s", v)
	}
	if s := status(t, c, o.ID); s != api.OrderDelivered {
		t.Fatalf("the revision ran without its message: %s", s)
	}
	if st := keys("enter"); !strings.Contains(st, "Order sent back for a revision") || m.open.act != nil {
		t.Errorf("sent again: %q", st)
	}
	if s, th := status(t, c, o.ID), thread(t, c, o.ID); s != api.OrderRevision || th[len(th)-1] != "Revision requested: "+want {
		t.Errorf("on the server: %s, thread ends %q", s, th[len(th)-1])
	}
	if v := ansi.Strip(m.View()); !strings.Contains(v, "Revision requested: "+want) {
		t.Errorf("the message must be in the thread on screen:\n%s", v)
	}

	// D: why is optional; the dispute is confirmed, "Keep it" first.
	keys("D")
	tuitest.TypeText(m.Update, "Two revisions would not fix it.")
	if st := keys("enter", "enter"); st != "kept: the order was not disputed · D brings back what you typed" {
		t.Errorf("declining the dispute: %q", st)
	}
	if s := status(t, c, o.ID); s != api.OrderRevision {
		t.Fatalf("declined, yet %s", s)
	}
	keys("D")
	if v := ansi.Strip(m.View()); !strings.Contains(v, "Two revisions would not fix it.") {
		t.Errorf("D must bring back the reason:\n%s", v)
	}
	keys("enter", "y")
	if s, th := status(t, c, o.ID), thread(t, c, o.ID); s != api.OrderDisputed || th[len(th)-1] != "Disputed: Two revisions would not fix it." {
		t.Errorf("on the server: %s, thread ends %q", s, th[len(th)-1])
	}
	if tl := ansi.Strip(m.timeline(m.current())); !strings.Contains(tl, "delivered") || !strings.Contains(tl, "› revision") ||
		!strings.Contains(tl, "› disputed") {
		t.Errorf("the revision must stay in the timeline: %q", tl)
	}
}

// TestSandboxDecliningACancelKeepsTheOrderAndSaysSo (QA 7): n on the
// cancel question keeps the order, and the status line says "kept", not
// "cancelled".
func TestSandboxDecliningACancelKeepsTheOrderAndSaysSo(t *testing.T) {
	_, c := tuitest.SandboxClient(t, sandbox.Options{Seed: 1, NoRateLimit: true})
	o := inProgress(t, c, api.RoleBuyer)
	m := sandboxPane(t, c, 120, 40, false)
	tuitest.Settle(m.Update, m.Update(views.OpenOrderMsg{OrderID: o.ID}))
	tuitest.Keys(m.Update, "x")
	if v := ansi.Strip(m.View()); !strings.Contains(v, "Cancel this order?") || !strings.Contains(v, "Keep it") {
		t.Fatalf("x must ask first:\n%s", v)
	}
	st := statusText(tuitest.Keys(m.Update, "n"))
	if st != "kept: the order was not cancelled" || strings.Contains(st, "cancelled:") {
		t.Errorf("declined: %q", st)
	}
	if s := status(t, c, o.ID); s != api.OrderInProgress {
		t.Errorf("declined, yet %s", s)
	}
	tuitest.Keys(m.Update, "x", "y")
	if s := status(t, c, o.ID); s != api.OrderCancelled {
		t.Errorf("confirmed, yet %s", s)
	}
}

// TestSandboxAReviewedOrderNoLongerOffersAReview (QA 5): once the review
// is posted, neither the order's "now:" line nor the help offers R; in
// the form, the keys line says what enter does on the field at hand
// (posting, in the text box) and ←/→ only where it chooses.
func TestSandboxAReviewedOrderNoLongerOffersAReview(t *testing.T) {
	_, c, m, o := delivered(t)
	if _, err := c.Market.OrderAction(t.Context(), o.ID, api.ActionAccept, ""); err != nil {
		t.Fatal(err)
	}
	tuitest.Settle(m.Update, func() tea.Msg { m.ForceRefresh(); return m.Refresh(t.Context())() })
	if v := ansi.Strip(m.View()); !strings.Contains(v, "now: R review") {
		t.Fatalf("test premise: the completed order offers R:\n%s", v)
	}
	tuitest.Keys(m.Update, "R")
	lines := strings.Split(ansi.Strip(m.View()), "\n")
	if head, foot := lines[0], lines[len(lines)-1]; !strings.Contains(head, "←/→ rating") || !strings.HasPrefix(foot, "←/→ choose · enter next") {
		t.Errorf("on the rating: %q … %q", head, foot)
	}
	tuitest.Keys(m.Update, "left", "enter", "enter", "enter", "enter")
	lines = strings.Split(ansi.Strip(m.View()), "\n")
	if head, foot := lines[0], lines[len(lines)-1]; strings.Contains(head, "←/→") || !strings.HasPrefix(foot, "enter posts the review · alt+enter new line") {
		t.Errorf("in the text box: %q … %q", head, foot)
	}
	tuitest.TypeText(m.Update, "Clear and on time.")
	if st := statusText(tuitest.Keys(m.Update, "enter")); st != "Review posted" {
		t.Fatalf("posting: %q", st)
	}
	if v := ansi.Strip(m.View()); strings.Contains(v, "R review") || !strings.Contains(v, "next: reviewed") {
		t.Errorf("a reviewed order must not offer R:\n%s", v)
	}
	for _, b := range m.ShortHelp() {
		if b.Help().Key == m.keys.Market.Review.Help().Key {
			t.Errorf("the help still lists %q", b.Help())
		}
	}
}

// TestSandboxAReviewFromAnEarlierSessionIsKnown: orders do not say they
// were reviewed; a pane started after the review (a restart) finds it
// among the service's reviews when the order is opened, and offers no
// second review.
func TestSandboxAReviewFromAnEarlierSessionIsKnown(t *testing.T) {
	_, c, _, o := delivered(t)
	ctx := t.Context()
	if _, err := c.Market.OrderAction(ctx, o.ID, api.ActionAccept, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Market.CreateReview(ctx, &api.ReviewRequest{OrderID: o.ID, Rating: 5, Content: "Clear and on time."}); err != nil {
		t.Fatal(err)
	}
	m := sandboxPane(t, c, 120, 40, false)
	tuitest.Settle(m.Update, m.Update(views.OpenOrderMsg{OrderID: o.ID}))
	if v := ansi.Strip(m.View()); strings.Contains(v, "R review") || !strings.Contains(v, "next: reviewed") {
		t.Errorf("an order reviewed before the restart offers R:\n%s", v)
	}
	if why := m.refusal(m.current(), reviewAction); why != alreadyReviewed {
		t.Errorf("R on it: %q", why)
	}
}
