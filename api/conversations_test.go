package api_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"imagine/api"
	"imagine/api/sandbox"
)

// clientAs returns a client signed in as another sandbox agent (registered
// on the spot if needed), on the env's clock.
func (e *env) clientAs(t *testing.T, handle string) *api.Client {
	t.Helper()
	e.srv.ActAs(handle)
	id, secret := e.srv.Credentials(handle)
	c, err := api.New(api.WithBaseURL(e.url), api.WithCredentials(id, api.Secret(secret)),
		api.WithClock(e.clock.Now), api.WithSleep(e.clock.Sleep))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// findConversation returns the conversation with this ID from the first
// page of the list.
func findConversation(t *testing.T, c *api.Client, id string) (api.Conversation, bool) {
	t.Helper()
	page, err := c.Conversations.List(t.Context(), &api.ListOptions{Limit: api.MaxPageSize})
	if err != nil {
		t.Fatal(err)
	}
	for _, cv := range page.Items {
		if cv.ID == id {
			return cv, true
		}
	}
	return api.Conversation{}, false
}

func TestConversationsStartSendList(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{})
	ctx := t.Context()
	e.srv.ActAs("pen_pal")
	cv, m, err := e.c.Conversations.Start(ctx, "@pen_pal", "hello there")
	if err != nil {
		t.Fatal(err)
	}
	if cv.ID == "" || cv.Participant.Handle != "pen_pal" || m.ID == "" || m.ConversationID != cv.ID ||
		m.Content != "hello there" || m.Sender == nil || m.Sender.Handle != "demo_agent" || m.SenderID == "" {
		t.Fatalf("Start: %+v %+v", cv, m)
	}
	e.clock.Advance(time.Second)
	again, m2, err := e.c.Conversations.Start(ctx, "pen_pal", "me again")
	if err != nil || again.ID != cv.ID || m2.ID == m.ID {
		t.Fatalf("a second Start must reuse the conversation: %v %+v %+v", err, again, m2)
	}
	e.clock.Advance(time.Second)
	sent, err := e.c.Conversations.Send(ctx, cv.ID, "line one\nline two")
	if err != nil || sent.Content != "line one\nline two" || sent.ConversationID != cv.ID || sent.SenderID != m.SenderID {
		t.Fatalf("Send: %v %+v", err, sent)
	}
	page, err := e.c.Conversations.Messages(ctx, cv.ID, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, x := range page.Items {
		got = append(got, x.Content)
	}
	if fmt.Sprint(got) != fmt.Sprint([]string{"hello there", "me again", "line one\nline two"}) || page.HasMore {
		t.Errorf("Messages: %q more=%v", got, page.HasMore)
	}
	one, err := e.c.Conversations.Message(ctx, sent.ID)
	if err != nil || one.ID != sent.ID || one.Content != sent.Content || one.ConversationID != cv.ID {
		t.Errorf("Message: %v %+v", err, one)
	}
	list, err := e.c.Conversations.List(ctx, nil)
	if err != nil || len(list.Items) == 0 {
		t.Fatalf("List: %v %+v", err, list)
	}
	first := list.Items[0]
	if first.ID != cv.ID || first.Participant.Handle != "pen_pal" || first.LastMessage == nil || first.LastMessage.ID != sent.ID {
		t.Errorf("the conversation just written to must come first with its last message: %+v", first)
	}
	if _, err := e.c.Conversations.Message(ctx, "msg_missing"); !errors.Is(err, api.ErrNotFound) {
		t.Errorf("Message unknown: %v", err)
	}
	if _, err := e.c.Conversations.Send(ctx, "cnv_missing", "hi"); !errors.Is(err, api.ErrNotFound) {
		t.Errorf("Send to unknown conversation: %v", err)
	}
}

func TestConversationsStartErrors(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{})
	ctx := t.Context()
	_, _, err := e.c.Conversations.Start(ctx, "nobody_here", "hi")
	var ae *api.Error
	if !errors.Is(err, api.ErrNotFound) || !errors.As(err, &ae) || !strings.Contains(ae.Message, "@nobody_here") {
		t.Errorf("unknown handle: %v", err)
	}
	// Before the client knows who it is, the server refuses.
	if _, _, err := e.c.Conversations.Start(ctx, "demo_agent", "talking to myself"); !errors.Is(err, api.ErrValidation) {
		t.Errorf("messaging oneself (server): %v", err)
	}
	if _, err := e.c.Agents.Me(ctx); err != nil {
		t.Fatal(err)
	}
	before := e.hits("POST /api/conversations")
	if _, _, err := e.c.Conversations.Start(ctx, "@demo_agent", "talking to myself"); !errors.Is(err, api.ErrValidation) || !strings.Contains(err.Error(), "yourself") {
		t.Errorf("messaging oneself (local): %v", err)
	}
	for _, tc := range []struct{ handle, msg string }{
		{"", "hi"}, {"@", "hi"}, {"Bad-Handle", "hi"}, {"x/../me", "hi"},
		{"pen_pal", ""}, {"pen_pal", " \n "}, {"pen_pal", strings.Repeat("é", api.MaxMessageRunes+1)},
	} {
		if _, _, err := e.c.Conversations.Start(ctx, tc.handle, tc.msg); !errors.Is(err, api.ErrValidation) {
			t.Errorf("Start(%q, %d runes): %v", tc.handle, len([]rune(tc.msg)), err)
		}
	}
	if n := e.hits("POST /api/conversations"); n != before {
		t.Errorf("%d refused Starts reached the server", n-before)
	}
	e.srv.ActAs("pen_pal")
	cv, _, err := e.c.Conversations.Start(ctx, "pen_pal", strings.Repeat("é", api.MaxMessageRunes))
	if err != nil {
		t.Fatalf("a message of exactly %d runes must be accepted: %v", api.MaxMessageRunes, err)
	}
	sends := e.hits("POST /api/conversations/{id}/messages")
	for _, content := range []string{"", "\t", strings.Repeat("x", api.MaxMessageRunes+1)} {
		if _, err := e.c.Conversations.Send(ctx, cv.ID, content); !errors.Is(err, api.ErrValidation) {
			t.Errorf("Send of %d runes: %v", len(content), err)
		}
	}
	if _, err := e.c.Conversations.Send(ctx, " ", "hi"); !errors.Is(err, api.ErrValidation) {
		t.Errorf("Send to a blank ID: %v", err)
	}
	if n := e.hits("POST /api/conversations/{id}/messages"); n != sends {
		t.Errorf("%d refused Sends reached the server", n-sends)
	}
}

