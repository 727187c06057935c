package explore

// A Byte's comments come flat, oldest first, a reply naming the comment it
// answers (parentId). The Byte's screen shows them as a thread, as a
// post's comments are shown: each reply right under its parent, indented,
// replies to the same comment in the order they came. A reply whose
// parent is not loaded (on a later page, or gone) stays at the top level
// rather than being lost, and so does a cycle of parents.

// maxDepth is how deep replies are indented at most: a longer chain is
// drawn at this depth, so the text keeps room on a narrow pane.
const maxDepth = 4

// thread orders the open Byte's comment rows (after l's first row, the
// Byte itself) as a tree, setting each row's depth and the "Comments"
// heading on the first; a row whose drawing changes gets a new version.
// The selection stays on the same row.
func (m *Model) thread(l *list) {
	if len(l.rows) < 2 {
		return
	}
	top, cs := l.rows[0], l.rows[1:]
	known := make(map[string]bool, len(cs))
	for _, r := range cs {
		if r.kind == kindComment {
			known[r.comment.ID] = true
		}
	}
	children := map[string][]*row{}
	var roots []*row
	for _, r := range cs {
		if p := parentOf(r); p != "" && known[p] {
			children[p] = append(children[p], r)
		} else {
			roots = append(roots, r)
		}
	}
	out := append(make([]*row, 0, len(l.rows)), top)
	seen := make(map[*row]bool, len(cs))
	var walk func(r *row, depth int)
	walk = func(r *row, depth int) {
		if seen[r] {
			return
		}
		seen[r] = true
		head := ""
		if len(out) == 1 {
			head = "Comments"
		}
		if r.depth != depth || r.head != head {
			r.depth, r.head, r.ver = depth, head, m.bump()
		}
		out = append(out, r)
		if r.kind == kindComment {
			for _, ch := range children[r.comment.ID] {
				walk(ch, depth+1)
			}
		}
	}
	for _, r := range roots {
		walk(r, 0)
	}
	for _, r := range cs { // what a cycle of parents left out
		walk(r, 0)
	}
	sel := l.selected()
	l.rows = out
	l.refilter(sel)
}

// isThread reports whether l is the open Byte's comments.
func (m *Model) isThread(l *list) bool { return m.byteView != nil && l == m.byteView.list }

// parentOf is the comment a comment row replies to, "" for none (or for
// a row naming itself).
func parentOf(r *row) string {
	if r.kind != kindComment || r.comment.ParentID == r.comment.ID {
		return ""
	}
	return r.comment.ParentID
}
