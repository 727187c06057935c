package sandbox_test

import (
	"net/http"
	"strings"
	"testing"

	"imagine/api/sandbox"
)

func TestConversationStartReuseAndUnread(t *testing.T) {
	f := newFixture(t, sandbox.Options{NoRateLimit: true})
	toks := f.newAgents("ann_sender", "ben_receiver")
	ann, ben := toks[0], toks[1]

	conv, first := f.startConversation(ann, "@ben_receiver", "hi ben")
	if !strings.HasPrefix(conv.ID, "cnv_") || conv.Participant.Handle != "ben_receiver" || conv.UnreadCount != 0 {
		t.Errorf("conversation as the sender sees it: %+v", conv)
	}
	if conv.LastMessage == nil || conv.LastMessage.ID != first.ID {
		t.Errorf("lastMessage %+v, want the first message", conv.LastMessage)
	}
	if !strings.HasPrefix(first.ID, "msg_") || first.ConversationID != conv.ID || first.Content != "hi ben" ||
		first.Sender.Handle != "ann_sender" || first.SenderID != first.Sender.ID || first.Read {
		t.Errorf("first message: %+v", first)
	}
	again, second := f.startConversation(ann, "ben_receiver", "are you there?")
	if again.ID != conv.ID || again.LastMessage.ID != second.ID {
		t.Errorf("second POST started %s, want the existing %s", again.ID, conv.ID)
	}
	if id := f.s.ConversationID("ann_sender", "ben_receiver"); id != conv.ID {
		t.Errorf("ConversationID = %q", id)
	}

	// The recipient sees two unread messages.
	if n := f.count(ben, "/api/conversations/unread"); n != 2 {
		t.Errorf("ben's unread count %d, want 2", n)
	}
	got, ok := f.conversationWith(ben, "ann_sender")
	if !ok || got.ID != conv.ID || got.UnreadCount != 2 || got.LastMessage.Content != "are you there?" {
		t.Fatalf("ben's view: %+v", got)
	}
	if n := f.count(ann, "/api/conversations/unread"); n != 0 {
		t.Errorf("the sender's own messages count as unread: %d", n)
	}

	// An answer moves the other counter; reading resets one's own.
	f.sendMessage(ben, conv.ID, "yes!")
	if n := f.count(ann, "/api/conversations/unread"); n != 1 {
		t.Errorf("ann's unread after ben's answer: %d", n)
	}
	r := f.do("POST", "/api/conversations/"+conv.ID+"/read", ben, nil).want(t, http.StatusOK, "")
	if r.body["success"] != true || r.body["updated"] != 2.0 {
		t.Errorf("read: %s", r.raw)
	}
	if got, _ := f.conversationWith(ben, "ann_sender"); got.UnreadCount != 0 || f.count(ben, "/api/conversations/unread") != 0 {
		t.Errorf("after reading: unreadCount %d", got.UnreadCount)
	}
	page := f.messagesPage(ann, conv.ID, "")
	var flags []bool
	for _, m := range page.Messages {
		flags = append(flags, m.Read)
	}
	if len(flags) != 3 || !flags[0] || !flags[1] || flags[2] {
		t.Errorf("read flags seen by ann %v, want [true true false] (ben read hers, she has not read his)", flags)
	}
	r = f.do("POST", "/api/conversations/"+conv.ID+"/read", ben, nil).want(t, http.StatusOK, "")
	if r.body["updated"] != 0.0 {
		t.Errorf("reading twice updated %v", r.body["updated"])
	}

	// GET /api/messages/{id} for both participants.
	for _, tok := range []string{ann, ben} {
		var one struct{ Message wireMessage }
		f.do("GET", "/api/messages/"+first.ID, tok, nil).want(t, http.StatusOK, "").decode(t, &one)
		if one.Message.ID != first.ID || !one.Message.Read {
			t.Errorf("GET message: %+v", one.Message)
		}
	}
}

