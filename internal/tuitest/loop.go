package tuitest

import (
	"reflect"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// Loop runs Cmds concurrently, as tea.Program does, and hands their
// messages to update on the test goroutine only. Settle runs Cmds one
// after the other, which cannot show work in flight (an upload at 40 %);
// a Loop can.
type Loop struct {
	t        testing.TB
	update   func(tea.Msg) tea.Cmd
	msgs     chan tea.Msg
	inflight atomic.Int64
	seen     []tea.Msg
}

// NewLoop returns a Loop that delivers messages to update. When the test
// ends it waits (up to 5 s) for the Cmds still running, whose messages
// nobody handles any more: a test may stop as soon as it has seen what it
// checks, and a draft save still writing into a t.TempDir would make its
// removal fail. It runs before the removal of any TempDir made before the
// Loop, cleanups running last-in first-out.
func NewLoop(t testing.TB, update func(tea.Msg) tea.Cmd) *Loop {
	l := &Loop{t: t, update: update, msgs: make(chan tea.Msg, 1024)}
	t.Cleanup(l.drain)
	return l
}

// drain waits until no Cmd runs, or 5 s have passed.
func (l *Loop) drain() {
	deadline := time.Now().Add(5 * time.Second)
	for l.inflight.Load() > 0 && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
}

// Run starts cmd on its own goroutine; a Batch runs its parts
// concurrently, a Sequence in order.
func (l *Loop) Run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	l.inflight.Add(1)
	go func() {
		defer l.inflight.Add(-1)
		l.dispatch(cmd())
	}()
}

// dispatch queues msg for the test goroutine, or runs the Cmds it holds.
func (l *Loop) dispatch(msg tea.Msg) {
	if msg == nil {
		return
	}
	if b, ok := msg.(tea.BatchMsg); ok {
		for _, c := range b {
			l.Run(c)
		}
		return
	}
	v := reflect.ValueOf(msg)
	if v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeFor[tea.Cmd]() {
		for i := range v.Len() {
			if c, _ := v.Index(i).Interface().(tea.Cmd); c != nil {
				l.dispatch(c())
			}
		}
		return
	}
	l.msgs <- msg
}

// Handle delivers msg to update on the calling (test) goroutine and
// starts the Cmd it returns.
func (l *Loop) Handle(msg tea.Msg) {
	l.seen = append(l.seen, msg)
	l.Run(l.update(msg))
}

// Press handles each key, named as Press takes it, and starts its Cmd.
func (l *Loop) Press(keys ...string) {
	for _, k := range keys {
		l.Handle(Press(k))
	}
}

// Until handles messages until cond holds; it fails the test after 5 s.
func (l *Loop) Until(what string, cond func() bool) {
	l.t.Helper()
	deadline := time.After(5 * time.Second)
	for !cond() {
		select {
		case msg := <-l.msgs:
			l.Handle(msg)
		case <-deadline:
			l.t.Fatalf("timed out waiting until %s", what)
		}
	}
}

// Settle handles messages until no Cmd runs and none is queued; it fails
// the test after 5 s.
func (l *Loop) Settle() {
	l.t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		select {
		case msg := <-l.msgs:
			l.Handle(msg)
			continue
		default:
		}
		if l.inflight.Load() == 0 && len(l.msgs) == 0 {
			return
		}
		if time.Now().After(deadline) {
			l.t.Fatal("Cmds still running after 5 s")
		}
		time.Sleep(time.Millisecond)
	}
}

// Seen returns every message handled so far, in order.
func (l *Loop) Seen() []tea.Msg { return l.seen }
