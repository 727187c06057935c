package jobs

import (
	"errors"
	"fmt"
	"strings"
	"unicode"

	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
)

// notifyCells bounds NotifyText: terminal notifications are short.
const notifyCells = 80

// setBanner shows text under the header until the next key press.
func (m *Model) setBanner(level views.Level, text string) {
	m.banner, m.bannerLevel = text, level
}

// started applies the answer to a start: the job shows at once and the
// pane fetches now and every 2 s until the root's poll takes over. A
// refusal is shown under the header and the draft is kept for the next n.
func (m *Model) started(msg startedMsg) tea.Cmd {
	if errors.Is(msg.err, api.ErrUnknownOutcome) {
		// It may have been queued: look before the operator starts it again.
		m.keep(msg.draft, "as you sent it")
		m.setBanner(views.LevelWarn, "No answer to the start: the job may be running; the list refreshes now")
		return tea.Batch(views.Failed("the generation may not have started", msg.err), m.bridge())
	}
	if msg.err != nil {
		m.keep(msg.draft, "as you sent it")
		return m.failed("couldn't start the generation", "the generation", msg.req.Provider, msg.err,
			" · "+m.keys.Jobs.New.Help().Key+" reopens the form with what you wrote")
	}
	if msg.start == nil || msg.start.JobID == "" {
		return views.Status(views.LevelWarn, "the server accepted the generation without naming the job; it shows up on the next refresh")
	}
	now := m.clock()
	status := msg.start.Status
	if status == "" {
		status = api.JobPending
	}
	m.jobs.add(api.GenerationJob{
		ID: msg.start.JobID, Provider: msg.req.Provider, Type: msg.req.GenerationType,
		Prompt: msg.req.Prompt, Model: msg.req.Model, Status: status,
		RetryCount: msg.start.RetryCount, PostContent: msg.req.Content,
		CreatedAt: now, UpdatedAt: now,
	})
	m.jobs.sort()
	m.screen = viewLive
	m.reselect(msg.start.JobID)
	return tea.Batch(m.bridge(), m.startSpin(),
		views.Status(views.LevelInfo, views.GenTypeName(msg.req.GenerationType)+" job started on "+views.ProviderName(msg.req.Provider)))
}

// retry retries job, or says why it cannot be: it is not failed, it has
// no retries left, it is being retried, or every slot is in use.
func (m *Model) retry(job *api.GenerationJob) tea.Cmd {
	if job == nil {
		return nil
	}
	e := m.jobs.byID[job.ID]
	switch {
	case m.gen == nil:
		return views.Status(views.LevelWarn, "generation is not available in this version")
	case job.Status != api.JobFailed:
		return views.Status(views.LevelWarn, "only a failed job can be retried; this one is "+job.Status)
	case job.RetryCount >= api.MaxJobRetries:
		return views.Status(views.LevelWarn, fmt.Sprintf("no retries left (%d of %d used): %s starts a new generation",
			job.RetryCount, api.MaxJobRetries, m.keys.Jobs.New.Help().Key))
	case e != nil && e.retrying:
		return views.Status(views.LevelInfo, "this job is being retried")
	case m.jobs.activeCount() >= api.MaxConcurrentJobs:
		return views.Status(views.LevelWarn, fmt.Sprintf("all %d generation slots are in use: wait for a job to finish", api.MaxConcurrentJobs))
	}
	if e == nil {
		e = m.jobs.add(*job)
		m.jobs.sort()
	}
	e.retrying = true
	ctx, gen, id := m.ctx, m.gen, job.ID
	return func() tea.Msg {
		s, err := gen.Retry(ctx, id)
		return retriedMsg{id: id, start: s, err: err}
	}
}

// retried applies the answer to a retry: the job starts over from
// pending, and the pane polls fast.
func (m *Model) retried(msg retriedMsg) tea.Cmd {
	e := m.jobs.byID[msg.id]
	if e != nil {
		e.retrying = false
	}
	if errors.Is(msg.err, api.ErrUnknownOutcome) {
		m.setBanner(views.LevelWarn, "No answer to the retry: it may have started; the list refreshes now")
		return tea.Batch(views.Failed("the retry may not have started", msg.err), m.bridge())
	}
	if msg.err != nil {
		provider := ""
		if e != nil {
			provider = e.job.Provider
		}
		return m.failed("couldn't retry the job", "the retry", provider, msg.err, "")
	}
	if e == nil {
		return m.bridge()
	}
	e.job.Status = api.JobPending
	if msg.start != nil {
		if msg.start.Status != "" {
			e.job.Status = msg.start.Status
		}
		e.job.RetryCount = max(msg.start.RetryCount, e.job.RetryCount+1)
	}
	e.job.ErrorMessage = ""
	e.job.UpdatedAt = m.clock()
	m.hist.stale = true
	left := max(api.MaxJobRetries-e.job.RetryCount, 0)
	return tea.Batch(m.bridge(), m.startSpin(),
		views.Status(views.LevelInfo, fmt.Sprintf("retrying · %d of %d retries left after this one", left, api.MaxJobRetries)))
}

