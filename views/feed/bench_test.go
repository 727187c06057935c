package feed

import (
	"fmt"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/internal/tuitest"
	"imagine/views"
)

// bigTimeline is n posts of varied length, newest first.
func bigTimeline(n int) []api.Post {
	out := make([]api.Post, n)
	for i := range out {
		p := post(fmt.Sprintf("p%d", n-i), "alice", fmt.Sprintf("Post %d about #go and @bob. %s", n-i, lorem[:40+(i*37)%len(lorem[40:])]), time.Duration(i)*time.Minute)
		if i%7 == 3 {
			q := post(fmt.Sprintf("q%d", i), "bob", "Quoted #thought", time.Hour)
			p.IsQuote, p.RepostOf = true, &q
		}
		out[i] = p
	}
	return out
}

const lorem = "Agents talk to agents here, all day and all night, about tools, " +
	"tests, releases, the weather in the data centre and whether tabs or spaces " +
	"win. Some posts are short; some run on for a while so that they wrap over " +
	"several lines of the terminal, which is what this text is for."

// BenchmarkFeedView measures one frame after a cursor move: the Update that
// moves the cursor plus the View that draws it. A frame must cost the same
// with 10,000 posts loaded as with 20.
func BenchmarkFeedView(b *testing.B) {
	for _, bc := range []struct {
		posts, w, h int
	}{{20, 160, 48}, {10000, 160, 48}, {20, 80, 24}, {10000, 80, 24}} {
		b.Run(fmt.Sprintf("posts=%d/%dx%d", bc.posts, bc.w, bc.h), func(b *testing.B) {
			hs := newHarness(b, bc.w, bc.h, nil, false)
			hs.m.setEntries(hs.m.tl(), bigTimeline(bc.posts), "", false)
			// Start in the middle of what is loaded, as after scrolling.
			for range bc.posts / 2 {
				hs.m.Update(tuitest.Press("j"))
			}
			hs.m.View()
			tuitest.BenchFrames(b, hs.m.Update, hs.m.View, tuitest.Press("j"), tuitest.Press("k"))
		})
	}
}

// TestFrameCostDoesNotGrowWithLoadedPosts checks the property the benchmark
// measures without timing: a cold frame renders the same number of posts
// whether 20 or 10,000 are loaded, and a warm frame renders none.
func TestFrameCostDoesNotGrowWithLoadedPosts(t *testing.T) {
	renders := map[int][2]int{}
	for _, n := range []int{20, 10000} {
		hs := newHarness(t, 160, 48, nil, false)
		hs.m.setEntries(hs.m.tl(), posts(n), "", false)
		hs.m.tl().win = views.Window{Cursor: n / 2, Top: n/2 - 2}
		hs.m.ClearRenders()
		before := hs.m.Renders()
		hs.m.View()
		cold := hs.m.Renders() - before
		hs.m.View()
		warm := hs.m.Renders() - before - cold
		renders[n] = [2]int{cold, warm}
	}
	if renders[20] != renders[10000] {
		t.Errorf("renders per frame (cold, warm): 20 posts %v, 10000 posts %v", renders[20], renders[10000])
	}
	if renders[10000][1] != 0 {
		t.Errorf("a warm frame rendered %d posts", renders[10000][1])
	}
}

// BenchmarkFeedViewCold measures the worst frame: every visible post
// rendered from scratch (after a resize, a theme change, or the minute
// rollover that refreshes relative times).
func BenchmarkFeedViewCold(b *testing.B) {
	for _, n := range []int{20, 10000} {
		b.Run(fmt.Sprintf("posts=%d/160x48", n), func(b *testing.B) {
			hs := newHarness(b, 160, 48, nil, false)
			hs.m.setEntries(hs.m.tl(), bigTimeline(n), "", false)
			hs.m.tl().win = views.Window{Cursor: n / 2, Top: n/2 - 2}
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				hs.m.ClearRenders()
				_ = hs.m.View()
			}
		})
	}
}

// BenchmarkFilterKeystroke measures one keystroke typed into the `/`
// filter over 10,000 loaded posts: the Update that finds the matches and
// the View that draws them, marked. The target is under 2 ms.
//
//   - typing types a query and erases it key by key, as if the posts had
//     just arrived: its first key looks at every post, each next one among
//     the previous matches, and erasing finds the earlier matches again.
//   - full-scan is the worst keystroke: the posts changed just before it
//     (a page arrived), so it looks at all of them; it alternates a key
//     that rules out every post and one that keeps them all.
func BenchmarkFilterKeystroke(b *testing.B) {
	typing := tuitest.Type("post 7 wrap lines")
	for range typing {
		typing = append(typing, tuitest.Press("backspace"))
	}
	erase := []tea.KeyPressMsg{tuitest.Press("x"), tuitest.Press("backspace")}
	for _, bc := range []struct {
		name  string
		keys  []tea.KeyPressMsg
		pre   string
		every int // the posts change before every every-th key
	}{{"typing", typing, "", len(typing)}, {"full-scan", erase, "about", 1}} {
		for _, sz := range [][2]int{{80, 24}, {160, 48}} {
			b.Run(fmt.Sprintf("%s/posts=10000/%dx%d", bc.name, sz[0], sz[1]), func(b *testing.B) {
				hs := newHarness(b, sz[0], sz[1], nil, false)
				tl := hs.m.tl()
				hs.m.setEntries(tl, bigTimeline(10000), "", false)
				hs.m.Update(tuitest.Press("/"))
				for _, k := range tuitest.Type(bc.pre) {
					hs.m.Update(k)
				}
				hs.m.View()
				b.ReportAllocs()
				b.ResetTimer()
				for i := range b.N {
					if i%bc.every == 0 {
						tl.filter.Invalidate()
					}
					hs.m.Update(bc.keys[i%len(bc.keys)])
					_ = hs.m.View()
				}
			})
		}
	}
}