func TestConversationValidation(t *testing.T) {
	f := newFixture(t, sandbox.Options{NoRateLimit: true})
	tok := f.demoToken()
	start := func(body any) resp { return f.do("POST", "/api/conversations", tok, body) }
	r := start(map[string]string{"participantHandle": "ghost_agent", "message": "hi"})
	assertStatus(t, "unknown handle", r, http.StatusNotFound, "not_found")
	if r.body["message"] != "No agent with handle @ghost_agent" {
		t.Errorf("unknown handle message %q", r.body["message"])
	}
	assertStatus(t, "myself", start(map[string]string{"participantHandle": "@demo_agent", "message": "hi"}), http.StatusBadRequest, "cannot_message_self")
	assertStatus(t, "empty", start(map[string]string{"participantHandle": "nova_assist", "message": ""}), http.StatusBadRequest, "message_required")
	assertStatus(t, "blank", start(map[string]string{"participantHandle": "nova_assist", "message": " \n "}), http.StatusBadRequest, "message_required")
	assertStatus(t, "too long", start(map[string]string{"participantHandle": "nova_assist", "message": strings.Repeat("ü", 5001)}), http.StatusBadRequest, "message_too_long")
	assertStatus(t, "no handle", start(map[string]string{"message": "hi"}), http.StatusBadRequest, "validation_error")
	assertStatus(t, "wrong type", start(`{"participantHandle": 7, "message": "hi"}`), http.StatusBadRequest, "validation_error")
	assertStatus(t, "not JSON", start(`{"participantHandle":`), http.StatusBadRequest, "invalid_json")
	if n := f.s.CountMessages("demo_agent", strings.Repeat("ü", 5001)); n != 0 {
		t.Errorf("a refused message was stored %d times", n)
	}
	longest := strings.Repeat("ü", 5000)
	conv, _ := f.startConversation(tok, "nova_assist", longest)

	send := func(content string) resp {
		return f.do("POST", "/api/conversations/"+conv.ID+"/messages", tok, map[string]string{"content": content})
	}
	assertStatus(t, "send empty", send(""), http.StatusBadRequest, "content_required")
	assertStatus(t, "send too long", send(longest+"!"), http.StatusBadRequest, "content_too_long")
	assertStatus(t, "send 5000", send(longest), http.StatusCreated, "")
	if n := f.s.CountMessages("demo_agent", longest); n != 2 {
		t.Errorf("CountMessages = %d, want 2", n)
	}
	assertStatus(t, "foreign cursor", f.do("GET", "/api/conversations/"+conv.ID+"/messages?cursor="+*f.postsCursor(), tok, nil), http.StatusBadRequest, "invalid_cursor")
	assertStatus(t, "foreign cursor", f.do("GET", "/api/conversations?cursor="+*f.postsCursor(), tok, nil), http.StatusBadRequest, "invalid_cursor")
}

func TestConversationEndpointsNeedAuth(t *testing.T) {
	f := newFixture(t, sandbox.Options{NoRateLimit: true})
	conv, msg := f.s.ActAs("nova_assist").SendDM("demo_agent", "hello")
	before := len(f.s.Messages(conv))
	routes := [][2]string{
		{"GET", "/api/conversations"}, {"POST", "/api/conversations"}, {"GET", "/api/conversations/unread"},
		{"DELETE", "/api/conversations/" + conv}, {"GET", "/api/conversations/" + conv + "/messages"},
		{"POST", "/api/conversations/" + conv + "/messages"}, {"POST", "/api/conversations/" + conv + "/read"},
		{"GET", "/api/messages/" + msg}, {"DELETE", "/api/messages/" + msg},
	}
	body := map[string]string{"participantHandle": "nova_assist", "message": "x", "content": "x"}
	for _, rt := range routes {
		assertStatus(t, rt[0]+" "+rt[1], f.do(rt[0], rt[1], "", body), http.StatusUnauthorized, "unauthorized")
		assertStatus(t, rt[0]+" "+rt[1]+" bad token", f.do(rt[0], rt[1], "expired", body), http.StatusUnauthorized, "invalid_token")
	}
	got := f.s.Messages(conv)
	if last := got[len(got)-1]; len(got) != before || last.ID != msg || last.Read {
		t.Errorf("refused requests changed the conversation: %d messages (want %d), last %+v", len(got), before, last)
	}
}

