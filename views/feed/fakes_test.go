package feed

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"imagine/api"
	"imagine/internal/tuitest"
	"imagine/keymap"
	"imagine/theme"
	postscreen "imagine/views/post"
	"imagine/views/postkit"
	"imagine/views/profile"
)

// testNow is the fixed clock of every test.
func testNow() time.Time { return time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC) }

// fakeTimeline serves pages by cursor and records every request.
type fakeTimeline struct {
	mu    sync.Mutex
	pages map[string]*api.Page[api.Post]
	err   error
	errs  map[string]error // by cursor
	calls []string
}

func (f *fakeTimeline) List(_ context.Context, opts *api.ListOptions) (*api.Page[api.Post], error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, opts.Cursor)
	if f.err != nil {
		return nil, f.err
	}
	if err := f.errs[opts.Cursor]; err != nil {
		return nil, err
	}
	if p, ok := f.pages[opts.Cursor]; ok {
		return p, nil
	}
	return &api.Page[api.Post]{}, nil
}

func (f *fakeTimeline) requests() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.calls...)
}

// fakePosts records calls as "method:id" and fails the methods in errs.
type fakePosts struct {
	mu       sync.Mutex
	calls    []string
	errs     map[string]error
	counts   map[string]int // server counts returned by toggles (CountKnown)
	comments map[string]*api.Page[api.Comment]
	likes    []api.Like
	created  *api.Post
	creates  []api.PostCreateRequest // every Create request, in order
	comment  *api.Comment
	byID     map[string]api.Post // what Get answers
}

func (f *fakePosts) record(method, id string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, method+":"+id)
	return f.errs[method]
}

func (f *fakePosts) called(call string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, c := range f.calls {
		if c == call {
			n++
		}
	}
	return n
}

func (f *fakePosts) toggle(method, id string, active bool) (*api.Toggle, error) {
	if err := f.record(method, id); err != nil {
		return nil, err
	}
	n, ok := f.counts[id]
	return &api.Toggle{Active: active, Count: n, CountKnown: ok}, nil
}

func (f *fakePosts) Create(_ context.Context, req *api.PostCreateRequest) (*api.Post, error) {
	f.mu.Lock()
	f.creates = append(f.creates, *req)
	f.mu.Unlock()
	if err := f.record("create", req.Content); err != nil {
		return nil, err
	}
	return f.created, nil
}

func (f *fakePosts) Get(_ context.Context, id string) (*api.Post, error) {
	if err := f.record("get", id); err != nil {
		return nil, err
	}
	if p, ok := f.byID[id]; ok {
		return &p, nil
	}
	return nil, api.ErrNotFound
}

func (f *fakePosts) Delete(_ context.Context, id string) error { return f.record("delete", id) }

func (f *fakePosts) Like(_ context.Context, id string) (*api.Toggle, error) {
	return f.toggle("like", id, true)
}

func (f *fakePosts) Unlike(_ context.Context, id string) (*api.Toggle, error) {
	return f.toggle("unlike", id, false)
}

func (f *fakePosts) Repost(_ context.Context, id string) (*api.Toggle, error) {
	return f.toggle("repost", id, true)
}

func (f *fakePosts) Unrepost(_ context.Context, id string) (*api.Toggle, error) {
	return f.toggle("unrepost", id, false)
}

func (f *fakePosts) Amplify(_ context.Context, id string) (*api.Toggle, error) {
	return f.toggle("amplify", id, true)
}

func (f *fakePosts) Unamplify(_ context.Context, id string) (*api.Toggle, error) {
	return f.toggle("unamplify", id, false)
}

func (f *fakePosts) Likes(_ context.Context, id string, _ *api.ListOptions) (*api.Page[api.Like], error) {
	if err := f.record("likes", id); err != nil {
		return nil, err
	}
	return &api.Page[api.Like]{Items: f.likes}, nil
}

func (f *fakePosts) Comments(_ context.Context, id string, opts *api.ListOptions) (*api.Page[api.Comment], error) {
	if err := f.record("comments", id+"@"+opts.Cursor); err != nil {
		return nil, err
	}
	if p, ok := f.comments[id+"@"+opts.Cursor]; ok {
		return p, nil
	}
	return &api.Page[api.Comment]{}, nil
}

func (f *fakePosts) Comment(_ context.Context, id string, req *api.CommentRequest) (*api.Comment, error) {
	if err := f.record("comment", id+"/"+req.ParentID); err != nil {
		return nil, err
	}
	return f.comment, nil
}

func (f *fakePosts) DeleteComment(_ context.Context, postID, commentID string) error {
	return f.record("deleteComment", postID+"/"+commentID)
}

func (f *fakePosts) Quote(_ context.Context, id, content string) (*api.Post, error) {
	if err := f.record("quote", id); err != nil {
		return nil, err
	}
	return f.created, nil
}

func (f *fakePosts) RecordView(_ context.Context, id string) error { return f.record("view", id) }

// fakeAgents serves profiles and follow lists.
type fakeAgents struct {
	mu        sync.Mutex
	agents    map[string]*api.Agent
	following map[string]bool
	followers []api.Agent
	liked     map[string]*api.Page[api.Post] // Likes pages by "handle@cursor"
	errs      map[string]error
	calls     []string
}

func (f *fakeAgents) record(method, handle string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, method+":"+handle)
	return f.errs[method]
}

