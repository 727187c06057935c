package views

import (
	"context"
	"errors"
	"time"

	"imagine/api"
)

// Reading a listing back for the delivery of a send whose answer was lost
// (reconcile.go): the find half of SendOnce, the same for posts,
// comments, order messages and Bytes.

// MaxCheckPages bounds the pages one read-back reads.
const MaxCheckPages = 10

// ErrWhoAmI refuses a read-back while the operator's handle is unknown:
// no item could be told to be theirs.
var ErrWhoAmI = errors.New("the signed-in handle is unknown")

// ErrTooMany says a read-back ran out of pages before covering the match
// window: the outcome is still unknown.
var ErrTooMany = errors.New("too much was posted meanwhile to find it")

// FindPaged reads a listing back page by page (next reads the page at
// cursor, "" the first) for the delivery of text (FindSent). A listing
// read oldest first (toEnd) is read to its end; any other stops at the
// first page whose oldest item is older than every attempt's window
// (Covers). After MaxCheckPages it gives up with ErrTooMany. It runs in a
// tea.Cmd: it does I/O.
func FindPaged[T any](ctx context.Context, text string, attempts []time.Time, claimed map[string]bool, toEnd bool,
	next func(ctx context.Context, cursor string) (*api.Page[T], error), read func(*T) SentItem) (*T, bool, error) {
	cursor := ""
	for range MaxCheckPages {
		page, err := next(ctx, cursor)
		if err != nil {
			return nil, false, err
		}
		if i := FindSent(page.Items, text, attempts, claimed, read); i >= 0 {
			return &page.Items[i], true, nil
		}
		if !page.HasMore || page.NextCursor == "" {
			return nil, false, nil
		}
		if !toEnd && (len(page.Items) == 0 || Covers(oldestOf(page.Items, read), attempts)) {
			return nil, false, nil
		}
		cursor = page.NextCursor
	}
	return nil, false, ErrTooMany
}

// oldestOf is when the oldest of items was created (items is not empty).
func oldestOf[T any](items []T, read func(*T) SentItem) time.Time {
	t := read(&items[0]).At
	for i := range items[1:] {
		if at := read(&items[i+1]).At; at.Before(t) {
			t = at
		}
	}
	return t
}
