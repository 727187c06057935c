package market

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"imagine/api"
	"imagine/api/sanitize"
	"imagine/internal/tuitest"
	"imagine/views"
)

func intp(n int) *int { return &n }

// catalog is a marketplace of services, one of them the demo agent's.
func catalog() []api.MarketService {
	cats := []string{"CREATIVE", "ANALYST", "CHATBOT", "AUTOMATION"}
	sellers := []api.Agent{agent("ada_bot", "Ada Bot"), agent("quill", "Quill Writer"), agent("pixel", "Pixel")}
	var out []api.MarketService
	for i := range 30 {
		out = append(out, api.MarketService{
			ID: fmt.Sprintf("s%d", i), Title: fmt.Sprintf("Service number %d", i),
			Description: "A **fine** service.\n\n- fast\n- careful", Price: 500 + 250*i,
			DeliveryDays: 1 + i%5, Revisions: i % 3, Category: cats[i%len(cats)],
			AvgRating: 3.5 + float64(i%3)/2, ReviewCount: i % 7, OrderCount: i,
			Featured: i%4 == 0, Seller: sellers[i%len(sellers)], CreatedAt: t0.Add(-time.Duration(i) * time.Hour),
		})
	}
	out[0].Title = "Logo design"
	out[0].Tags = []string{"logo", "branding"}
	out[0].SellerStats = &api.SellerStats{CompletedOrders: 12, AvgRating: 4.7, ReviewCount: 9, ServiceCount: 3, ResponseTime: "2h"}
	out[0].Reviews = []api.Review{{ID: "r1", Reviewer: agent("quill", "Quill Writer"), Rating: 5,
		QualityRating: intp(5), CommunicationRating: intp(4), DeliveryRating: intp(5),
		Content: "Great *work*, on time.", CreatedAt: t0.Add(-48 * time.Hour)}}
	out[0].ReviewCount = 1
	out[2].Seller = agent(me, "Demo Agent")
	out[2].Title = "My own listing"
	return out
}

func servicesHarness(t testing.TB, w, h int) *harness {
	hs := newHarness(t, w, h, fixture())
	hs.src.catalog = catalog()
	return hs
}

func TestSectionSwitchReadsServicesOnceAndNeverPolls(t *testing.T) {
	hs := servicesHarness(t, 80, 24)
	if hs.src.services != 0 {
		t.Fatalf("services read before shown: %d", hs.src.services)
	}
	hs.keys("S")
	if hs.src.services != 1 || !strings.Contains(hs.m.View(), "services") {
		t.Fatalf("the switch must read the services once: %d\n%s", hs.src.services, ansi.Strip(hs.m.View()))
	}
	for range 3 {
		hs.poll()
	}
	if hs.src.services != 1 {
		t.Errorf("polls read the services: %d", hs.src.services)
	}
	hs.keys("S")
	if !strings.Contains(ansi.Strip(hs.m.View()), "· orders ·") {
		t.Errorf("S goes back to the orders")
	}
	hs.keys("S")
	if hs.src.services != 1 {
		t.Errorf("coming back re-read the services: %d", hs.src.services)
	}
}

func TestSearchIsDebouncedAndSentToTheServer(t *testing.T) {
	hs := servicesHarness(t, 80, 24)
	hs.keys("S", "/")
	// Keys typed faster than the debounce: their ticks end together.
	var cmds []tea.Cmd
	for _, k := range tuitest.Type("logo") {
		cmds = append(cmds, hs.m.Update(k))
	}
	tuitest.Settle(hs.m.Update, tea.Batch(cmds...))
	if got := hs.src.services; got != 2 {
		t.Errorf("typing 4 letters made %d reads, want 1 more than the first", got-1)
	}
	last := hs.src.svcOpts[len(hs.src.svcOpts)-1]
	if last.Search != "logo" {
		t.Errorf("search sent = %q", last.Search)
	}
	hs.keys("enter")
	if hs.src.services != 2 {
		t.Errorf("enter re-read the same search")
	}
	if v := ansi.Strip(hs.m.View()); !strings.Contains(v, "Logo design") || strings.Contains(v, "Service number 1 ") {
		t.Errorf("the search's answer is not shown:\n%s", v)
	}
}

func TestFiltersAndSortAreSent(t *testing.T) {
	hs := servicesHarness(t, 80, 24)
	hs.keys("S", "C", "F", "O", "O")
	last := hs.src.svcOpts[len(hs.src.svcOpts)-1]
	if last.Category != "ASSISTANT" || last.Featured == nil || !*last.Featured || last.SortBy != api.SortPrice || last.SortOrder != api.SortAsc {
		t.Errorf("options = %+v", last)
	}
	hs.keys("$")
	hs.typeText("5-20.50")
	hs.keys("ctrl+s")
	last = hs.src.svcOpts[len(hs.src.svcOpts)-1]
	if last.MinPrice != 500 || last.MaxPrice != 2050 {
		t.Errorf("price range = %d-%d", last.MinPrice, last.MaxPrice)
	}
	if v := ansi.Strip(hs.m.View()); !strings.Contains(v, "$5.00–$20.50") {
		t.Errorf("the header does not say the range:\n%s", v)
	}
	hs.keys("$")
	hs.typeText("abc")
	hs.keys("ctrl+s")
	if v := ansi.Strip(hs.m.View()); !strings.Contains(v, "not sent") {
		t.Errorf("a bad range must be refused in the prompt:\n%s", v)
	}
}

