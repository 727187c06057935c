package messages

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"imagine/api"
)

// testNow is the fixed clock of every test.
func testNow() time.Time { return time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC) }

// Errors as the client returns them.
var (
	errOffline = fmt.Errorf("%w: dial tcp 127.0.0.1:1: connection refused", api.ErrOffline)
	errUnknown = &api.UnknownOutcomeError{Method: "POST", URL: "/api/conversations/x/messages", Err: errors.New("timeout after send")}
	errInvalid = &api.Error{StatusCode: 422, Code: "validation", Message: "message rejected by the server"}
)

// me is the operator.
var meAgent = api.Agent{ID: "a-me", Handle: "me", Name: "Me"}

// agent is a fixture agent.
func agent(handle, name string) api.Agent {
	return api.Agent{ID: "a-" + handle, Handle: handle, Name: name}
}

// sendOutcome scripts one Send: err is returned; deliver stores the
// message anyway (the request reached the server before the failure).
type sendOutcome struct {
	err     error
	deliver bool
}

// fakeServer is an in-memory conversations API with the paging of the real
// one: the first page of messages is the newest, cursors lead to older.
type fakeServer struct {
	mu      sync.Mutex
	now     func() time.Time
	agents  map[string]api.Agent
	convs   map[string]*api.Conversation
	msgs    map[string][]api.Message // chronological
	offline bool
	plan    []sendOutcome
	// startPlan scripts the next Starts (default: success).
	startPlan []startOutcome
	calls     []string
	seq       int
	listErr   error
}

func newFakeServer() *fakeServer {
	return &fakeServer{
		now:    testNow,
		agents: map[string]api.Agent{},
		convs:  map[string]*api.Conversation{},
		msgs:   map[string][]api.Message{},
	}
}

func (f *fakeServer) record(call string) error {
	f.calls = append(f.calls, call)
	if f.offline {
		return errOffline
	}
	return nil
}

// count is how many calls equal call (or start with it when it ends in *).
func (f *fakeServer) count(call string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, c := range f.calls {
		if c == call || strings.HasSuffix(call, "*") && strings.HasPrefix(c, strings.TrimSuffix(call, "*")) {
			n++
		}
	}
	return n
}

func (f *fakeServer) setOffline(v bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.offline = v
}

// addConv adds a conversation with peer and messages built by msgs.
func (f *fakeServer) addConv(id string, peer api.Agent, unread int, msgs ...api.Message) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.agents[peer.Handle] = peer
	for i := range msgs {
		msgs[i].ConversationID = id
	}
	f.convs[id] = &api.Conversation{ID: id, Participant: peer, UnreadCount: unread}
	f.msgs[id] = msgs
}

// incoming adds an unread message from the conversation's peer.
func (f *fakeServer) incoming(convID, id, text string, at time.Time) {
	f.mu.Lock()
	defer f.mu.Unlock()
	c := f.convs[convID]
	p := c.Participant
	f.msgs[convID] = append(f.msgs[convID], api.Message{ID: id, ConversationID: convID, Content: text, CreatedAt: at, SenderID: p.ID, Sender: &p})
	c.UnreadCount++
}

// sent are the operator's messages stored in a conversation.
func (f *fakeServer) sent(convID string) []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []string
	for _, m := range f.msgs[convID] {
		if m.SenderID == meAgent.ID {
			out = append(out, m.Content)
		}
	}
	return out
}

func (f *fakeServer) conv(id string) api.Conversation {
	c := *f.convs[id]
	if ms := f.msgs[id]; len(ms) > 0 {
		last := ms[len(ms)-1]
		c.LastMessage = &last
		c.UpdatedAt = last.CreatedAt
	}
	return c
}

