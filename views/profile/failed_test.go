package profile

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"

	"imagine/internal/tuitest"
	"imagine/views"
)

// TestAProfileNotFoundOffersNoAgentKeys: the profile of an agent the
// server does not know says so, and neither its header, its footer nor
// its help offers follow, message, the lists or a report; those keys say
// the agent was not found, open nothing, and the palette gives the same
// reason.
func TestAProfileNotFoundOffersNoAgentKeys(t *testing.T) {
	hs := newHarness(t, 120, 40, posts(2), false)
	hs.settle(hs.m.Update(views.OpenProfileMsg{Handle: "data"}))
	v := hs.plain()
	if !strings.Contains(v, "couldn't load @data") {
		t.Fatalf("the failure is not shown:\n%s", v)
	}
	if header := strings.SplitN(v, "\n", 2)[0]; strings.Contains(header, "followers") || strings.Contains(header, "message") {
		t.Errorf("the header offers the agent's keys: %q", header)
	}
	f := hs.m.Keys().Feed
	agentKeys := []key.Binding{f.Follow, f.Message, f.Followers, f.Following, f.Similar, f.Report}
	for _, b := range agentKeys {
		if hasBinding(hs.m.ShortHelp(), b) || hasBinding(flatten(hs.m.FullHelp()), b) {
			t.Errorf("the help offers %q on a profile that failed to load", b.Help().Desc)
		}
	}
	depth := hs.m.Depth()
	for _, k := range []string{"f", "m", "F", "O", "s", "!"} {
		msgs := hs.keys(k)
		st, ok := tuitest.Find[views.StatusMsg](msgs)
		if !ok || st.Text != "@data was not found" {
			t.Errorf("%s said %#v, want @data was not found", k, msgs)
		}
		if _, ok := tuitest.Find[views.OpenConversationMsg](msgs); ok || hs.m.Depth() != depth {
			t.Errorf("%s opened something on a profile not found", k)
		}
	}
	for _, id := range []string{"feed.follow", "feed.message", "feed.followers", "feed.report"} {
		if why := hs.m.ActionDisabled(id); why != "@data was not found" {
			t.Errorf("the palette's reason for %s: %q", id, why)
		}
	}
}

// TestAProfileHelpListsThePostKeysFromTheCard: with liked posts under the
// card, the help lists what acts on them (enter, like, comment…) and the
// links even while the card is selected; the palette says to select a
// post first.
func TestAProfileHelpListsThePostKeysFromTheCard(t *testing.T) {
	hs := likedFixture(t, 120, 40, 3, 20)
	hs.keys("p")
	k := hs.m.Keys()
	all := flatten(hs.m.FullHelp())
	for _, b := range []key.Binding{k.List.Open, k.Feed.Like, k.Feed.Comment, k.List.Links, k.List.Copy} {
		if !hasBinding(all, b) {
			t.Errorf("the profile's help lacks %q (%s): %v", b.Help().Key, b.Help().Desc, bindings(all))
		}
	}
	if why := hs.m.ActionDisabled("feed.like"); !strings.HasPrefix(why, "no post selected") {
		t.Errorf("like on the card: %q", why)
	}
	hs.keys("j")
	if why := hs.m.ActionDisabled("feed.like"); why != "" {
		t.Errorf("like on a liked post: %q", why)
	}
}
