package composer

import "imagine/api"

// SendMsg is emitted when the operator presses send on a composer whose text
// is within the limit and not empty (or empty with attachments), once every
// attachment is uploaded. Text is already sanitized. The owner answers with
// Sent or Failed.
type SendMsg struct {
	// ID is the owning composer's Options.ID.
	ID string
	// Key is the draft key of the request (for instance "comment-<postID>").
	Key  string
	Text string
	// MediaIDs are the uploaded attachments in order; MediaType is
	// api.MediaTypeImage or api.MediaTypeVideo with them, "" without.
	MediaIDs  []string
	MediaType string
	// MediaURLs are the attachments' addresses, for a Request with Files
	// (which sends neither MediaIDs nor MediaType).
	MediaURLs []string
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
	// draftLoadedMsg brings a draft read from disk when a composer opens,
	// with the attachments of its sidecar.
	draftLoadedMsg struct {
		id, key  string
		gen      uint64
		text     string
		err      error
		media    []savedAttachment
		mediaErr error
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
	// inspectedMsg is the check of a local file to attach; att is the
	// attachment being retried, 0 for a new one.
	inspectedMsg struct {
		id, key string
		att     int
		check   fileCheck
		err     error
	}
	// uploadProgressMsg is the latest progress of an upload.
	uploadProgressMsg struct {
		ref         uploadRef
		sent, total int64
		feed        *progressFeed
	}
	// uploadDoneMsg ends an upload.
	uploadDoneMsg struct {
		ref   uploadRef
		media *api.Media
		err   error
	}
	// processingDueMsg is time to check a processing video again.
	processingDueMsg struct{ ref uploadRef }
	// processingMsg is the status of a processing video.
	processingMsg struct {
		ref    uploadRef
		found  bool
		status string
		err    error
	}
	// libraryMsg is a page of the operator's uploads.
	libraryMsg struct {
		id     string
		gen    int
		cursor string
		page   *api.Page[api.Media]
		err    error
	}
	// dirListedMsg is a directory listing for the path picker; start and
	// home are set when the picker resolved where it starts.
	dirListedMsg struct {
		id, dir     string
		start, home string
		entries     []pickEntry
		hidden      int
		err         error
	}
)
