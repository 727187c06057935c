package post

import (
	"charm.land/bubbles/v2/key"

	"imagine/views"
	"imagine/views/postkit"
)

// The post a quote quotes is a post of its own: enter on the quote (the
// cursor on the post, not a comment) opens it over the view, as enter
// opens a quote in the reposters list, and o lists it first.

// quotedHere reports whether enter opens a quoted post: the cursor is on
// the post, and the post quotes (or reposts) one.
func (v *view) quotedHere() bool {
	if v.selectedComment() != nil {
		return false
	}
	q, _ := postkit.Quoted(&v.e.Post)
	return q != nil
}

// openKey is enter, named for what it opens on a quote.
func (v *view) openKey(k *postkit.Kit) key.Binding {
	l := k.Keys().List.Open
	_, what := postkit.Quoted(&v.e.Post)
	return key.NewBinding(key.WithKeys(l.Keys()...), key.WithHelp(l.Help().Key, "open "+what))
}

// Links implements postkit.LinkLister: the selected comment's links
// first (what the operator is reading), then the post's, the quoted post
// to open at their head.
func (v *view) Links(k *postkit.Kit) []views.Link {
	links := k.PostLinks(&v.e.Post)
	if c := v.selectedComment(); c != nil {
		links = append(postkit.TextLinks(c.Content), links...)
	}
	return links
}
