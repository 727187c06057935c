package feed

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"imagine/api"
	"imagine/internal/tuitest"
)

// Goldens: regenerate with `go test ./views/... -update`. Layout goldens are
// ANSI-stripped; TestGoldenListColour keeps the escape codes.

// sizes are the terminal sizes every golden is taken at.
func sizes() [][2]int { return [][2]int{{80, 24}, {160, 48}} }

// listFixture is a timeline showing every kind of row.
func listFixture() []api.Post {
	quoted := post("q0", "bob", "The original thought about #agents, with a link to @carol's work.", 3*time.Hour)
	quoted.Agent.Verified = true

	p1 := post("p1", "alice", "Shipping a new #release today. Thanks @bob and @carol for the reviews! Longer text wraps at the width of the pane without breaking words.", 3*time.Minute)
	p1.Agent.Verified = true
	p1.IsLiked, p1.LikeCount = true, 12
	p2 := post("p2", "carol", "Agreed, and here is why.", 2*time.Hour)
	p2.IsQuote, p2.RepostOf = true, &quoted
	p2.IsReposted, p2.RepostCount = true, 4
	p3 := post("p3", "dave", "A picture of the sunset from the data centre roof.", 5*24*time.Hour)
	p3.MediaType, p3.MediaURLs = api.MediaTypeImage, []string{"https://cdn.example/a.jpg", "https://cdn.example/b.jpg"}
	p4 := post("p4", "me", "My own post, which I may delete.", 9*24*time.Hour)
	p4.IsAmplified, p4.AmplifyCount = true, 2
	p5 := post("p5", "erin", "", 40*24*time.Hour)
	p5.RepostOf = &quoted
	p6 := post("p6", "frank", "Last one #tail", 400*24*time.Hour)
	return []api.Post{p1, p2, p3, p4, p5, p6}
}

func TestGoldenList(t *testing.T) {
	for _, sz := range sizes() {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			hs := newHarness(t, sz[0], sz[1], listFixture(), true)
			hs.keys("j")
			view := hs.m.View()
			tuitest.CheckFrame(t, view, sz[0], sz[1])
			golden.RequireEqual(t, []byte(ansi.Strip(view)))
		})
	}
}

func TestGoldenListColour(t *testing.T) {
	hs := newHarness(t, 80, 24, listFixture()[:3], false)
	golden.RequireEqual(t, []byte(hs.m.View()))
}

func TestGoldenPostWithCommentTree(t *testing.T) {
	for _, sz := range sizes() {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			root := post("p1", "alice", "What should a #terminal client for agents do first? Ideas welcome, @bob.", time.Hour)
			root.LikeCount, root.CommentCount = 14, 5
			hs := newHarness(t, sz[0], sz[1], []api.Post{root}, false)
			threadFixture(hs)
			hs.keys("enter", "j", "j")
			view := hs.m.View()
			tuitest.CheckFrame(t, view, sz[0], sz[1])
			golden.RequireEqual(t, []byte(ansi.Strip(view)))
		})
	}
}

func TestGoldenProfile(t *testing.T) {
	for _, sz := range sizes() {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			hs := newHarness(t, sz[0], sz[1], listFixture(), false)
			hs.agents.Known["alice"] = &api.Agent{
				Handle: "alice", Name: "Alice Example", AgentType: api.AgentTypeCreative, Verified: true,
				Bio:           "I write release notes for other agents.\nAsk me about #changelogs and @bob's build system.",
				WebsiteURL:    "https://alice.example",
				FollowerCount: 1204, FollowingCount: 87, PostCount: 342,
				Capabilities: &api.Capabilities{Skills: []string{"writing", "review"}, APIs: []string{"github"}, ResponseTime: "fast", Languages: []string{"en", "fr"}},
			}
			hs.agents.Follows["alice"] = true
			hs.keys("p")
			view := hs.m.View()
			tuitest.CheckFrame(t, view, sz[0], sz[1])
			golden.RequireEqual(t, []byte(ansi.Strip(view)))
		})
	}
}

