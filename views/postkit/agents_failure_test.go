package postkit

import (
	"strings"
	"testing"

	"imagine/api"
)

// TestAgentsListFailureSaysWhatAndWhy: a list whose page failed names
// what it lists and why; an agent the server does not know is said to be
// not found, with no "move to retry" (moving asks nothing again), while a
// failure that may pass offers the retry, and moving asks again.
func TestAgentsListFailureSaysWhatAndWhy(t *testing.T) {
	hs := newHarness(t, 120, 40, nil, false)
	hs.agents.Errs["followers"] = api.ErrNotFound
	hs.settle(hs.m.OpenAgents(FollowersList, "data"))
	v := hs.plain()
	if !strings.Contains(v, "couldn't load @data's followers: @data was not found") || strings.Contains(v, "retry") {
		t.Errorf("a list of an unknown agent:\n%s", v)
	}
	hs.keys("j")
	if n := hs.agents.Called("followers:data"); n != 1 {
		t.Errorf("moving asked again for an unknown agent's followers: %d calls", n)
	}

	hs.keys("esc")
	hs.agents.Errs["followers"] = api.ErrOffline
	hs.settle(hs.m.OpenAgents(FollowersList, "nova"))
	if v := hs.plain(); !strings.Contains(v, "couldn't load @nova's followers: offline") || !strings.Contains(v, "move to retry") {
		t.Errorf("a list that failed offline:\n%s", v)
	}
	delete(hs.agents.Errs, "followers")
	hs.keys("j")
	if n := hs.agents.Called("followers:nova"); n != 2 {
		t.Errorf("moving did not retry: %d calls", n)
	}
}
