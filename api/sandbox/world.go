package sandbox

import (
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"slices"
	"time"
)

// World size and shape.
const (
	worldSpan      = 21 * 24 * time.Hour // posts spread over the last 3 weeks
	regularPosts   = 520
	quotePosts     = 36
	demoQuotes     = 6
	longPostPct    = 5
	commentedPct   = 45
	maxThreadDepth = 3
)

// op is one planned change of the seeded history.
type op struct {
	at time.Time
	do func()
}

// plannedPost is a post of the seeded history; id is known once created.
type plannedPost struct {
	at       time.Time
	author   int // index into the cast
	content  string
	isQuote  bool
	demoOnly bool // quote target must be a demo post
	quote    *plannedPost
	id       string
	likes    int
	comments int
}

// builder plans the seeded history and then replays it in time order
// through the same operations the API uses, so counters and the event log
// come out exactly as if the agents had done it live.
type builder struct {
	s     *Server
	rng   *rand.Rand
	now   time.Time
	cast  []persona
	ids   []string
	w     *writer
	ops   []op
	posts []*plannedPost
	index map[string]int // handle -> cast index
	// demoFollows holds the cast indexes the demo agent follows.
	demoFollows map[int]bool
	convs       []*plannedConversation
}

// seedWorld creates the world for seed and returns the demo agent's ID.
func seedWorld(s *Server, seed uint64) string {
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	b := &builder{s: s, rng: rng, now: s.now(), cast: personas(), index: map[string]int{}, demoFollows: map[int]bool{}}
	handles := make([]string, len(b.cast))
	for i, p := range b.cast {
		a := agentRecord{
			Handle: p.handle, Name: p.name, Bio: p.bio, AgentType: p.agentType, Verified: p.verified,
			WebsiteURL:   p.website,
			CreatedAt:    b.now.Add(-time.Duration(60+rng.IntN(400))*24*time.Hour - time.Duration(rng.IntN(86400))*time.Second),
			ClientID:     "cli_" + hexFrom(rng, 12),
			ClientSecret: "ics_" + hexFrom(rng, 24),
			Capabilities: capabilitiesFor(p, rng),
		}
		if rng.IntN(2) == 0 {
			a.AvatarURL = "https://imagineanything.com/avatars/" + p.handle + ".png"
		}
		a, err := s.store.CreateAgent(a)
		if err != nil {
			panic(fmt.Sprintf("sandbox: seeding agent %s: %v", p.handle, err))
		}
		b.ids = append(b.ids, a.ID)
		handles[i] = p.handle
		b.index[p.handle] = i
	}
	s.cast = make(map[string]bool, len(b.ids))
	for _, id := range b.ids {
		s.cast[id] = true
	}
	b.w = &writer{rng: rng, handles: handles}
	b.planFollows()
	b.planPosts()
	b.planInteractions()
	b.planDemoAttention()
	b.planDMs()
	b.run()
	b.settleDMs()
	b.settleNotifications()
	s.seeding = true
	b.seedMarket(seed)
	s.seeding = false
	b.seedBytes(seed)
	return b.ids[0]
}

// hexFrom draws n random bytes from rng as hex.
func hexFrom(rng *rand.Rand, n int) string {
	buf := make([]byte, n)
	for i := range buf {
		buf[i] = byte(rng.UintN(256))
	}
	return hex.EncodeToString(buf)
}

// ago returns a time d before the world's creation.
func (b *builder) ago(d time.Duration) time.Time { return b.now.Add(-d) }

// within returns a random time between from and now, biased towards from
// (most reactions come soon after a post).
func (b *builder) within(from time.Time) time.Time {
	span := b.now.Sub(from) - time.Second
	if span <= time.Millisecond {
		return from.Add(time.Millisecond)
	}
	u := b.rng.Float64()
	return from.Add(time.Millisecond + time.Duration(u*u*float64(span)))
}

// add plans an op.
func (b *builder) add(at time.Time, do func()) { b.ops = append(b.ops, op{at, do}) }

// others returns n distinct random cast indexes, never excluded ones.
func (b *builder) others(n int, exclude ...int) []int {
	var out []int
	for _, i := range b.rng.Perm(len(b.cast)) {
		if len(out) == n {
			break
		}
		if !slices.Contains(exclude, i) {
			out = append(out, i)
		}
	}
	return out
}

// must stops seeding on an error: it means the generator broke a rule.
func must(err error) {
	if err != nil {
		panic("sandbox: seeding the world: " + err.Error())
	}
}

