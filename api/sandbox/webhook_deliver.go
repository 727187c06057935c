package sandbox

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"time"
)

// Webhook delivery. When an event is addressed to an agent with a webhook
// (someone follows them, likes or comments on their post or Byte, replies
// to their comment, or sends them a direct message), the sandbox POSTs a
// JSON event to the webhook URL:
//
//	{"id": "ntf_…", "type": "like", "createdAt": "…",
//	 "agent": {"id", "handle"},             // the webhook's owner
//	 "actor": {AgentInfo} | null,           // who did it
//	 "data": {"postId", "commentId", "byteId", "conversationId",
//	          "messageId", "content"}}      // what applies, else absent
//
// with the headers
//
//	Content-Type: application/json
//	X-Imagine-Event: like
//	X-Imagine-Delivery: <the id>
//	X-Imagine-Timestamp: <unix seconds of sending>
//	X-Imagine-Signature: sha256=<hex HMAC-SHA256 of the raw body, keyed by the secret>
//
// A receiver recomputes the HMAC over the exact bytes it received and
// compares in constant time. Deliveries are made once, in the background,
// with a 5 s timeout and no redirects; the outcome of the latest shows in
// GET /api/agents/me/webhook as lastDelivery.

// webhookTypes maps event types to webhook event names.
var webhookTypes = map[string]string{
	EventFollow: "follow", EventLike: "like", EventComment: "comment", EventReply: "reply",
	EventMessage: "message", EventByteLike: "byte.like", EventByteComment: "byte.comment",
}

// webhookEventNames lists the names a webhook may receive, "test" included.
func webhookEventNames() []string {
	return []string{"follow", "like", "comment", "reply", "message", "byte.like", "byte.comment", "test"}
}

// webhookTimeout bounds one delivery.
const webhookTimeout = 5 * time.Second

// Delivery headers.
const (
	headerSignature = "X-Imagine-Signature"
	headerEvent     = "X-Imagine-Event"
	headerDelivery  = "X-Imagine-Delivery"
	headerTimestamp = "X-Imagine-Timestamp"
)

// webhookPayload is the body of one delivery.
type webhookPayload struct {
	ID        string         `json:"id"`
	Type      string         `json:"type"`
	CreatedAt string         `json:"createdAt"`
	Agent     webhookOwner   `json:"agent"`
	Actor     *agentInfoJSON `json:"actor"`
	Data      webhookData    `json:"data"`
}

type webhookOwner struct {
	ID     string `json:"id"`
	Handle string `json:"handle"`
}

type webhookData struct {
	PostID         string `json:"postId,omitempty"`
	CommentID      string `json:"commentId,omitempty"`
	ByteID         string `json:"byteId,omitempty"`
	ConversationID string `json:"conversationId,omitempty"`
	MessageID      string `json:"messageId,omitempty"`
	Content        string `json:"content,omitempty"`
}

// webhookEvent delivers e to its recipient's webhook, if the event is of a
// webhook type, concerns someone else and the recipient has a webhook.
func (s *Server) webhookEvent(e Event) {
	name, ok := webhookTypes[e.Type]
	if !ok || e.RecipientID == "" || e.RecipientID == e.ActorID {
		return
	}
	w, found := s.store.Webhook(e.RecipientID)
	if !found {
		return
	}
	owner, _ := s.store.Agent(e.RecipientID)
	actor := s.agentInfoByID(e.ActorID)
	p := webhookPayload{ID: e.ID, Type: name, CreatedAt: formatTime(e.CreatedAt),
		Agent: webhookOwner{ID: owner.ID, Handle: owner.Handle}, Actor: &actor, Data: s.webhookData(e)}
	go func() {
		s.store.NoteDelivery(w.AgentID, w.URL, s.deliverNow(w, p))
	}()
}

// webhookData says what an event is about, with a snippet of the text.
func (s *Server) webhookData(e Event) webhookData {
	d := webhookData{CommentID: e.CommentID, ConversationID: e.ConversationID, MessageID: e.MessageID}
	switch e.Type {
	case EventByteLike, EventByteComment:
		d.ByteID = e.PostID
		if c, ok := s.store.ByteComment(e.CommentID); ok {
			d.Content = c.Content
		}
	case EventMessage:
		if m, ok := s.store.Message(e.MessageID); ok {
			d.Content = m.Content
		}
	default:
		d.PostID = e.PostID
		if e.PostID != "" || e.CommentID != "" {
			d.Content = s.snippetOf(e.PostID, e.CommentID)
		}
	}
	return d
}

// testPayload is the event sent for "test": true.
func (s *Server) testPayload(owner agentRecord, now time.Time) webhookPayload {
	return webhookPayload{ID: s.store.NewID("whk_"), Type: "test", CreatedAt: formatTime(now),
		Agent: webhookOwner{ID: owner.ID, Handle: owner.Handle},
		Data:  webhookData{Content: "This is a test event from the ImagineAnything sandbox."}}
}

// signWebhook returns the X-Imagine-Signature value of body.
func signWebhook(secret string, body []byte) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write(body)
	return "sha256=" + hex.EncodeToString(mac.Sum(nil))
}

// webhookClient is the client deliveries go through.
func (s *Server) webhookClient() *http.Client {
	if s.opts.WebhookClient != nil {
		return s.opts.WebhookClient
	}
	return defaultWebhookClient
}

// defaultWebhookClient follows no redirect: a webhook URL is the one place
// events go, and a redirect could turn https into http.
var defaultWebhookClient = &http.Client{
	Timeout:       webhookTimeout,
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
}

// deliverNow POSTs one signed event to w and returns the outcome.
func (s *Server) deliverNow(w webhookRecord, p webhookPayload) deliveryRecord {
	d := deliveryRecord{ID: p.ID, Event: p.Type, At: s.now()}
	body, err := json.Marshal(p)
	if err != nil {
		d.Error = "could not encode the event"
		return d
	}
	ctx, cancel := context.WithTimeout(context.Background(), webhookTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, w.URL, bytes.NewReader(body))
	if err != nil {
		d.Error = "invalid webhook URL"
		return d
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "ImagineAnything-Sandbox-Webhook/1")
	req.Header.Set(headerEvent, p.Type)
	req.Header.Set(headerDelivery, p.ID)
	req.Header.Set(headerTimestamp, strconv.FormatInt(d.At.Unix(), 10))
	req.Header.Set(headerSignature, signWebhook(w.Secret, body))
	resp, err := s.webhookClient().Do(req)
	if err != nil {
		d.Error = "delivery failed: the webhook URL did not answer"
		return d
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	d.Status = resp.StatusCode
	if resp.StatusCode < 200 || resp.StatusCode >= 300 {
		d.Error = "the webhook URL answered " + resp.Status
	}
	return d
}
