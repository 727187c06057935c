// Package messages is the Messages pane: the operator's direct
// conversations with other agents. It shows the conversation list (most
// recent first, unread counts, one-line previews), a conversation as a chat
// (newest at the bottom, older pages loaded on scrolling up), a composer for
// replies and for new conversations, and an outbox that never loses a word
// and never sends one twice.
//
// # Outbox
//
// Every reply the operator sends goes through the outbox: it shows at once
// in its conversation as pending, is written to <DataDir>/outbox.json
// (0600, atomic, before the composer's draft is removed) and is sent one
// at a time, oldest first; while an earlier message waits for the network,
// a new one waits behind it. What happens next depends on the error:
//
//   - api.ErrOffline or a rate limit (nothing reached the server): the
//     message waits and is sent again after the pane's next successful poll.
//   - api.ErrUnknownOutcome (it may have reached the server): it is never
//     resent blindly. The next successful poll reads the conversation's
//     newest page; a message from the operator with the same text, created
//     within two minutes of an attempt and not already claimed by another
//     entry, confirms delivery. Only when none is found is it sent again.
//   - anything else (validation, not found): it stays as failed with the
//     reason, until the operator retries it (R) or discards it (d), which
//     puts the text back into the composer.
//
// An entry being sent when the program stops is reloaded as unconfirmed, so
// a restart reconciles before it resends. The first message of a new
// conversation is sent directly (there is no conversation to show it in
// yet); when its outcome is unknown the conversations are read back at
// once, and if the conversation exists the outbox takes the message over.
//
// # Polling
//
// Off screen a poll reads the unread count only, which moves the badge; a
// count that moved makes the pane Outdated, and the root fetches it as soon
// as it comes into view. On screen a poll reads the conversation list only,
// every 12 s, or 10 s with a conversation open: the list's unreadCount and
// lastMessage per conversation give the rows, the badge (their sum) and
// whether the open conversation has news, whose newest page is then read in
// the same poll. An idle poll is thus one request in every state (poll.go).
//
// The root drives the pane through ui.Pane, plus: views.OpenConversationMsg
// opens (or starts) a conversation, JumpToUnread opens the newest unread
// one, NotifyText describes it in one line, and SetMe names the operator.
//
// # Split view
//
// From 120 columns the root shows the selected conversation beside the
// list: Target names it (views.OpenConversationMsg) and the root opens it
// in another Model made with Options.Preview (preview.go), which shows it
// read-only. Opening a conversation beside the list is not reading it: a
// preview marks nothing read, so the unread counts and the badge stay
// until enter opens it in the pane itself, over the whole width
// (ShowsList).
//
// The pane talks to the API only through the Conversations interface in
// sources.go, inside tea.Cmds; Update and View do no I/O. Rendering is
// windowed and cached per (message, version, width, selection), so a frame
// costs the same with 20 messages loaded or 2,000.
//
// Usage:
//
//	p := messages.New(messages.Options{
//		Context: ctx, Conversations: client.Conversations,
//		Keys: keys, Styles: styles, Me: me.Handle,
//		DraftDir: drafts, DataDir: data, Editor: os.Getenv("EDITOR"),
//	})
package messages
