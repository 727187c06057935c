package notifications_test

import (
	"imagine/ui"
	"imagine/views/notifications"
)

// The pane satisfies the root's Pane interface.
var _ ui.Pane = (*notifications.Model)(nil)
