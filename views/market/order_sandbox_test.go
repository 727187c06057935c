package market

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"imagine/api"
	"imagine/api/sandbox"
	"imagine/internal/tuitest"
	"imagine/theme"
	"imagine/views"
)

// stillSandbox is the sandbox on a clock that does not move, so an order
// stays pending payment (the sandbox pays it 3 s after it is placed), and
// a pane over it at w x h on the Services, the cursor on a service sold
// by another agent.
func stillSandbox(t *testing.T, w, h int) (*sandbox.Server, *api.Client, *Model) {
	t.Helper()
	at := time.Now()
	sb, c := tuitest.SandboxClient(t, sandbox.Options{Seed: 1, NoRateLimit: true, Now: func() time.Time { return at }})
	m := sandboxPane(t, c, w, h, false)
	tuitest.Keys(m.Update, "S")
	for i := range m.svc.items {
		if !m.mine(&m.svc.items[i]) {
			return sb, c, m
		}
		tuitest.Keys(m.Update, "j")
	}
	t.Fatal("test premise: a service sold by another agent")
	return nil, nil, nil
}

// placeOrder answers the confirmation among msgs and returns what that
// made.
func placeOrder(t *testing.T, m *Model, msgs []tea.Msg) []tea.Msg {
	t.Helper()
	c, ok := tuitest.Find[views.ConfirmMsg](msgs)
	if !ok {
		t.Fatalf("the order was not confirmed first: %v\n%s", msgs, ansi.Strip(m.View()))
	}
	return tuitest.Settle(m.Update, c.Yes)
}

