package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"imagine/api"
)

// TestCmdUnreadCountsWhatTheBadgesCount: unread --json agrees with the
// API's counts and with orders --needs-me, and the line says the same.
func TestCmdUnreadCountsWhatTheBadgesCount(t *testing.T) {
	e := newHLEnv(t, 0)
	var got unreadCounts
	if err := json.Unmarshal([]byte(e.run("unread", "--json")), &got); err != nil {
		t.Fatal(err)
	}
	id, secret := e.srv.DemoCredentials()
	c, err := api.New(api.WithBaseURL(e.base), api.WithCredentials(id, api.Secret(secret)), api.WithVersion("test"))
	if err != nil {
		t.Fatal(err)
	}
	notes, err := c.Notifications.Count(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	msgs, err := c.Conversations.Unread(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	var needs []api.Order
	if err := json.Unmarshal([]byte(e.run("orders", "--needs-me", "--all", "--json")), &needs); err != nil {
		t.Fatal(err)
	}
	if got.Notifications != notes || got.Messages != msgs || got.Orders != len(needs) {
		t.Fatalf("unread = %+v; the API counts %d notifications, %d messages; orders --needs-me lists %d", got, notes, msgs, len(needs))
	}
	if got.Notifications == 0 || got.Messages == 0 || got.Orders == 0 {
		t.Fatalf("test premise: the seeded world has something of each unread, got %+v", got)
	}
	if line := strings.TrimSpace(e.run("unread")); line != got.text() || !strings.Contains(line, " notifications · ") {
		t.Errorf("unread printed %q, want %q", line, got.text())
	}
	e.run("notifications", "--unread", "--all", "--mark-read")
	if line := strings.TrimSpace(e.run("unread")); strings.Contains(line, "notification") {
		t.Errorf("after marking them read: %q", line)
	}
}

func TestUnreadLineSaysNothingUnreadAndCountsOne(t *testing.T) {
	for c, want := range map[unreadCounts]string{
		{}:                              "nothing unread",
		{Messages: 1}:                   "1 message",
		{Notifications: 2, Orders: 1}:   "2 notifications · 1 order needs you",
		{Notifications: 1, Messages: 3}: "1 notification · 3 messages",
	} {
		if got := c.text(); got != want {
			t.Errorf("%+v: %q, want %q", c, got, want)
		}
	}
}
