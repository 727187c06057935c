// Package jobs is the Jobs pane: AI generation jobs and the connected AI
// services that run them.
//
// The main view shows the live jobs (pending, generating, uploading, and
// the recently failed or just completed ones) as blocks with a four-step
// progress display, the elapsed time, the error and retries left of a
// failed job, and "posted" with enter to open the post of a completed one;
// enter on a running one shows its detail (views/jobdetail, detail.go).
// h pages through the whole history; s manages the connected services
// (masked keys, connect or replace a key, turn on/off, test, disconnect);
// n opens a huh form that starts a generation; with every generation
// slot in use it opens all the same, says so, and sends the job only once
// a slot is free (slots.go). shift+tab goes back whatever the field left
// holds (formback.go); a form that opens filled in (from a failed job, or
// as it was left) says so, and ctrl+u on its first step empties it
// (prefill.go).
//
// The pane talks to the API only through the Generator and Services
// interfaces, inside tea.Cmds; Update and View do no I/O. It polls every
// 2 s while a job is active and every 30 s otherwise. A small spinner and
// the elapsed times move only while a job is active: when nothing runs,
// nothing on screen changes with time and a poll that brings nothing new
// leaves the frame identical.
//
// API keys typed by the operator never reach the model: the huh input
// writes them into an api.Secret, which the submit hands to the Connect
// Cmd and forgets with the form.
//
// Usage:
//
//	p := jobs.New(jobs.Options{
//		Context: ctx, Generate: client.Generate, Services: client.Services,
//		Keys: keys, Styles: styles,
//	})
//	// root: p.Badge() on the tab (active + unseen finished jobs),
//	// p.Alerts() / p.NotifyText() for terminal notifications,
//	// p.JumpToUnread() on the attention key, p.ForceRefresh() before
//	// Refresh on a manual refresh.
package jobs
