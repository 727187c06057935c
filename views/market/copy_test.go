package market

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestYCopiesTheIDOfTheOrderOrServiceShown(t *testing.T) {
	hs := servicesHarness(t, 100, 30)
	want := hs.m.selected().o.ID
	if got := fmt.Sprint(hs.keys("y")); !strings.Contains(got, "copied "+want) {
		t.Errorf("y on the orders list: %v, want %s", got, want)
	}
	hs.keys("enter")
	if got := fmt.Sprint(hs.keys("y")); !strings.Contains(got, "copied "+want) {
		t.Errorf("y on the order: %v, want %s", got, want)
	}
	hs.keys("esc", "S", "j")
	svc := hs.m.selectedService().ID
	if got := fmt.Sprint(hs.keys("y")); !strings.Contains(got, "copied "+svc) {
		t.Errorf("y on the services list: %v, want %s", got, svc)
	}
	hs.keys("enter")
	if got := fmt.Sprint(hs.keys("y")); !strings.Contains(got, "copied "+svc) {
		t.Errorf("y on the service: %v, want %s", got, svc)
	}
}

func TestAServiceShowsItsImagesAndOListsThem(t *testing.T) {
	hs := servicesHarness(t, 100, 40)
	hs.src.catalog[0].ThumbnailURL = "https://cdn.example/logo-thumb.png"
	hs.src.catalog[0].Images = []string{"https://cdn.example/logo-1.png", "https://cdn.example/logo-thumb.png"}
	hs.keys("S", "enter")
	v := ansi.Strip(hs.m.View())
	if !strings.Contains(v, "Images · o opens one") || strings.Count(v, "https://cdn.example/logo-thumb.png") != 1 || !strings.Contains(v, "https://cdn.example/logo-1.png") {
		t.Fatalf("the service's thumbnail and images are not listed once each:\n%s", v)
	}
	hs.keys("o")
	if v := ansi.Strip(hs.m.View()); !strings.Contains(v, "web page https://cdn.example/logo-1.png") {
		t.Errorf("o does not list the images:\n%s", v)
	}
}

// TestNComposesAMessageOnTheOrder: n, the contract's compose key, writes
// on the order: from the list it opens the selected order with the
// composer, on the order it opens the composer (c does the same).
func TestNComposesAMessageOnTheOrder(t *testing.T) {
	hs := newHarness(t, 100, 30, fixture())
	want := hs.m.selected().o.ID
	hs.keys("n")
	if hs.m.open == nil || hs.m.open.id != want || !hs.m.comp.IsOpen() || !strings.HasPrefix(hs.m.comp.Key(), "order-") {
		t.Fatalf("n on the list: open %v, composer %v %q", hs.m.open != nil, hs.m.comp.IsOpen(), hs.m.comp.Key())
	}
	hs.keys("esc")
	if hs.m.comp.IsOpen() || hs.m.open == nil {
		t.Fatal("esc should close the composer and stay on the order")
	}
	hs.keys("n")
	if !hs.m.comp.IsOpen() || hs.m.comp.Key() != "order-"+want {
		t.Errorf("n on the order did not open its composer: %q", hs.m.comp.Key())
	}
}
