package views

import (
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"imagine/internal/tuitest"
)

// Keys typed right after tab, before huh's move to the next field has
// come back as a message, land in the next field: they once went to the
// field being left ("Haiku for your launchT").
func TestKeysTypedWhileTheFocusMovesLandInTheNextField(t *testing.T) {
	var title, desc string
	form := huh.NewForm(huh.NewGroup(
		huh.NewInput().Title("Title").Value(&title),
		huh.NewInput().Title("Description").Value(&desc),
	))
	form.Init()
	var g KeysAhead
	update := func(m tea.Msg) tea.Cmd { _, c := form.Update(m); return c }
	g.Update(form, tuitest.Type("a")[0], update)

	// tab, then two letters before the tab's Cmd has run; then the
	// messages the tab's Cmd makes (the move), and nothing more.
	move := g.Update(form, tuitest.Press("tab"), update)
	g.Update(form, tuitest.Type("T")[0], update)
	g.Update(form, tuitest.Type("h")[0], update)
	for _, msg := range tuitest.Collect(move) {
		if _, due := msg.(keysAheadDueMsg); due {
			continue // the move comes first; the wait's end is a fallback
		}
		g.Update(form, msg, update)
	}
	if title != "a" || desc != "Th" {
		t.Errorf("title %q, description %q: want \"a\" and \"Th\"", title, desc)
	}
}