// TestSandboxAnOrdersMethodIsChosenAndItsTextSurvivesARefusal (QA 1):
// the payment method is chosen from the four the API takes, never read
// from the text, so the requirements are sent as typed; a refused order
// brings the form back with the text and the method as they were.
func TestSandboxAnOrdersMethodIsChosenAndItsTextSurvivesARefusal(t *testing.T) {
	sb, c, m := stillSandbox(t, 120, 40)
	svc := *m.selectedService()
	const req = "PAYPAL\nA forecast of the next quarter, in a table."
	tuitest.Keys(m.Update, "B")
	tuitest.TypeText(m.Update, "PAYPAL")
	tuitest.Keys(m.Update, "ctrl+j") // a new line in the box
	tuitest.TypeText(m.Update, "A forecast of the next quarter, in a table.")
	v := ansi.Strip(m.View())
	for _, want := range []string{"Pay with", "> card", "USDC", "USDP", "Coinbase", "enter next"} {
		if !strings.Contains(v, want) {
			t.Errorf("the order form lacks %q:\n%s", want, v)
		}
	}
	tuitest.Keys(m.Update, "enter", "down", "down", "down") // to the method: Coinbase
	if v := ansi.Strip(m.View()); !strings.Contains(v, "↑/↓ choose · enter orders") {
		t.Errorf("the method's keys:\n%s", v)
	}
	sb.InjectOnce("POST", "/api/marketplace/orders", sandbox.Fault{Status: 500})
	msgs := placeOrder(t, m, tuitest.Keys(m.Update, "enter"))
	v = ansi.Strip(m.View())
	if m.svc.order == nil || !strings.Contains(v, "A forecast of the next quarter, in a table.") || !strings.Contains(v, "> Coinbase") {
		t.Fatalf("a refused order must bring the form back as it was (%v):\n%s", statusText(msgs), v)
	}
	tuitest.Keys(m.Update, "enter")
	placeOrder(t, m, tuitest.Keys(m.Update, "enter"))
	page, err := c.Market.Orders(t.Context(), &api.OrderListOptions{Role: api.RoleBuyer, Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, o := range page.Items {
		if o.ServiceID == svc.ID {
			got = append(got, o.PaymentMethod+" "+o.Requirements)
		}
	}
	if want := "COINBASE " + req; len(got) != 1 || got[0] != want {
		t.Errorf("orders of %s: %q, want one %q", svc.ID, got, want)
	}
	// Placed: B starts afresh.
	tuitest.Keys(m.Update, "esc", "S", "B")
	if m.svc.order == nil || m.svc.order.d.req != "" || m.svc.order.d.method != api.PaymentCard {
		t.Errorf("the draft of a placed order must be gone: %+v", m.svc.order)
	}
}

// TestSandboxACheckoutIsShownOnTheOrderAndACardIsPaidOnTheWeb (QA 2, 3):
// the Coinbase checkout the API returns is on the new order's screen in
// full (a hyperlink where the theme allows), in o's list, and y copies
// it; a card says where it is paid and never shows the client secret;
// nothing is left above the orders list, whatever its size.
func TestSandboxACheckoutIsShownOnTheOrderAndACardIsPaidOnTheWeb(t *testing.T) {
	_, _, m := stillSandbox(t, 120, 40)
	st := theme.New(true, false)
	st.Hyperlinks = true
	m.SetStyles(st)
	tuitest.Keys(m.Update, "B")
	tuitest.TypeText(m.Update, "Paid by Coinbase")
	tuitest.Keys(m.Update, "enter", "down", "down", "down")
	msgs := placeOrder(t, m, tuitest.Keys(m.Update, "enter"))
	e := m.current()
	if e == nil || e.o.Status != api.OrderPendingPayment {
		t.Fatalf("the new order's screen must open: %+v (%v)", e, statusText(msgs))
	}
	url := "https://sandbox.invalid/coinbase/checkout/" + e.o.ID
	raw := m.View()
	v := ansi.Strip(raw)
	for _, want := range []string{"Pay at this checkout · y copies it · o lists it", url, "to be paid by Coinbase", "next: pay at the checkout below"} {
		if !strings.Contains(v, want) {
			t.Errorf("the order's screen lacks %q:\n%s", want, v)
		}
	}
	if strings.Contains(v, "paid by COINBASE") || !strings.Contains(raw, ansi.SetHyperlink(url)) {
		t.Errorf("the method must read as not yet paid, the link be an OSC 8 link:\n%q", raw)
	}
	if got := fmt.Sprint(tuitest.Keys(m.Update, "y")); !strings.Contains(got, "["+url+" ") || !strings.Contains(got, "copied https://sandbox.invalid/") {
		t.Errorf("y must copy the checkout: %v", got)
	}
	tuitest.Keys(m.Update, "o")
	if v := ansi.Strip(m.View()); !strings.Contains(v, "web page "+url) {
		t.Errorf("o must list the checkout:\n%s", v)
	}
	tuitest.Keys(m.Update, "esc", "esc")
	for _, size := range [][2]int{{120, 40}, {50, 15}} {
		m.SetSize(size[0], size[1])
		if v := ansi.Strip(m.View()); strings.Contains(v, "Order placed") {
			t.Errorf("%dx%d: the orders list keeps a banner:\n%s", size[0], size[1], v)
		}
	}
	m.SetSize(120, 40)
	if v := ansi.Strip(m.View()); !strings.Contains(v, "→ pay at the checkout (open the order)") {
		t.Errorf("the row must say where to pay:\n%s", v)
	}

	// A card: paid in the web app, the secret never shown.
	tuitest.Keys(m.Update, "S", "B")
	tuitest.TypeText(m.Update, "Paid by card")
	msgs = placeOrder(t, m, tuitest.Keys(m.Update, "enter", "enter"))
	v = ansi.Strip(m.View())
	if !strings.Contains(statusText(msgs), "finish paying in the ImagineAnything web app") ||
		!strings.Contains(v, "Card payment is finished in the ImagineAnything web app") || !strings.Contains(v, "to be paid by card") {
		t.Errorf("a card order must say where it is paid (%q):\n%s", statusText(msgs), v)
	}
	if strings.Contains(m.View()+fmt.Sprint(msgs), "pi_sandbox_") {
		t.Error("the client secret is shown")
	}
}
