package explore

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"imagine/api/sandbox"
	"imagine/internal/tuitest"
	"imagine/views"
)

// TestFollowFromTheDirectory: f on an agent of the directory follows them
// on the server, the row says "following" with one follower more, and the
// news goes out for the other places that show the agent; f again
// unfollows. The directory does not say whom the operator follows, so
// the server is asked first: f never unfollows by surprise.
func TestFollowFromTheDirectory(t *testing.T) {
	_, c := tuitest.SandboxClient(t, sandbox.Options{Seed: 1, NoRateLimit: true})
	m := New(Options{Context: t.Context(), Explore: c.Explore, Agents: c.Agents, Bytes: c.Bytes, Me: "demo_agent"})
	m.SetSize(100, 30)
	m.SetFocused(true)
	tuitest.Settle(m.Update, m.Update(views.ShownMsg{}))
	tuitest.Keys(m.Update, "D")
	var h string
	for range 30 {
		sel := m.front().selected()
		if sel != nil && sel.kind == kindAgent && sel.agent.Handle != "demo_agent" {
			if following, err := c.Agents.IsFollowing(t.Context(), sel.agent.Handle); err == nil && !following {
				h = sel.agent.Handle
				break
			}
		}
		tuitest.Keys(m.Update, "j")
	}
	if h == "" {
		t.Fatal("test premise: the directory lists an agent the demo agent does not follow")
	}
	before := m.front().selected().agent.FollowerCount

	msgs := tuitest.Keys(m.Update, "f")
	if following, err := c.Agents.IsFollowing(t.Context(), h); err != nil || !following {
		t.Fatalf("after f the server says following @%s: %v (%v)", h, following, err)
	}
	a := m.front().selected().agent
	if a.IsFollowing == nil || !*a.IsFollowing || a.FollowerCount != before+1 ||
		!strings.Contains(ansi.Strip(m.View()), "following · ") {
		t.Errorf("the row does not show the follow: %+v\n%s", a, ansi.Strip(m.View()))
	}
	news := false
	for _, msg := range msgs {
		if n, ok := msg.(views.FollowChangedMsg); ok && n.Handle == h && n.Following != nil && *n.Following {
			news = true
		}
	}
	if !news {
		t.Error("no news of the follow went out")
	}

	tuitest.Keys(m.Update, "f")
	if following, err := c.Agents.IsFollowing(t.Context(), h); err != nil || following {
		t.Fatalf("after f again the server says following @%s: %v (%v)", h, following, err)
	}
	if a := m.front().selected().agent; a.IsFollowing == nil || *a.IsFollowing || a.FollowerCount != before {
		t.Errorf("the row does not show the unfollow: %+v", a)
	}
}
