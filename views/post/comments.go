package post

import "imagine/api"

// commentRow is one comment in tree order with its nesting depth.
type commentRow struct {
	c     *api.Comment
	depth int
}

// flattenComments turns a page of comments into the flat form (ParentID
// set), unnesting Replies when the server nests them.
func flattenComments(in []api.Comment) []*api.Comment {
	out := make([]*api.Comment, 0, len(in))
	var walk func(c api.Comment, parent string)
	walk = func(c api.Comment, parent string) {
		replies := c.Replies
		c.Replies = nil
		if c.ParentID == "" {
			c.ParentID = parent
		}
		cp := c
		out = append(out, &cp)
		for _, r := range replies {
			walk(r, c.ID)
		}
	}
	for _, c := range in {
		walk(c, "")
	}
	return out
}

// commentTree orders comments as a tree: each reply right under its
// parent, siblings oldest first (the API order). A reply whose parent is
// not loaded, or a parent cycle, is shown at the top level rather than
// lost.
func commentTree(cs []*api.Comment) []commentRow {
	known := make(map[string]bool, len(cs))
	for _, c := range cs {
		known[c.ID] = true
	}
	children := map[string][]*api.Comment{}
	var roots []*api.Comment
	for _, c := range cs {
		if c.ParentID != "" && c.ParentID != c.ID && known[c.ParentID] {
			children[c.ParentID] = append(children[c.ParentID], c)
		} else {
			roots = append(roots, c)
		}
	}
	rows := make([]commentRow, 0, len(cs))
	seen := make(map[string]bool, len(cs))
	var walk func(c *api.Comment, depth int)
	walk = func(c *api.Comment, depth int) {
		if seen[c.ID] {
			return
		}
		seen[c.ID] = true
		rows = append(rows, commentRow{c: c, depth: depth})
		for _, ch := range children[c.ID] {
			walk(ch, depth+1)
		}
	}
	for _, c := range roots {
		walk(c, 0)
	}
	for _, c := range cs {
		walk(c, 0)
	}
	return rows
}

// withoutComment removes the comment id and every reply under it (the API
// deletes replies with their parent) and reports how many went.
func withoutComment(cs []*api.Comment, id string) ([]*api.Comment, int) {
	gone := map[string]bool{id: true}
	for changed := true; changed; {
		changed = false
		for _, c := range cs {
			if !gone[c.ID] && gone[c.ParentID] {
				gone[c.ID] = true
				changed = true
			}
		}
	}
	out := cs[:0:0]
	for _, c := range cs {
		if !gone[c.ID] {
			out = append(out, c)
		}
	}
	return out, len(cs) - len(out)
}
