package market

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"imagine/api"
	"imagine/internal/tuitest"
	"imagine/views"
)

// manyReviews is n reviews of a service, newest first: sub-ratings on
// every other one, a long text now and then (it wraps).
func manyReviews(n int) []api.Review {
	who := []api.Agent{agent("quill", "Quill Writer"), agent("pixel", "Pixel"), agent("ada_bot", "Ada Bot")}
	texts := []string{"Great *work*, on time.", "Fine.", strings.Repeat("Thorough and careful, with notes on every choice. ", 4)}
	out := make([]api.Review, 0, n)
	for i := range n {
		r := api.Review{ID: fmt.Sprintf("rv%02d", i), ServiceID: "s0", Reviewer: who[i%len(who)], Rating: 5 - i%5,
			Content: texts[i%len(texts)], CreatedAt: t0.Add(-time.Duration(i*13) * time.Hour)}
		if i%2 == 0 {
			r.QualityRating, r.CommunicationRating, r.DeliveryRating = intp(5-i%5), intp(4), intp(5)
		}
		out = append(out, r)
	}
	return out
}

// reviewsHarness is the services over the fake with "Logo design" (s0)
// holding n reviews, of which its detail carries the first.
func reviewsHarness(t testing.TB, w, h, n int) *harness {
	hs := servicesHarness(t, w, h)
	all := manyReviews(n)
	hs.src.revs = map[string][]api.Review{"s0": all}
	hs.src.catalog[0].ReviewCount = n
	if n > 0 {
		hs.src.catalog[0].Reviews = all[:1]
	}
	return hs
}

func TestGoldenServiceReviews(t *testing.T) {
	each(t, func(t *testing.T, w, h int) {
		hs := reviewsHarness(t, w, h, 25)
		hs.keys("S", "enter", "G")
		service := hs.m.View()
		hs.keys("V", "j")
		reviews := hs.m.View()
		for _, v := range []string{service, reviews} {
			tuitest.CheckFrame(t, v, w, h)
			checkOnlySGR(t, v)
		}
		if !strings.Contains(ansi.Strip(service), "all 25 reviews · V to read them") {
			t.Errorf("the service does not say how many reviews it has:\n%s", ansi.Strip(service))
		}
		golden.RequireEqual(t, []byte(ansi.Strip(service+"\n----\n"+reviews)))
	})
}

func TestReviewsSelectionInTheGutterOnly(t *testing.T) {
	hs := reviewsHarness(t, 80, 24, 25)
	hs.keys("S", "enter", "V")
	before := hs.m.View()
	hs.keys("j")
	tuitest.SelectionMovedInGutterOnly(t, before, hs.m.View())
}

// TestReviewsLoadingEmptyAndFailed: "loading…" until the first page; a
// service without reviews says so; a failed read says why and that
// moving retries, and moving does.
func TestReviewsLoadingEmptyAndFailed(t *testing.T) {
	hs := reviewsHarness(t, 80, 24, 25)
	hs.keys("S", "enter")
	cmd := hs.m.Update(tuitest.Press("V"))
	if v := ansi.Strip(hs.m.View()); !strings.Contains(v, "loading…") || !strings.Contains(v, "Reviews") {
		t.Errorf("before the first page:\n%s", v)
	}
	tuitest.Settle(hs.m.Update, cmd)
	if v := ansi.Strip(hs.m.View()); strings.Contains(v, "loading…") || !strings.Contains(v, "20 of 25 reviews loaded") {
		t.Errorf("after the first page:\n%s", v)
	}

	empty := reviewsHarness(t, 80, 24, 0)
	empty.keys("S", "enter", "V")
	if v := ansi.Strip(empty.m.View()); !strings.Contains(v, "No reviews yet.") {
		t.Errorf("a service without reviews:\n%s", v)
	}

	bad := reviewsHarness(t, 80, 24, 25)
	bad.src.revErr = errBoom
	bad.keys("S", "enter", "V")
	if v := ansi.Strip(bad.m.View()); !strings.Contains(v, "couldn't load the reviews: boom") || !strings.Contains(v, "move to retry") {
		t.Errorf("a failed first page:\n%s", v)
	}
	bad.src.revErr = nil
	bad.keys("j")
	if rs := bad.m.reviews(); rs == nil || len(rs.items) != reviewsPage || rs.err != nil {
		t.Fatalf("moving did not read again: %d reads", len(bad.src.revReads))
	}
	// A failed next page keeps what is loaded and says so on top.
	bad.src.revErr = errBoom
	bad.keys("G")
	if v := ansi.Strip(bad.m.View()); !strings.Contains(v, "couldn't load more: boom · move to retry") || !strings.Contains(v, "@") {
		t.Errorf("a failed next page:\n%s", v)
	}
	bad.src.revErr = nil
	bad.keys("k")
	if rs := bad.m.reviews(); len(rs.items) != 25 {
		t.Errorf("moving after a failed page: %d reviews", len(rs.items))
	}
}

// TestReviewsKeys: p opens the selected reviewer's profile; esc comes
// back to the service; a page read for a reviews screen since closed is
// dropped; the key and the palette say where the action works.
func TestReviewsKeys(t *testing.T) {
	hs := reviewsHarness(t, 80, 24, 25)
	if why := hs.m.ActionDisabled("market.reviews"); why == "" {
		t.Errorf("all reviews is offered on the orders list")
	}
	hs.keys("S", "enter")
	if why := hs.m.ActionDisabled("market.reviews"); why != "" {
		t.Errorf("all reviews is refused on a service: %s", why)
	}
	if !helpHas(hs.m, "V") {
		t.Errorf("the service's help does not list V")
	}
	stale := hs.m.Update(tuitest.Press("V"))
	hs.keys("esc")
	fresh := hs.m.Update(tuitest.Press("V"))
	tuitest.Settle(hs.m.Update, stale) // the closed screen's page, late
	if rs := hs.m.reviews(); len(rs.items) != 0 || !rs.loading {
		t.Fatalf("a late page of a closed screen was applied: %d reviews", len(rs.items))
	}
	tuitest.Settle(hs.m.Update, fresh)
	if rs := hs.m.reviews(); len(rs.items) != reviewsPage || len(hs.src.revReads) != 2 {
		t.Fatalf("after the screen's own page: %d reviews, %d reads", len(rs.items), len(hs.src.revReads))
	}
	msgs := hs.keys("j", "p")
	if open, ok := tuitest.Find[views.OpenProfileMsg](msgs); !ok || open.Handle != "pixel" {
		t.Errorf("p on the second review: %v", msgs)
	}
	if !helpHas(hs.m, "p") || helpHas(hs.m, "B") {
		t.Errorf("the reviews screen's help: %v", hs.m.ShortHelp())
	}
	hs.keys("esc")
	if hs.m.svc.open == nil || hs.m.reviews() != nil {
		t.Errorf("esc did not come back to the service")
	}
}

func helpHas(m *Model, k string) bool {
	for _, g := range m.FullHelp() {
		for _, b := range g {
			if b.Help().Key == k {
				return true
			}
		}
	}
	return false
}

func TestReviewsFitNarrowAndOddWidths(t *testing.T) {
	for _, w := range []int{20, 27, 41, 63, 119} {
		for _, h := range []int{5, 11, 24} {
			hs := reviewsHarness(t, w, h, 25)
			hs.keys("S", "enter", "V")
			for range 26 {
				for _, f := range tuitest.FrameFaults(hs.m.View(), w, h) {
					t.Errorf("%dx%d: %s", w, h, f)
				}
				hs.keys("j")
			}
		}
	}
}
