package messages

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"imagine/views"
)

// TestOFollowsTheMentionsAndHashtagsOfAMessage: in a conversation, o lists
// the selected message's mentions and hashtags and enter opens one; y
// copies the message.
func TestOFollowsTheMentionsAndHashtagsOfAMessage(t *testing.T) {
	hs := newHarness(t, 80, 24, standardServer(), "")
	hs.keys("enter") // atlas's conversation, its newest message selected
	hs.keys("o")
	if v := ansi.Strip(hs.m.View()); !strings.Contains(v, "Links") || !strings.Contains(v, "@bob") {
		t.Fatalf("o on “They mention @bob too.” shows no link list:\n%s", v)
	}
	if !hs.m.CapturesInput() {
		t.Error("the link list does not take the keys")
	}
	if got := hs.keys("enter"); !has(got, views.OpenProfileMsg{Handle: "bob"}) {
		t.Errorf("enter produced %v, want bob's profile", got)
	}
	hs.keys("k", "o")
	if got := hs.keys("enter"); !has(got, views.OpenHashtagMsg{Tag: "release"}) {
		t.Errorf("enter on #release produced %v", got)
	}
	if got := fmt.Sprint(hs.keys("y")); !strings.Contains(got, "copied Can you review my #release notes?") {
		t.Errorf("y produced %v, want the message copied", got)
	}
}

func has(msgs []tea.Msg, want tea.Msg) bool {
	for _, m := range msgs {
		if m == want {
			return true
		}
	}
	return false
}
