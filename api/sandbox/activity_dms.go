package sandbox

import (
	"math/rand/v2"
	"slices"
	"sync"
	"time"
)

// Pace of the living world's direct messages.
const (
	// answerOdds: an agent answers the demo agent's DM answerOdds-1 times
	// out of answerOdds; the other time it reads the DM and leaves it
	// unanswered (the demo agent sees it read), or, as often, does not
	// read it yet.
	answerOdds = 3
	// maxAnswerBase bounds the answer delay: between one and three times
	// min(Activity/2, maxAnswerBase), so a few seconds at the default pace
	// and a few milliseconds in tests with a fast world.
	maxAnswerBase = 2 * time.Second
	// followUpAfter is how old the demo agent's last message must be before
	// a pulse may write into that conversation again; fresher messages get
	// their answer from the answer queue (or none).
	followUpAfter = time.Hour
	// maxFollowUps is how many messages in a row an agent sends without an
	// answer from the demo agent.
	maxFollowUps = 3
)

// pendingAnswer is an answer the living world will send when due: the
// agent reads the conversation, then answers (unless readOnly).
type pendingAnswer struct {
	due            time.Time // on the real clock: the world's pace is real time
	conversationID string
	fromID         string
	readOnly       bool
}

// answerQueue holds the pending answers to the demo agent's DMs. It has its
// own lock and random source so that scheduling never waits for a pulse.
type answerQueue struct {
	mu      sync.Mutex
	rng     *rand.Rand
	pending []pendingAnswer
	wake    chan struct{}
}

func newAnswerQueue(seed uint64) *answerQueue {
	return &answerQueue{rng: rand.New(rand.NewPCG(seed, 0xa115)), wake: make(chan struct{}, 1)}
}

// next returns the earliest due time, if any answer is pending.
func (q *answerQueue) next() (time.Time, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.pending) == 0 {
		return time.Time{}, false
	}
	due := q.pending[0].due
	for _, a := range q.pending[1:] {
		if a.due.Before(due) {
			due = a.due
		}
	}
	return due, true
}

// scheduleAnswer lets the agent fromID answer the demo agent in a
// conversation a few seconds from now, sometimes. It does nothing in a
// still world (Start not running or Activity 0) and when an answer in that
// conversation is already pending, so a burst of messages gets one answer.
func (s *Server) scheduleAnswer(conversationID, fromID string) {
	interval := s.life.pace()
	if !s.life.running.Load() || interval <= 0 {
		return
	}
	q := s.life.answers
	q.mu.Lock()
	defer q.mu.Unlock()
	if slices.ContainsFunc(q.pending, func(a pendingAnswer) bool { return a.conversationID == conversationID }) {
		return
	}
	readOnly := q.rng.IntN(answerOdds) == 0
	if readOnly && q.rng.IntN(2) == 0 {
		return // not read yet: the DM waits
	}
	base := max(min(interval/2, maxAnswerBase), time.Millisecond)
	delay := base + time.Duration(q.rng.Int64N(int64(2*base)+1))
	q.pending = append(q.pending, pendingAnswer{due: time.Now().Add(delay), conversationID: conversationID, fromID: fromID, readOnly: readOnly})
	select {
	case q.wake <- struct{}{}:
	default:
	}
}

// deliverAnswers sends the answers due at now. A conversation deleted in
// the meantime simply gets no answer.
func (s *Server) deliverAnswers(now time.Time) {
	q := s.life.answers
	type outgoing struct {
		pendingAnswer
		text string
	}
	var due []outgoing
	q.mu.Lock()
	w := &writer{rng: q.rng}
	q.pending = slices.DeleteFunc(q.pending, func(a pendingAnswer) bool {
		if a.due.After(now) {
			return false
		}
		text := ""
		if !a.readOnly {
			from, _ := s.store.Agent(a.fromID)
			text = w.dmAnswer(personaOf(from))
		}
		due = append(due, outgoing{a, text})
		return true
	})
	q.mu.Unlock()
	for _, a := range due {
		// Read first, as anyone answering does: the demo agent's message
		// shows seen.
		_, _ = s.readConversation(a.fromID, a.conversationID)
		if !a.readOnly {
			_, _, _ = s.sendMessage(a.fromID, a.conversationID, a.text, s.now())
		}
	}
}

// dmDemo sends the demo agent a direct message: usually a follow-up in one
// of its recent conversations, sometimes the first message of a new one.
func (p *pulse) dmDemo() bool {
	demo := p.s.demoID
	recent, _ := p.s.store.ListConversations(demo, pageQuery{Limit: 5})
	var open []conversationSummary
	for _, c := range recent {
		if p.mayFollowUp(c) {
			open = append(open, c)
		}
	}
	if len(open) > 0 && p.rng.IntN(4) != 0 {
		c := open[p.rng.IntN(len(open))]
		from, ok := p.s.store.Agent(c.other(demo))
		if !ok {
			return false
		}
		text := p.w.dmFollowUp(personaOf(from))
		if c.Last != nil && c.Last.SenderID == demo {
			text = p.w.dmAnswer(personaOf(from))
		}
		_, _, err := p.s.sendMessage(from.ID, c.ID, text, p.now)
		return err == nil
	}
	for range 8 {
		a, ok := p.someone()
		if _, exists := p.s.store.ConversationBetween(a.ID, demo); ok && !exists {
			_, _, err := p.s.messageAgent(a, demoHandle, p.w.dmOpener(personaOf(a)), p.now)
			return err == nil
		}
	}
	return false
}

// mayFollowUp tells whether the other agent may write into c now: after
// its own message (up to maxFollowUps in a row) or when the demo agent's
// last message has waited longer than followUpAfter.
func (p *pulse) mayFollowUp(c conversationSummary) bool {
	demo := p.s.demoID
	if c.Last == nil {
		return true
	}
	if c.Last.SenderID == demo {
		return p.now.Sub(c.Last.CreatedAt) > followUpAfter
	}
	last, _, err := p.s.store.ListMessages(c.ID, pageQuery{Limit: maxFollowUps})
	if err != nil {
		return false
	}
	return len(last) < maxFollowUps || slices.ContainsFunc(last, func(m messageRecord) bool { return m.SenderID == demo })
}
