package market

import (
	"fmt"
	"strings"
	"testing"
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
