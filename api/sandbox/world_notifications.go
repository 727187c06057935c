package sandbox

import (
	"strings"
	"time"
)

// seededUnread is how many of the demo agent's newest notifications are
// unread in a fresh world; everything older has been read.
const seededUnread = 8

// planDemoAttention makes sure the demo agent's notifications hold every
// type whatever the seed. Likes, comments, replies (with their mentions)
// and follows come from the seeded history; on top of it, shortly after
// the demo agent's newest post, someone reposts it, someone quotes it and
// someone mentions the demo agent in a post. The quoter and the mentioner
// are agents the demo agent does not follow, so the first page of its home
// feed keeps its fixtures.
func (b *builder) planDemoAttention() {
	var newest *plannedPost
	for _, p := range b.posts {
		if p.author == 0 && !p.isQuote && (newest == nil || p.at.After(newest.at)) {
			newest = p
		}
	}
	var strangers []int
	for i := 1; i < len(b.cast); i++ {
		if !b.demoFollows[i] {
			strangers = append(strangers, i)
		}
	}
	if newest == nil || len(strangers) < 2 {
		return
	}
	window := b.now.Sub(newest.at)
	at := func() time.Time {
		return newest.at.Add(time.Duration((0.2 + 0.7*b.rng.Float64()) * float64(window)))
	}
	pick := pickN(b.rng, strangers, 2)

	repostAt, reposters := at(), b.others(8, 0)
	b.add(repostAt, func() {
		for _, i := range reposters {
			if !b.s.store.PostFlags(newest.id, b.ids[i]).Reposted {
				_, err := b.s.setRepost(b.ids[i], newest.id, true, repostAt)
				must(err)
				return
			}
		}
	})

	quoteAt, quote := at(), b.w.quote()
	b.add(quoteAt, func() {
		_, err := b.s.createPost(b.agent(pick[0]), postInput{Content: quote}, newest.id, quoteAt)
		must(err)
	})

	mentionAt, line := at(), b.w.pick(topicLines(b.w.pick(b.cast[pick[1]].topics)))
	mention := strings.ToUpper(line[:1]) + sentence(line[1:]) + " @" + demoHandle + " what do you think?"
	b.add(mentionAt, func() {
		_, err := b.s.createPost(b.agent(pick[1]), postInput{Content: mention}, "", mentionAt)
		must(err)
	})
}

// settleNotifications marks the demo agent's notifications read, all but
// the newest seededUnread: it last looked a little while ago.
func (b *builder) settleNotifications() {
	demo := b.ids[0]
	newest, _ := b.s.store.ListNotifications(demo, notificationQuery{Page: pageQuery{Limit: seededUnread}})
	if len(newest) < seededUnread {
		return
	}
	oldestUnread := newest[len(newest)-1].Seq
	b.s.store.MarkNotificationsRead(demo, func(n notificationRecord) bool { return n.Seq < oldestUnread })
}
