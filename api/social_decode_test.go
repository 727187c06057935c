package api_test

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"imagine/api"
)

// The notification and conversation shapes of wire-social.md and the
// tolerant variants the client accepts, served verbatim by a stub.

const (
	aliceJSON = `{"id":"agt_alice","handle":"alice","name":"Alice"}`
	bobJSON   = `{"id":"agt_bob","handle":"@bob","name":"Bob"}`
	meJSON    = `{"id":"agt_me","handle":"me_agent","name":"Me"}`
)

func TestDecodeNotificationVariants(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("é", 300)
	tests := []struct {
		name, item string
		want       api.Notification
	}{
		{"documented", `{"id":"n1","type":"LIKE","read":false,"createdAt":"2026-02-01T10:00:00.000Z","actor":` + aliceJSON + `,
		   "postId":"p1","commentId":null,"snippet":"my post","message":"@alice liked your post"}`,
			api.Notification{ID: "n1", Type: "LIKE", PostID: "p1", Snippet: "my post", Message: "@alice liked your post"}},
		{"isRead, fromAgent, post object", `{"id":"n2","type":"like","isRead":true,"fromAgent":` + aliceJSON + `,"post":{"id":"p2","content":"post text"}}`,
			api.Notification{ID: "n2", Type: "LIKE", Read: true, PostID: "p2", Snippet: "post text"}},
		{"agent, comment and post objects", `{"id":"n3","type":"REPLY","read":"true","agent":` + aliceJSON + `,
		   "post":{"id":"p3","content":"the post"},"comment":{"id":"c3","content":"the reply"}}`,
			api.Notification{ID: "n3", Type: "REPLY", Read: true, PostID: "p3", CommentID: "c3", Snippet: "the reply"}},
		{"sender, follow without target", `{"id":"n4","type":" follow ","read":null,"sender":` + aliceJSON + `,"post":null,"comment":null}`,
			api.Notification{ID: "n4", Type: "FOLLOW"}},
		{"post as a bare ID", `{"id":"n5","type":"MENTION","actor":{"agent":` + aliceJSON + `},"post":"p5","commentId":"c5"}`,
			api.Notification{ID: "n5", Type: "MENTION", PostID: "p5", CommentID: "c5"}},
		{"read wins over isRead", `{"id":"n6","type":"QUOTE","read":false,"isRead":true,"actor":` + aliceJSON + `}`,
			api.Notification{ID: "n6", Type: "QUOTE"}},
		{"long post becomes a short snippet", `{"id":"n7","type":"LIKE","actor":` + aliceJSON + `,"post":{"id":"p7","content":"` + long + `"}}`,
			api.Notification{ID: "n7", Type: "LIKE", PostID: "p7", Snippet: strings.Repeat("é", 139) + "…"}},
		{"a marketplace type with orderId", `{"id":"n8","type":"order_paid","actor":` + aliceJSON + `,"orderId":"ord_8","snippet":"Logo design","message":"@alice paid for an order"}`,
			api.Notification{ID: "n8", Type: api.NotificationOrderPaid, OrderID: "ord_8", Snippet: "Logo design", Message: "@alice paid for an order"}},
		{"an order object", `{"id":"n9","type":"ORDER_MESSAGE","actor":` + aliceJSON + `,"order":{"id":"ord_9"},"snippet":"Any news?"}`,
			api.Notification{ID: "n9", Type: api.NotificationOrderMessage, OrderID: "ord_9", Snippet: "Any news?"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := newStub(t)
			s.reply("GET /api/notifications", 200, `{"notifications":[`+tt.item+`],"nextCursor":"c2","hasMore":true,"unreadCount":3}`)
			c, _ := newClient(t, s.URL)
			page, err := c.Notifications.List(t.Context(), nil)
			if err != nil {
				t.Fatal(err)
			}
			if len(page.Items) != 1 || page.NextCursor != "c2" || !page.HasMore {
				t.Fatalf("page %+v", page)
			}
			got := page.Items[0]
			if got.Actor.Handle != "alice" && got.ID != "n4" && got.ID != "n1" {
				t.Errorf("actor = %+v", got.Actor)
			}
			if tt.want.ID == "n1" && !got.CreatedAt.Equal(time.Date(2026, 2, 1, 10, 0, 0, 0, time.UTC)) {
				t.Errorf("createdAt = %v", got.CreatedAt)
			}
			got.Actor, got.CreatedAt = api.Agent{}, time.Time{}
			if got != tt.want {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestDecodeCountVariants(t *testing.T) {
	t.Parallel()
	tests := []struct {
		body string
		want int
	}{
		{`{"count":4}`, 4},
		{`{"unreadCount":"5"}`, 5},
		{`{"unread":6,"success":true}`, 6},
		{`{"count":null,"unreadCount":7}`, 7},
		{`8`, 8},
	}
	for _, tt := range tests {
		t.Run(tt.body, func(t *testing.T) {
			t.Parallel()
			s := newStub(t)
			s.reply("GET /api/notifications/count", 200, tt.body)
			s.reply("GET /api/conversations/unread", 200, tt.body)
			c, _ := newClient(t, s.URL)
			n, err := c.Notifications.Count(t.Context())
			if err != nil || n != tt.want {
				t.Errorf("Notifications.Count = %d, %v; want %d", n, err, tt.want)
			}
			n, err = c.Conversations.Unread(t.Context())
			if err != nil || n != tt.want {
				t.Errorf("Conversations.Unread = %d, %v; want %d", n, err, tt.want)
			}
		})
	}
	s := newStub(t)
	s.reply("GET /api/notifications/count", 200, `{"success":true}`)
	c, _ := newClient(t, s.URL)
	if _, err := c.Notifications.Count(t.Context()); !errors.Is(err, api.ErrMalformedResponse) {
		t.Errorf("an answer without a count: %v", err)
	}
}

// conversationsWith serves one conversation item (and /api/agents/me).
func conversationsWith(t *testing.T, item string) *api.Client {
	t.Helper()
	s := newStub(t)
	s.reply("GET /api/conversations", 200, `{"conversations":[`+item+`],"nextCursor":null,"hasMore":false}`)
	s.reply("GET /api/agents/me", 200, meJSON)
	c, _ := newClient(t, s.URL)
	return c
}

func TestDecodeConversationVariants(t *testing.T) {
	t.Parallel()
	msgFromMe := `{"id":"m1","content":"hi","senderId":"agt_me","createdAt":"2026-02-01T10:00:00Z"}`
	msgFromAlice := `{"id":"m1","content":"hi","sender":` + aliceJSON + `,"createdAt":"2026-02-01T10:00:00Z"}`
	tests := []struct {
		name, item string
		callMe     bool // the client learns who it is first
		want       string
	}{
		{"participant", `{"id":"cv","participant":` + aliceJSON + `,"lastMessage":` + msgFromMe + `,"unreadCount":2}`, false, "alice"},
		{"otherAgent", `{"id":"cv","otherAgent":` + aliceJSON + `,"lastMessage":` + msgFromMe + `,"unread":2}`, false, "alice"},
		{"participants, me first, identity known", `{"id":"cv","participants":[` + meJSON + `,` + aliceJSON + `],"lastMessage":` + msgFromAlice + `,"unreadCount":"2"}`, true, "alice"},
		{"participants, me last, identity known", `{"id":"cv","participants":[` + aliceJSON + `,` + meJSON + `],"lastMessage":` + msgFromMe + `,"unreadCount":2}`, true, "alice"},
		{"participants wrapped, identity known", `{"id":"cv","participants":[{"agent":` + meJSON + `},{"agent":` + aliceJSON + `}],"lastMessage":` + msgFromMe + `,"unreadCount":2}`, true, "alice"},
		{"participants, identity unknown: not the last sender", `{"id":"cv","participants":[` + meJSON + `,` + aliceJSON + `],"lastMessage":` + msgFromMe + `,"unreadCount":2}`, false, "alice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c := conversationsWith(t, tt.item)
			if tt.callMe {
				if _, err := c.Agents.Me(t.Context()); err != nil {
					t.Fatal(err)
				}
			}
			page, err := c.Conversations.List(t.Context(), nil)
			if err != nil {
				t.Fatal(err)
			}
			if len(page.Items) != 1 || page.HasMore {
				t.Fatalf("page %+v", page)
			}
			cv := page.Items[0]
			if cv.Participant.Handle != tt.want || cv.UnreadCount != 2 || cv.LastMessage == nil || cv.LastMessage.Content != "hi" ||
				cv.LastMessage.ConversationID != "cv" || !cv.UpdatedAt.Equal(time.Date(2026, 2, 1, 10, 0, 0, 0, time.UTC)) {
				t.Errorf("got %+v (last %+v)", cv, cv.LastMessage)
			}
		})
	}
}

func TestDecodeConversationPreviewAndNulls(t *testing.T) {
	t.Parallel()
	c := conversationsWith(t, `{"id":"cv","participant":`+bobJSON+`,"lastMessage":"see you","updatedAt":"2026-02-02T00:00:00Z"},
	  {"id":"cw","participant":`+aliceJSON+`,"lastMessage":null,"unreadCount":null,"createdAt":"2026-01-01T00:00:00Z"}`)
	page, err := c.Conversations.List(t.Context(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Items) != 2 {
		t.Fatalf("%d items", len(page.Items))
	}
	a, b := page.Items[0], page.Items[1]
	if a.Participant.Handle != "bob" || a.LastMessage == nil || a.LastMessage.Content != "see you" {
		t.Errorf("preview string: %+v", a)
	}
	if b.LastMessage != nil || b.UnreadCount != 0 || !b.UpdatedAt.Equal(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("nulls: %+v", b)
	}
}

func TestDecodeMessageVariants(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, body string
		senderID   string
		handle     string // of Sender, "" when nil
		read       bool
	}{
		{"documented, wrapped", `{"message":{"id":"m1","conversationId":"cv","content":"hi","createdAt":"2026-02-01T10:00:00.000Z","senderId":"agt_alice","sender":` + aliceJSON + `,"read":true}}`, "agt_alice", "alice", true},
		{"bare, senderId only", `{"id":"m1","conversationId":"cv","content":"hi","senderId":"agt_alice","read":false}`, "agt_alice", "", false},
		{"sender as an ID", `{"id":"m1","conversationId":"cv","content":"hi","sender":"agt_alice","isRead":true}`, "agt_alice", "", true},
		{"agent key, readAt", `{"id":"m1","conversationId":"cv","text":"hi","agent":` + aliceJSON + `,"readAt":"2026-02-01T10:00:00Z"}`, "agt_alice", "alice", true},
		{"fromAgent, readAt null", `{"message":{"id":"m1","conversationId":"cv","content":"hi","fromAgent":` + bobJSON + `,"readAt":null}}`, "agt_bob", "bob", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := newStub(t)
			s.reply("GET /api/messages/m1", 200, tt.body)
			c, _ := newClient(t, s.URL)
			m, err := c.Conversations.Message(t.Context(), "m1")
			if err != nil {
				t.Fatal(err)
			}
			handle := ""
			if m.Sender != nil {
				handle = m.Sender.Handle
			}
			if m.ID != "m1" || m.ConversationID != "cv" || m.Content != "hi" || m.SenderID != tt.senderID || handle != tt.handle || m.Read != tt.read {
				t.Errorf("got %+v (sender %q)", m, handle)
			}
		})
	}
}

func TestDecodeStartVariants(t *testing.T) {
	t.Parallel()
	msg := `{"id":"m1","conversationId":"cv","content":"hello","senderId":"agt_me","sender":` + meJSON + `}`
	tests := map[string]string{
		"documented":                  `{"conversation":{"id":"cv","participant":` + aliceJSON + `,"lastMessage":` + msg + `,"unreadCount":0},"message":` + msg + `}`,
		"participants, not my sender": `{"conversation":{"id":"cv","participants":[` + meJSON + `,` + aliceJSON + `]},"message":` + msg + `}`,
		"bare conversation":           `{"id":"cv","participants":[` + meJSON + `,` + aliceJSON + `],"lastMessage":` + msg + `}`,
		"bare message":                msg,
		"wrapped message only":        `{"success":true,"message":` + msg + `}`,
	}
	for name, body := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			s := newStub(t)
			s.handle("POST /api/conversations", func(w http.ResponseWriter, r *http.Request) {
				b, _ := io.ReadAll(r.Body)
				if string(b) != `{"message":"hello","participantHandle":"alice"}` {
					t.Errorf("request body %s", b)
				}
				jsonReply(201, body)(w, r)
			})
			// A later list that names both participants: the client now
			// knows it is agt_me from its own message.
			s.reply("GET /api/conversations", 200, `{"conversations":[{"id":"cv","participants":[`+meJSON+`,`+aliceJSON+`],
			  "lastMessage":{"id":"m2","content":"yo","senderId":"agt_alice"}}]}`)
			c, _ := newClient(t, s.URL)
			cv, m, err := c.Conversations.Start(t.Context(), "@alice", "hello")
			if err != nil {
				t.Fatal(err)
			}
			if cv.ID != "cv" || cv.Participant.Handle != "alice" || m.ID != "m1" || m.ConversationID != "cv" || m.Content != "hello" ||
				cv.LastMessage == nil || cv.LastMessage.ID != "m1" {
				t.Errorf("conversation %+v, message %+v", cv, m)
			}
			page, err := c.Conversations.List(t.Context(), nil)
			if err != nil || len(page.Items) != 1 || page.Items[0].Participant.Handle != "alice" {
				t.Errorf("after Start the client must know who it is: %v %+v", err, page)
			}
		})
	}
}

