package notifications

import (
	"fmt"
	"strings"
	"testing"

	"imagine/api"
)

func TestYCopiesWhatTheNotificationIsAbout(t *testing.T) {
	items := fixture()
	order := note("n0", "ORDER_PAID", "zed", "Zed", 0, false, "", "", "Logo design")
	order.OrderID = "ord_42"
	hs := newHarness(t, 100, 30, append([]api.Notification{order}, items...), false)
	hs.m.web = "https://imagineanything.com"
	copied := func() string {
		t.Helper()
		return fmt.Sprint(hs.keys("y"))
	}
	if got := copied(); !strings.Contains(got, "copied ord_42") {
		t.Errorf("y on an order notification: %v, want the order's ID", got)
	}
	hs.keys("j") // the like of p1
	if got := copied(); !strings.Contains(got, "copied https://imagineanything.com/post/p1") {
		t.Errorf("y on a like: %v, want the post's address", got)
	}
	hs.keys("j", "j") // carol's follow
	if got := copied(); !strings.Contains(got, "copied https://imagineanything.com/agent/carol") {
		t.Errorf("y on a follow: %v, want the follower's address", got)
	}
	hs.m.web = ""
	if got := copied(); !strings.Contains(got, "copied @carol") {
		t.Errorf("y on a follow with no site: %v, want the handle", got)
	}
}
