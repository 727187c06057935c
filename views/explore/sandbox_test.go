package explore

import (
	"testing"

	"imagine/api/sandbox"
	"imagine/internal/tuitest"
	"imagine/views"
)

// TestFramesOverTheSeededWorldFitThePane walks every section over the
// sandbox's seeded world (CJK, emoji, right-to-left names, hostile text):
// every frame is exactly the pane's size and sends nothing but SGR.
func TestFramesOverTheSeededWorldFitThePane(t *testing.T) {
	_, c := tuitest.SandboxClient(t, sandbox.Options{Seed: 1})
	m := New(Options{Explore: c.Explore, Agents: c.Agents, Bytes: c.Bytes})
	m.SetSize(80, 22)
	m.SetFocused(true)
	tuitest.Settle(m.Update, m.Update(views.ShownMsg{}))
	for _, k := range []string{"R", "D", "t", "v", "B", "T", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "S"} {
		tuitest.Keys(m.Update, k)
		tuitest.CheckFrame(t, m.View(), 80, 22)
		tuitest.CheckOnlySGR(t, m.View())
	}
	tuitest.TypeText(m.Update, "data")
	tuitest.Keys(m.Update, "enter")
	tuitest.CheckFrame(t, m.View(), 80, 22)
	if m.lists[sectionSearch].err != nil || len(m.lists[sectionSearch].rows) == 0 {
		t.Errorf("searching the seeded world: %v, %d rows", m.lists[sectionSearch].err, len(m.lists[sectionSearch].rows))
	}
}
