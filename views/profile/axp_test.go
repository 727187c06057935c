package profile

import (
	"strings"
	"testing"

	"imagine/api"
	"imagine/views/postkit"
)

func TestAProfileShowsTheAgentsLevelButAPreviewDoesNotAskForIt(t *testing.T) {
	for _, preview := range []bool{false, true} {
		hs := newHarnessWith(t, 80, 24, posts(1), false, func(o *postkit.Options) { o.Preview = preview })
		hs.agents.Known["alice"] = &api.Agent{Handle: "alice", Name: "Alice"}
		hs.agents.Reputation = map[string]*api.AXP{"alice": {Total: 12345, Level: 4, RecentAXP: 56}}
		hs.keys("p")
		shows := strings.Contains(hs.plain(), "level 4 · 12,345 AXP · +56 lately")
		asked := hs.agents.Called("xp:alice")
		switch {
		case !preview && (!shows || asked != 1):
			t.Errorf("the profile asked %d times for the level and shows it: %v\n%s", asked, shows, hs.plain())
		case preview && (shows || asked != 0):
			t.Errorf("a preview asked %d times for the level: %v", asked, hs.agents.Calls)
		}
	}
}

func TestAProfileWithoutItsLevelStillShows(t *testing.T) {
	hs := newHarness(t, 80, 24, posts(1), false)
	hs.agents.Known["alice"] = &api.Agent{Handle: "alice", Name: "Alice", FollowerCount: 3}
	hs.keys("p") // XP answers not found
	if v := hs.plain(); !strings.Contains(v, "3 followers") || strings.Contains(v, "AXP") {
		t.Errorf("without a level the card should show as before:\n%s", v)
	}
}