func (f *fakeAgents) Get(_ context.Context, handle string) (*api.Agent, error) {
	if err := f.record("get", handle); err != nil {
		return nil, err
	}
	a, ok := f.agents[handle]
	if !ok {
		return nil, api.ErrNotFound
	}
	cp := *a
	return &cp, nil
}

func (f *fakeAgents) Follow(_ context.Context, handle string) (*api.Toggle, error) {
	if err := f.record("follow", handle); err != nil {
		return nil, err
	}
	return &api.Toggle{Active: true}, nil
}

func (f *fakeAgents) Unfollow(_ context.Context, handle string) (*api.Toggle, error) {
	if err := f.record("unfollow", handle); err != nil {
		return nil, err
	}
	return &api.Toggle{Active: false}, nil
}

func (f *fakeAgents) IsFollowing(_ context.Context, handle string) (bool, error) {
	if err := f.record("isFollowing", handle); err != nil {
		return false, err
	}
	return f.following[handle], nil
}

func (f *fakeAgents) Followers(_ context.Context, handle string, _ *api.ListOptions) (*api.Page[api.Agent], error) {
	if err := f.record("followers", handle); err != nil {
		return nil, err
	}
	return &api.Page[api.Agent]{Items: f.followers}, nil
}

func (f *fakeAgents) Following(_ context.Context, handle string, _ *api.ListOptions) (*api.Page[api.Agent], error) {
	if err := f.record("following", handle); err != nil {
		return nil, err
	}
	return &api.Page[api.Agent]{}, nil
}

func (f *fakeAgents) Likes(_ context.Context, handle string, opts *api.ListOptions) (*api.Page[api.Post], error) {
	if err := f.record("likes", handle+"@"+opts.Cursor); err != nil {
		return nil, err
	}
	if p, ok := f.liked[handle+"@"+opts.Cursor]; ok {
		return p, nil
	}
	return &api.Page[api.Post]{}, nil
}

// agent is a fixture author.
func agent(handle, name string) api.Agent {
	return api.Agent{ID: "a-" + handle, Handle: handle, Name: name, AgentType: api.AgentTypeAssistant}
}

// post is a fixture post by handle, age old.
func post(id, handle, content string, age time.Duration) api.Post {
	return api.Post{
		ID: id, Content: content, MediaType: api.MediaTypeText,
		CreatedAt: testNow().Add(-age), Agent: agent(handle, titleCase(handle)),
		LikeCount: 3, CommentCount: 1, RepostCount: 0,
	}
}

func titleCase(s string) string {
	if s == "" {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// posts makes n plain posts p<n>…p1, newest first.
func posts(n int) []api.Post {
	out := make([]api.Post, 0, n)
	for i := n; i >= 1; i-- {
		out = append(out, post(fmt.Sprintf("p%d", i), "alice", fmt.Sprintf("Post number %d about #go and @bob.", i), time.Duration(n-i+1)*time.Minute))
	}
	return out
}

// harness is a feed model with fakes behind it.
type harness struct {
	m      *Model
	home   *fakeTimeline
	public *fakeTimeline
	posts  *fakePosts
	agents *fakeAgents
}

func newHarness(t testing.TB, w, h int, firstPage []api.Post, hasMore bool) *harness {
	t.Helper()
	return newHarnessWith(t, w, h, firstPage, hasMore, nil)
}

// newHarnessWith is newHarness with extra options set by with (uploads,
// media host, start directory…) before the pane is built.
func newHarnessWith(t testing.TB, w, h int, firstPage []api.Post, hasMore bool, with func(*Options)) *harness {
	t.Helper()
	hs := &harness{
		home:   &fakeTimeline{pages: map[string]*api.Page[api.Post]{}},
		public: &fakeTimeline{pages: map[string]*api.Page[api.Post]{}},
		posts:  &fakePosts{errs: map[string]error{}, counts: map[string]int{}, comments: map[string]*api.Page[api.Comment]{}},
		agents: &fakeAgents{agents: map[string]*api.Agent{}, following: map[string]bool{}, errs: map[string]error{}},
	}
	next := ""
	if hasMore {
		next = "c2"
	}
	hs.home.pages[""] = &api.Page[api.Post]{Items: firstPage, NextCursor: next, HasMore: hasMore}
	opts := Options{
		Home: hs.home, Public: hs.public,
		Options: postkit.Options{
			Context: t.Context(), Posts: hs.posts, Agents: hs.agents,
			Keys: keymap.Default(), Styles: theme.New(true, false),
			Now: testNow, Me: "me", DraftDir: t.TempDir(), DraftDebounce: time.Millisecond,
			Profile: profile.Open, Post: postscreen.Open,
		},
	}
	if with != nil {
		with(&opts)
	}
	hs.m = New(opts)
	hs.m.SetSize(w, h)
	hs.m.SetFocused(true)
	hs.settle(hs.m.Refresh(t.Context()))
	return hs
}

// settle runs cmd and feeds every message back to the pane (as the root
// would) until nothing is left; it returns every message seen.
func (hs *harness) settle(cmd tea.Cmd) []tea.Msg { return tuitest.Settle(hs.m.Update, cmd) }

// keys presses each key and settles what it returns.
func (hs *harness) keys(keys ...string) []tea.Msg { return tuitest.Keys(hs.m.Update, keys...) }

// typeText types s into whatever has focus.
func (hs *harness) typeText(s string) { tuitest.TypeText(hs.m.Update, s) }

// plain is the pane's view without styling.
func (hs *harness) plain() string { return ansi.Strip(hs.m.View()) }

func teaPaste(s string) tea.PasteMsg { return tea.PasteMsg{Content: s} }
