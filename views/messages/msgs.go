package messages

import (
	"errors"
	"time"

	"imagine/api"
)

// Results of the pane's Cmds. Each carries what identifies its target (the
// conversation, the thread generation, the outbox entry) so a late answer
// for something gone is dropped.
type (
	// polledMsg is the result of Refresh: off screen the unread count; on
	// screen the list, then the count, the open conversation's newest page
	// when asked; and one outbox step.
	polledMsg struct {
		readGen     int
		onScreen    bool // the poll was made for the pane on screen
		unreadAsked bool
		unread      int
		unreadErr   error
		listAsked   bool
		list        *api.Page[api.Conversation]
		listErr     error
		threadID    string
		threadGen   int
		page        *api.Page[api.Message]
		pageErr     error
		step        *stepResult
		stepPlanID  string // the entry planned for a step (run or not)
		// seenID is the operator's unread newest message of the open
		// thread, asked about when the thread itself is not read; seen is
		// the answer (nil on failure: it is asked again next poll).
		seenID string
		seen   *api.Message
	}
	// listMsg is a page of the conversation list fetched outside a poll
	// (more conversations, or the list needed to open a handle).
	listMsg struct {
		gen    int
		cursor string
		page   *api.Page[api.Conversation]
		err    error
	}
	// threadMsg is a page of a conversation: the newest page when it is
	// opened (cursor ""), or an older one.
	threadMsg struct {
		convID string
		gen    int
		cursor string
		page   *api.Page[api.Message]
		err    error
	}
	// markedReadMsg answers a mark-read.
	markedReadMsg struct {
		convID string
		err    error
	}
	// stepMsg is an outbox step run outside a poll (a send from the
	// composer, a chained send, a manual retry).
	stepMsg struct{ res stepResult }
	// startedMsg answers a new conversation (Start), possibly after a
	// reconcile that found the message delivered.
	startedMsg struct {
		key, handle, text string
		at                time.Time // when the send started
		conv              *api.Conversation
		msg               *api.Message
		err               error
		confirmed         bool // delivery was confirmed by reading back
		// pending: the outcome is unknown, the conversation exists and the
		// message is not in it (yet); the outbox takes it over.
		pending bool
	}
	// messageDeletedMsg answers a message deletion.
	messageDeletedMsg struct {
		convID, msgID string
		err           error
	}
	// conversationDeletedMsg answers a conversation deletion.
	conversationDeletedMsg struct {
		convID string
		err    error
	}
	// discardMsg is the confirmed discard of an unsent message.
	discardMsg struct{ entryID string }
	// restoreTextMsg puts a discarded message's text back into the
	// composer once its draft has loaded.
	restoreTextMsg struct{ key, text string }
	// outboxLoadedMsg brings the outbox read from disk at start.
	outboxLoadedMsg struct {
		file outboxData
		err  error
	}
	// outboxSavedMsg reports a finished outbox save.
	outboxSavedMsg struct{ err error }
)

// Err exposes a failed poll to the root, which backs off and shows
// offline or rate-limit state. A failed outbox send is not a poll failure.
func (m polledMsg) Err() error {
	return errors.Join(m.unreadErr, m.listErr, m.pageErr)
}
