package feed_test

import (
	"imagine/ui"
	"imagine/views/feed"
)

// The pane satisfies the root's Pane interface.
var _ ui.Pane = (*feed.Model)(nil)
