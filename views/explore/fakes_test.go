package explore

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/internal/tuitest"
	"imagine/keymap"
	"imagine/theme"
	"imagine/views"
)

// t0 is the fixed instant every fixture is dated from.
var t0 = time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)

// fake is every source of the pane, with canned answers, counting calls.
type fake struct {
	mu       sync.Mutex
	calls    map[string]int
	queries  []string // the searches made, in order
	ctxs     []context.Context
	trending *api.Explore
	agents   []api.Agent
	bytes    []api.Byte
	comments []api.ByteComment
	// tags are the trending hashtags of GET /api/hashtags/trending, more
	// than trending embeds; limits are the limits they were asked with.
	tags     []api.TrendingTag
	limits   []int
	failNext error // the next write fails with it
	// loseNext writes are made and their answers lost; dropNext writes
	// are lost before they are made; failReads reads of the Bytes, a
	// Byte or its comments fail with a 503.
	loseNext, dropNext, failReads int
}

func (f *fake) count(name string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.calls == nil {
		f.calls = map[string]int{}
	}
	f.calls[name]++
}

func (f *fake) n(name string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.calls[name]
}

func (f *fake) Trending(_ context.Context, _ string, _ int) (*api.Explore, error) {
	f.count("trending")
	ex := *f.trending
	return &ex, nil
}

func (f *fake) Search(ctx context.Context, q string, opts *api.SearchOptions) (*api.SearchResult, error) {
	f.count("search")
	f.mu.Lock()
	f.queries = append(f.queries, q+"|"+opts.Type)
	f.ctxs = append(f.ctxs, ctx)
	f.mu.Unlock()
	r := &api.SearchResult{Query: q}
	for _, a := range f.agents {
		if opts.Type != api.SearchPosts && strings.Contains(a.Handle, q) {
			r.Agents = append(r.Agents, a)
		}
	}
	for _, p := range f.trending.TrendingPosts {
		if opts.Type != api.SearchAgents && strings.Contains(p.Content, q) {
			r.Posts = append(r.Posts, p)
		}
	}
	return r, nil
}

func (f *fake) Agents(_ context.Context, opts *api.RecommendOptions) (*api.Page[api.Agent], error) {
	f.count("recommended:" + strings.Join(opts.Skills, ","))
	return &api.Page[api.Agent]{Items: f.agents[:3]}, nil
}

func (f *fake) List(_ context.Context, opts *api.AgentListOptions) (*api.Page[api.Agent], error) {
	f.count("directory:" + opts.Cursor)
	if opts.Cursor == "" {
		return &api.Page[api.Agent]{Items: f.agents[:4], NextCursor: "c1", HasMore: true}, nil
	}
	return &api.Page[api.Agent]{Items: f.agents[4:]}, nil
}

func (f *fake) Similar(_ context.Context, handle string, _ int, _ bool) ([]api.Agent, error) {
	f.count("similar:" + handle)
	return f.agents[1:3], nil
}

func (f *fake) Follow(_ context.Context, handle string) (*api.Toggle, error) {
	f.count("follow:" + handle)
	return &api.Toggle{Active: true}, nil
}

func (f *fake) Unfollow(_ context.Context, handle string) (*api.Toggle, error) {
	f.count("unfollow:" + handle)
	return &api.Toggle{Active: false}, nil
}

func (f *fake) IsFollowing(_ context.Context, handle string) (bool, error) {
	f.count("isfollowing:" + handle)
	return false, nil
}

// tagsFake is the Hashtags side of fake (Trending clashes with the
// explore one's).
type tagsFake struct{ *fake }

func (f tagsFake) Trending(_ context.Context, limit int) ([]api.TrendingTag, error) {
	f.count("hashtags")
	if err := f.failRead(); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.limits = append(f.limits, limit)
	return slices.Clone(f.tags[:min(limit, len(f.tags))]), nil
}

// bytesFake is the Bytes side of fake (List clashes with the directory's).
// It stores its writes: the Bytes, comments and likes it answers with are
// what later reads show, as a server's would.
type bytesFake struct{ *fake }

func (f bytesFake) List(_ context.Context, opts *api.ListOptions) (*api.Page[api.Byte], error) {
	f.count("bytes:" + opts.Cursor)
	if err := f.failRead(); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	// A copy: the pane's rows must not be the fake's store.
	return &api.Page[api.Byte]{Items: slices.Clone(f.bytes)}, nil
}

func (f bytesFake) Get(_ context.Context, id string) (*api.Byte, error) {
	f.count("get:" + id)
	if err := f.failRead(); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, b := range f.bytes {
		if b.ID == id {
			return &b, nil
		}
	}
	return nil, errFor(404)
}

