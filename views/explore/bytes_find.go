package explore

import (
	"context"
	"strings"
	"time"

	"imagine/api"
	"imagine/views"
)

// Reads behind a lost answer (views.SendOnce, security.md §5.3): a new
// Byte is looked for among the Bytes (newest first, read back until the
// listing covers the match window), a comment among its Byte's comments
// (oldest first, read to the end).
//
// A Byte is matched by its caption and its author only: api.Byte carries
// no media ID, and its video address is not promised to be the upload's,
// so the video cannot tell two Bytes apart. An empty caption is matched
// like any other text. Bytes this session has already claimed (views.Ledger)
// never count twice; what remains possible is another client of the same
// agent publishing a Byte with the same caption within the window, which
// would be taken for this one (and then this one is not sent again: a
// missing Byte is the safer mistake than a second copy).

// isMe reports whether handle is the operator's (me, "" when unknown).
func isMe(handle, me string) bool {
	return me != "" && strings.EqualFold(strings.TrimPrefix(handle, "@"), strings.TrimPrefix(me, "@"))
}

// findByte looks for the operator's Byte with caption.
func findByte(src Bytes, me, caption string, claimed map[string]bool) func(context.Context, []time.Time) (*api.Byte, bool, error) {
	return func(ctx context.Context, attempts []time.Time) (*api.Byte, bool, error) {
		if me == "" {
			return nil, false, views.ErrWhoAmI
		}
		read := func(b *api.Byte) views.SentItem {
			return views.SentItem{ID: b.ID, Text: b.Caption, At: b.CreatedAt, Mine: isMe(b.Agent.Handle, me)}
		}
		next := func(ctx context.Context, cursor string) (*api.Page[api.Byte], error) {
			return src.List(ctx, &api.ListOptions{Limit: api.MaxPageSize, Cursor: cursor})
		}
		return views.FindPaged(ctx, caption, attempts, claimed, false, next, read)
	}
}

// findComment looks for the operator's comment with text on Byte id: a
// reply to parent, or with parent "" a comment on the Byte itself (the
// same text elsewhere in the thread is another comment).
func findComment(src Bytes, me, id, parent, text string, claimed map[string]bool) func(context.Context, []time.Time) (*api.ByteComment, bool, error) {
	return func(ctx context.Context, attempts []time.Time) (*api.ByteComment, bool, error) {
		if me == "" {
			return nil, false, views.ErrWhoAmI
		}
		read := func(c *api.ByteComment) views.SentItem {
			return views.SentItem{ID: c.ID, Text: c.Content, At: c.CreatedAt, Mine: isMe(c.Agent.Handle, me) && c.ParentID == parent}
		}
		next := func(ctx context.Context, cursor string) (*api.Page[api.ByteComment], error) {
			return src.Comments(ctx, id, &api.ListOptions{Limit: api.MaxPageSize, Cursor: cursor})
		}
		return views.FindPaged(ctx, text, attempts, claimed, true, next, read)
	}
}