func TestConversationOwnership(t *testing.T) {
	f := newFixture(t, sandbox.Options{NoRateLimit: true})
	toks := f.newAgents("owner_one", "owner_two", "stranger_x")
	one, two, stranger := toks[0], toks[1], toks[2]
	conv, m1 := f.startConversation(one, "owner_two", "first")
	m2 := f.sendMessage(one, conv.ID, "second")
	reply := f.sendMessage(two, conv.ID, "reply")

	for _, rt := range []struct {
		method, path string
		body         any
	}{
		{"GET", "/api/conversations/" + conv.ID + "/messages", nil},
		{"POST", "/api/conversations/" + conv.ID + "/messages", map[string]string{"content": "let me in"}},
		{"POST", "/api/conversations/" + conv.ID + "/read", nil},
		{"DELETE", "/api/conversations/" + conv.ID, nil},
		{"GET", "/api/messages/" + m1.ID, nil},
		{"DELETE", "/api/messages/" + m1.ID, nil},
		{"GET", "/api/conversations/cnv_missing/messages", nil},
		{"GET", "/api/messages/msg_missing", nil},
	} {
		tok := stranger
		if strings.Contains(rt.path, "missing") {
			tok = one
		}
		assertStatus(t, rt.method+" "+rt.path, f.do(rt.method, rt.path, tok, rt.body), http.StatusNotFound, "not_found")
	}
	if _, ok := f.conversationWith(stranger, "owner_one"); ok {
		t.Error("the stranger lists the conversation")
	}

	// Only the sender deletes a message; lastMessage falls back.
	assertStatus(t, "other participant deletes", f.do("DELETE", "/api/messages/"+m2.ID, two, nil), http.StatusForbidden, "forbidden")
	r := f.do("DELETE", "/api/messages/"+reply.ID, two, nil).want(t, http.StatusOK, "")
	if r.body["deleted"] != true || r.body["id"] != reply.ID {
		t.Errorf("delete message: %s", r.raw)
	}
	assertStatus(t, "deleted message", f.do("GET", "/api/messages/"+reply.ID, one, nil), http.StatusNotFound, "not_found")
	if got, _ := f.conversationWith(one, "owner_two"); got.LastMessage == nil || got.LastMessage.ID != m2.ID || got.UnreadCount != 0 {
		t.Errorf("after deleting the reply: %+v", got)
	}
	if f.s.CountMessages("owner_one", "first") != 1 || f.s.CountMessages("owner_two", "reply") != 0 {
		t.Error("CountMessages disagrees with the deletions")
	}

	// Either participant deletes the whole conversation, for both.
	r = f.do("DELETE", "/api/conversations/"+conv.ID, two, nil).want(t, http.StatusOK, "")
	if r.body["deleted"] != true || r.body["id"] != conv.ID {
		t.Errorf("delete conversation: %s", r.raw)
	}
	assertStatus(t, "deleted conversation", f.do("GET", "/api/conversations/"+conv.ID+"/messages", one, nil), http.StatusNotFound, "not_found")
	assertStatus(t, "message of a deleted conversation", f.do("GET", "/api/messages/"+m1.ID, one, nil), http.StatusNotFound, "not_found")
	if _, ok := f.conversationWith(one, "owner_two"); ok {
		t.Error("a deleted conversation is still listed")
	}
	if fresh, _ := f.startConversation(one, "owner_two", "starting over"); fresh.ID == conv.ID {
		t.Error("a new message reused the deleted conversation")
	}
}

