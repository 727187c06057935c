package market

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"imagine/api"
	"imagine/internal/tuitest"
	"imagine/views"
)

// fillListing types a new listing's fields, thumb and images last (enter
// submits).
func fillListing(hs *harness, thumb, images string) {
	hs.typeText("Watercolour portraits")
	hs.keys("enter")
	hs.typeText("Soft portraits of your agent")
	hs.keys("enter")
	hs.typeText("I paint **portraits**.")
	hs.keys("enter")
	hs.typeText("12.5")
	hs.keys("enter", "enter", "enter", "enter")
	hs.typeText("art, portrait")
	hs.keys("enter")
	hs.typeText(thumb)
	hs.keys("enter")
	hs.typeText(images)
	hs.keys("enter")
}

func TestNewListingIsValidatedThenPublished(t *testing.T) {
	hs := servicesHarness(t, 100, 40)
	hs.keys("S", "n")
	if !hs.m.CapturesInput() {
		t.Fatal("the form must take the keys")
	}
	fillListing(hs, "http://example.com/a.png", "https://example.com/b.png, https://example.com/c.png")
	v := ansi.Strip(hs.m.View())
	if len(hs.src.created) != 0 || !strings.Contains(v, "an https:// address") || !strings.Contains(v, "Soft portraits of your agent") {
		t.Fatalf("an http thumbnail must be refused beside the field, the values kept:\n%s", v)
	}
	golden.RequireEqual(t, []byte(v))
	// The form reopens on the field refused.
	hs.keys("ctrl+u")
	hs.typeText("https://example.com/a.png")
	hs.keys("enter", "enter")
	if len(hs.src.created) != 1 {
		t.Fatalf("not sent:\n%s", ansi.Strip(hs.m.View()))
	}
	r := hs.src.created[0]
	if r.Title != "Watercolour portraits" || r.Price != 1250 || r.DeliveryDays != 3 || r.Category != "CREATIVE" ||
		strings.Join(r.Tags, "|") != "art|portrait" || r.ThumbnailURL != "https://example.com/a.png" ||
		strings.Join(r.Images, "|") != "https://example.com/b.png|https://example.com/c.png" {
		t.Errorf("sent %+v", r)
	}
	if hs.m.svc.form != nil {
		t.Errorf("the form must close once published")
	}
	if v := ansi.Strip(hs.m.View()); !strings.Contains(v, "Watercolour portraits") || !strings.Contains(v, "yours") {
		t.Errorf("the new listing must show as yours:\n%s", v)
	}
}

func TestAPlainHTTPImageIsRefusedBesideItsField(t *testing.T) {
	hs := servicesHarness(t, 100, 40)
	hs.keys("S", "n")
	fillListing(hs, "", "https://example.com/b.png http://example.com/c.png")
	v := ansi.Strip(hs.m.View())
	if len(hs.src.created) != 0 || !strings.Contains(v, "https:// addresses, separated by spaces or commas") {
		t.Errorf("an http image must be refused beside its field:\n%s", v)
	}
}

func TestThePriceHasALiveMoneyPreview(t *testing.T) {
	hs := servicesHarness(t, 100, 40)
	hs.keys("S", "n", "enter", "enter", "enter")
	hs.typeText("1234.5")
	if v := ansi.Strip(hs.m.View()); !strings.Contains(v, "= $1,234.50") {
		t.Errorf("no money preview:\n%s", v)
	}
}

func TestAServerRefusalKeepsTheForm(t *testing.T) {
	hs := servicesHarness(t, 100, 40)
	hs.src.saveErr = &api.FieldError{Field: "title", Message: "already taken"}
	hs.keys("S", "n")
	fillListing(hs, "", "")
	v := ansi.Strip(hs.m.View())
	if hs.m.svc.form == nil || !strings.Contains(v, "Title — already taken") || !strings.Contains(v, "Watercolour portraits") {
		t.Errorf("a refusal must keep the values with the reason beside the field:\n%s", v)
	}
}

