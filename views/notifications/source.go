package notifications

import (
	"context"

	"imagine/api"
)

// Source is what the pane needs from the API (*api.NotificationsService).
type Source interface {
	// List reads a page of notifications, newest first.
	List(ctx context.Context, opts *api.ListOptions) (*api.Page[api.Notification], error)
	// Count is the number of unread notifications.
	Count(ctx context.Context) (int, error)
	// MarkRead marks the notifications ids read.
	MarkRead(ctx context.Context, ids []string) error
	// MarkAllRead marks every notification read.
	MarkAllRead(ctx context.Context) error
}

// The API service satisfies the pane's interface.
var _ Source = (*api.NotificationsService)(nil)
