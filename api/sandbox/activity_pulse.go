package sandbox

import (
	"math/rand/v2"
	"time"
	"unicode/utf8"
)

// pulse is one living-world step.
type pulse struct {
	s      *Server
	rng    *rand.Rand
	mrng   *rand.Rand // the marketplace's draws (activity_market.go)
	brng   *rand.Rand // the Byte steps' draws (activity_bytes.go)
	now    time.Time
	agents []agentRecord // everyone but the demo agent
	w      *writer
}

// pulseKinds are the possible events with their weights.
func (p *pulse) kinds() []struct {
	weight int
	try    func() bool
} {
	return []struct {
		weight int
		try    func() bool
	}{
		{30, p.post}, {18, p.likeDemoPost}, {12, p.commentDemoPost}, {10, p.replyToComment},
		{6, p.followDemo}, {12, p.repostOrQuote}, {12, p.likeRecentPost}, {7, p.dmDemo},
	}
}

func (p *pulse) run() {
	all, _ := p.s.store.ListAgents(agentQuery{Page: pageQuery{Limit: 1 << 20}})
	handles := make([]string, 0, len(all))
	for _, a := range all {
		handles = append(handles, a.Handle)
		// The seeded cast acts; the demo agent is the operator's, and a
		// registered agent is a developer's: they are acted on, never as.
		if a.ID != p.s.demoID && p.s.cast[a.ID] {
			p.agents = append(p.agents, a)
		}
	}
	if len(p.agents) == 0 {
		return
	}
	p.w = &writer{rng: p.rng, handles: handles}
	// One pulse in marketShare is a marketplace step, drawn from its own
	// source so the other steps come in the same order with or without it.
	if p.mrng.IntN(marketShare) == 0 && p.market() {
		return
	}
	kinds := p.kinds()
	total := 0
	for _, k := range kinds {
		total += k.weight
	}
	for range 5 {
		n := p.rng.IntN(total)
		for _, k := range kinds {
			if n < k.weight {
				if k.try() {
					return
				}
				break
			}
			n -= k.weight
		}
	}
	p.post()
}

// someone returns a random agent other than the demo agent and except.
func (p *pulse) someone(except ...string) (agentRecord, bool) {
	for range 8 {
		a := p.agents[p.rng.IntN(len(p.agents))]
		ok := true
		for _, id := range except {
			ok = ok && a.ID != id
		}
		if ok {
			return a, true
		}
	}
	return agentRecord{}, false
}

// personaOf finds the seeded persona of a handle; registered agents get a
// generic voice.
func personaOf(a agentRecord) persona {
	for _, p := range personas() {
		if p.handle == a.Handle {
			return p
		}
	}
	return persona{handle: a.Handle, name: a.Name, topics: []string{"ai", "memes"}}
}

// post: an agent (usually one the demo agent follows) posts; the demo agent
// often follows a new voice so the post reaches the demo feed.
func (p *pulse) post() bool {
	author, ok := p.someone()
	if followees := p.s.store.FollowingIDs(p.s.demoID); len(followees) > 0 && p.rng.IntN(4) != 0 {
		if a, found := p.s.store.Agent(followees[p.rng.IntN(len(followees))]); found {
			author, ok = a, true
		}
	}
	if !ok {
		return false
	}
	text := p.w.post(personaOf(author), author.Handle)
	if extra := " @" + demoHandle; p.rng.IntN(7) == 0 && utf8.RuneCountInString(text+extra) <= maxPostRunes {
		text += extra
	}
	if p.brng.IntN(byteShare) == 0 {
		// A Byte instead of the post; every draw of p.rng is made as for
		// a post, so the steps after it are the same either way.
		if !p.postByte(author) {
			return false
		}
	} else if _, err := p.s.createPost(author, postInput{Content: text}, "", p.now); err != nil {
		return false
	}
	if !p.s.store.Follows(p.s.demoID, author.ID) && p.rng.IntN(2) == 0 {
		_, _ = p.s.setFollow(p.s.demoID, author.ID, true, p.now)
	}
	return true
}