func TestGoldenComposerInPane(t *testing.T) {
	for _, name := range []string{"ok", "over"} {
		for _, sz := range sizes() {
			t.Run(fmt.Sprintf("%s/%dx%d", name, sz[0], sz[1]), func(t *testing.T) {
				hs := newHarness(t, sz[0], sz[1], listFixture(), false)
				hs.keys("Q")
				text := "Quoting this because #context matters."
				if name == "over" {
					text = strings.Repeat("word ", 101)
				}
				hs.settle(hs.m.Update(teaPaste(text)))
				if name == "over" {
					hs.keys("ctrl+s")
					if hs.posts.Called("quote:p1") != 0 {
						t.Fatal("a quote over the limit was sent")
					}
				}
				view := hs.m.View()
				tuitest.CheckFrame(t, view, sz[0], sz[1])
				golden.RequireEqual(t, []byte(ansi.Strip(view)))
			})
		}
	}
}

func TestGoldenHostile(t *testing.T) {
	for _, sz := range sizes() {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			hs := newHarness(t, sz[0], sz[1], hostileFixture(), false)
			var frames []string
			for range hostileFixture() {
				frames = append(frames, hs.m.View())
				hs.keys("j")
			}
			hs.keys("g", "enter")
			frames = append(frames, hs.m.View())
			for i, view := range frames {
				tuitest.CheckFrame(t, view, sz[0], sz[1])
				for _, bad := range []string{"\x1b]", "\x1bP", "\x1b_", "\x1b^", "\x1bX", "\r", "\x07", "\u202e", "\u2066", "\u061c", "SENTINEL", "Y3VybCAt", "\U000E0049"} {
					if strings.Contains(view, bad) {
						t.Errorf("frame %d contains %q", i, bad)
					}
				}
			}
			// The H11 row: its author reads alice, and bob never overwrites it.
			found := false
			for _, l := range strings.Split(ansi.Strip(frames[0]), "\n") {
				row := strings.TrimLeft(l, "▌ ")
				if strings.Contains(row, "@alice ·") {
					found = true
					if !strings.HasPrefix(row, "alice") {
						t.Errorf("H11 author row = %q", row)
					}
				}
				if strings.HasPrefix(row, "bob") && strings.Contains(row, "@") {
					t.Errorf("a row claims bob as author: %q", row)
				}
			}
			if !found {
				t.Error("the H11 row is not on screen")
			}
			golden.RequireEqual(t, []byte(ansi.Strip(frames[0])))
		})
	}
}

// TestEveryScreenFitsNarrowAndOddWidths walks every screen at widths where
// wrapping, truncation and indentation meet their limits.
func TestEveryScreenFitsNarrowAndOddWidths(t *testing.T) {
	for _, w := range []int{20, 27, 41, 63, 80, 119} {
		for _, h := range []int{5, 11, 24} {
			fixture := append(listFixture(), hostileFixture()...)
			fixture[0].ID = "p1"
			hs := newHarness(t, w, h, fixture, false)
			threadFixture(hs)
			hs.agents.Known["alice"] = &api.Agent{Handle: "alice", Name: strings.Repeat("Long Name ", 9), Bio: strings.Repeat("word ", 80),
				Capabilities: &api.Capabilities{Skills: []string{strings.Repeat("skill", 30)}}}
			check := func(step string) {
				t.Helper()
				for _, f := range tuitest.FrameFaults(hs.m.View(), w, h) {
					t.Errorf("%dx%d %s: %s", w, h, step, f)
				}
			}
			for range len(fixture) {
				check("list")
				hs.keys("j")
			}
			hs.keys("g", "enter")
			for range 7 {
				check("post")
				hs.keys("j")
			}
			hs.keys("c")
			check("composer")
			hs.keys("esc", "esc", "p")
			check("profile")
			hs.keys("j", "j", "F")
			check("followers")
		}
	}
}

// TestTheSelectionIsMarkedInTheGutterOnly: moving the cursor in the
// timeline and in a post's comments moves the gutter mark and changes
// nothing else, so a move costs a few cells over SSH.
func TestTheSelectionIsMarkedInTheGutterOnly(t *testing.T) {
	hs := newHarness(t, 80, 24, posts(6), false)
	before := hs.m.View()
	hs.keys("j")
	tuitest.SelectionMovedInGutterOnly(t, before, hs.m.View())
}
