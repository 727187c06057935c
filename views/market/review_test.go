package market

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"imagine/api"
	"imagine/internal/tuitest"
)

// completedForReview opens o2 (bought, delivered), accepts it and opens
// the review form.
func completedForReview(t *testing.T, w, h int) *harness {
	t.Helper()
	hs := newHarness(t, w, h, fixture())
	hs.keys("j", "enter") // o2
	if s := statusText(hs.keys("R")); !strings.Contains(s, "accept the delivery first") {
		t.Errorf("review before accepting: %q", s)
	}
	if hs.m.open.review != nil {
		t.Fatal("the form opened before the order was completed")
	}
	hs.keys("a")
	if hs.src.find("o2").Status != api.OrderCompleted {
		t.Fatal("not accepted")
	}
	hs.keys("R")
	if hs.m.open.review == nil || !hs.m.CapturesInput() {
		t.Fatal("R on a completed order must open the review form and take the keys")
	}
	return hs
}

func TestReviewFormRequiresARatingAndKeepsTheValues(t *testing.T) {
	hs := completedForReview(t, 80, 24)
	// Straight to the text, the rating left on "choose".
	hs.keys("enter", "enter", "enter", "enter")
	hs.typeText("Thorough work.")
	hs.keys("enter")
	v := ansi.Strip(hs.m.View())
	if len(hs.src.reviews) != 0 {
		t.Fatalf("a review without a rating was sent: %+v", hs.src.reviews)
	}
	if !strings.Contains(v, "Rating (required) — must be between 1 and 5") || !strings.Contains(v, "Thorough work.") {
		t.Fatalf("the refusal must be beside the rating, the text kept:\n%s", v)
	}
	// The form reopens on the rating: ← from "choose" is 5.
	hs.keys("left", "enter")
	hs.keys("right", "right", "right", "right", "enter") // quality 4
	hs.keys("enter")                                     // communication not given
	hs.keys("left", "enter")                             // delivery 5
	hs.keys("enter")                                     // the text, kept
	if len(hs.src.reviews) != 1 {
		t.Fatalf("not sent:\n%s", ansi.Strip(hs.m.View()))
	}
	got := hs.src.reviews[0]
	want := api.ReviewRequest{OrderID: "o2", Rating: 5, QualityRating: 4, DeliveryRating: 5, Content: "Thorough work."}
	if got != want {
		t.Errorf("sent %+v, want %+v", got, want)
	}
	if hs.m.open.review != nil || hs.m.CapturesInput() {
		t.Error("the form must close once posted")
	}
	if v := ansi.Strip(hs.m.View()); !strings.Contains(v, "Market › Market research report") || !strings.Contains(v, "next: reviewed") {
		t.Errorf("back on the order, reviewed:\n%s", v)
	}
	if s := statusText(hs.keys("R")); !strings.Contains(s, "you have reviewed this order") || hs.m.open.review != nil {
		t.Errorf("a second R: %q", s)
	}
	if why := hs.m.ActionDisabled("market.review"); !strings.Contains(why, "you have reviewed") {
		t.Errorf("the palette: %q", why)
	}
}

func TestReviewFormEmptyTextIsRefusedBesideIt(t *testing.T) {
	hs := completedForReview(t, 80, 24)
	hs.keys("left", "enter", "enter", "enter", "enter", "enter")
	if v := ansi.Strip(hs.m.View()); len(hs.src.reviews) != 0 || !strings.Contains(v, "Your review — is empty") || !strings.Contains(v, "★★★★★ 5") {
		t.Errorf("an empty review must be refused beside the text, the rating kept:\n%s", v)
	}
}

func TestReviewFormSecondReviewIsTheServersRefusal(t *testing.T) {
	hs := completedForReview(t, 80, 24)
	hs.src.reviewed["o2"] = true
	hs.keys("left", "left", "enter", "enter", "enter", "enter")
	hs.typeText("Again.")
	hs.keys("enter")
	v := ansi.Strip(hs.m.View())
	if hs.m.open.review == nil || !strings.Contains(v, "already been reviewed") ||
		!strings.Contains(v, "Again.") || !strings.Contains(v, "★★★★☆ 4") {
		t.Errorf("the 409 must be said on the form, the values kept:\n%s", v)
	}
	// esc closes it, nothing more sent.
	if s := statusText(hs.keys("esc")); !strings.Contains(s, "nothing was sent") || hs.m.open.review != nil {
		t.Errorf("esc: %q", s)
	}
}

func TestGoldenReviewForm(t *testing.T) {
	each(t, func(t *testing.T, w, h int) {
		hs := completedForReview(t, w, h)
		hs.keys("enter", "right", "right", "right", "enter", "enter", "enter")
		hs.typeText("Clear, **on time**.")
		hs.keys("enter") // refused: no rating
		view := hs.m.View()
		tuitest.CheckFrame(t, view, w, h)
		checkOnlySGR(t, view)
		golden.RequireEqual(t, []byte(ansi.Strip(view)))
	})
}
