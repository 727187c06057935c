package post

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"imagine/views"
	"imagine/views/postkit"
)

// item is item i of the view: the post block (with the rule over the
// comments) or a comment.
func (v *view) item(k *postkit.Kit, i int, sel bool) []string {
	if i == 0 {
		body := k.FullPost(v.e, v.likedVer, likedBy(v.likers, v.e.Post.LikeCount))
		n := v.e.Post.CommentCount
		label := fmt.Sprintf("── %d comments ", n)
		if n == 1 {
			label = "── 1 comment "
		}
		return append(append(k.Mark(body, sel), ""), k.Rule(label)...)
	}
	row := v.rows[i-1]
	return append(k.Mark(k.CommentLines(row.c, row.depth), sel), "")
}

func (v *view) heights(k *postkit.Kit) views.HeightFunc {
	return func(i int) int { return len(v.item(k, i, false)) }
}

// Key implements postkit.Screen: movement, enter on a quote (the quoted
// post), else the post actions on the post or the selected comment.
func (v *view) Key(k *postkit.Kit, msg tea.KeyPressMsg) tea.Cmd {
	l := k.Keys().List
	n, h, hf := 1+len(v.rows), k.BodyHeight(), v.heights(k)
	switch {
	case key.Matches(msg, l.Back):
		k.Pop()
		return nil
	case key.Matches(msg, l.Open):
		if v.quotedHere() {
			return k.OpenQuoted(&v.e.Post)
		}
		return nil
	case v.win.Navigate(msg, l, n, h, hf):
	default:
		return k.PostAction(msg, v.e, v.selectedComment())
	}
	// The next page of comments near the end; after a failure, any move
	// there retries.
	if (v.hasMore || v.err != nil) && !v.loading && n-1-v.win.Cursor < nearEnd {
		return v.fetchComments(k)
	}
	return nil
}

// Lines implements postkit.Screen.
func (v *view) Lines(k *postkit.Kit) []string {
	keys, s, w := k.Keys(), k.Styles(), k.Width()
	lines := []string{k.CrumbLine(k.Hint(keys.List.Back))}
	var footer []string
	switch {
	case v.err != nil:
		footer = append(footer, views.Truncate(s.Error.Render("couldn't load comments: "+views.Describe(v.err)+" · move to retry"), w))
	case v.loading && !v.seeded:
		footer = append(footer, s.Muted.Render("loading comments…"))
	case len(v.rows) == 0 && k.Previewing():
		// Beside a list the keys are the list's: name none of the post's.
		footer = append(footer, s.Muted.Render("no comments yet"))
	case len(v.rows) == 0:
		footer = append(footer, views.Truncate(s.Muted.Render("no comments yet · "+k.Hint(keys.Feed.Comment)), w))
	}
	h := k.BodyHeight()
	n := 1 + len(v.rows)
	v.win.Fix(n, h, v.heights(k))
	body := v.win.Render(n, h, func(i int, sel bool) []string { return v.item(k, i, sel) })
	lines = append(lines, body...)
	if room := h - len(body); room > 0 {
		lines = append(lines, footer[:min(len(footer), room)]...)
	}
	return lines
}

// canDelete reports whether the item under the cursor is the operator's
// own.
func (v *view) canDelete(k *postkit.Kit) bool {
	if c := v.selectedComment(); c != nil {
		return k.IsMe(c.Agent.Handle)
	}
	return k.IsMe(v.e.Post.Agent.Handle)
}

// ShortHelp implements postkit.Screen: delete only on your own, enter
// only on a quote.
func (v *view) ShortHelp(k *postkit.Kit) []key.Binding {
	l, f := k.Keys().List, k.Keys().Feed
	var out []key.Binding
	if v.quotedHere() {
		out = append(out, v.openKey(k))
	}
	out = append(out, f.Like, f.Repost, f.Quote, f.Amplify, f.Comment)
	if v.canDelete(k) {
		out = append(out, f.Delete)
	}
	return append(out, f.Profile, f.Likers, f.Reposters, l.Back)
}

// FullHelp implements postkit.Screen: every key the view answers to.
// Delete and report are listed whoever wrote the post or comment
// selected: ActionDisabled says which of them cannot act on it.
func (v *view) FullHelp(k *postkit.Kit) [][]key.Binding {
	l, f := k.Keys().List, k.Keys().Feed
	acts := []key.Binding{f.Like, f.Repost, f.Quote, f.Amplify, f.Comment, f.Delete, f.Report}
	var open []key.Binding
	if v.quotedHere() {
		open = append(open, v.openKey(k))
	}
	return postkit.HelpGroups(k.NavKeys(), open, acts, []key.Binding{f.Profile, f.Likers, f.Reposters, f.Compose, l.Links, l.Copy, l.Back})
}

// Click implements postkit.Screen; row 0 is the breadcrumb.
func (v *view) Click(k *postkit.Kit, y int, double bool) (hit, open bool, cmd tea.Cmd) {
	n := 1 + len(v.rows)
	hit, open = v.win.Click(y-1, n, k.BodyHeight(), v.heights(k), double)
	if hit && !open && (v.hasMore || v.err != nil) && !v.loading && n-1-v.win.Cursor < nearEnd {
		cmd = v.fetchComments(k)
	}
	return hit, open, cmd
}

// LinkTexts implements postkit.Screen: the selected comment, then the
// post and its quoted post (Links adds the quoted post to open).
func (v *view) LinkTexts(*postkit.Kit) []string {
	texts := postkit.PostTexts(&v.e.Post)
	if c := v.selectedComment(); c != nil {
		texts = append([]string{c.Content}, texts...)
	}
	return texts
}

// Address implements postkit.Screen: the post's.
func (v *view) Address(k *postkit.Kit) string { return k.PostAddress(v.e) }

// Raw implements postkit.RawScreen: the selected comment, else the post.
func (v *view) Raw(*postkit.Kit) (string, []views.RawPart) {
	if c := v.selectedComment(); c != nil {
		return postkit.CommentRaw(c)
	}
	return postkit.PostRaw(&v.e.Post)
}