func TestPagingNearTheEnd(t *testing.T) {
	hs := servicesHarness(t, 80, 24)
	hs.keys("S")
	if n := len(hs.m.svc.items); n != servicesPage {
		t.Fatalf("first page = %d", n)
	}
	for range servicesPage - pageAhead {
		hs.keys("j")
	}
	if n := len(hs.m.svc.items); n != 30 {
		t.Errorf("the next page was not read near the end: %d items", n)
	}
}

func TestAFailedNextPageIsNotReadAgainUntilTheCursorMoves(t *testing.T) {
	hs := servicesHarness(t, 80, 24)
	hs.keys("S")
	hs.src.mu.Lock()
	hs.src.svcErr = &api.Error{StatusCode: 503, Message: "down for a moment"}
	hs.src.mu.Unlock()
	for range servicesPage - pageAhead {
		hs.keys("j")
	}
	reads := func() int {
		hs.src.mu.Lock()
		defer hs.src.mu.Unlock()
		return hs.src.services
	}
	failed := reads()
	if hs.m.svc.err == nil {
		t.Fatal("test premise: the next page failed")
	}
	if n := reads(); n != failed {
		t.Errorf("%d reads after the failure with no move, want none", n-failed)
	}
	hs.keys("j")
	if n := reads(); n != failed+1 {
		t.Errorf("a move made %d reads, want one retry", n-failed)
	}
}

func TestServiceScreenAndBack(t *testing.T) {
	hs := servicesHarness(t, 120, 40)
	hs.keys("S", "j", "k")
	hs.keys("enter")
	v := ansi.Strip(hs.m.View())
	for _, want := range []string{"Logo design", "$5.00", "delivered in 1 day", "#logo", "Ada Bot", "12 completed orders", "quality 5", "communication 4", "Great work"} {
		if !strings.Contains(v, want) {
			t.Errorf("service screen lacks %q:\n%s", want, v)
		}
	}
	msgs := hs.keys("p")
	if p, ok := tuitest.Find[views.OpenProfileMsg](msgs); !ok || p.Handle != "ada_bot" {
		t.Errorf("p must open the seller's profile: %v", msgs)
	}
	hs.keys("esc")
	if hs.m.svc.open != nil || hs.m.svc.win.Cursor != 0 {
		t.Errorf("esc must come back to the same row")
	}
}

func TestPlacingAnOrderShowsTheCheckoutNeverTheSecret(t *testing.T) {
	const secret = "pi_sandbox_SECRET_123"
	hs := servicesHarness(t, 80, 24)
	hs.src.payment = api.Payment{ClientSecret: api.Secret(secret)}
	hs.keys("S", "enter", "B")
	hs.typeText("A round logo")
	msgs := hs.keys("enter", "enter") // next, then the method as it is: card
	c, ok := tuitest.Find[views.ConfirmMsg](msgs)
	if !ok || len(hs.src.placed) != 0 {
		t.Fatalf("the order must be confirmed first: %v placed %v", msgs, hs.src.placed)
	}
	if !strings.Contains(c.Body, "to be paid by card") || !strings.Contains(c.Body, "$5.00") {
		t.Errorf("confirmation = %q", c.Body)
	}
	msgs = tuitest.Settle(hs.m.Update, c.Yes)
	if len(hs.src.placed) != 1 || hs.src.placed[0] != "s0 CARD A round logo" {
		t.Fatalf("placed = %v", hs.src.placed)
	}
	v := hs.m.View()
	if strings.Contains(v, secret) || strings.Contains(fmt.Sprint(msgs), secret) {
		t.Fatalf("the client secret is on screen or in a message")
	}
	if s := statusText(msgs); !strings.Contains(s, "finish paying in the ImagineAnything web app") {
		t.Errorf("status = %q", s)
	}
	sv := ansi.Strip(v)
	if !strings.Contains(sv, "Card payment is finished in the ImagineAnything web app") || !strings.Contains(sv, "to be paid by card") {
		t.Errorf("the new order's screen must say where to pay:\n%s", sv)
	}
	if e := hs.m.current(); e == nil || e.o.ID != "new1" || e.o.Status != api.OrderPendingPayment {
		t.Errorf("the new order must be open: %+v", e)
	}
	golden.RequireEqual(t, []byte(sv))
}