func (f *fakeServer) List(_ context.Context, opts *api.ListOptions) (*api.Page[api.Conversation], error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.record("list:" + opts.Cursor); err != nil {
		return nil, err
	}
	if f.listErr != nil {
		return nil, f.listErr
	}
	var all []api.Conversation
	for id := range f.convs {
		all = append(all, f.conv(id))
	}
	slices.SortFunc(all, func(a, b api.Conversation) int {
		if c := recency(&b).Compare(recency(&a)); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	start := 0
	if opts.Cursor != "" {
		start, _ = strconv.Atoi(strings.TrimPrefix(opts.Cursor, "c"))
	}
	limit := opts.Limit
	if limit <= 0 {
		limit = 20
	}
	end := min(start+limit, len(all))
	page := &api.Page[api.Conversation]{Items: all[start:end]}
	if end < len(all) {
		page.NextCursor, page.HasMore = "c"+strconv.Itoa(end), true
	}
	return page, nil
}

func (f *fakeServer) Messages(_ context.Context, id string, opts *api.ListOptions) (*api.Page[api.Message], error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.record("messages:" + id + "@" + opts.Cursor); err != nil {
		return nil, err
	}
	ms, ok := f.msgs[id]
	if !ok {
		return nil, &api.Error{StatusCode: 404, Message: "conversation not found"}
	}
	end := len(ms)
	if opts.Cursor != "" {
		end, _ = strconv.Atoi(strings.TrimPrefix(opts.Cursor, "b"))
	}
	limit := opts.Limit
	if limit <= 0 {
		limit = 20
	}
	start := max(end-limit, 0)
	page := &api.Page[api.Message]{Items: slices.Clone(ms[start:end])}
	if start > 0 {
		page.NextCursor, page.HasMore = "b"+strconv.Itoa(start), true
	}
	return page, nil
}

// store appends one of the operator's messages.
func (f *fakeServer) store(convID, text string) *api.Message {
	f.seq++
	me := meAgent
	m := api.Message{ID: fmt.Sprintf("s%d", f.seq), ConversationID: convID, Content: text, CreatedAt: f.now(), SenderID: me.ID, Sender: &me, Read: true}
	f.msgs[convID] = append(f.msgs[convID], m)
	return &m
}

func (f *fakeServer) Send(_ context.Context, id, content string) (*api.Message, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.record("send:" + id + ":" + content); err != nil {
		return nil, err
	}
	if _, ok := f.convs[id]; !ok {
		return nil, &api.Error{StatusCode: 404, Message: "conversation not found"}
	}
	if len(f.plan) > 0 {
		o := f.plan[0]
		f.plan = f.plan[1:]
		if o.deliver {
			f.store(id, content)
		}
		if o.err != nil {
			return nil, o.err
		}
	}
	return f.store(id, content), nil
}

func (f *fakeServer) Start(_ context.Context, handle, message string) (*api.Conversation, *api.Message, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.record("start:" + handle + ":" + message); err != nil {
		return nil, nil, err
	}
	peer, ok := f.agents[handle]
	if !ok {
		return nil, nil, &api.Error{StatusCode: 404, Message: "agent not found"}
	}
	o := startOutcome{deliver: true, create: true}
	if len(f.startPlan) > 0 {
		o, f.startPlan = f.startPlan[0], f.startPlan[1:]
	}
	id := ""
	for cid, c := range f.convs {
		if c.Participant.Handle == handle {
			id = cid
		}
	}
	if id == "" && o.create {
		id = "c-" + handle
		f.convs[id] = &api.Conversation{ID: id, Participant: peer}
		f.msgs[id] = nil
	}
	var m *api.Message
	if id != "" && o.deliver {
		m = f.store(id, message)
	}
	if o.err != nil {
		return nil, nil, o.err
	}
	c := f.conv(id)
	return &c, m, nil
}

// startOutcome scripts one Start: what the server did (created the
// conversation, stored the message) and the error the client saw.
type startOutcome struct {
	err             error
	create, deliver bool
}

func (f *fakeServer) MarkRead(_ context.Context, id string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.record("read:" + id); err != nil {
		return err
	}
	if c, ok := f.convs[id]; ok {
		c.UnreadCount = 0
	}
	return nil
}

func (f *fakeServer) Delete(_ context.Context, id string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.record("delete:" + id); err != nil {
		return err
	}
	delete(f.convs, id)
	delete(f.msgs, id)
	return nil
}

func (f *fakeServer) Unread(_ context.Context) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.record("unread"); err != nil {
		return 0, err
	}
	n := 0
	for _, c := range f.convs {
		n += c.UnreadCount
	}
	return n, nil
}

func (f *fakeServer) DeleteMessage(_ context.Context, id string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.record("deleteMessage:" + id); err != nil {
		return err
	}
	for cid, ms := range f.msgs {
		f.msgs[cid] = slices.DeleteFunc(ms, func(m api.Message) bool { return m.ID == id })
	}
	return nil
}

func (f *fakeServer) Message(_ context.Context, id string) (*api.Message, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.record("message:" + id); err != nil {
		return nil, err
	}
	for _, ms := range f.msgs {
		for _, m := range ms {
			if m.ID == id {
				return &m, nil
			}
		}
	}
	return nil, api.ErrNotFound
}

// readBy marks every message of convID read, as the other agent's read
// would.
func (f *fakeServer) readBy(convID string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for i := range f.msgs[convID] {
		f.msgs[convID][i].Read = true
	}
}