// planFollows builds the social graph, mostly before the posting window.
func (b *builder) planFollows() {
	done := map[pair]bool{}
	follow := func(from, to int, at time.Time) {
		k := pair{b.ids[from], b.ids[to]}
		if from == to || done[k] {
			return
		}
		done[k] = true
		if from == 0 {
			b.demoFollows[to] = true
		}
		b.add(at, func() {
			_, err := b.s.setFollow(k.a, k.b, true, at)
			must(err)
		})
	}
	old := func() time.Time { return b.ago(worldSpan + time.Duration(1+b.rng.IntN(40*24))*time.Hour) }
	fixed := []int{0}
	for _, h := range demoFollows() {
		fixed = append(fixed, b.index[h])
		follow(0, b.index[h], old())
	}
	for _, i := range b.others(4, fixed...) {
		follow(0, i, old())
	}
	for i := 1; i < len(b.cast); i++ {
		for _, j := range b.others(5+b.rng.IntN(14), i, 0) {
			follow(i, j, old())
		}
	}
	for n, i := range b.others(20, 0) {
		at := old()
		if n < 6 {
			at = b.ago(time.Duration(1+b.rng.IntN(20*24)) * time.Hour)
		}
		follow(i, 0, at)
	}
}

// planPosts plans regular, long, demo, hostile and quote posts, then sorts
// them by time and resolves quote targets to earlier posts.
func (b *builder) planPosts() {
	weights := make([]int, len(b.cast))
	total := 0
	for i := 1; i < len(b.cast); i++ {
		weights[i] = 1 + b.rng.IntN(4)
		total += weights[i]
	}
	pickAuthor := func() int {
		n := b.rng.IntN(total)
		for i, w := range weights {
			if n < w {
				return i
			}
			n -= w
		}
		return len(weights) - 1
	}
	randomAgo := func() time.Time {
		return b.ago(2*time.Minute + time.Duration(b.rng.Int64N(int64(worldSpan-2*time.Minute))))
	}
	for range regularPosts {
		a := pickAuthor()
		text := b.w.post(b.cast[a], b.cast[a].handle)
		if b.rng.IntN(100) < longPostPct {
			text = b.w.longPost(b.cast[a])
		}
		b.posts = append(b.posts, &plannedPost{at: randomAgo(), author: a, content: text})
	}
	for _, d := range []time.Duration{35 * time.Minute, 7 * time.Hour, 30 * time.Hour, 4 * 24 * time.Hour, 9 * 24 * time.Hour} {
		text := b.w.post(b.cast[0], demoHandle)
		b.posts = append(b.posts, &plannedPost{at: b.ago(d + time.Duration(b.rng.IntN(600))*time.Second), author: 0, content: text})
	}
	for _, h := range hostilePosts() {
		b.posts = append(b.posts, &plannedPost{at: b.ago(h.ago), author: b.index[h.author], content: h.content})
	}
	for n := range quotePosts {
		text := b.w.quote()
		if b.rng.IntN(2) == 0 {
			text += " " + b.w.pick(emojis())
		}
		b.posts = append(b.posts, &plannedPost{at: randomAgo(), author: pickAuthor(), content: text, isQuote: true, demoOnly: n < demoQuotes})
	}
	slices.SortStableFunc(b.posts, func(x, y *plannedPost) int { return x.at.Compare(y.at) })
	for i, p := range b.posts {
		if p.isQuote {
			p.quote = b.quoteTarget(i, p)
		}
		p := p
		b.add(p.at, func() {
			var quoteOf string
			if p.quote != nil {
				quoteOf = p.quote.id
			}
			rec, err := b.s.createPost(b.agent(p.author), postInput{Content: p.content}, quoteOf, p.at)
			must(err)
			p.id = rec.ID
		})
	}
}

// quoteTarget picks an earlier post for the quote at index i.
func (b *builder) quoteTarget(i int, q *plannedPost) *plannedPost {
	var pool []*plannedPost
	for _, p := range b.posts[:i] {
		if (!q.demoOnly || p.author == 0) && p.author != q.author {
			pool = append(pool, p)
		}
	}
	if len(pool) == 0 {
		for _, p := range b.posts[:i] {
			if p.author != q.author {
				pool = append(pool, p)
			}
		}
	}
	if len(pool) == 0 {
		q.isQuote = false
		return nil
	}
	return pool[b.rng.IntN(len(pool))]
}

// agent returns the stored agent of a cast index.
func (b *builder) agent(i int) agentRecord {
	a, _ := b.s.store.Agent(b.ids[i])
	return a
}

// run replays the planned history in time order, then adds view counts.
func (b *builder) run() {
	slices.SortStableFunc(b.ops, func(x, y op) int { return x.at.Compare(y.at) })
	for _, o := range b.ops {
		o.do()
	}
	for _, p := range b.posts {
		for range p.likes*6 + p.comments*3 + b.rng.IntN(40) {
			_, err := b.s.store.AddView(p.id)
			must(err)
		}
	}
}
