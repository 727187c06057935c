package tuitest

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// recorder is a testing.TB that keeps what a check reports instead of
// failing the test running it.
type recorder struct {
	testing.TB
	errs []string
}

func (r *recorder) Helper()           {}
func (r *recorder) Error(args ...any) { r.errs = append(r.errs, fmt.Sprint(args...)) }
func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

// countdown is an update that answers n with a Cmd producing n-1, down to 0,
// and records every message it is given.
type countdown struct{ got []tea.Msg }

func (c *countdown) update(msg tea.Msg) tea.Cmd {
	c.got = append(c.got, msg)
	if n, ok := msg.(int); ok && n > 0 {
		return func() tea.Msg { return n - 1 }
	}
	return nil
}

func TestSettleFeedsEveryMessageBack(t *testing.T) {
	var c countdown
	seen := Settle(c.update, tea.Batch(func() tea.Msg { return 2 }, func() tea.Msg { return "x" }))
	want := []tea.Msg{2, "x", 1, 0}
	if !slices.Equal(seen, want) || !slices.Equal(c.got, want) {
		t.Fatalf("seen %v, update got %v, want %v", seen, c.got, want)
	}
}

func TestKeysAndTypeTextSettleEachKey(t *testing.T) {
	var keys []string
	update := func(msg tea.Msg) tea.Cmd {
		if k, ok := msg.(tea.KeyPressMsg); ok {
			keys = append(keys, k.String())
			return func() tea.Msg { return "after " + k.String() }
		}
		return nil
	}
	seen := Keys(update, "j", "ctrl+s")
	seen = append(seen, TypeText(update, "a b")...)
	if got := strings.Join(keys, ","); got != "j,ctrl+s,a,space,b" {
		t.Errorf("keys = %s", got)
	}
	if want := []tea.Msg{"after j", "after ctrl+s", "after a", "after space", "after b"}; !slices.Equal(seen, want) {
		t.Errorf("seen = %v", seen)
	}
}

func TestFindReturnsTheFirstOfItsType(t *testing.T) {
	msgs := []tea.Msg{1, "a", 2, "b"}
	if s, ok := Find[string](msgs); !ok || s != "a" {
		t.Errorf("Find[string] = %q, %v", s, ok)
	}
	if _, ok := Find[bool](msgs); ok {
		t.Error("Find[bool] found one")
	}
}

func TestFrameFaults(t *testing.T) {
	if f := FrameFaults("abc\n\x1b[1mdef\x1b[0m", 3, 2); len(f) != 0 {
		t.Errorf("a fitting frame: %q", f)
	}
	if f := FrameFaults("abc", 3, 2); len(f) != 1 || !strings.Contains(f[0], "1 lines, want 2") {
		t.Errorf("a short frame: %q", f)
	}
	if f := FrameFaults("ab\n日本", 3, 2); len(f) != 1 || !strings.Contains(f[0], "line 1 is 4 cells wide") {
		t.Errorf("a wide line: %q", f)
	}
	r := &recorder{TB: t}
	CheckFrame(r, "abcd", 3, 2)
	if len(r.errs) != 2 {
		t.Errorf("CheckFrame reported %q", r.errs)
	}
}

func TestCheckOnlySGR(t *testing.T) {
	for raw, ok := range map[string]bool{
		"plain\n\x1b[1;38;2;1:2:3mbold\x1b[m": true,
		"title \x1b]0;x\x07":                  false,
		"cursor \x1b[2J":                      false,
		"carriage\rreturn":                    false,
		"delete\x7f":                          false,
	} {
		r := &recorder{TB: t}
		if got := CheckOnlySGR(r, raw); got != ok || (len(r.errs) == 0) != ok {
			t.Errorf("%q: ok %v, reported %q", raw, got, r.errs)
		}
	}
}

func TestLoopRunsCmdsConcurrently(t *testing.T) {
	release := make(chan struct{})
	var l *Loop
	l = NewLoop(t, func(msg tea.Msg) tea.Cmd {
		if msg == "start" {
			// The first part waits for the second, so run one after the
			// other they would never finish.
			return tea.Batch(
				func() tea.Msg { <-release; return "first" },
				func() tea.Msg { close(release); return "second" },
			)
		}
		return nil
	})
	l.Handle("start")
	l.Until("both parts finish", func() bool { return len(l.Seen()) == 3 })
	l.Settle()
	if got := l.Seen(); got[0] != "start" || !slices.Contains(got, "first") || !slices.Contains(got, "second") {
		t.Errorf("seen %v", got)
	}
}
