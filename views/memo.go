package views

import (
	"slices"
	"time"
)

// Memo keeps what was read lately, by key, so that a screen opened again
// (or right after its preview beside the list) is drawn with it at once
// instead of after a round trip: at most size values, each drawn for
// fresh after it was read, the oldest let go first. The screen reads
// again all the same and shows what that brings. A program's Models run
// on its one goroutine, so a Memo needs no lock; a nil Memo keeps nothing.
type Memo[T any] struct {
	size  int
	fresh time.Duration
	items map[string]memoItem[T]
	order []string // keys, the oldest kept first
}

// memoItem is a value and when it was read.
type memoItem[T any] struct {
	v  T
	at time.Time
}

// NewMemo returns an empty memo of size values, drawn for fresh.
func NewMemo[T any](size int, fresh time.Duration) *Memo[T] {
	return &Memo[T]{size: size, fresh: fresh, items: map[string]memoItem[T]{}}
}

// Keep records v for key, read at at.
func (m *Memo[T]) Keep(key string, v T, at time.Time) {
	if m == nil {
		return
	}
	if _, ok := m.items[key]; ok {
		m.order = slices.DeleteFunc(m.order, func(k string) bool { return k == key })
	} else if len(m.order) >= m.size {
		delete(m.items, m.order[0])
		m.order = m.order[1:]
	}
	m.items[key] = memoItem[T]{v: v, at: at}
	m.order = append(m.order, key)
}

// Get is the value of key when it was read less than the memo's fresh
// before now.
func (m *Memo[T]) Get(key string, now time.Time) (T, bool) {
	var zero T
	if m == nil {
		return zero, false
	}
	it, ok := m.items[key]
	if !ok || now.Sub(it.at) >= m.fresh {
		return zero, false
	}
	return it.v, true
}

// Forget drops the value of key: it changed here, and what is kept no
// longer shows it.
func (m *Memo[T]) Forget(key string) {
	if m == nil {
		return
	}
	if _, ok := m.items[key]; ok {
		delete(m.items, key)
		m.order = slices.DeleteFunc(m.order, func(k string) bool { return k == key })
	}
}

// Len is the number of values kept.
func (m *Memo[T]) Len() int {
	if m == nil {
		return 0
	}
	return len(m.items)
}
