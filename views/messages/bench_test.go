package messages

import (
	"fmt"
	"testing"
	"time"

	"imagine/api"
	"imagine/internal/tuitest"
)

// loadedThread opens a conversation of n messages, all loaded (as after
// scrolling back through every page).
func loadedThread(tb testing.TB, n, w, h int) *harness {
	srv := newFakeServer()
	peer := agent("atlas_ai", "Atlas")
	srv.addConv("c1", peer, 0, chat(peer, n, time.Minute)...)
	hs := newHarness(tb, w, h, srv, "")
	hs.keys("enter")
	t := hs.m.open
	page := &api.Page[api.Message]{Items: srv.msgs["c1"]}
	t.msgs, t.ids, t.loaded = nil, map[string]*msgEntry{}, false
	hs.m.mergeNewest(t, page)
	hs.m.View()
	return hs
}

// BenchmarkThreadView measures one frame after a cursor move in an open
// conversation: the Update that moves plus the View that draws. A frame
// must cost the same with 2,000 messages loaded as with 20.
func BenchmarkThreadView(b *testing.B) {
	for _, n := range []int{20, 2000} {
		b.Run(fmt.Sprintf("messages=%d/160x48", n), func(b *testing.B) {
			hs := loadedThread(b, n, 160, 48)
			// Start in the middle, as after scrolling.
			for range n / 2 {
				hs.m.Update(tuitest.Press("k"))
			}
			hs.m.View()
			tuitest.BenchFrames(b, hs.m.Update, hs.m.View, tuitest.Press("k"), tuitest.Press("j"))
		})
	}
}

// BenchmarkOpenConversation measures opening a conversation of 2,000
// messages: from the arrival of the loaded messages to the first frame.
func BenchmarkOpenConversation(b *testing.B) {
	hs := loadedThread(b, 20, 160, 48)
	peer := agent("atlas_ai", "Atlas")
	page := &api.Page[api.Message]{Items: chat(peer, 2000, time.Minute)}
	for i := range page.Items {
		page.Items[i].ConversationID = "c1"
	}
	loaded := threadMsg{convID: "c1", page: page}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		delete(hs.m.threads, "c1")
		t := hs.m.threadFor("c1", peer)
		hs.m.open, t.loading, t.toBottom = t, true, true
		hs.m.cache.Clear()
		hs.m.Update(loaded)
		_ = hs.m.View()
	}
}

// TestFrameCostDoesNotGrowWithLoadedMessages checks the property the
// benchmarks measure without timing: a cold frame, or the first frame of
// an opened conversation, renders only the messages that show, whether 20
// or 2,000 are loaded, and a warm frame renders none.
func TestFrameCostDoesNotGrowWithLoadedMessages(t *testing.T) {
	renders := map[int][3]int{}
	for _, n := range []int{20, 2000} {
		hs := loadedThread(t, n, 160, 48)
		hs.m.cache.Clear()
		before := hs.m.cache.Renders
		hs.m.View()
		cold := hs.m.cache.Renders - before
		hs.m.View()
		warm := hs.m.cache.Renders - before - cold
		tr := hs.m.open
		tr.toBottom = true
		hs.m.cache.Clear()
		before = hs.m.cache.Renders
		hs.m.View()
		renders[n] = [3]int{cold, warm, hs.m.cache.Renders - before}
	}
	// A 47-line body shows at most 24 rows of two lines or more.
	const most = 24
	for n, r := range renders {
		if r[0] > most || r[2] > most {
			t.Errorf("%d messages: a cold frame rendered %d, opening %d (at most %d show)", n, r[0], r[2], most)
		}
		if r[1] != 0 {
			t.Errorf("%d messages: a warm frame rendered %d", n, r[1])
		}
	}
}