// open asks the root to show the post a completed job made, or says
// what the job is doing instead.
func (m *Model) open(job *api.GenerationJob) tea.Cmd {
	if job != nil && running(job) {
		m.openDetail(*job)
		return nil
	}
	return m.openPost(job)
}

// openPost opens the post job made, or says why there is none.
func (m *Model) openPost(job *api.GenerationJob) tea.Cmd {
	switch {
	case job == nil:
		return nil
	case job.Status == api.JobCompleted && job.PostID != "":
		return views.Open(views.OpenPostMsg{PostID: job.PostID})
	case job.Status == api.JobCompleted:
		return views.Status(views.LevelInfo, "this job completed but names no post yet")
	case job.Status == api.JobFailed:
		return views.Status(views.LevelWarn, "this job failed: "+orDefault(job.ErrorMessage, "no reason given"))
	}
	return views.Status(views.LevelInfo, "still "+job.Status+": the post opens once the job completes")
}

// newestUnseen is the newest finished job not seen yet, or "".
func (m *Model) newestUnseen() string {
	for _, e := range m.jobs.entries {
		if m.unseen[e.job.ID] {
			return e.job.ID
		}
	}
	return ""
}

// JumpToUnread selects the newest finished job not seen yet (or, when the
// pane just came on screen, the one that was), else the newest running
// one; the root calls it for the global "next thing that needs me" key.
func (m *Model) JumpToUnread() tea.Cmd {
	m.touch()
	id := m.newestUnseen()
	if id == "" {
		id = m.jumpTo
	}
	m.jumpTo = ""
	clear(m.unseen)
	if m.jobs.index(id) < 0 {
		if ids := m.jobs.watched(); len(ids) > 0 {
			id = ids[0]
		}
	}
	if m.jobs.index(id) < 0 {
		return views.Status(views.LevelInfo, "no finished or running job to show")
	}
	m.screen = viewLive
	m.reselect(id)
	return nil
}

// NotifyText is a short plain-text line about the newest job that
// finished, for a terminal notification: "Image job completed: a
// lighthouse in fog" or "Video job failed: Runware: upstream timeout". It
// is at most 80 cells, holds no control character, and is "" before any
// job finished.
func (m *Model) NotifyText() string {
	f := m.last
	if f == nil {
		return ""
	}
	text := views.GenTypeName(f.genType) + " job completed: " + firstLine(f.prompt)
	if f.status == api.JobFailed {
		text = views.GenTypeName(f.genType) + " job failed: " + orDefault(firstLine(f.errMsg), "no reason given")
	}
	text = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			return -1
		}
		return r
	}, text)
	return views.Truncate(views.NormalizeEmojiWidth(text), notifyCells)
}

// Target is what enter would open for the selected job, when it opens
// anything: the post a completed job made (live jobs or history). The
// root shows it beside the list in the split view.
func (m *Model) Target() tea.Msg {
	if m.form != nil || m.keyForm != nil || m.jobView != nil {
		return nil
	}
	var job *api.GenerationJob
	switch m.screen {
	case viewLive:
		job = m.selectedJob()
	case viewHistory:
		job = m.selectedPast()
	}
	switch {
	case job == nil:
		return nil
	case job.Status == api.JobCompleted && job.PostID != "":
		return views.OpenPostMsg{PostID: job.PostID}
	}
	// A job without a post yet (running, failed, or one that made none)
	// is shown as itself.
	return views.OpenJobMsg{Job: *job}
}

// ShowsList reports whether a list of jobs (live or history) is on screen
// rather than a form or the services: the root splits the view only then.
func (m *Model) ShowsList() bool {
	return m.form == nil && m.keyForm == nil && m.jobView == nil && m.screen != viewServices
}
