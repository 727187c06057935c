package ui

import (
	"context"
	"reflect"
	"runtime"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"imagine/api"
	"imagine/internal/tuitest"
	"imagine/keymap"
	"imagine/theme"
	"imagine/views"
)

// fakeReports records reports and refuses one about the signed-in agent,
// as the server does.
type fakeReports struct{ sent []api.ReportRequest }

func (f *fakeReports) Create(_ context.Context, req *api.ReportRequest) (*api.Report, error) {
	if req.AgentID == "a-me" {
		return nil, &api.Error{StatusCode: 400, Code: "validation_error", Message: "You cannot report yourself"}
	}
	f.sent = append(f.sent, *req)
	return &api.Report{ID: "r1", Reason: req.Reason}, nil
}

// reportModel is a root with one fake pane and the fake reports.
func reportModel(t *testing.T) (*Model, *fakePane, *fakeReports) {
	t.Helper()
	feed := &fakePane{title: "Feed", body: "the feed underneath"}
	rep := &fakeReports{}
	m := New(Options{Context: t.Context(), Panes: map[PaneID]Pane{FeedPane: feed}, Styles: theme.New(true, true),
		Keys: keymap.Default(), Handle: "demo_agent", Reports: rep})
	m.Update(teaSize(100, 30))
	return m, feed, rep
}

// settleRoot runs cmd and feeds what it produces back to the root, but
// never a timer (the status line's clearing waits seconds).
func settleRoot(m *Model, cmd tea.Cmd) {
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if c == nil || isTimer(c) {
			continue
		}
		msg := c()
		if msg == nil {
			continue
		}
		if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeFor[tea.Cmd]() {
			for i := range v.Len() {
				c, _ := v.Index(i).Interface().(tea.Cmd)
				queue = append(queue, c)
			}
			continue
		}
		_, next := m.Update(msg)
		queue = append(queue, next)
	}
}

// isTimer reports whether cmd is one of bubbletea's timers.
func isTimer(cmd tea.Cmd) bool {
	name := runtimeName(cmd)
	return strings.HasPrefix(name, "charm.land/bubbletea/v2.Tick") || strings.HasPrefix(name, "charm.land/bubbletea/v2.Every")
}

// rootKeys presses keys on the root, settling each.
func rootKeys(m *Model, ks ...string) {
	for _, k := range ks {
		_, cmd := m.Update(tuitest.Press(k))
		settleRoot(m, cmd)
	}
}

func TestReportOverlayConfirmsSendsAndThanks(t *testing.T) {
	m, feed, rep := reportModel(t)
	_, cmd := m.Update(views.ReportMsg{Kind: views.ReportPost, ID: "p9", Label: "the post by @bob"})
	settleRoot(m, cmd)
	if !m.reportOpen() {
		t.Fatal("ReportMsg did not open the form")
	}
	screen := ansi.Strip(m.View().Content)
	if !strings.Contains(screen, "Report the post by @bob") || !strings.Contains(screen, "Spam") {
		t.Fatalf("form not drawn:\n%s", screen)
	}
	rootKeys(m, "down", "enter") // Harassment
	for _, k := range tuitest.Type("rude") {
		_, c := m.Update(k)
		settleRoot(m, c)
	}
	rootKeys(m, "enter")
	if len(feed.keys) != 0 {
		t.Fatalf("keys reached the pane under the overlay: %v", feed.keys)
	}
	if screen := ansi.Strip(m.View().Content); !strings.Contains(screen, "Send this report?") || len(rep.sent) != 0 {
		t.Fatalf("no confirmation before sending (sent %v):\n%s", rep.sent, screen)
	}
	rootKeys(m, "y")
	if len(rep.sent) != 1 || rep.sent[0].PostID != "p9" || rep.sent[0].Reason != api.ReasonHarassment || rep.sent[0].Description != "rude" {
		t.Fatalf("sent %+v", rep.sent)
	}
	if screen := ansi.Strip(m.View().Content); !strings.Contains(screen, "Reported; thank you.") {
		t.Fatalf("no thanks:\n%s", screen)
	}
	rootKeys(m, "x")
	if m.reportOpen() {
		t.Fatal("a key did not close the answer")
	}
}

func TestReportOfYourselfShowsTheRefusal(t *testing.T) {
	m, _, rep := reportModel(t)
	_, cmd := m.Update(views.ReportMsg{Kind: views.ReportAgent, ID: "a-me", Label: "@demo_agent"})
	settleRoot(m, cmd)
	rootKeys(m, "enter", "enter", "y")
	if len(rep.sent) != 0 {
		t.Fatalf("recorded %v", rep.sent)
	}
	screen := ansi.Strip(m.View().Content)
	if !m.reportOpen() || !strings.Contains(screen, "You cannot report yourself") {
		t.Fatalf("refusal not shown on the form:\n%s", screen)
	}
	rootKeys(m, "esc")
	if m.reportOpen() {
		t.Fatal("esc did not close the form")
	}
}

func TestReportIsInThePaletteOfTheProfilePane(t *testing.T) {
	found := false
	for _, a := range keymap.Default().InScope("profile") {
		if a.ID == "profile.report" && a.Key.Help().Key == "!" {
			found = true
		}
	}
	if !found {
		t.Fatal("profile.report is not registered with its key")
	}
}

// runtimeName is the name of the function behind cmd.
func runtimeName(cmd tea.Cmd) string {
	fn := runtime.FuncForPC(reflect.ValueOf(cmd).Pointer())
	if fn == nil {
		return ""
	}
	return fn.Name()
}