func TestDecodeStartWithoutConversation(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	s.reply("POST /api/conversations", 201, `{"success":true}`)
	c, _ := newClient(t, s.URL)
	if _, _, err := c.Conversations.Start(t.Context(), "alice", "hello"); !errors.Is(err, api.ErrMalformedResponse) {
		t.Errorf("an answer naming no conversation: %v", err)
	}
}

func TestDecodeMessagesChronological(t *testing.T) {
	t.Parallel()
	item := func(i int) string {
		return fmt.Sprintf(`{"id":"m%d","content":"n%d","senderId":"a","createdAt":"2026-02-01T10:00:0%d.000Z"}`, i, i, i)
	}
	for name, items := range map[string]string{
		"oldest first": item(1) + "," + item(2) + "," + item(3),
		"newest first": item(3) + "," + item(2) + "," + item(1),
		"shuffled":     item(2) + "," + item(3) + "," + item(1),
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			s := newStub(t)
			s.reply("GET /api/conversations/cv/messages", 200, `{"messages":[`+items+`],"nextCursor":"older","hasMore":true}`)
			c, _ := newClient(t, s.URL)
			page, err := c.Conversations.Messages(t.Context(), "cv", nil)
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, m := range page.Items {
				ids = append(ids, m.ID)
			}
			if fmt.Sprint(ids) != "[m1 m2 m3]" || page.NextCursor != "older" {
				t.Errorf("got %v cursor %q", ids, page.NextCursor)
			}
		})
	}
}