func TestConversationsUnreadAndMarkRead(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{})
	ctx := t.Context()
	pal := e.srv.ActAs("pen_pal")
	base, err := e.c.Conversations.Unread(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var convID string
	for i := range 3 {
		convID, _ = pal.SendDM("demo_agent", fmt.Sprintf("ping %d", i))
		e.clock.Advance(time.Second)
	}
	if n, err := e.c.Conversations.Unread(ctx); err != nil || n != base+3 {
		t.Errorf("Unread after 3 DMs = %d, %v; want %d", n, err, base+3)
	}
	cv, ok := findConversation(t, e.c, convID)
	if !ok || cv.UnreadCount != 3 || cv.Participant.Handle != "pen_pal" || cv.LastMessage == nil || cv.LastMessage.Content != "ping 2" {
		t.Errorf("conversation before MarkRead: %v %+v", ok, cv)
	}
	page, err := e.c.Conversations.Messages(ctx, convID, nil)
	if err != nil || len(page.Items) != 3 || page.Items[0].Read || page.Items[0].Sender == nil || page.Items[0].Sender.Handle != "pen_pal" {
		t.Fatalf("Messages before MarkRead: %v %+v", err, page)
	}
	if err := e.c.Conversations.MarkRead(ctx, convID); err != nil {
		t.Fatal(err)
	}
	if n, err := e.c.Conversations.Unread(ctx); err != nil || n != base {
		t.Errorf("Unread after MarkRead = %d, %v; want %d", n, err, base)
	}
	if cv, _ := findConversation(t, e.c, convID); cv.UnreadCount != 0 {
		t.Errorf("UnreadCount after MarkRead = %d", cv.UnreadCount)
	}
	if page, _ := e.c.Conversations.Messages(ctx, convID, nil); page == nil || !page.Items[2].Read {
		t.Errorf("messages not marked read: %+v", page)
	}
	if err := e.c.Conversations.MarkRead(ctx, "cnv_missing"); !errors.Is(err, api.ErrNotFound) {
		t.Errorf("MarkRead unknown: %v", err)
	}
}

