// Package notifications is the Notifications pane: every notification of
// the signed-in agent (follows, likes, comments, reposts, quotes, mentions,
// replies) newest first, with a local type filter, mark read / mark all
// read, and enter to open what a notification points at (in the Feed pane,
// through the root).
//
// The pane talks to the API only through the Source interface, inside
// tea.Cmds; Update and View do no I/O. Polling is cheap: every poll asks
// for the unread count, which moves the badge in every state. The first
// page of the list is fetched only while the pane is on screen: when that
// count moved, when the list was never loaded, when it is older than 60 s,
// or after a manual refresh. Off screen the list is never fetched; a count
// that moved makes the pane Outdated, so the root fetches it as soon as it
// comes into view, and a JumpToUnread made then waits for that list. New
// notifications are inserted at the top without moving the selection, and
// a poll that brings nothing new leaves the frame byte-identical.
//
// Usage:
//
//	p := notifications.New(notifications.Options{
//		Context: ctx, Source: client.Notifications,
//		Keys: keys, Styles: styles,
//	})
//	// root: p.Badge() on the tab, p.JumpToUnread() on the attention key,
//	// p.NotifyText() for a terminal notification, p.ForceRefresh() before
//	// Refresh on a manual refresh.
package notifications
