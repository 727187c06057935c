package jobs

import (
	tea "charm.land/bubbletea/v2"

	"imagine/api"
)

// Results of the pane's Cmds and its own ticks. Each carries what
// identifies its target, so a late answer for something gone is dropped.
type (
	// pollMsg is a poll: the pending list, plus one history page when a
	// watched job left it (lookup) or the history view asked for a reload
	// (histReset), plus the services when their view asked for a reload.
	pollMsg struct {
		seq     int
		self    bool // the pane's own fetch after a start or retry
		pending []api.GenerationJob
		err     error
		// looked is set when the history page was read; history and
		// histErr are its result.
		looked    bool
		histReset bool
		history   *api.Page[api.GenerationJob]
		histErr   error
		svc       *servicesMsg
	}
	// spinMsg advances the spinner and the elapsed times of active jobs.
	spinMsg struct{ gen int }
	// kickMsg is the pane's own next fetch while it bridges the gap
	// between a start or retry and the root's next (fast) poll.
	kickMsg struct{ gen int }
	// historyMsg is a page of the history view.
	historyMsg struct {
		gen    int
		cursor string
		page   *api.Page[api.GenerationJob]
		err    error
	}
	// startedMsg answers a start.
	startedMsg struct {
		req   api.GenerateRequest
		start *api.JobStart
		err   error
		draft *genDraft
	}
	// retriedMsg answers a retry.
	retriedMsg struct {
		id    string
		start *api.JobStart
		err   error
	}
	// servicesMsg is the list of connected services; then says what to do
	// once it arrived (open the generation form, or nothing).
	servicesMsg struct {
		services  []api.ConnectedService
		available []string
		err       error
		then      afterServices
	}
	// serviceMsg answers an action on one provider: connect, toggle,
	// disconnect (svc nil, gone true) or test (test set).
	serviceMsg struct {
		action   string
		provider string
		svc      *api.ConnectedService
		gone     bool
		test     *api.ServiceTest
		err      error
	}
	// detailsMsg brings what the second step of the generation form
	// offers: the models, and the voices for a voice job.
	detailsMsg struct {
		form      int
		models    []api.ModelInfo
		modelsErr error
		voices    []api.VoiceInfo
		voicesErr error
	}
	// formMsg carries a message of an open huh form back to it, so two
	// forms (or another pane's) never see each other's messages.
	formMsg struct {
		form int
		msg  tea.Msg
	}
)

// afterServices says what a services list is for.
type afterServices int

const (
	servicesJustList afterServices = iota
	servicesThenForm
)

// Err exposes a failed poll to the root, which backs off and shows the
// offline or rate-limit state.
func (m pollMsg) Err() error { return m.err }
