package views_test

import (
	"fmt"
	"testing"
	"time"

	"imagine/views"
)

// TestMemoIsBoundedFreshAndForgets: a memo holds its newest size values,
// draws none read fresh or longer ago, and forgets on request; a nil memo
// keeps nothing.
func TestMemoIsBoundedFreshAndForgets(t *testing.T) {
	const size, fresh = 8, time.Minute
	m := views.NewMemo[string](size, fresh)
	at := time.Date(2026, 12, 7, 4, 0, 0, 0, time.UTC)
	for i := range size + 3 {
		m.Keep(fmt.Sprint(i), fmt.Sprint("v", i), at)
	}
	if m.Len() != size {
		t.Fatalf("holds %d values, want %d", m.Len(), size)
	}
	if _, ok := m.Get("0", at); ok {
		t.Error("the oldest value was not let go")
	}
	m.Keep("3", "v3 again", at) // kept again: now the newest
	m.Keep("new", "v", at)
	if v, ok := m.Get("3", at.Add(fresh-time.Second)); !ok || v != "v3 again" {
		t.Errorf("a value kept again was let go or not replaced: %q %v", v, ok)
	}
	if _, ok := m.Get("4", at); ok {
		t.Error("the oldest value after a keep-again was not the one let go")
	}
	if _, ok := m.Get("3", at.Add(fresh)); ok {
		t.Error("a value as old as fresh is still drawn")
	}
	m.Forget("3")
	if _, ok := m.Get("3", at); ok || m.Len() != size-1 {
		t.Errorf("a forgotten value is still kept (%d kept)", m.Len())
	}
	var none *views.Memo[string]
	none.Keep("k", "v", at)
	if _, ok := none.Get("k", at); ok || none.Len() != 0 {
		t.Error("a nil memo kept a value")
	}
}
