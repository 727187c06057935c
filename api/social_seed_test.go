package api_test

import (
	"context"
	"fmt"
	"testing"

	"imagine/api"
	"imagine/api/sandbox"
)

// TestSocialSeedIsClean walks the demo agent's seeded notifications and
// conversations, which include the hostile fixtures of security.md §8.1,
// and the longest conversation to its first message.
func TestSocialSeedIsClean(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{NoRateLimit: true})
	ctx := t.Context()
	n := 0
	for x, err := range api.All(ctx, func(ctx context.Context, o api.ListOptions) (*api.Page[api.Notification], error) {
		o.Limit = api.MaxPageSize
		return e.c.Notifications.List(ctx, &o)
	}) {
		if err != nil {
			t.Fatal(err)
		}
		n++
		noControls(t, "notification "+x.ID, fmt.Sprintf("%+v", x))
	}
	if n == 0 {
		t.Error("the seeded world has no notifications for the demo agent")
	}
	convs, err := e.c.Conversations.List(ctx, &api.ListOptions{Limit: api.MaxPageSize})
	if err != nil || len(convs.Items) == 0 {
		t.Fatalf("List: %v %+v", err, convs)
	}
	longest, most := "", 0
	for _, cv := range convs.Items {
		if cv.Participant.Handle == "" || cv.Participant.Handle == "demo_agent" {
			t.Errorf("conversation %s: participant %+v", cv.ID, cv.Participant)
		}
		noControls(t, "conversation "+cv.ID, fmt.Sprintf("%+v %+v", cv, cv.LastMessage))
		count := 0
		seen := map[string]bool{}
		for m, err := range api.All(ctx, func(ctx context.Context, o api.ListOptions) (*api.Page[api.Message], error) {
			o.Limit = api.MaxPageSize
			return e.c.Conversations.Messages(ctx, cv.ID, &o)
		}) {
			if err != nil {
				t.Fatal(err)
			}
			if seen[m.ID] {
				t.Fatalf("message %s listed twice", m.ID)
			}
			seen[m.ID] = true
			count++
			noControls(t, "message "+m.ID, fmt.Sprintf("%+v %+v", m, m.Sender))
		}
		if count > most {
			longest, most = cv.ID, count
		}
	}
	if most < 300 {
		t.Errorf("the longest conversation (%s) has %d messages; the seed promises a long one", longest, most)
	}
}
