package api

import (
	"context"
	"iter"
	"net/url"
	"strconv"
)

// query returns the query of a list request: limit (default 20, at most
// 100) and cursor only when set. A nil *ListOptions means the first page.
func (o *ListOptions) query() url.Values {
	q := url.Values{}
	limit, cursor := DefaultPageSize, ""
	if o != nil {
		cursor = o.Cursor
		if o.Limit > 0 {
			limit = min(o.Limit, MaxPageSize)
		}
	}
	q.Set("limit", strconv.Itoa(limit))
	if cursor != "" {
		q.Set("cursor", cursor)
	}
	return q
}

// All walks every page of a list, yielding items in order. fetch gets the
// options for each page (the cursor of the previous one); the walk stops
// after a page without more (HasMore false or no cursor), when a cursor
// repeats, at the first error (yielded with a zero item), or when the
// consumer stops. ctx is checked before each page.
//
//	for p, err := range api.All(ctx, func(ctx context.Context, o api.ListOptions) (*api.Page[api.Post], error) {
//		return client.Posts.List(ctx, &o)
//	}) {
//		if err != nil { … }
//	}
func All[T any](ctx context.Context, fetch func(context.Context, ListOptions) (*Page[T], error)) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		opts := ListOptions{}
		seen := map[string]bool{}
		for {
			if err := ctx.Err(); err != nil {
				yield(zero, err)
				return
			}
			page, err := fetch(ctx, opts)
			if err != nil {
				yield(zero, err)
				return
			}
			for _, item := range page.Items {
				if !yield(item, nil) {
					return
				}
			}
			if !page.HasMore || page.NextCursor == "" || seen[page.NextCursor] {
				return
			}
			seen[page.NextCursor] = true
			opts.Cursor = page.NextCursor
		}
	}
}
