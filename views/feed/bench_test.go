package feed

import (
	"fmt"
	"testing"
	"time"

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
		hs.m.cache.Clear()
		before := hs.m.cache.Renders
		hs.m.View()
		cold := hs.m.cache.Renders - before
		hs.m.View()
		warm := hs.m.cache.Renders - before - cold
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
				hs.m.cache.Clear()
				_ = hs.m.View()
			}
		})
	}
}