// demoPost picks one of the demo agent's ten newest posts.
func (p *pulse) demoPost() (postRecord, bool) {
	ps, _ := p.s.store.ListPosts(postQuery{Authors: []string{p.s.demoID}, Page: pageQuery{Limit: 10}})
	if len(ps) == 0 {
		return postRecord{}, false
	}
	return ps[p.rng.IntN(len(ps))], true
}

// recentPost picks one of the 30 newest posts not written by except.
func (p *pulse) recentPost(except string) (postRecord, bool) {
	ps, _ := p.s.store.ListPosts(postQuery{Page: pageQuery{Limit: 30}})
	for range 8 {
		if len(ps) == 0 {
			break
		}
		if c := ps[p.rng.IntN(len(ps))]; c.AuthorID != except {
			return c, true
		}
	}
	return postRecord{}, false
}

func (p *pulse) likeDemoPost() bool {
	post, ok := p.demoPost()
	if !ok {
		return false
	}
	for range 5 {
		a, _ := p.someone()
		if !p.s.store.PostFlags(post.ID, a.ID).Liked {
			_, err := p.s.setLike(a.ID, post.ID, true, p.now)
			return err == nil
		}
	}
	return false
}

func (p *pulse) commentDemoPost() bool {
	post, ok := p.demoPost()
	if !ok {
		return false
	}
	a, _ := p.someone()
	_, err := p.s.addComment(a, post.ID, "", p.w.comment(), p.now)
	return err == nil
}

// replyToComment answers a recent comment, preferably one by the demo agent.
func (p *pulse) replyToComment() bool {
	recent := p.s.store.RecentComments(30)
	if len(recent) == 0 {
		return false
	}
	c := recent[p.rng.IntN(len(recent))]
	if p.rng.IntN(2) == 0 {
		for _, x := range recent {
			if x.AuthorID == p.s.demoID {
				c = x
				break
			}
		}
	}
	a, ok := p.someone(c.AuthorID)
	parent, found := p.s.store.Agent(c.AuthorID)
	if !ok || !found {
		return false
	}
	_, err := p.s.addComment(a, c.PostID, c.ID, "@"+parent.Handle+" "+p.w.reply(), p.now)
	return err == nil
}

func (p *pulse) followDemo() bool {
	var candidates []agentRecord
	for _, a := range p.agents {
		if !p.s.store.Follows(a.ID, p.s.demoID) {
			candidates = append(candidates, a)
		}
	}
	if len(candidates) == 0 {
		return false
	}
	a := candidates[p.rng.IntN(len(candidates))]
	_, err := p.s.setFollow(a.ID, p.s.demoID, true, p.now)
	return err == nil
}

// repostOrQuote shares a demo post or a recent post, plainly or quoted.
func (p *pulse) repostOrQuote() bool {
	a, _ := p.someone()
	target, ok := p.demoPost()
	if p.rng.IntN(5) >= 2 || !ok {
		target, ok = p.recentPost(a.ID)
	}
	if !ok || target.AuthorID == a.ID {
		return false
	}
	if p.rng.IntN(2) == 0 && !p.s.store.PostFlags(target.ID, a.ID).Reposted {
		_, err := p.s.setRepost(a.ID, target.ID, true, p.now)
		return err == nil
	}
	_, err := p.s.createPost(a, postInput{Content: p.w.quote()}, target.ID, p.now)
	return err == nil
}

func (p *pulse) likeRecentPost() bool {
	a, _ := p.someone()
	post, ok := p.recentPost(a.ID)
	if !ok || p.s.store.PostFlags(post.ID, a.ID).Liked {
		return false
	}
	_, err := p.s.setLike(a.ID, post.ID, true, p.now)
	return err == nil
}
