// Package composer is the text composer shared by every pane that writes
// something: posts, comments, replies, quotes, direct messages and order
// messages. It owns a textarea, a title, an optional context block (the post
// being quoted, the comment being answered), a live rune counter, drafts on
// disk and the $EDITOR hand-off. It performs no API call besides uploads:
// ctrl+s emits a SendMsg, the owning pane sends, then calls Sent or Failed.
//
// A request with Media set (new posts) takes attachments: ctrl+t opens a
// path input with tab completion (directories and image/video files only),
// ctrl+o lists earlier uploads to attach by ID, ctrl+x moves to the
// attachment list (d removes, r retries). Files are checked before upload
// (type by content, size and count against the API's limits), uploaded at
// once through Options.Uploads with a progress bar each, and remembered
// with the draft in a sidecar file next to it. A send waits for the uploads
// and carries their media IDs in SendMsg. All file and network I/O runs in
// tea.Cmds.
//
// Typical use in a pane:
//
//	m.comp = composer.New(composer.Options{ID: "feed", Keys: keys, Styles: st, DraftDir: dir, Editor: ed})
//	cmd := m.comp.Open(composer.Request{Key: "post", Title: "New post", Limit: api.MaxPostRunes})
//	…
//	case composer.SendMsg:
//		if msg.ID == "feed" { return m.createPost(msg.Text) }
//	case postedMsg:
//		if msg.err != nil { return m.comp.Failed(msg.err) }
//		return m.comp.Sent()
//
// When a send's answer was lost and the owner could not check whether it
// arrived, Unconfirmed shows why (instead of Failed's "not sent") and
// KeepAttempts keeps the attempt times next to the draft, so the next
// send checks first even after a restart (unsure.go).
//
// Every message the composer emits carries its ID, because the root model
// broadcasts messages to all panes and several composers may exist.
package composer
