package feed

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"imagine/api"
	"imagine/views/postkit"
)

// endlessTimeline serves a long timeline made up from the cursor: page k
// (cursor "c<k>", the first page "") holds posts e<k*size+1>…, newest
// first. It keeps no posts itself, so what a test measures is the pane.
type endlessTimeline struct {
	size, total int
	mu          sync.Mutex
	calls       []string   // cursors asked for, in order
	newer       []api.Post // posts published since, above the first page
	fail        error      // every request fails with it while set
}

func (f *endlessTimeline) List(_ context.Context, opts *api.ListOptions) (*api.Page[api.Post], error) {
	f.mu.Lock()
	f.calls = append(f.calls, opts.Cursor)
	fail := f.fail
	f.mu.Unlock()
	if fail != nil {
		return nil, fail
	}
	k := 0
	if opts.Cursor != "" {
		n, err := strconv.Atoi(strings.TrimPrefix(opts.Cursor, "c"))
		if err != nil {
			return nil, fmt.Errorf("bad cursor %q", opts.Cursor)
		}
		k = n
	}
	page := &api.Page[api.Post]{}
	if k == 0 {
		page.Items = append(page.Items, f.newer...)
	}
	for i := k * f.size; i < min((k+1)*f.size, f.total); i++ {
		page.Items = append(page.Items, endlessPost(i+1))
	}
	if (k+1)*f.size < f.total {
		page.NextCursor, page.HasMore = fmt.Sprintf("c%d", k+1), true
	}
	return page, nil
}

// failWith makes every request fail with err (nil: none).
func (f *endlessTimeline) failWith(err error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.fail = err
}

// requests returns the cursors asked for so far.
func (f *endlessTimeline) requests() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.calls...)
}

// endlessPost is post number n of an endless timeline (1 is the newest), of
// varied length, every seventh one quoting another.
func endlessPost(n int) api.Post {
	p := post(fmt.Sprintf("e%d", n), "alice", fmt.Sprintf("Post %d about #go and @bob. %s", n, lorem[:40+(n*37)%len(lorem[40:])]), time.Duration(n)*time.Minute)
	if n%7 == 3 {
		q := post(fmt.Sprintf("q%d", n), "bob", "Quoted #thought", time.Hour)
		p.IsQuote, p.RepostOf = true, &q
	}
	return p
}

// endlessNumber is n for post e<n>, or 0.
func endlessNumber(e *postkit.Entry) int {
	if e == nil {
		return 0
	}
	n, _ := strconv.Atoi(strings.TrimPrefix(e.Post.ID, "e"))
	return n
}

// newEndless is a harness whose home feed is an endless timeline of total
// posts in pages of size.
func newEndless(t testing.TB, w, h, size, total int) (*harness, *endlessTimeline) {
	t.Helper()
	src := &endlessTimeline{size: size, total: total}
	hs := newHarnessWith(t, w, h, nil, false, func(o *Options) { o.Home = src })
	return hs, src
}
