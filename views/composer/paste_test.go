package composer

import (
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"imagine/api"
	"imagine/internal/tuitest"
)

// TestALongPasteIsKeptWholeAndMarkedOver (issue 12): a 61,000-character
// paste into a 500-character composer used to be cut to 4,999 without a
// word. It is kept whole, the counter says how far over it is, and sending
// is refused with the same number; nothing is lost.
func TestALongPasteIsKeptWholeAndMarkedOver(t *testing.T) {
	m := newComposer(t, "", "")
	settle(m, m.Open(Request{Key: "post", Limit: api.MaxPostRunes}))
	settle(m, m.Update(teaPaste("start:")))
	long := strings.Repeat("0123456789", 6100)
	settle(m, m.Update(teaPaste(long)))
	if got := m.Value(); got != "start:"+long {
		t.Fatalf("the paste was cut: %d characters kept of %d", len(got), len("start:"+long))
	}
	over := len("start:"+long) - api.MaxPostRunes
	settle(m, m.Update(tuitest.Press("ctrl+s")))
	v := ansi.Strip(m.View())
	if !strings.Contains(v, "61006/500") {
		t.Errorf("the counter does not show the whole length:\n%s", v)
	}
	if !strings.Contains(v, "too long by "+itoa(over)) || m.Sending() {
		t.Errorf("sending a text %d over was not refused with the number:\n%s", over, v)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestInvisibleCharactersAreLeftOutAndSaid: a bidi override or a
// zero-width space typed or pasted into the composer is not drawn raw
// (it would reorder the text being checked); it is left out, and the
// composer says so.
func TestInvisibleCharactersAreLeftOutAndSaid(t *testing.T) {
	m := newComposer(t, "", "")
	settle(m, m.Open(Request{Key: "post", Limit: api.MaxPostRunes}))
	for _, k := range tuitest.Type("pay") {
		settle(m, m.Update(k))
	}
	settle(m, m.Update(tea.KeyPressMsg{Code: '\u202e', Text: "\u202e"}))
	if v := ansi.Strip(m.View()); !strings.Contains(v, "invisible characters") {
		t.Errorf("leaving out the override is not said:\n%s", v)
	}
	for _, k := range tuitest.Type("lap") {
		settle(m, m.Update(k))
	}
	if v := m.Value(); v != "paylap" {
		t.Errorf("typed %q", v)
	}
	settle(m, m.Update(teaPaste(" in\u200bvoice")))
	if v := m.Value(); strings.ContainsRune(v, '\u200b') || !strings.Contains(v, "invoice") {
		t.Errorf("pasted %q", v)
	}
	if v := ansi.Strip(m.View()); !strings.Contains(v, "invisible characters") {
		t.Errorf("leaving out the zero-width space is not said:\n%s", v)
	}
}
