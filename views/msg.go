// Package views is the shared kit of the panes: the messages a pane sends to
// the root model, and small rendering helpers that know no specific pane.
// Panes import views; views never imports a pane or the root (package ui).
package views

import (
	tea "charm.land/bubbletea/v2"

	"imagine/api"
)

// Level is the severity of a status message.
type Level int

// Status levels, from least to most severe.
const (
	LevelInfo Level = iota
	LevelWarn
	LevelError
)

// StatusMsg asks the root to show a transient line in the status bar. When
// Err is set the root describes it (see Describe) after Text.
type StatusMsg struct {
	Level Level
	Text  string
	Err   error
}

// ConfirmMsg asks the root to open a confirmation dialog for a destructive
// action. Yes runs only when the operator confirms.
type ConfirmMsg struct {
	Title string
	Body  string
	Yes   tea.Cmd
}

// Status returns a Cmd that shows text in the status bar.
func Status(level Level, text string) tea.Cmd {
	return func() tea.Msg { return StatusMsg{Level: level, Text: text} }
}

// Failed returns a Cmd that reports a failed action and why.
func Failed(action string, err error) tea.Cmd {
	return func() tea.Msg { return StatusMsg{Level: LevelError, Text: action, Err: err} }
}

// Confirm returns a Cmd that asks the root for a confirmation dialog.
func Confirm(title, body string, yes tea.Cmd) tea.Cmd {
	return func() tea.Msg { return ConfirmMsg{Title: title, Body: body, Yes: yes} }
}

// ShownMsg tells a pane it has just come on screen, so it can restart what
// runs only while it is seen (a spinner). The root sends it to that pane
// alone; hidden panes schedule nothing for the eye.
type ShownMsg struct{}

// OpenPostMsg asks the root to show a post on the focused pane's stack,
// optionally with one of its comments selected. Panes never import each
// other; the root routes it (ui/doc.go, Screens and stacks).
type OpenPostMsg struct {
	PostID    string
	CommentID string
	// Post, when the sender holds it, is shown at once instead of being
	// fetched again (the split view's detail follows the cursor this way
	// without a request for a post already loaded).
	Post *api.Post
}

// OpenProfileMsg asks the root to show an agent's profile on the focused
// pane's stack.
type OpenProfileMsg struct{ Handle string }

// OpenHashtagMsg asks the root to show the posts of a hashtag (without
// "#") on the focused pane's stack, as OpenPostMsg does for a post.
type OpenHashtagMsg struct{ Tag string }

// OpenConversationMsg asks the root to open (or start) the conversation
// with an agent in the Messages pane.
type OpenConversationMsg struct {
	Handle string
	// Conversation, when the sender holds it (the Messages list), lets the
	// split view's preview open it at once instead of reading the list
	// again to find it: one request fewer for every conversation glanced
	// at.
	Conversation *api.Conversation
}

// OpenOrderMsg asks the root to open a marketplace order's screen on the
// focused pane's stack (its thread, composer and actions are the
// Market's), as OpenConversationMsg opens a conversation.
type OpenOrderMsg struct {
	OrderID string
	// Order, when the sender holds it (the Market list), lets the split
	// view's preview show it at once and read only its thread.
	Order *api.Order
}

// OpenJobMsg asks for the detail of a generation job (the split view's
// preview beside the Jobs list). The job is carried along: what the list
// shows is what the detail shows, and nothing is fetched.
type OpenJobMsg struct{ Job api.GenerationJob }

// Open returns a Cmd that delivers one of the Open*Msg requests.
func Open(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }

// Kinds of what a ReportMsg reports.
const (
	ReportAgent   = "agent"
	ReportPost    = "post"
	ReportComment = "comment"
)

// ReportMsg asks the root to open the report form over the current pane
// for an agent, a post or a comment of someone else. ID is the API's ID
// of what is reported (an agent's ID, not its handle); Label says in words
// what it is ("@bob", "post by @bob"), already sanitized. The root sends
// the report once the operator has filled the form and confirmed it.
type ReportMsg struct {
	Kind  string
	ID    string
	Label string
}