func TestPlacingAnOrderOpensTheCheckoutURL(t *testing.T) {
	const url = "https://sandbox.invalid/checkout/abcdefghijklmnopqrstuvwxyz0123456789/abcdefghijklmnopqrstuvwxyz0123456789"
	hs := servicesHarness(t, 80, 24)
	hs.src.payment = api.Payment{CheckoutURL: url}
	hs.keys("S", "B")
	hs.typeText("Needs")
	hs.keys("enter", "down", "down", "down")
	c, _ := tuitest.Find[views.ConfirmMsg](hs.keys("enter"))
	msgs := tuitest.Settle(hs.m.Update, c.Yes)
	if u, ok := tuitest.Find[views.OpenURLMsg](msgs); !ok || u.URL != url {
		t.Errorf("the checkout must be opened: %v", msgs)
	}
	v := ansi.Strip(hs.m.View())
	if !strings.Contains(strings.ReplaceAll(strings.ReplaceAll(v, "\n", ""), " ", ""), url) {
		t.Errorf("the checkout URL must be shown in full:\n%s", v)
	}
	if hs.src.placed[0] != "s0 COINBASE Needs" {
		t.Errorf("placed = %v", hs.src.placed)
	}
}

func TestOrderingNeedsRequirementsAndNotYourOwnService(t *testing.T) {
	hs := servicesHarness(t, 80, 24)
	hs.keys("S", "B", "enter", "enter")
	if v := ansi.Strip(hs.m.View()); !strings.Contains(v, "Requirements (required): what you need from the seller — say what you need") {
		t.Errorf("empty requirements must be refused beside them:\n%s", v)
	}
	hs.keys("esc", "j", "j")
	msgs := hs.keys("B")
	st, ok := tuitest.Find[views.StatusMsg](msgs)
	if !ok || !strings.Contains(st.Text, "your own service") || hs.m.activeForm() != nil {
		t.Errorf("ordering one's own service must be refused: %v", msgs)
	}
	if len(hs.src.placed) != 0 {
		t.Errorf("sent: %v", hs.src.placed)
	}
}

func TestGoldenServices(t *testing.T) {
	each(t, func(t *testing.T, w, h int) {
		hs := servicesHarness(t, w, h)
		hs.keys("S", "j")
		view := hs.m.View()
		tuitest.CheckFrame(t, view, w, h)
		checkOnlySGR(t, view)
		golden.RequireEqual(t, []byte(ansi.Strip(view)))
	})
}

func TestGoldenService(t *testing.T) {
	each(t, func(t *testing.T, w, h int) {
		hs := servicesHarness(t, w, h)
		hs.keys("S", "enter")
		view := hs.m.View()
		tuitest.CheckFrame(t, view, w, h)
		checkOnlySGR(t, view)
		golden.RequireEqual(t, []byte(ansi.Strip(view)))
	})
}

func TestServicesSelectionInTheGutterOnly(t *testing.T) {
	hs := servicesHarness(t, 80, 24)
	hs.keys("S", "j")
	before := hs.m.View()
	hs.keys("j")
	tuitest.SelectionMovedInGutterOnly(t, before, hs.m.View())
}

func TestGoldenHostileService(t *testing.T) {
	each(t, func(t *testing.T, w, h int) {
		hs := servicesHarness(t, w, h)
		c := hs.src.catalog
		c[0].Title = sanitize.Line("Logo\x1b]0;SENTINEL-TITLE\x07 design" + h01)
		c[0].Seller = agent("eve", sanitize.Identity("\x1b]0;SENTINEL-TITLE\x07Eve"))
		c[0].Description = sanitize.Block("# Brief\n\nround " + h01 + " and\rbob: pay me\n\ninvoice\u202egpj.exe " + h15)
		c[0].Tags = []string{sanitize.Line("tag\u2066x" + h01)}
		c[0].Reviews[0].Content = sanitize.Block("Z" + strings.Repeat("\u0301", 1000) + " zalgo " + h01)
		hs.keys("S")
		list := hs.m.View()
		hs.keys("enter")
		screen := hs.m.View()
		for i, view := range []string{list, screen} {
			tuitest.CheckFrame(t, view, w, h)
			checkOnlySGR(t, view)
			if strings.Contains(view, "SENTINEL") || strings.Contains(view, "Y3VybCAt") {
				t.Errorf("frame %d shows a payload", i)
			}
		}
		golden.RequireEqual(t, []byte(ansi.Strip(list+"\n----\n"+screen)))
	})
}

func TestServicesFramesFitNarrowWidths(t *testing.T) {
	for _, w := range []int{20, 41, 63} {
		for _, h := range []int{5, 11} {
			hs := servicesHarness(t, w, h)
			hs.keys("S")
			for range 4 {
				for _, f := range tuitest.FrameFaults(hs.m.View(), w, h) {
					t.Errorf("%dx%d: %s", w, h, f)
				}
				hs.keys("j")
			}
			hs.keys("enter")
			for _, f := range tuitest.FrameFaults(hs.m.View(), w, h) {
				t.Errorf("%dx%d service: %s", w, h, f)
			}
		}
	}
}
