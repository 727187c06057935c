// Package views is the shared kit of the panes: the messages a pane sends to
// the root model, and small rendering helpers that know no specific pane.
// Panes import views; views never imports a pane or the root (package ui).
package views

import (
	tea "charm.land/bubbletea/v2"
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