func TestDecodeSocialHostileStrings(t *testing.T) {
	t.Parallel()
	const evil = `\u001b]52;c;ZXZpbA==\u0007x\u001b[31m\u009b2J\r\u0000`
	agent := `{"id":"agt_x` + evil + `","handle":"eve` + evil + `","name":"E` + evil + `ve","bio":"b` + evil + `"}`
	msg := `{"id":"m` + evil + `","conversationId":"cv` + evil + `","content":"line1\nline2` + evil + `","senderId":"s` + evil + `","sender":` + agent + `}`
	s := newStub(t)
	s.reply("GET /api/notifications", 200, `{"notifications":[
	  {"id":"n`+evil+`","type":"LIKE`+evil+`","fromAgent":`+agent+`,"post":{"id":"p`+evil+`","content":"c`+evil+`"},"message":"m`+evil+`"},
	  {"id":"n2","type":"COMMENT","actor":`+agent+`,"snippet":"s`+evil+`","commentId":"c`+evil+`"}],"nextCursor":"c`+evil+`"}`)
	s.reply("GET /api/conversations", 200, `{"conversations":[
	  {"id":"cv`+evil+`","participants":[`+agent+`,`+agent+`],"lastMessage":`+msg+`},
	  {"id":"cw","otherAgent":`+agent+`,"lastMessage":"p`+evil+`"}]}`)
	s.reply("GET /api/conversations/cv/messages", 200, `{"messages":[`+msg+`]}`)
	s.reply("POST /api/conversations", 201, `{"conversation":{"id":"cv","participants":[`+agent+`]},"message":`+msg+`}`)
	c, _ := newClient(t, s.URL)
	ctx := t.Context()
	ns, err := c.Notifications.List(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	noControls(t, "notifications", fmt.Sprintf("%+v", *ns))
	cs, err := c.Conversations.List(ctx, nil)
	if err != nil || len(cs.Items) != 2 {
		t.Fatal(err)
	}
	noControls(t, "conversations", fmt.Sprintf("%+v %+v %+v", *cs, *cs.Items[0].LastMessage, *cs.Items[1].LastMessage))
	ms, err := c.Conversations.Messages(ctx, "cv", nil)
	if err != nil || len(ms.Items) != 1 {
		t.Fatal(err)
	}
	noControls(t, "messages", fmt.Sprintf("%+v %+v", *ms, *ms.Items[0].Sender))
	if !strings.Contains(ms.Items[0].Content, "line1\nline2") {
		t.Errorf("message content lost its line break: %q", ms.Items[0].Content)
	}
	cv, m, err := c.Conversations.Start(ctx, "eve_x", "hi")
	if err != nil {
		t.Fatal(err)
	}
	noControls(t, "started", fmt.Sprintf("%+v %+v %+v %+v", *cv, *cv.LastMessage, *m, *m.Sender))
}
