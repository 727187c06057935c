package notifications

import "imagine/api"

// Results of the pane's Cmds. Each carries what identifies its target so a
// late answer for something gone is dropped.
type (
	// pollMsg is a poll: always the unread count, and the first page of
	// the list when it was fetched (listed).
	pollMsg struct {
		markGen  int // the pane's markGen when the poll started
		count    int
		countErr error
		listed   bool
		page     *api.Page[api.Notification]
		listErr  error
	}
	// moreMsg is an older page of the list.
	moreMsg struct {
		gen    int
		cursor string
		page   *api.Page[api.Notification]
		err    error
	}
	// markedMsg answers a mark read (ids) or a mark all read (all).
	markedMsg struct {
		ids []string
		all bool
		// shown is a mark of what a narrowed list showed (markShown).
		shown bool
		// delta is what the mark took off the unread count, given back on
		// failure.
		delta int
		err   error
	}
)

// Err exposes a failed poll to the root, which backs off and shows offline
// or rate-limit state.
func (m pollMsg) Err() error {
	if m.countErr != nil {
		return m.countErr
	}
	return m.listErr
}
