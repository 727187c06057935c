package me

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestOListsTheBiosLinksAndYCopiesTheProfilesAddress(t *testing.T) {
	hs := newHarness(t, 100, 30)
	hs.m.web = "https://imagineanything.com"
	hs.keys("o")
	v := ansi.Strip(hs.m.View())
	if !hs.m.links.IsOpen() || !strings.Contains(v, "posts of #Sandbox") || !strings.Contains(v, "web page https://imagineanything.com") {
		t.Fatalf("o on You does not list the bio's hashtag and the website:\n%s", v)
	}
	if !hs.m.CapturesInput() {
		t.Error("the open link list must have the keys")
	}
	hs.keys("esc")
	if hs.m.links.IsOpen() {
		t.Fatal("esc did not close the link list")
	}
	hs.out = nil
	hs.keys("y")
	if got := fmt.Sprint(hs.out); !strings.Contains(got, "copied https://imagineanything.com/agent/demo_agent") {
		t.Errorf("y on You: %v, want the profile's address", got)
	}
}
