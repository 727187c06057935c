package jobs

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
	"imagine/views/jobdetail"
)

// A job still running has no post to open yet: enter shows its detail
// instead, full width (views/jobdetail, as the split view draws it beside
// the list): provider, model, where it stands, when it started, the whole
// prompt. The polls keep it current; once the job has posted, enter there
// opens the post. esc comes back to the list; a key of the list (n, h, s)
// closes it and does what it does there.

// detailView is the open detail: the job as last seen, and its drawing.
type detailView struct {
	job    api.GenerationJob
	screen *jobdetail.Screen
}

// running reports whether job is still on its way to a post.
func running(job *api.GenerationJob) bool {
	switch job.Status {
	case api.JobPending, api.JobGenerating, api.JobUploading:
		return true
	}
	return false
}

// openDetail shows the detail of job.
func (m *Model) openDetail(job api.GenerationJob) {
	s := jobdetail.New(m.styles)
	s.SetTrail([]string{m.Title()})
	s.SetHint(m.keys.List.Back.Help().Key + " back")
	s.SetSize(m.width, m.height)
	s.Update(views.OpenJobMsg{Job: job})
	m.jobView = &detailView{job: job, screen: s}
}

// syncDetail hands the open detail the newer copy of its job a poll
// brought.
func (m *Model) syncDetail() {
	d := m.jobView
	if d == nil {
		return
	}
	if e := m.jobs.byID[d.job.ID]; e != nil && e.job != d.job {
		d.job = e.job
		d.screen.Update(views.OpenJobMsg{Job: e.job})
	}
}

// detailKey handles a key while the detail shows; ok is false for a key
// of the list, which closes the detail before it is handled there.
func (m *Model) detailKey(msg tea.KeyPressMsg) (cmd tea.Cmd, ok bool) {
	d, k, jk := m.jobView, m.keys.List, m.keys.Jobs
	page := max(m.height-2, 1)
	switch {
	case key.Matches(msg, k.Back):
		m.jobView = nil
	case key.Matches(msg, k.Down):
		d.screen.Wheel(1)
	case key.Matches(msg, k.Up):
		d.screen.Wheel(-1)
	case key.Matches(msg, k.PageDown):
		d.screen.Wheel(page)
	case key.Matches(msg, k.PageUp):
		d.screen.Wheel(-page)
	case key.Matches(msg, k.Open):
		return m.openPost(&d.job), true
	case key.Matches(msg, jk.Retry):
		return m.retry(&d.job), true
	case key.Matches(msg, k.Copy):
		return copyJob(&d.job), true
	default:
		m.jobView = nil
		return nil, false
	}
	return nil, true
}

// detailHelp are the keys of the open detail.
func (m *Model) detailHelp() [][]key.Binding {
	k, jk := m.keys.List, m.keys.Jobs
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown}, {openPostKey(k.Open), jk.Retry, copyKey(k.Copy), k.Back}, {jk.New, jk.History, jk.Services}}
}

// openPostKey is enter, named for what it does in the detail.
func openPostKey(b key.Binding) key.Binding {
	return key.NewBinding(key.WithKeys(b.Keys()...), key.WithHelp(b.Help().Key, "open the post, once made"))
}
