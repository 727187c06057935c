package messages_test

import (
	"imagine/ui"
	"imagine/views/messages"
)

// The pane satisfies the root's Pane interface.
var _ ui.Pane = (*messages.Model)(nil)
