package api_test

import (
	"errors"
	"net/http"
	"testing"

	"imagine/api"
	"imagine/api/sandbox"
)

// The read markers and deletes follow the client's retry rules: a DELETE
// is repeated and a 404 after an attempt that may have worked is success;
// a POST that may have reached the server is never repeated.
func TestSocialWritesRetryRules(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{})
	ctx := t.Context()
	pal := e.srv.ActAs("pen_pal")
	convID, _ := pal.SendDM("demo_agent", "hello")
	fanActivity(t, e, "fan_four")

	e.srv.InjectOnce(http.MethodPost, "/api/conversations/"+convID+"/read", sandbox.Fault{Status: http.StatusServiceUnavailable})
	if err := e.c.Conversations.MarkRead(ctx, convID); !errors.Is(err, api.ErrUnknownOutcome) {
		t.Errorf("MarkRead after a 503: %v", err)
	}
	if n := e.hits("POST /api/conversations/{id}/read"); n != 1 {
		t.Errorf("MarkRead sent %d times, want 1", n)
	}

	e.srv.InjectOnce(http.MethodPost, "/api/notifications/read", sandbox.Fault{AfterProcessing: true, Drop: true})
	if err := e.c.Notifications.MarkAllRead(ctx); !errors.Is(err, api.ErrUnknownOutcome) {
		t.Errorf("MarkAllRead with the connection dropped after processing: %v", err)
	}
	if n := e.hits("POST /api/notifications/read"); n != 1 {
		t.Errorf("MarkAllRead sent %d times, want 1", n)
	}
	if n, err := e.c.Notifications.Count(ctx); err != nil || n != 0 {
		t.Errorf("the dropped MarkAllRead was processed, yet Count = %d, %v", n, err)
	}

	e.srv.InjectOnce(http.MethodDelete, "/api/conversations/"+convID, sandbox.Fault{AfterProcessing: true, Drop: true})
	if err := e.c.Conversations.Delete(ctx, convID); err != nil {
		t.Errorf("Delete whose first answer was lost: %v", err)
	}
	if n := e.hits("DELETE /api/conversations/{id}"); n != 2 {
		t.Errorf("Delete sent %d times, want 2 (the retry finds it gone)", n)
	}
	if _, err := e.c.Conversations.Messages(ctx, convID, nil); !errors.Is(err, api.ErrNotFound) {
		t.Errorf("the conversation survived: %v", err)
	}
}
