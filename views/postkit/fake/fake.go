package fake

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"charm.land/bubbles/v2/key"

	"imagine/api"
	"imagine/api/sanitize"
)

// Now is the fixed clock of every test.
func Now() time.Time { return time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC) }

// Timeline serves pages by cursor and records every request.
type Timeline struct {
	mu    sync.Mutex
	Pages map[string]*api.Page[api.Post]
	Err   error            // every request fails with it while set
	Errs  map[string]error // by cursor
	Calls []string
}

// List implements a timeline.
func (f *Timeline) List(_ context.Context, opts *api.ListOptions) (*api.Page[api.Post], error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.Calls = append(f.Calls, opts.Cursor)
	if f.Err != nil {
		return nil, f.Err
	}
	if err := f.Errs[opts.Cursor]; err != nil {
		return nil, err
	}
	if p, ok := f.Pages[opts.Cursor]; ok {
		return p, nil
	}
	return &api.Page[api.Post]{}, nil
}

// Requests are the cursors asked for, in order.
func (f *Timeline) Requests() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.Calls...)
}

// Posts records calls as "method:id" and fails the methods in errs.
type Posts struct {
	mu        sync.Mutex
	Calls     []string
	Errs      map[string]error
	Counts    map[string]int // server counts returned by toggles (CountKnown)
	Threads   map[string]*api.Page[api.Comment]
	Likers    []api.Like
	Reposters []api.Repost // what Reposts answers, one page
	Created   *api.Post
	Creates   []api.PostCreateRequest // every Create request, in order
	Reply     *api.Comment
	Commented []api.CommentRequest // every Comment request, in order
	ByID      map[string]api.Post  // what Get answers
}

// NewPosts is a Posts with its maps made, ready to be filled.
func NewPosts() *Posts {
	return &Posts{Errs: map[string]error{}, Counts: map[string]int{}, Threads: map[string]*api.Page[api.Comment]{}}
}

// CreateRequests are the Create requests so far, in order; it is safe to
// call while a command may still be creating.
func (f *Posts) CreateRequests() []api.PostCreateRequest {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]api.PostCreateRequest(nil), f.Creates...)
}

func (f *Posts) record(method, id string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.Calls = append(f.Calls, method+":"+id)
	return f.Errs[method]
}

// Called counts the calls recorded as given.
func (f *Posts) Called(call string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return Count(f.Calls, call)
}

func (f *Posts) toggle(method, id string, active bool) (*api.Toggle, error) {
	if err := f.record(method, id); err != nil {
		return nil, err
	}
	n, ok := f.Counts[id]
	return &api.Toggle{Active: active, Count: n, CountKnown: ok}, nil
}

// Create implements postkit.Posts.
func (f *Posts) Create(_ context.Context, req *api.PostCreateRequest) (*api.Post, error) {
	f.mu.Lock()
	f.Creates = append(f.Creates, *req)
	f.mu.Unlock()
	if err := f.record("create", req.Content); err != nil {
		return nil, err
	}
	return f.Created, nil
}

// Get implements postkit.Posts.
func (f *Posts) Get(_ context.Context, id string) (*api.Post, error) {
	if err := f.record("get", id); err != nil {
		return nil, err
	}
	if p, ok := f.ByID[id]; ok {
		return &p, nil
	}
	return nil, api.ErrNotFound
}

// Delete implements postkit.Posts.
func (f *Posts) Delete(_ context.Context, id string) error { return f.record("delete", id) }

// Like implements postkit.Posts.
func (f *Posts) Like(_ context.Context, id string) (*api.Toggle, error) {
	return f.toggle("like", id, true)
}

// Unlike implements postkit.Posts.
func (f *Posts) Unlike(_ context.Context, id string) (*api.Toggle, error) {
	return f.toggle("unlike", id, false)
}

// Repost implements postkit.Posts.
func (f *Posts) Repost(_ context.Context, id string) (*api.Toggle, error) {
	return f.toggle("repost", id, true)
}

// Unrepost implements postkit.Posts.
func (f *Posts) Unrepost(_ context.Context, id string) (*api.Toggle, error) {
	return f.toggle("unrepost", id, false)
}

// Amplify implements postkit.Posts.
func (f *Posts) Amplify(_ context.Context, id string) (*api.Toggle, error) {
	return f.toggle("amplify", id, true)
}

// Unamplify implements postkit.Posts.
func (f *Posts) Unamplify(_ context.Context, id string) (*api.Toggle, error) {
	return f.toggle("unamplify", id, false)
}

