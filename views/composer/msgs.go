package composer

// SendMsg is emitted when the operator presses send on a composer whose text
// is non-empty and within the limit. Text is already sanitized. The owner
// answers with Sent or Failed.
type SendMsg struct {
	// ID is the owning composer's Options.ID.
	ID string
	// Key is the draft key of the request (for instance "comment-<postID>").
	Key  string
	Text string
}

// Internal messages; each carries the composer ID so only the owner acts.
type (
	// draftDueMsg fires Debounce after a change; gen drops stale ones.
	draftDueMsg struct {
		id  string
		gen uint64
	}
	// draftSavedMsg reports a finished draft save or removal.
	draftSavedMsg struct {
		id  string
		err error
	}
	// draftLoadedMsg brings a draft read from disk when a composer opens.
	draftLoadedMsg struct {
		id, key string
		gen     uint64
		text    string
		err     error
	}
	// editorReadyMsg reports the temp file written for the editor.
	editorReadyMsg struct {
		id, key, path string
		err           error
	}
	// editorExitedMsg reports the editor process's end.
	editorExitedMsg struct {
		id, key, path string
		err           error
	}
	// editorReadMsg brings the edited text read back from the file.
	editorReadMsg struct {
		id, key, text string
		err           error
	}
)
