// Package composer is the text composer shared by every pane that writes
// something: posts, comments, replies, quotes, direct messages and order
// messages. It owns a textarea, a title, an optional context block (the post
// being quoted, the comment being answered), a live rune counter, drafts on
// disk and the $EDITOR hand-off. It performs no API call: ctrl+s emits a
// SendMsg, the owning pane sends, then calls Sent or Failed.
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
// Every message the composer emits carries its ID, because the root model
// broadcasts messages to all panes and several composers may exist.
package composer