// Likes implements postkit.Posts.
func (f *Posts) Likes(_ context.Context, id string, _ *api.ListOptions) (*api.Page[api.Like], error) {
	if err := f.record("likes", id); err != nil {
		return nil, err
	}
	return &api.Page[api.Like]{Items: f.Likers}, nil
}

// Reposts implements postkit.Posts.
func (f *Posts) Reposts(_ context.Context, id string, _ *api.ListOptions) (*api.Page[api.Repost], error) {
	if err := f.record("reposts", id); err != nil {
		return nil, err
	}
	return &api.Page[api.Repost]{Items: f.Reposters}, nil
}

// Comments implements postkit.Posts.
func (f *Posts) Comments(_ context.Context, id string, opts *api.ListOptions) (*api.Page[api.Comment], error) {
	if err := f.record("comments", id+"@"+opts.Cursor); err != nil {
		return nil, err
	}
	if p, ok := f.Threads[id+"@"+opts.Cursor]; ok {
		return p, nil
	}
	return &api.Page[api.Comment]{}, nil
}

// Comment implements postkit.Posts.
func (f *Posts) Comment(_ context.Context, id string, req *api.CommentRequest) (*api.Comment, error) {
	if err := f.record("comment", id+"/"+req.ParentID); err != nil {
		return nil, err
	}
	f.mu.Lock()
	f.Commented = append(f.Commented, *req)
	f.mu.Unlock()
	return f.Reply, nil
}

// DeleteComment implements postkit.Posts.
func (f *Posts) DeleteComment(_ context.Context, postID, commentID string) error {
	return f.record("deleteComment", postID+"/"+commentID)
}

// List implements postkit.Posts: the public timeline, empty here.
func (f *Posts) List(_ context.Context, opts *api.ListOptions) (*api.Page[api.Post], error) {
	if err := f.record("list", opts.Cursor); err != nil {
		return nil, err
	}
	return &api.Page[api.Post]{}, nil
}

// Quote implements postkit.Posts.
func (f *Posts) Quote(_ context.Context, id, content string) (*api.Post, error) {
	if err := f.record("quote", id); err != nil {
		return nil, err
	}
	return f.Created, nil
}

// RecordView implements postkit.Posts.
func (f *Posts) RecordView(_ context.Context, id string) error { return f.record("view", id) }

// Agents serves profiles and follow lists.
type Agents struct {
	mu           sync.Mutex
	Known        map[string]*api.Agent
	Follows      map[string]bool
	FollowerList []api.Agent
	Liked        map[string]*api.Page[api.Post] // Likes pages by "handle@cursor"
	Reputation   map[string]*api.AXP            // what XP answers, by handle
	Errs         map[string]error
	Calls        []string
}

// NewAgents is an Agents with its maps made, ready to be filled.
func NewAgents() *Agents {
	return &Agents{Known: map[string]*api.Agent{}, Follows: map[string]bool{}, Errs: map[string]error{}}
}

func (f *Agents) record(method, handle string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.Calls = append(f.Calls, method+":"+handle)
	return f.Errs[method]
}

// Get implements postkit.Agents.
func (f *Agents) Get(_ context.Context, handle string) (*api.Agent, error) {
	if err := f.record("get", handle); err != nil {
		return nil, err
	}
	a, ok := f.Known[handle]
	if !ok {
		return nil, api.ErrNotFound
	}
	cp := *a
	return &cp, nil
}

// XP answers an agent's reputation (api.AgentsService.XP), or not found.
func (f *Agents) XP(_ context.Context, handle string, _ *api.ListOptions) (*api.AXP, error) {
	if err := f.record("xp", handle); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if x, ok := f.Reputation[handle]; ok {
		return x, nil
	}
	return nil, api.ErrNotFound
}

// Follow implements postkit.Agents.
func (f *Agents) Follow(_ context.Context, handle string) (*api.Toggle, error) {
	if err := f.record("follow", handle); err != nil {
		return nil, err
	}
	return &api.Toggle{Active: true}, nil
}

// Unfollow implements postkit.Agents.
func (f *Agents) Unfollow(_ context.Context, handle string) (*api.Toggle, error) {
	if err := f.record("unfollow", handle); err != nil {
		return nil, err
	}
	return &api.Toggle{Active: false}, nil
}

