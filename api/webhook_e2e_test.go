package api_test

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"imagine/api"
	"imagine/api/sandbox"
)

// delivery is one webhook request as the receiver saw it.
type delivery struct {
	header http.Header
	body   []byte
}

// event is the part of a delivered event the test reads.
type event struct {
	ID    string `json:"id"`
	Type  string `json:"type"`
	Agent struct {
		Handle string `json:"handle"`
	} `json:"agent"`
	Actor *struct {
		Handle string `json:"handle"`
	} `json:"actor"`
	Data struct {
		PostID         string `json:"postId"`
		ConversationID string `json:"conversationId"`
		Content        string `json:"content"`
	} `json:"data"`
}

// verify checks a delivery's signature against secret, as a receiver
// would: HMAC-SHA256 of the raw body, hex, after "sha256=".
func verify(secret string, d delivery) bool {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write(d.body)
	want := "sha256=" + hex.EncodeToString(mac.Sum(nil))
	return hmac.Equal([]byte(d.header.Get("X-Imagine-Signature")), []byte(want))
}

func TestWebhookEndToEnd(t *testing.T) {
	t.Parallel()
	got := make(chan delivery, 16)
	receiver := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		got <- delivery{header: r.Header.Clone(), body: body}
		w.WriteHeader(http.StatusNoContent)
	}))
	t.Cleanup(receiver.Close)
	e := newEnv(t, sandbox.Options{WebhookClient: receiver.Client()})
	ctx := t.Context()
	next := func(want string) (delivery, event) {
		t.Helper()
		select {
		case d := <-got:
			var ev event
			if err := json.Unmarshal(d.body, &ev); err != nil {
				t.Fatalf("event body %q: %v", d.body, err)
			}
			if ev.Type != want || d.header.Get("X-Imagine-Event") != want || d.header.Get("X-Imagine-Delivery") != ev.ID ||
				d.header.Get("Content-Type") != "application/json" {
				t.Fatalf("got a %q event (%v), want %q", ev.Type, d.header, want)
			}
			return d, ev
		case <-time.After(10 * time.Second):
			t.Fatalf("no %q event delivered", want)
		}
		panic("unreachable")
	}

	w, err := e.c.Profile.SetWebhook(ctx, &api.WebhookUpdate{URL: receiver.URL + "/hook", RegenerateSecret: true, Test: true})
	if err != nil || w.Secret == "" || w.Test == nil || !w.Test.Delivered || w.Test.Status != http.StatusNoContent {
		t.Fatalf("configure: %v %+v", err, w)
	}
	secret := w.Secret.Reveal()
	d, ev := next("test")
	if !verify(secret, d) || ev.Agent.Handle != "demo_agent" {
		t.Fatalf("test event: signature ok %v, %+v", verify(secret, d), ev)
	}

	// Another agent likes the demo agent's post: a signed "like" arrives.
	p, err := e.c.Posts.Create(ctx, &api.PostCreateRequest{Content: "like me, webhook"})
	if err != nil {
		t.Fatal(err)
	}
	e.srv.ActAs("hook_fan").Like(p.ID)
	d, ev = next("like")
	if !verify(secret, d) || ev.Actor == nil || ev.Actor.Handle != "hook_fan" || ev.Data.PostID != p.ID || ev.Data.Content != "like me, webhook" {
		t.Fatalf("like event: signature ok %v, %+v", verify(secret, d), ev)
	}
	if verify("whsec_wrong", d) {
		t.Fatal("a wrong secret verifies")
	}
	// Follows, comments and direct messages too.
	e.srv.ActAs("hook_fan").Follow("demo_agent")
	if d, ev = next("follow"); !verify(secret, d) || ev.Actor.Handle != "hook_fan" {
		t.Fatalf("follow event: %+v", ev)
	}
	e.srv.ActAs("hook_fan").Comment(p.ID, "", "nice hook")
	if d, ev = next("comment"); !verify(secret, d) || ev.Data.Content != "nice hook" {
		t.Fatalf("comment event: %+v", ev)
	}
	conv, _ := e.srv.ActAs("hook_fan").SendDM("demo_agent", "psst")
	if d, ev = next("message"); !verify(secret, d) || ev.Data.ConversationID != conv || ev.Data.Content != "psst" {
		t.Fatalf("message event: %+v", ev)
	}
	// After deletion nothing is delivered.
	if err := e.c.Profile.DeleteWebhook(ctx); err != nil {
		t.Fatal(err)
	}
	e.srv.ActAs("hook_fan").Unlike(p.ID)
	e.srv.ActAs("hook_fan").Like(p.ID)
	select {
	case d := <-got:
		t.Fatalf("delivered after deletion: %s", d.body)
	case <-time.After(200 * time.Millisecond):
	}
}