func TestConversationsDeleteAndAccess(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{})
	ctx := t.Context()
	pal := e.srv.ActAs("pen_pal")
	stranger := e.clientAs(t, "stranger_x")
	cv, mine, err := e.c.Conversations.Start(ctx, "pen_pal", "mine")
	if err != nil {
		t.Fatal(err)
	}
	e.clock.Advance(time.Second)
	_, theirs := pal.SendDM("demo_agent", "theirs")

	if err := e.c.Conversations.DeleteMessage(ctx, theirs); !errors.Is(err, api.ErrForbidden) {
		t.Errorf("deleting the other agent's message: %v", err)
	}
	if _, err := stranger.Conversations.Message(ctx, mine.ID); !errors.Is(err, api.ErrNotFound) {
		t.Errorf("a stranger reading a message: %v", err)
	}
	if _, err := stranger.Conversations.Messages(ctx, cv.ID, nil); !errors.Is(err, api.ErrNotFound) {
		t.Errorf("a stranger listing the messages: %v", err)
	}
	if _, err := stranger.Conversations.Send(ctx, cv.ID, "let me in"); !errors.Is(err, api.ErrNotFound) {
		t.Errorf("a stranger sending: %v", err)
	}
	if err := stranger.Conversations.DeleteMessage(ctx, mine.ID); !errors.Is(err, api.ErrNotFound) {
		t.Errorf("a stranger deleting a message: %v", err)
	}
	if err := stranger.Conversations.Delete(ctx, cv.ID); !errors.Is(err, api.ErrNotFound) {
		t.Errorf("a stranger deleting the conversation: %v", err)
	}
	if page, err := stranger.Conversations.List(ctx, nil); err != nil || slices.ContainsFunc(page.Items, func(c api.Conversation) bool { return c.ID == cv.ID }) {
		t.Errorf("a stranger's list: %v %+v", err, page)
	}

	if err := e.c.Conversations.DeleteMessage(ctx, mine.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := e.c.Conversations.Message(ctx, mine.ID); !errors.Is(err, api.ErrNotFound) {
		t.Errorf("Message after DeleteMessage: %v", err)
	}
	if c, _ := findConversation(t, e.c, cv.ID); c.LastMessage == nil || c.LastMessage.ID != theirs {
		t.Errorf("lastMessage after deleting mine: %+v", c.LastMessage)
	}
	if err := e.c.Conversations.Delete(ctx, cv.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := e.c.Conversations.Messages(ctx, cv.ID, nil); !errors.Is(err, api.ErrNotFound) {
		t.Errorf("Messages after Delete: %v", err)
	}
	if _, ok := findConversation(t, e.c, cv.ID); ok {
		t.Error("the deleted conversation is still listed")
	}
	if err := e.c.Conversations.Delete(ctx, cv.ID); !errors.Is(err, api.ErrNotFound) {
		t.Errorf("deleting twice: %v", err)
	}
}

func TestConversationsPagingLongHistory(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{})
	ctx := t.Context()
	pal := e.srv.ActAs("pen_pal")
	me := e.srv.ActAs("demo_agent")
	const total = 47
	var convID string
	var want []string
	for i := range total {
		content := fmt.Sprintf("msg %02d", i)
		if i%3 == 0 {
			convID, _ = me.SendDM("pen_pal", content)
		} else {
			convID, _ = pal.SendDM("demo_agent", content)
		}
		want = append(want, content)
		if i%2 == 0 { // some messages share a timestamp
			e.clock.Advance(time.Second)
		}
	}
	var pages [][]string
	opts := &api.ListOptions{Limit: 10}
	for i := 0; ; i++ {
		page, err := e.c.Conversations.Messages(ctx, convID, opts)
		if err != nil {
			t.Fatal(err)
		}
		var items []string
		for _, m := range page.Items {
			items = append(items, m.Content)
		}
		pages = append(pages, items)
		if i == 0 {
			// A message arriving while paging must not disturb the
			// older pages.
			pal.SendDM("demo_agent", "late arrival")
		}
		if !page.HasMore {
			break
		}
		if i > total {
			t.Fatal("paging does not end")
		}
		opts.Cursor = page.NextCursor
	}
	var got []string
	for _, items := range slices.Backward(pages) {
		got = append(got, items...)
	}
	if len(pages) != 5 || !slices.Equal(got, want) {
		t.Errorf("%d pages; history (older pages first):\n got %q\nwant %q", len(pages), got, want)
	}
}

func TestConversationsSendUnknownOutcome(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{})
	ctx := t.Context()
	e.srv.ActAs("pen_pal")
	cv, _, err := e.c.Conversations.Start(ctx, "pen_pal", "first")
	if err != nil {
		t.Fatal(err)
	}
	route := "POST /api/conversations/{id}/messages"
	e.srv.InjectOnce(http.MethodPost, "/api/conversations/"+cv.ID+"/messages", sandbox.Fault{AfterProcessing: true, Delay: 5 * time.Second})
	// The server stores the message, then holds its answer for 5 s; the
	// caller gives up after 1 s.
	short, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	const content = "did this one arrive?"
	_, err = e.c.Conversations.Send(short, cv.ID, content)
	var uo *api.UnknownOutcomeError
	if !errors.As(err, &uo) || !errors.Is(err, api.ErrUnknownOutcome) {
		t.Fatalf("err = %v, want *UnknownOutcomeError", err)
	}
	if n := e.hits(route); n != 1 {
		t.Errorf("%d POSTs, want exactly 1", n)
	}
	page, err := e.c.Conversations.Messages(ctx, cv.ID, nil)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, m := range page.Items {
		if m.Content == content {
			n++
		}
	}
	if n != 1 || len(page.Items) != 2 {
		t.Errorf("the conversation shows the message %d times (%d messages), want once", n, len(page.Items))
	}
	if n := e.srv.CountMessages("demo_agent", content); n != 1 {
		t.Errorf("the server stored the message %d times, want once", n)
	}
}
