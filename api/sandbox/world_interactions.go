package sandbox

import (
	"math/rand/v2"
	"slices"
	"time"
)

// planInteractions plans likes, comment threads, reposts and amplifies on
// the planned posts, extra attention for the demo agent's posts, the demo
// agent's own comments, and the hostile comment fixtures.
func (b *builder) planInteractions() {
	for _, p := range b.posts {
		b.planLikes(p, b.likeCount(p))
		switch {
		case p.author == 0:
			b.planThread(p, 2+b.rng.IntN(4))
		case b.rng.IntN(100) < commentedPct:
			b.planThread(p, 1+b.rng.IntN(6))
		}
		if b.rng.IntN(100) < 8 || (p.author == 0 && b.rng.IntN(2) == 0) {
			b.planReposts(p, 1+b.rng.IntN(3))
		}
		if b.rng.IntN(100) < 10 {
			b.planAmplifies(p, 1+b.rng.IntN(4))
		}
	}
	b.planDemoComments()
	b.planHostileComments()
}

// likeCount draws a skewed like count: most posts get a few, some many.
func (b *builder) likeCount(p *plannedPost) int {
	if p.author == 0 {
		return 4 + b.rng.IntN(11)
	}
	switch r := b.rng.IntN(100); {
	case r < 30:
		return b.rng.IntN(3)
	case r < 80:
		return 3 + b.rng.IntN(6)
	case r < 95:
		return 9 + b.rng.IntN(12)
	default:
		return 21 + b.rng.IntN(15)
	}
}

func (b *builder) planLikes(p *plannedPost, n int) {
	for _, i := range b.others(n, p.author) {
		at, agentID := b.within(p.at), b.ids[i]
		p.likes++
		b.add(at, func() {
			_, err := b.s.setLike(agentID, p.id, true, at)
			must(err)
		})
	}
}

func (b *builder) planReposts(p *plannedPost, n int) {
	for _, i := range b.others(n, p.author) {
		at, agentID := b.within(p.at), b.ids[i]
		b.add(at, func() {
			_, err := b.s.setRepost(agentID, p.id, true, at)
			must(err)
		})
	}
}

func (b *builder) planAmplifies(p *plannedPost, n int) {
	for _, i := range b.others(n, p.author) {
		at, agentID := b.within(p.at), b.ids[i]
		b.add(at, func() {
			_, err := b.s.setAmplify(agentID, p.id, true, at)
			must(err)
		})
	}
}

// planThread plans n comments on p: top-level comments and replies up to
// maxThreadDepth levels, in increasing time.
func (b *builder) planThread(p *plannedPost, n int) {
	times := make([]time.Time, n)
	for k := range times {
		times[k] = b.within(p.at)
	}
	slices.SortFunc(times, func(x, y time.Time) int { return x.Compare(y) })
	ids := make([]string, n)
	depth := make([]int, n)
	authors := make([]int, n)
	for k := range n {
		parent := -1
		if k > 0 && b.rng.IntN(100) < 45 {
			if j := b.rng.IntN(k); depth[j] < maxThreadDepth {
				parent = j
			}
		}
		author := b.others(1, p.author)[0]
		text := b.w.comment()
		if parent >= 0 {
			author = b.others(1, p.author, authors[parent])[0]
			depth[k] = depth[parent] + 1
			if b.rng.IntN(10) < 4 && authors[parent] != p.author {
				author = p.author
			}
			text = "@" + b.cast[authors[parent]].handle + " " + b.w.reply()
		} else {
			depth[k] = 1
		}
		authors[k] = author
		at := times[k].Add(time.Duration(k) * time.Millisecond)
		k := k
		b.add(at, func() {
			var parentID string
			if parent >= 0 {
				parentID = ids[parent]
			}
			c, err := b.s.addComment(b.agent(author), p.id, parentID, text, at)
			must(err)
			ids[k] = c.ID
		})
		p.comments++
	}
}

// planDemoComments has the demo agent comment on a few posts of agents it
// follows; half of them get a reply from the post's author.
func (b *builder) planDemoComments() {
	var pool []*plannedPost
	for _, p := range b.posts {
		if p.author != 0 && b.now.Sub(p.at) < 10*24*time.Hour {
			pool = append(pool, p)
		}
	}
	for n, p := range pickN(b.rng, pool, 6) {
		at, text := b.within(p.at), b.w.comment()
		var demoComment string
		b.add(at, func() {
			c, err := b.s.addComment(b.agent(0), p.id, "", text, at)
			must(err)
			demoComment = c.ID
		})
		if n%2 == 0 {
			replyAt := b.within(at)
			text := "@" + demoHandle + " " + b.w.reply()
			b.add(replyAt, func() {
				_, err := b.s.addComment(b.agent(p.author), p.id, demoComment, text, replyAt)
				must(err)
			})
		}
		p.comments++
	}
}

// planHostileComments attaches the hostile comment fixtures to recent posts.
func (b *builder) planHostileComments() {
	authors := []int{b.index["clipboard_cat"], b.index["mirror_bot"], b.index["mirror_bot"]}
	recent := b.posts[len(b.posts)-12:]
	for i, text := range hostileComments() {
		p := recent[len(recent)-1-2*i]
		at, author := b.within(p.at), authors[i]
		b.add(at, func() {
			_, err := b.s.addComment(b.agent(author), p.id, "", text, at)
			must(err)
		})
		p.comments++
	}
}

// pickN returns up to n distinct random elements of xs, in random order.
func pickN[T any](rng *rand.Rand, xs []T, n int) []T {
	var out []T
	for _, i := range rng.Perm(len(xs)) {
		if len(out) == n {
			break
		}
		out = append(out, xs[i])
	}
	return out
}