func (f bytesFake) Create(_ context.Context, req *api.ByteCreateRequest) (*api.Byte, error) {
	f.count("create")
	return write(f.fake, func() *api.Byte {
		id := "b-new"
		if n := f.calls["create"]; n > 1 {
			id = fmt.Sprintf("b-new%d", n)
		}
		b := api.Byte{ID: id, Caption: req.Caption, Agent: agent("me", "Me"), Duration: 9, CreatedAt: t0}
		f.bytes = append([]api.Byte{b}, f.bytes...)
		return &b
	})
}

func (f bytesFake) Delete(_ context.Context, id string) error {
	f.count("delete:" + id)
	return f.fail()
}

func (f bytesFake) Like(_ context.Context, id string) (*api.Toggle, error) {
	f.count("like:" + id)
	return write(f.fake, func() *api.Toggle { return f.setLike(id, true) })
}

func (f bytesFake) Unlike(_ context.Context, id string) (*api.Toggle, error) {
	f.count("unlike:" + id)
	return write(f.fake, func() *api.Toggle { return f.setLike(id, false) })
}

// setLike likes or unlikes Byte id in the store (f.mu held).
func (f bytesFake) setLike(id string, on bool) *api.Toggle {
	for i := range f.bytes {
		if b := &f.bytes[i]; b.ID == id {
			if b.IsLiked != on {
				b.IsLiked = on
				b.LikeCount += map[bool]int{true: 1, false: -1}[on]
			}
			return &api.Toggle{Active: b.IsLiked, Count: b.LikeCount, CountKnown: true}
		}
	}
	return &api.Toggle{Active: on}
}

func (f bytesFake) Comments(_ context.Context, id string, _ *api.ListOptions) (*api.Page[api.ByteComment], error) {
	f.count("comments:" + id)
	if err := f.failRead(); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	var items []api.ByteComment
	for _, c := range f.comments {
		if c.ByteID == id {
			items = append(items, c)
		}
	}
	return &api.Page[api.ByteComment]{Items: items}, nil
}

func (f bytesFake) Comment(_ context.Context, id, content, parentID string) (*api.ByteComment, error) {
	f.count("comment:" + id)
	if parentID != "" {
		f.count("reply:" + parentID)
	}
	return write(f.fake, func() *api.ByteComment {
		c := api.ByteComment{ID: fmt.Sprintf("c-new%d", len(f.comments)), ByteID: id, Content: content, Agent: agent("me", "Me"),
			CreatedAt: t0, ParentID: parentID}
		f.comments = append(f.comments, c)
		return &c
	})
}

// write makes a write as the fake's faults say: failNext refuses it;
// dropNext loses it before it is made and loseNext after (both answer
// with an *api.UnknownOutcomeError, as the client does when the
// connection breaks); otherwise it is made and answered.
func write[T any](f *fake, do func() T) (T, error) {
	var zero T
	if err := f.fail(); err != nil {
		return zero, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	lost := &api.UnknownOutcomeError{Method: "POST", URL: "https://api.example/api/bytes", Err: io.ErrUnexpectedEOF}
	if f.dropNext > 0 {
		f.dropNext--
		return zero, lost
	}
	v := do()
	if f.loseNext > 0 {
		f.loseNext--
		return zero, lost
	}
	return v, nil
}

func (f *fake) fail() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	err := f.failNext
	f.failNext = nil
	return err
}

// failRead fails a read while failReads lasts.
func (f *fake) failRead() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.failReads > 0 {
		f.failReads--
		return errFor(503)
	}
	return nil
}

func agent(handle, name string) api.Agent {
	return api.Agent{Handle: handle, Name: name, AgentType: api.AgentTypeCreative, FollowerCount: len(handle),
		Bio: "The bio of " + name + ", who makes things."}
}

func post(id, handle, content string, ago time.Duration) api.Post {
	return api.Post{ID: id, Content: content, Agent: agent(handle, strings.ToUpper(handle[:1])+handle[1:]),
		CreatedAt: t0.Add(-ago), LikeCount: len(content) % 7, CommentCount: 2}
}

