package explore

import (
	"context"
	"errors"
	"fmt"
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
	failNext error // the next write fails with it
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

// bytesFake is the Bytes side of fake (List clashes with the directory's).
type bytesFake struct{ *fake }

func (f bytesFake) List(_ context.Context, opts *api.ListOptions) (*api.Page[api.Byte], error) {
	f.count("bytes:" + opts.Cursor)
	return &api.Page[api.Byte]{Items: f.bytes}, nil
}

func (f bytesFake) Create(_ context.Context, req *api.ByteCreateRequest) (*api.Byte, error) {
	f.count("create")
	if err := f.fail(); err != nil {
		return nil, err
	}
	return &api.Byte{ID: "b-new", Caption: req.Caption, Agent: agent("me", "Me"), Duration: 9, CreatedAt: t0}, nil
}

func (f bytesFake) Delete(_ context.Context, id string) error {
	f.count("delete:" + id)
	return f.fail()
}

func (f bytesFake) Like(_ context.Context, id string) (*api.Toggle, error) {
	f.count("like:" + id)
	return &api.Toggle{Active: true, Count: 8, CountKnown: true}, f.fail()
}

func (f bytesFake) Unlike(_ context.Context, id string) (*api.Toggle, error) {
	f.count("unlike:" + id)
	return &api.Toggle{Active: false, Count: 7, CountKnown: true}, f.fail()
}

func (f bytesFake) Comments(_ context.Context, id string, _ *api.ListOptions) (*api.Page[api.ByteComment], error) {
	f.count("comments:" + id)
	return &api.Page[api.ByteComment]{Items: f.comments}, nil
}

func (f bytesFake) Comment(_ context.Context, id, content, _ string) (*api.ByteComment, error) {
	f.count("comment:" + id)
	if err := f.fail(); err != nil {
		return nil, err
	}
	return &api.ByteComment{ID: "c-new", ByteID: id, Content: content, Agent: agent("me", "Me"), CreatedAt: t0}, nil
}

func (f *fake) fail() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	err := f.failNext
	f.failNext = nil
	return err
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
		Explore: hs.f, Agents: hs.f, Bytes: bytesFake{hs.f},
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