func TestConversationsListedByActivity(t *testing.T) {
	f := newFixture(t, sandbox.Options{NoRateLimit: true})
	tok := f.demoToken()
	all := f.conversations(tok, 100)
	paged := f.conversations(tok, 3)
	if len(all) < 6 || len(paged) != len(all) {
		t.Fatalf("%d conversations (paged by 3: %d)", len(all), len(paged))
	}
	seen := map[string]bool{}
	for i, c := range paged {
		if seen[c.ID] || c.ID != all[i].ID {
			t.Fatalf("position %d: %s, want %s", i, c.ID, all[i].ID)
		}
		seen[c.ID] = true
		if i > 0 && c.UpdatedAt > paged[i-1].UpdatedAt {
			t.Errorf("not most recently updated first at %d", i)
		}
	}
	// A new message in the oldest conversation moves it to the top.
	oldest := all[len(all)-1]
	f.sendMessage(tok, oldest.ID, "bumping this")
	if top := f.conversations(tok, 1)[0]; top.ID != oldest.ID || top.LastMessage.Content != "bumping this" {
		t.Errorf("top conversation %s, want %s", top.ID, oldest.ID)
	}
}

func TestActorDMHelpers(t *testing.T) {
	f := newFixture(t, sandbox.Options{NoRateLimit: true})
	nova := f.s.ActAs("nova_assist")
	conv, first := nova.SendDM("@demo_agent", "ping")
	if want := f.s.ConversationID("demo_agent", "nova_assist"); conv != want {
		t.Errorf("SendDM used %s, the existing conversation is %s", conv, want)
	}
	before := f.count(f.demoToken(), "/api/conversations/unread")
	second := nova.SendMessage(conv, "ping again")
	if got := f.count(f.demoToken(), "/api/conversations/unread"); got != before+1 {
		t.Errorf("unread %d after a message, want %d", got, before+1)
	}
	msgs := f.s.Messages(conv)
	if n := len(msgs); n < 2 || msgs[n-2].ID != first || msgs[n-1].ID != second || msgs[n-1].Sender != "nova_assist" {
		t.Errorf("Messages tail: %+v", msgs[len(msgs)-2:])
	}
	if n := f.s.ActAs("demo_agent").ReadConversation(conv); n < 2 {
		t.Errorf("ReadConversation marked %d", n)
	}
	if f.s.CountMessages("nova_assist", "ping again") != 1 || f.s.CountMessages("demo_agent", "ping again") != 0 {
		t.Error("CountMessages counts by sender and content")
	}
	if f.s.Messages("cnv_missing") != nil || f.s.ConversationID("demo_agent", "ghost_agent") != "" {
		t.Error("helpers invent conversations")
	}
	defer func() {
		if recover() == nil {
			t.Error("SendDM to yourself did not panic")
		}
	}()
	nova.SendDM("nova_assist", "talking to myself")
}

func TestStatsNameSocialRoutes(t *testing.T) {
	f := newFixture(t, sandbox.Options{NoRateLimit: true})
	tok := f.demoToken()
	conv, msg := f.startConversation(tok, "atlas_ai", "hi")
	f.do("GET", "/api/conversations/"+conv.ID+"/messages", tok, nil)
	f.do("GET", "/api/messages/"+msg.ID, tok, nil)
	f.do("GET", "/api/conversations/unread", tok, nil)
	f.do("GET", "/api/notifications/count", tok, nil)
	f.do("POST", "/api/notifications/read", tok, map[string]bool{"all": true})
	st := f.s.Stats()
	for _, route := range []string{
		"POST /api/conversations", "GET /api/conversations/{id}/messages", "GET /api/messages/{id}",
		"GET /api/conversations/unread", "GET /api/notifications/count", "POST /api/notifications/read",
	} {
		if st.ByRoute[route] != 1 {
			t.Errorf("ByRoute[%q] = %d, want 1 (all: %v)", route, st.ByRoute[route], st.ByRoute)
		}
	}
}
