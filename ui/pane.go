package ui

import (
	"context"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Pane is what the root model needs from each pane. Panes are pointer
// structs that mutate in place; only the root returns a tea.View.
type Pane interface {
	// Init starts the pane (spinners, first state, what it keeps on disk).
	// It must not poll: the poll scheduler calls Refresh. A one-off read
	// that puts something on screen sooner is allowed (the Feed fetches the
	// public timeline while sign-in and the home feed are under way).
	Init() tea.Cmd
	// Update handles a message routed or broadcast to the pane.
	Update(msg tea.Msg) tea.Cmd
	// View renders the pane inside the size given by SetSize.
	View() string
	// SetSize gives the pane its inner size in cells.
	SetSize(width, height int)
	// SetFocused tells the pane whether it is the one on screen.
	SetFocused(focused bool)
	// CapturesInput reports whether a text field has focus, so that global
	// keys (q, 1-7, tab…) go to the pane instead.
	CapturesInput() bool
	// ShortHelp and FullHelp list the pane's bindings for the help views.
	ShortHelp() []key.Binding
	FullHelp() [][]key.Binding
	// Title is the tab label; Badge the unread count shown on it (0 = none).
	Title() string
	Badge() int
	// Refresh returns exactly one fetch Cmd (never a Batch) whose message the
	// root hands back to this pane. Returning nil means nothing to fetch.
	Refresh(ctx context.Context) tea.Cmd
	// PollInterval is the cadence wanted in the current state; 0 = do not poll.
	PollInterval() time.Duration
}
