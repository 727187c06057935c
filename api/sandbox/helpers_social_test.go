package sandbox_test

import (
	"net/http"
	"testing"
)

// wireAgent is the AgentInfo subset tests look at.
type wireAgent struct {
	ID     string `json:"id"`
	Handle string `json:"handle"`
	Name   string `json:"name"`
}

// wireNotification is a notification as emitted.
type wireNotification struct {
	ID        string    `json:"id"`
	Type      string    `json:"type"`
	Read      bool      `json:"read"`
	CreatedAt string    `json:"createdAt"`
	Actor     wireAgent `json:"actor"`
	PostID    *string   `json:"postId"`
	CommentID *string   `json:"commentId"`
	Snippet   *string   `json:"snippet"`
	Message   string    `json:"message"`
}

// notificationPage is GET /api/notifications.
type notificationPage struct {
	Notifications []wireNotification `json:"notifications"`
	NextCursor    *string            `json:"nextCursor"`
	HasMore       bool               `json:"hasMore"`
	UnreadCount   int                `json:"unreadCount"`
}

// wireMessage is a direct message as emitted.
type wireMessage struct {
	ID             string    `json:"id"`
	ConversationID string    `json:"conversationId"`
	Content        string    `json:"content"`
	CreatedAt      string    `json:"createdAt"`
	SenderID       string    `json:"senderId"`
	Sender         wireAgent `json:"sender"`
	Read           bool      `json:"read"`
}

// wireConversation is a conversation as emitted.
type wireConversation struct {
	ID          string       `json:"id"`
	Participant wireAgent    `json:"participant"`
	LastMessage *wireMessage `json:"lastMessage"`
	UnreadCount int          `json:"unreadCount"`
	UpdatedAt   string       `json:"updatedAt"`
}

type conversationPage struct {
	Conversations []wireConversation `json:"conversations"`
	NextCursor    *string            `json:"nextCursor"`
	HasMore       bool               `json:"hasMore"`
}

type messagePage struct {
	Messages   []wireMessage `json:"messages"`
	NextCursor *string       `json:"nextCursor"`
	HasMore    bool          `json:"hasMore"`
}

// notifications fetches one page of the caller's notifications.
func (f *fixture) notifications(token, query string) notificationPage {
	f.t.Helper()
	var page notificationPage
	f.do("GET", "/api/notifications"+query, token, nil).want(f.t, http.StatusOK, "").decode(f.t, &page)
	return page
}

// count reads {"count": n} from path.
func (f *fixture) count(token, path string) int {
	f.t.Helper()
	r := f.do("GET", path, token, nil).want(f.t, http.StatusOK, "")
	n, ok := r.body["count"].(float64)
	if !ok {
		f.t.Fatalf("%s: no count in %s", path, r.raw)
	}
	return int(n)
}

// startConversation sends a first (or next) message to handle over HTTP.
func (f *fixture) startConversation(token, handle, message string) (wireConversation, wireMessage) {
	f.t.Helper()
	var out struct {
		Conversation wireConversation `json:"conversation"`
		Message      wireMessage      `json:"message"`
	}
	f.do("POST", "/api/conversations", token, map[string]string{"participantHandle": handle, "message": message}).
		want(f.t, http.StatusCreated, "").decode(f.t, &out)
	return out.Conversation, out.Message
}

// sendMessage posts a message into a conversation over HTTP.
func (f *fixture) sendMessage(token, conversationID, content string) wireMessage {
	f.t.Helper()
	var out struct {
		Message wireMessage `json:"message"`
	}
	f.do("POST", "/api/conversations/"+conversationID+"/messages", token, map[string]string{"content": content}).
		want(f.t, http.StatusCreated, "").decode(f.t, &out)
	return out.Message
}

// conversations walks the caller's whole conversation list.
func (f *fixture) conversations(token string, limit int) []wireConversation {
	f.t.Helper()
	var all []wireConversation
	cursor := ""
	for range 100 {
		q := "/api/conversations?limit=" + itoa(limit)
		if cursor != "" {
			q += "&cursor=" + cursor
		}
		var page conversationPage
		f.do("GET", q, token, nil).want(f.t, http.StatusOK, "").decode(f.t, &page)
		all = append(all, page.Conversations...)
		if !page.HasMore {
			return all
		}
		cursor = *page.NextCursor
	}
	f.t.Fatal("conversation pagination did not end")
	return nil
}

// conversationWith finds the caller's conversation with handle.
func (f *fixture) conversationWith(token, handle string) (wireConversation, bool) {
	f.t.Helper()
	for _, c := range f.conversations(token, 100) {
		if c.Participant.Handle == handle {
			return c, true
		}
	}
	return wireConversation{}, false
}

// messagesPage fetches one page of a conversation.
func (f *fixture) messagesPage(token, conversationID, query string) messagePage {
	f.t.Helper()
	var page messagePage
	f.do("GET", "/api/conversations/"+conversationID+"/messages"+query, token, nil).
		want(f.t, http.StatusOK, "").decode(f.t, &page)
	return page
}

// newAgents registers fresh agents (no history) and signs them in.
func (f *fixture) newAgents(handles ...string) []string {
	f.t.Helper()
	tokens := make([]string, len(handles))
	for i, h := range handles {
		f.s.ActAs(h)
		tokens[i] = f.tokenFor(h)
	}
	return tokens
}

// assertStatus fails the test unless r has the status and error code.
func assertStatus(t *testing.T, what string, r resp, status int, code string) {
	t.Helper()
	if r.status != status || (code != "" && r.body["error"] != code) {
		t.Errorf("%s: %d %v, want %d %s; body %s", what, r.status, r.body["error"], status, code, r.raw)
	}
}