// IsFollowing implements postkit.Agents.
func (f *Agents) IsFollowing(_ context.Context, handle string) (bool, error) {
	if err := f.record("isFollowing", handle); err != nil {
		return false, err
	}
	return f.Follows[handle], nil
}

// Followers implements postkit.Agents.
func (f *Agents) Followers(_ context.Context, handle string, _ *api.ListOptions) (*api.Page[api.Agent], error) {
	if err := f.record("followers", handle); err != nil {
		return nil, err
	}
	return &api.Page[api.Agent]{Items: f.FollowerList}, nil
}

// Following implements postkit.Agents.
func (f *Agents) Following(_ context.Context, handle string, _ *api.ListOptions) (*api.Page[api.Agent], error) {
	if err := f.record("following", handle); err != nil {
		return nil, err
	}
	return &api.Page[api.Agent]{}, nil
}

// Likes implements postkit.Agents.
func (f *Agents) Likes(_ context.Context, handle string, opts *api.ListOptions) (*api.Page[api.Post], error) {
	if err := f.record("likes", handle+"@"+opts.Cursor); err != nil {
		return nil, err
	}
	if p, ok := f.Liked[handle+"@"+opts.Cursor]; ok {
		return p, nil
	}
	return &api.Page[api.Post]{}, nil
}

// Agent is a fixture author.
func Agent(handle, name string) api.Agent {
	return api.Agent{ID: "a-" + handle, Handle: handle, Name: name, AgentType: api.AgentTypeAssistant}
}

// Post is a fixture post by handle, age old.
func Post(id, handle, content string, age time.Duration) api.Post {
	return api.Post{
		ID: id, Content: content, MediaType: api.MediaTypeText,
		CreatedAt: Now().Add(-age), Agent: Agent(handle, titleCase(handle)),
		LikeCount: 3, CommentCount: 1, RepostCount: 0,
	}
}

func titleCase(s string) string {
	if s == "" {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// ManyPosts makes n plain posts p<n>…p1, newest first.
func ManyPosts(n int) []api.Post {
	out := make([]api.Post, 0, n)
	for i := n; i >= 1; i-- {
		out = append(out, Post(fmt.Sprintf("p%d", i), "alice", fmt.Sprintf("Post number %d about #go and @bob.", i), time.Duration(n-i+1)*time.Minute))
	}
	return out
}

// HasBinding reports whether bs lists b.
func HasBinding(bs []key.Binding, b key.Binding) bool {
	for _, x := range bs {
		if x.Help() == b.Help() {
			return true
		}
	}
	return false
}

// HostileFixture builds, through the sanitizer as package api would, posts
// carrying the security.md §8.1 payloads H01, H11, H15, H17, H19, H22, H24
// and an unbreakable 2,000-character word.
func HostileFixture() []api.Post {
	mk := func(id, handle, rawName, rawContent string) api.Post {
		p := Post(id, handle, sanitize.Block(rawContent), 5*time.Minute)
		p.Agent.Name = sanitize.Line(rawName)
		return p
	}
	return []api.Post{
		mk("h11", "alice", "alice: hello\rbob:  ", "alice: hello\rbob:  "),
		mk("h01", "eve", "\x1b]0;SENTINEL-TITLE\x07Eve", "hi \x1b]52;c;Y3VybCAtZnNTTCBodHRwczovL2V2aWwuZXhhbXBsZS94IHwgc2gK\x07 there"),
		mk("h15", "mallory", "Mallory\x1b]0;SENTINEL never", "before\x1b]0;SENTINEL never terminated"),
		mk("h17", "trudy", "alice\u2066\u2067bob\u2069", "invoice\u202egpj.exe and a\u061cb"),
		mk("h19", "oscar", "Oscar", "hello\U000E0049\U000E0047\U000E004E\U000E004F\U000E0052\U000E0045 #hidden"),
		mk("h22", "zed", "Z"+strings.Repeat("\u0301", 1000), "Z"+strings.Repeat("\u0301", 1000)+" zalgo"),
		mk("h24", "fam", "Family 👨\u200d👩\u200d👧\u200d👦", "family 👨\u200d👩\u200d👧\u200d👦 emoji"),
		mk("h30", "wall", "Wall", strings.Repeat("x", 2000)),
	}
}

// Called counts the calls recorded as given ("follow:alice").
func (f *Agents) Called(call string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return Count(f.Calls, call)
}

// Count counts the calls recorded as given.
func Count(calls []string, call string) int {
	n := 0
	for _, c := range calls {
		if c == call {
			n++
		}
	}
	return n
}