// newFake is a small world: a featured agent, trending posts, agents and
// hashtags, eight agents, three Bytes (one the operator's) and comments.
func newFake() *fake {
	f := &fake{}
	for i, h := range []string{"nova", "quill", "atlas", "sage", "pixel", "echo", "lumen", "orbit"} {
		a := agent(h, strings.ToUpper(h[:1])+h[1:])
		a.Verified = i%3 == 0
		f.agents = append(f.agents, a)
	}
	featured := f.agents[0]
	f.trending = &api.Explore{
		FeaturedAgent: &featured,
		TrendingPosts: []api.Post{
			post("p1", "quill", "Writing about #poetry and the sea", time.Hour),
			post("p2", "atlas", "Maps of the moon, now with #space craters", 3*time.Hour),
			post("p3", "echo", "A long day of evals #ml", 26*time.Hour),
		},
		PopularAgents:    f.agents[1:4],
		TrendingHashtags: []api.TrendingTag{{Tag: "poetry", Posts: 12}, {Tag: "space", Posts: 7}, {Tag: "ml", Posts: 1}},
	}
	// The trending hashtags on their own: Trending's three and more,
	// one listed twice, as a server might.
	for i, tag := range []string{"poetry", "space", "moonwalk", "ml", "spacecraft", "haiku", "evals", "space", "lofi", "sre", "数据"} {
		f.tags = append(f.tags, api.TrendingTag{Tag: tag, Posts: 30 - 2*i})
	}
	f.bytes = []api.Byte{
		{ID: "b1", Caption: "Pixel art in motion #art", Duration: 37, Agent: f.agents[4], LikeCount: 7, CommentCount: 2,
			CreatedAt: t0.Add(-2 * time.Hour), VideoURL: "https://media.example/b1.mp4", ViewCount: 120},
		{ID: "b2", Caption: "My own Byte", Duration: 12, Agent: agent("me", "Me"), LikeCount: 1, CreatedAt: t0.Add(-5 * time.Hour),
			VideoURL: "https://media.example/b2.mp4"},
		{ID: "b3", Caption: "Rain on a server rack\nsecond line", Duration: 65, Agent: f.agents[5], IsLiked: true, LikeCount: 3,
			CommentCount: 1, CreatedAt: t0.Add(-30 * time.Hour)},
	}
	f.comments = []api.ByteComment{
		{ID: "c1", ByteID: "b1", Content: "Can you share the palette?", Agent: f.agents[2], CreatedAt: t0.Add(-time.Hour)},
		{ID: "c2", ByteID: "b1", Content: "Love this!", Agent: f.agents[3], CreatedAt: t0.Add(-30 * time.Minute)},
	}
	return f
}

// harness is a pane on a fake world, with the debounce ticks held until
// the test fires them.
type harness struct {
	t       *testing.T
	m       *Model
	f       *fake
	pending []func(time.Time) tea.Msg
	seen    []tea.Msg
}

func newHarness(t *testing.T, w, h int) *harness {
	t.Helper()
	hs := &harness{t: t, f: newFake()}
	hs.m = New(Options{
		Explore: hs.f, Agents: hs.f, Bytes: bytesFake{hs.f}, Hashtags: tagsFake{hs.f},
		Keys: keymap.Default(), Styles: theme.New(true, false),
		Now: func() time.Time { return t0 }, Me: "me", Debounce: time.Millisecond,
		Tick: func(_ time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
			hs.pending = append(hs.pending, fn)
			return nil
		},
	})
	hs.m.SetSize(w, h)
	hs.m.SetFocused(true)
	hs.settle(hs.m.Update(struct{}{}))
	hs.settle(hs.m.Update(views.ShownMsg{}))
	return hs
}

// settle runs cmd and feeds its messages back, keeping them in seen.
func (hs *harness) settle(cmd tea.Cmd) {
	hs.seen = append(hs.seen, tuitest.Settle(hs.m.Update, cmd)...)
}

// keys presses keys one after another.
func (hs *harness) keys(ks ...string) {
	hs.seen = append(hs.seen, tuitest.Keys(hs.m.Update, ks...)...)
}

// typeText types text into whatever has the keys.
func (hs *harness) typeText(s string) {
	hs.seen = append(hs.seen, tuitest.TypeText(hs.m.Update, s)...)
}

// fire delivers every held debounce tick, oldest first, as the clock
// would once the typing has rested.
func (hs *harness) fire() {
	ticks := hs.pending
	hs.pending = nil
	for _, fn := range ticks {
		hs.settle(hs.m.Update(fn(t0)))
	}
}

// take returns and forgets the messages seen.
func (hs *harness) take() []tea.Msg {
	out := hs.seen
	hs.seen = nil
	return out
}

func errFor(code int) error {
	return &api.Error{StatusCode: code, Message: fmt.Sprintf("refused (%d): only the author can delete a Byte", code)}
}

var errBoom = errors.New("boom")
