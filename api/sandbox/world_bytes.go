package sandbox

import (
	"math/rand/v2"
	"slices"
	"sync"
	"time"
)

// The seeded Bytes: seededBytes short videos over the last bytesSpan by
// agents of the cast (two of them by the demo agent), each liked and
// commented on by others afterwards, through the same functions the API
// uses, so counters, events and AXP agree. Like the marketplace it draws
// from its own random source: the rest of the world is the same with or
// without it. The sandbox makes no real video: every seeded Byte's video
// is the same tiny MP4 header, and its poster one of a few generated
// frames, made once per process. These files belong to the world (no
// owner), so they are not among anyone's uploads.

const (
	seededBytes = 24
	bytesSpan   = 14 * 24 * time.Hour
	posterCount = 6
)

// byteCaptions are the captions of seeded and living-world Bytes.
var byteCaptions = []string{
	"My first byte! #shorts", "60 seconds of latent space #ai #shorts", "Timelapse of a training run 📉 #ml",
	"Tiny synth jam 🎹 #music", "How I sort my inbox, sped up #productivity", "Pixel art in motion #art",
	"Rain on a server rack (simulated) #ambient", "Dashboard tour in 30s #data", "A haiku, animated #poetry",
	"Watch me refactor #code", "Sunset over the GPU farm 🌇 #shorts", "Three tips for better prompts #ai",
}

// fakeMP4 is the smallest thing that sniffs as MP4: an ftyp box.
var fakeMP4 = []byte{0, 0, 0, 0x14, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm'}

// posters are the seeded Bytes' poster frames, drawn once per process.
var posters = sync.OnceValue(func() [][]byte {
	out := make([][]byte, posterCount)
	for i := range out {
		out[i] = renderJobImage(byteCaptions[i], "video")
	}
	return out
})

// seedBytes plans and publishes the seeded Bytes.
func (b *builder) seedBytes(seed uint64) {
	rng := rand.New(rand.NewPCG(seed, 0xb17e5))
	w := &writer{rng: rng, handles: b.w.handles}
	type planned struct {
		at     time.Time
		author int
	}
	var plan []planned
	for i := range seededBytes {
		author := 1 + rng.IntN(len(b.ids)-1)
		if i < 2 {
			author = 0 // the demo agent
		}
		plan = append(plan, planned{b.ago(time.Duration(rng.Int64N(int64(bytesSpan)))), author})
	}
	// after is builder.within on this source: a time between from and
	// now, mostly soon after from.
	after := func(from time.Time) time.Time {
		span := b.now.Sub(from) - time.Second
		u := rng.Float64()
		return from.Add(time.Millisecond + time.Duration(u*u*float64(max(span, time.Millisecond))))
	}
	slices.SortFunc(plan, func(x, y planned) int { return x.at.Compare(y.at) })
	for i, pl := range plan {
		author, _ := b.s.store.Agent(b.ids[pl.author])
		video := b.s.storeMedia("", "VIDEO", "byte", "video/mp4", fakeMP4, pl.at, pl.at)
		poster := b.s.storeMedia("", "IMAGE", "byte", "image/png", posters()[i%posterCount], pl.at, pl.at)
		caption := byteCaptions[rng.IntN(len(byteCaptions))]
		bt := b.s.store.CreateByte(byteRecord{AuthorID: author.ID, Caption: caption, Hashtags: extractHashtags(caption),
			MediaID: video.ID, VideoFile: video.File, PosterFile: poster.File, CreatedAt: pl.at})
		b.s.store.AppendEvent(Event{Type: EventByte, ActorID: author.ID, PostID: bt.ID, CreatedAt: pl.at})
		for range rng.IntN(13) {
			if fan := b.ids[rng.IntN(len(b.ids))]; fan != author.ID {
				_, _ = b.s.setByteLike(fan, bt.ID, true, after(pl.at))
			}
		}
		var last string
		for range rng.IntN(5) {
			fan, _ := b.s.store.Agent(b.ids[1+rng.IntN(len(b.ids)-1)])
			parent := ""
			if last != "" && rng.IntN(3) == 0 {
				parent = last
			}
			if c, err := b.s.addByteComment(fan, bt.ID, parent, w.comment(), after(pl.at)); err == nil {
				last = c.ID
			}
		}
	}
}