func TestEditOwnListing(t *testing.T) {
	hs := servicesHarness(t, 100, 40)
	hs.keys("S", "e") // s0 is not ours
	if hs.m.svc.form != nil {
		t.Fatal("another seller's listing must not be editable")
	}
	hs.keys("j", "j", "e")
	if hs.m.svc.form == nil {
		t.Fatal("e on one's own listing opens the form")
	}
	hs.keys("ctrl+u")
	hs.typeText("My renamed listing")
	for range 10 {
		hs.keys("enter")
	}
	u, ok := hs.src.updated["s2"]
	if !ok || u.Title == nil || *u.Title != "My renamed listing" || u.Price == nil || *u.Price != 1000 {
		t.Fatalf("update = %+v", u)
	}
	if v := ansi.Strip(hs.m.View()); !strings.Contains(v, "My renamed listing") {
		t.Errorf("the list must show the new title:\n%s", v)
	}
}

func TestDeleteOwnListingDeactivated(t *testing.T) {
	hs := servicesHarness(t, 80, 24)
	hs.src.deactivate = true
	if msgs := hs.keys("S", "d"); len(msgs) > 0 {
		if _, ok := tuitest.Find[views.ConfirmMsg](msgs); ok {
			t.Fatal("another seller's listing must not be deletable")
		}
	}
	hs.keys("j", "j", "enter")
	c, ok := tuitest.Find[views.ConfirmMsg](hs.keys("d"))
	if !ok || len(hs.src.deleted) != 0 {
		t.Fatal("delete must be confirmed first")
	}
	msgs := tuitest.Settle(hs.m.Update, c.Yes)
	st, ok := tuitest.Find[views.StatusMsg](msgs)
	if !ok || st.Text != "deactivated instead of deleted: it has active orders" {
		t.Errorf("status = %+v", st)
	}
	if len(hs.src.deleted) != 1 || hs.src.deleted[0] != "s2" || hs.m.svc.open != nil {
		t.Errorf("deleted = %v", hs.src.deleted)
	}
}

func TestDeleteOwnListing(t *testing.T) {
	hs := servicesHarness(t, 80, 24)
	hs.keys("S", "j", "j")
	c, _ := tuitest.Find[views.ConfirmMsg](hs.keys("d"))
	msgs := tuitest.Settle(hs.m.Update, c.Yes)
	if st, _ := tuitest.Find[views.StatusMsg](msgs); st.Text != "Listing deleted" {
		t.Errorf("status = %+v", st)
	}
	if strings.Contains(hs.m.View(), "My own listing") {
		t.Errorf("the deleted listing is still listed")
	}
}

func TestGoldenOwnListing(t *testing.T) {
	each(t, func(t *testing.T, w, h int) {
		hs := servicesHarness(t, w, h)
		hs.keys("S", "j", "j", "enter")
		view := hs.m.View()
		tuitest.CheckFrame(t, view, w, h)
		golden.RequireEqual(t, []byte(ansi.Strip(view)))
	})
}

func TestGoldenListingForm(t *testing.T) {
	each(t, func(t *testing.T, w, h int) {
		hs := servicesHarness(t, w, h)
		hs.keys("S", "j", "j", "e")
		view := hs.m.View()
		tuitest.CheckFrame(t, view, w, h)
		golden.RequireEqual(t, []byte(ansi.Strip(view)))
	})
}

func TestTheListingFormFitsSmallScreens(t *testing.T) {
	for _, w := range []int{20, 41, 80} {
		for _, h := range []int{5, 11, 24} {
			hs := servicesHarness(t, w, h)
			hs.keys("S", "n")
			hs.typeText("A title")
			hs.keys("enter")
			for _, f := range tuitest.FrameFaults(hs.m.View(), w, h) {
				t.Errorf("%dx%d: %s", w, h, f)
			}
		}
	}
}

func TestClickOpensAService(t *testing.T) {
	hs := servicesHarness(t, 80, 24)
	hs.keys("S")
	hs.m.Click(0, 3, false) // the second service's first line
	if hs.m.svc.win.Cursor != 1 {
		t.Fatalf("cursor = %d", hs.m.svc.win.Cursor)
	}
	cmd, opened := hs.m.Click(0, 3, false)
	tuitest.Settle(hs.m.Update, cmd)
	if !opened || hs.m.svc.open == nil || hs.m.svc.open.svc.ID != "s1" {
		t.Errorf("a click on the selected service must open it")
	}
}
