package api

import (
	"context"
	"net/http"
)

// Write is one state-changing API call as a WriteGuard sees it: the HTTP
// method and the path below the base URL ("/api/posts/p1/like").
type Write struct {
	Method string
	Path   string
}

// WriteGuard decides whether a write may be sent and learns how it ended.
// `imagine serve` puts one into each SSH session's context: it refuses the
// writes the operator's role does not allow and records every write in the
// audit log. Allow runs before anything is sent; Done runs once for every
// allowed write with the error the caller gets (nil on success).
type WriteGuard interface {
	Allow(ctx context.Context, w Write) error
	Done(ctx context.Context, w Write, err error)
}

// guardKey carries a WriteGuard in a context.
type guardKey struct{}

// WithWriteGuard returns ctx carrying g: every write made with it (or a
// context derived from it) asks g first. Reads are never asked.
func WithWriteGuard(ctx context.Context, g WriteGuard) context.Context {
	return context.WithValue(ctx, guardKey{}, g)
}

// guardWrite asks the context's WriteGuard about r. It returns the
// refusal, or a function to call with the write's outcome (a no-op for
// reads, token grants and contexts without a guard).
func guardWrite(ctx context.Context, r *request) (done func(error), err error) {
	g, _ := ctx.Value(guardKey{}).(WriteGuard)
	if g == nil || r.kind != kindAPI || r.method == http.MethodGet || r.method == http.MethodHead {
		return func(error) {}, nil
	}
	w := Write{Method: r.method, Path: r.path}
	if err := g.Allow(ctx, w); err != nil {
		return nil, err
	}
	return func(err error) { g.Done(ctx, w, err) }, nil
}
