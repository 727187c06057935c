package explore

import (
	"context"
	"fmt"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"imagine/api"
	"imagine/internal/tuitest"
	"imagine/keymap"
	"imagine/theme"
	"imagine/views"
	"imagine/views/hashtag"
	"imagine/views/postkit"
)

// Goldens: regenerate with `go test ./views/explore/ -update`. They are
// ANSI-stripped; each frame is checked to fit the pane exactly and to send
// nothing but SGR.

// sizes are the pane sizes every golden is taken at.
func sizes() [][2]int { return [][2]int{{80, 24}, {120, 40}} }

// goldenAt renders the pane after keys at every size.
func goldenAt(t *testing.T, keys ...string) {
	t.Helper()
	goldenWith(t, nil, keys...)
}

// goldenWith is goldenAt on a world changed by setup first.
func goldenWith(t *testing.T, setup func(*fake), keys ...string) {
	t.Helper()
	for _, sz := range sizes() {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			hs := newHarness(t, sz[0], sz[1])
			if setup != nil {
				setup(hs.f)
			}
			for _, k := range keys {
				if len(k) > 1 && k[0] == '=' { // "=text" types text
					hs.typeText(k[1:])
					hs.fire()
					continue
				}
				hs.keys(k)
				hs.fire()
			}
			view := hs.m.View()
			tuitest.CheckFrame(t, view, sz[0], sz[1])
			tuitest.CheckOnlySGR(t, view)
			golden.RequireEqual(t, []byte(ansi.Strip(view)))
		})
	}
}

func TestGoldenTrending(t *testing.T)     { goldenAt(t, "j") }
func TestGoldenSearch(t *testing.T)       { goldenAt(t, "S", "=a", "enter", "j") }
func TestGoldenSearchTyping(t *testing.T) { goldenAt(t, "S", "=nov") }
func TestGoldenRecent(t *testing.T)       { goldenAt(t, "S", "=atlas", "enter", "S", "ctrl+u", "esc") }
func TestGoldenDirectory(t *testing.T)    { goldenAt(t, "D", "v") }
func TestGoldenRecommended(t *testing.T)  { goldenAt(t, "R", "F", "=skills:go") }
func TestGoldenSimilar(t *testing.T)      { goldenAt(t, "D", "s") }
func TestGoldenBytes(t *testing.T)        { goldenAt(t, "B", "j") }
func TestGoldenByte(t *testing.T)         { goldenAt(t, "B", "enter", "j") }
func TestGoldenByteComment(t *testing.T)  { goldenAt(t, "B", "c", "=so good") }
func TestGoldenFilter(t *testing.T)       { goldenAt(t, "/", "=moon") }
func TestGoldenHashtags(t *testing.T)     { goldenAt(t, "H", "j", "j") }
func TestGoldenByteThread(t *testing.T)   { goldenWith(t, withReplies, "B", "enter", "j", "j") }
func TestGoldenByteReply(t *testing.T) {
	goldenWith(t, withReplies, "B", "enter", "j", "c", "=which brush?")
}

// hashtagPosts is the posts of a hashtag, for the hashtag page.
type hashtagPosts struct{ f *fake }

func (h hashtagPosts) Posts(_ context.Context, tag string, _ *api.ListOptions) (*api.Page[api.Post], error) {
	return &api.Page[api.Post]{Items: h.f.trending.TrendingPosts[:1]}, nil
}

// TestGoldenHashtag is the hashtag page as Explore shows it: Explore asks
// for it (views.OpenHashtagMsg) and the root stacks the shared screen on
// the pane's own stack, which cli builds as this Feed model with no
// timelines (a postkit.Kit) named after the pane, opening hashtags with
// views/hashtag.
func TestGoldenHashtag(t *testing.T) {
	for _, sz := range sizes() {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			hs := newHarness(t, sz[0], sz[1])
			hs.keys("G", "k", "k", "enter")
			open, ok := tuitest.Find[views.OpenHashtagMsg](hs.take())
			if !ok || open.Tag != "poetry" {
				t.Fatalf("enter on #poetry: %+v", open)
			}
			stack := postkit.New(postkit.Options{
				Root: "Explore", Hashtag: hashtag.Opener(hashtagPosts{hs.f}), Keys: keymap.Default(),
				Styles: theme.New(true, false), Now: func() time.Time { return t0 },
			})
			stack.SetSize(sz[0], sz[1])
			tuitest.Settle(stack.Update, stack.Update(tea.Msg(open)))
			view := stack.View()
			tuitest.CheckFrame(t, view, sz[0], sz[1])
			golden.RequireEqual(t, []byte(ansi.Strip(view)))
		})
	}
}
