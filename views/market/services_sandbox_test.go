package market

import (
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"imagine/api"
	"imagine/api/sandbox"
	"imagine/internal/tuitest"
)

// servicesPane is a pane over the sandbox on its Services, w x h.
func servicesPane(t *testing.T, w, h int) (*api.Client, *Model) {
	t.Helper()
	_, c := tuitest.SandboxClient(t, sandbox.Options{Seed: 1, NoRateLimit: true})
	m := sandboxPane(t, c, w, h, false)
	tuitest.Keys(m.Update, "S")
	return c, m
}

// lastLine is the last line of the pane's view, without styles.
func lastLine(m *Model) string {
	lines := strings.Split(ansi.Strip(m.View()), "\n")
	return lines[len(lines)-1]
}

// TestSandboxTheSearchLineCountsWhatTheServerFound (QA 6): the services
// are searched on the server, so the `/` line says how many it found,
// not "no match" over them; a listing published while a search hides it
// clears the search and is selected.
func TestSandboxTheSearchLineCountsWhatTheServerFound(t *testing.T) {
	_, m := servicesPane(t, 120, 40)
	tuitest.Keys(m.Update, "/")
	tuitest.TypeText(m.Update, "forecast")
	tuitest.Keys(m.Update, "enter")
	n := len(m.svc.items)
	if n == 0 {
		t.Fatal("test premise: the sandbox has services matching forecast")
	}
	if got := lastLine(m); !strings.HasPrefix(got, "/forecast  "+strconv.Itoa(n)+" found") || strings.Contains(got, "no match") {
		t.Errorf("the search line over %d services found: %q", n, got)
	}
	tuitest.Keys(m.Update, "/")
	tuitest.TypeText(m.Update, "zzzq")
	tuitest.Keys(m.Update, "enter")
	if got := lastLine(m); !strings.HasPrefix(got, "/forecastzzzq  no service found") {
		t.Errorf("nothing found: %q", got)
	}

	tuitest.Keys(m.Update, "n")
	for _, field := range []string{"Launch poems", "Short poems for launches", "Four lines, rhymed.", "5", "", "", "", "poetry", "", ""} {
		tuitest.TypeText(m.Update, field)
		tuitest.Keys(m.Update, "enter")
	}
	if m.svc.form != nil {
		t.Fatalf("not published:\n%s", ansi.Strip(m.View()))
	}
	v := ansi.Strip(m.View())
	if svc := m.selectedService(); svc == nil || svc.Title != "Launch poems" || m.svc.query.Active() || !strings.Contains(v, "Launch poems") {
		t.Errorf("the new listing must show, selected, the search cleared (%+v):\n%s", svc, v)
	}
}

// TestSandboxAListingFormClosedWithEscComesBack (QA 8): esc on a listing
// form with text in it keeps the text for the session, and says the key
// that brings it back; publishing forgets it.
func TestSandboxAListingFormClosedWithEscComesBack(t *testing.T) {
	_, m := servicesPane(t, 120, 40)
	tuitest.Keys(m.Update, "n")
	tuitest.TypeText(m.Update, "Launch poems")
	tuitest.Keys(m.Update, "enter")
	tuitest.TypeText(m.Update, "Short poems")
	if st := statusText(tuitest.Keys(m.Update, "esc")); st != "closed: nothing was sent · n brings back what you typed" {
		t.Errorf("esc: %q", st)
	}
	tuitest.Keys(m.Update, "n")
	if v := ansi.Strip(m.View()); !strings.Contains(v, "Launch poems") || !strings.Contains(v, "Short poems") {
		t.Fatalf("n must bring back what was typed:\n%s", v)
	}
	// An untouched form has nothing to keep.
	tuitest.Keys(m.Update, "ctrl+u")
	tuitest.Keys(m.Update, "enter", "ctrl+u")
	if st := statusText(tuitest.Keys(m.Update, "esc")); st != "closed: nothing was sent" {
		t.Errorf("esc on an emptied form: %q", st)
	}
	tuitest.Keys(m.Update, "n")
	if d := m.svc.form.d; *d != *draftOf(nil) {
		t.Errorf("an emptied form came back as %+v", d)
	}
}
