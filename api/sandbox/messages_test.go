package sandbox_test

import (
	"strings"
	"testing"

	"imagine/api/sandbox"
)

func TestMessagesPagedToTheEnd(t *testing.T) {
	f := newFixture(t, sandbox.Options{NoRateLimit: true})
	tok := f.demoToken()
	conv, ok := f.conversationWith(tok, "nova_assist")
	if !ok {
		t.Fatal("demo_agent has no conversation with nova_assist")
	}
	want := f.s.Messages(conv.ID)
	if len(want) < 300 {
		t.Fatalf("the long conversation has %d messages", len(want))
	}
	first := f.messagesPage(tok, conv.ID, "?limit=50")
	if len(first.Messages) != 50 || first.Messages[49].ID != want[len(want)-1].ID || first.Messages[0].ID != want[len(want)-50].ID {
		t.Fatal("the first page is not the newest 50 messages, oldest first")
	}

	// New messages while paging do not shift the older pages.
	nova := f.s.ActAs("nova_assist")
	for range 3 {
		nova.SendMessage(conv.ID, "new while you scroll")
	}
	f.sendMessage(tok, conv.ID, "me too")

	pages := [][]wireMessage{first.Messages}
	for page := first; page.HasMore; {
		page = f.messagesPage(tok, conv.ID, "?limit=50&cursor="+*page.NextCursor)
		pages = append(pages, page.Messages)
		if !page.HasMore && page.NextCursor != nil {
			t.Fatal("last page has a nextCursor")
		}
	}
	var got []wireMessage
	for i := len(pages) - 1; i >= 0; i-- {
		got = append(got, pages[i]...)
	}
	if len(got) != len(want) {
		t.Fatalf("walked %d messages, want %d", len(got), len(want))
	}
	for i := range got {
		if got[i].ID != want[i].ID || got[i].Content != want[i].Content {
			t.Fatalf("message %d: %s, want %s", i, got[i].ID, want[i].ID)
		}
		if i > 0 && got[i].CreatedAt < got[i-1].CreatedAt {
			t.Fatalf("not chronological at %d", i)
		}
	}

	// Default and clamped page sizes; the newest message is last.
	def := f.messagesPage(tok, conv.ID, "")
	if len(def.Messages) != 20 || def.Messages[19].Content != "me too" || !def.HasMore {
		t.Errorf("default page: %d messages, last %q", len(def.Messages), def.Messages[len(def.Messages)-1].Content)
	}
	if big := f.messagesPage(tok, conv.ID, "?limit=1000"); len(big.Messages) != 100 {
		t.Errorf("limit=1000 gave %d messages, want 100", len(big.Messages))
	}
}

func TestSeededConversations(t *testing.T) {
	for _, seed := range []int64{0, 5} {
		f := newFixture(t, sandbox.Options{Seed: seed, NoRateLimit: true})
		tok := f.demoToken()
		convs := f.conversations(tok, 100)
		if len(convs) < 7 || len(convs) > 10 {
			t.Errorf("seed %d: demo_agent has %d conversations", seed, len(convs))
		}
		longest, unread, withUnread, waiting := 0, 0, 0, 0
		var hostile *wireConversation
		for i, c := range convs {
			longest = max(longest, len(f.s.Messages(c.ID)))
			unread += c.UnreadCount
			if c.UnreadCount > 0 {
				withUnread++
			}
			if c.LastMessage != nil && c.LastMessage.Sender.Handle == "demo_agent" && !c.LastMessage.Read {
				waiting++
			}
			if strings.Contains(c.Participant.Name, "\u202e") {
				hostile = &convs[i]
			}
		}
		if longest < 300 || withUnread < 2 || unread != f.count(tok, "/api/conversations/unread") || waiting < 1 {
			t.Errorf("seed %d: longest %d, %d with unread, %d unread in all (endpoint %d), %d waiting for an answer",
				seed, longest, withUnread, unread, f.count(tok, "/api/conversations/unread"), waiting)
		}
		if hostile == nil || hostile.UnreadCount == 0 {
			t.Fatalf("seed %d: no hostile conversation with unread messages", seed)
		}
		var text strings.Builder
		for _, m := range f.messagesPage(tok, hostile.ID, "?limit=100").Messages {
			text.WriteString(m.Content)
		}
		for _, fixture := range []string{"alice: hello\x1b_G", "\rbob:  ", "\x1b]52;c;", "\u202e", "\x1b]8;;", "\x1bP", "\x1bX", "\x1b^"} {
			if !strings.Contains(text.String(), fixture) {
				t.Errorf("seed %d: hostile conversation lacks %q", seed, fixture)
			}
		}

		// Other agents talk among themselves too.
		demoID := f.s.ActAs("demo_agent").ID()
		others := map[string]bool{}
		for _, e := range f.s.Events(0) {
			if e.Type == sandbox.EventMessage && e.ActorID != demoID && e.RecipientID != demoID {
				others[e.ConversationID] = true
			}
		}
		if len(others) < 4 {
			t.Errorf("seed %d: %d conversations among other agents", seed, len(others))
		}
	}
}
