package report

import (
	"context"
	"testing"

	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/internal/tuitest"
	"imagine/views"
)

// source files every report it is given.
type source struct{ got []api.ReportRequest }

func (s *source) Create(_ context.Context, req *api.ReportRequest) (*api.Report, error) {
	s.got = append(s.got, *req)
	return &api.Report{}, nil
}

// A message of the form that comes late, after the report was filed (a
// timer of the form), leaves the answer on screen: it once took the
// overlay back to the confirmation, where the esc that should have closed
// it rebuilt the form instead.
func TestALateFormMessageLeavesTheAnswer(t *testing.T) {
	src := &source{}
	m := New(Options{Context: t.Context(), Source: src})
	m.SetSize(80, 24)
	update := func(msg tea.Msg) tea.Cmd { return m.Update(msg) }
	m.Open(views.ReportMsg{Kind: views.ReportPost, ID: "p1", Label: "the post"})
	tuitest.Keys(update, "enter")
	tuitest.TypeText(update, "spam")
	tuitest.Keys(update, "enter")
	if m.stage != stageConfirm {
		t.Fatalf("test premise: the form asks for confirmation (stage %d)", m.stage)
	}
	tuitest.Keys(update, "y")
	if m.stage != stageDone || len(src.got) != 1 {
		t.Fatalf("test premise: the report was filed (stage %d, %d sent)", m.stage, len(src.got))
	}
	m.Update(Msg{seq: m.seq, msg: struct{}{}}) // late, from the form
	if m.stage != stageDone {
		t.Fatalf("a late form message moved the overlay to stage %d", m.stage)
	}
	tuitest.Keys(update, "esc")
	if m.IsOpen() {
		t.Error("esc on the answer did not close the overlay")
	}
}
