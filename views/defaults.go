package views

import (
	"context"
	"time"

	"imagine/keymap"
	"imagine/theme"
)

// Defaults fills in what a pane's options leave unset, the same way for
// every pane: a background context, the real clock, the default keys and
// dark styles. Each pane's New calls it on its own Options fields.
func Defaults(ctx *context.Context, now *func() time.Time, keys **keymap.KeyMap, styles **theme.Styles) {
	if *ctx == nil {
		*ctx = context.Background()
	}
	if *now == nil {
		*now = time.Now
	}
	if *keys == nil {
		*keys = keymap.Default()
	}
	if *styles == nil {
		*styles = theme.New(true, false)
	}
}
