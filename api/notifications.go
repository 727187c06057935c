package api

import (
	"context"
	"fmt"
	"net/http"
	"strings"
)

// NotificationsService reads the signed-in agent's notifications: who
// followed, liked, commented, reposted, quoted, mentioned or replied.
//
// API docs: api-reference.md §4.7.
type NotificationsService service

// List returns a page of notifications, newest first.
//
// API docs: GET /api/notifications.
func (s *NotificationsService) List(ctx context.Context, opts *ListOptions) (*Page[Notification], error) {
	return listPage[Notification](ctx, s.client, "/api/notifications", opts, authRequired, "notifications", "items", "data")
}

// Count returns the number of unread notifications.
//
// API docs: GET /api/notifications/count.
func (s *NotificationsService) Count(ctx context.Context) (int, error) {
	var n int
	r := &request{method: http.MethodGet, path: "/api/notifications/count", auth: authRequired}
	if err := s.client.do(ctx, r, count(&n)); err != nil {
		return 0, err
	}
	return n, nil
}

// MarkRead marks the notifications with these IDs as read. An empty slice
// sends nothing; a blank ID is refused locally (ErrValidation). The server
// ignores IDs it does not know or that belong to another agent. Like every
// write with a body, the call is not resent once it may have reached the
// server (*UnknownOutcomeError); marking again is harmless.
//
// API docs: POST /api/notifications/read {"ids": […]}.
func (s *NotificationsService) MarkRead(ctx context.Context, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	for _, id := range ids {
		if strings.TrimSpace(id) == "" {
			return fmt.Errorf("%w: empty notification ID", ErrValidation)
		}
	}
	return s.markRead(ctx, map[string]any{"ids": ids})
}

// MarkAllRead marks every notification of the signed-in agent as read.
//
// API docs: POST /api/notifications/read {"all": true}.
func (s *NotificationsService) MarkAllRead(ctx context.Context) error {
	return s.markRead(ctx, map[string]any{"all": true})
}

// markRead posts a read request; the answer ({success, updated}) carries
// nothing the caller needs.
func (s *NotificationsService) markRead(ctx context.Context, body any) error {
	r := &request{method: http.MethodPost, path: "/api/notifications/read", body: body, auth: authRequired}
	return s.client.do(ctx, r, nothing())
}
