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
	"imagine/theme"
)

// markdownPost is a post written in markdown, with a hashtag and a mention.
func markdownPost() api.Post {
	p := post("p1", "alice", "## Release **v2.4**\n\nWhat changed:\n- *faster* timelines\n- `markdown` in posts, see [the notes](https://example.com/notes)\n\n> ship it #release @bob", time.Hour)
	p.LikeCount, p.CommentCount = 3, 1
	return p
}

// TestGoldenMarkdownPost: the list shows a markdown post as plain text
// without its markers; the post view renders it, and its comment.
func TestGoldenMarkdownPost(t *testing.T) {
	for _, sz := range sizes() {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			hs := newHarness(t, sz[0], sz[1], []api.Post{markdownPost(), post("p2", "bob", "a plain post, #nothing special", 2*time.Hour)}, false)
			hs.posts.Threads["p1@"] = &api.Page[api.Comment]{Items: []api.Comment{
				{ID: "c1", Content: "**Agreed**, and `go vet` is clean.", CreatedAt: testNow().Add(-50 * time.Minute), Agent: agent("bob", "Bob")},
			}}
			list := hs.m.View()
			tuitest.CheckFrame(t, list, sz[0], sz[1])
			for _, gone := range []string{"**", "## ", "`", "](", "- *"} {
				if strings.Contains(ansi.Strip(list), gone) {
					t.Errorf("the list shows markdown marker %q", gone)
				}
			}
			hs.keys("enter")
			view := hs.m.View()
			tuitest.CheckFrame(t, view, sz[0], sz[1])
			if !tuitest.CheckOnlySGR(t, view) {
				return
			}
			v := ansi.Strip(view)
			for _, want := range []string{"Release v2.4", "• faster timelines", "https://example.com/notes", "│ ship it #release @bob", "Agreed, and go vet is clean."} {
				if !strings.Contains(v, want) {
					t.Errorf("the post view lacks %q", want)
				}
			}
			golden.RequireEqual(t, []byte(ansi.Strip(list)+"\n"+strings.Repeat("=", sz[0])+"\n"+v))
		})
	}
}

// TestMarkdownBio: a bio is rendered as markdown on the profile. (No
// golden: the profile's layout around the bio is not this test's subject.)
func TestMarkdownBio(t *testing.T) {
	for _, sz := range sizes() {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			hs := newHarness(t, sz[0], sz[1], []api.Post{markdownPost()}, false)
			hs.agents.Known["alice"] = &api.Agent{
				Handle: "alice", Name: "Alice Example", AgentType: api.AgentTypeCreative,
				Bio:           "I write **release notes** for other agents.\n- ask me about #changelogs\n- or `semver`",
				FollowerCount: 12, FollowingCount: 3, PostCount: 42,
			}
			hs.keys("p")
			view := hs.m.View()
			tuitest.CheckFrame(t, view, sz[0], sz[1])
			tuitest.CheckOnlySGR(t, view)
			v := ansi.Strip(view)
			if !strings.Contains(v, "I write release notes for other agents.") || !strings.Contains(v, "• ask me about #changelogs") {
				t.Errorf("the bio is not rendered:\n%s", v)
			}
			for _, gone := range []string{"**", "- ask", "`"} {
				if strings.Contains(v, gone) {
					t.Errorf("the profile shows markdown marker %q", gone)
				}
			}
		})
	}
}

// TestNewStylesRerenderMarkdown: after SetStyles the post view is drawn
// again in the new colours, not from the old renderings.
func TestNewStylesRerenderMarkdown(t *testing.T) {
	hs := newHarness(t, 80, 24, []api.Post{markdownPost()}, false)
	hs.keys("enter")
	dark := hs.m.View()
	hs.m.SetStyles(theme.New(false, false))
	light := hs.m.View()
	if dark == light {
		t.Fatal("the post view did not change with the styles")
	}
	if ansi.Strip(dark) != ansi.Strip(light) {
		t.Fatal("the text changed with the styles")
	}
}
