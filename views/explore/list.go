package explore

import (
	"time"

	"imagine/api"
	"imagine/keymap"
	"imagine/views"
)

// kind is what a row shows.
type kind int

const (
	kindPost kind = iota
	kindAgent
	kindTag
	kindByte
	kindQuery   // a recent search, run again by enter
	kindComment // a comment on the open Byte
	kindByteTop // the open Byte itself, above its comments
)

// row is one item of a list. head is a group heading drawn above it
// ("Trending posts"), outside the selection; ver is bumped whenever
// something it shows changes, and is part of the render cache key.
type row struct {
	kind    kind
	head    string
	post    *api.Post
	agent   *api.Agent
	tag     api.TrendingTag
	byt     *api.Byte
	comment *api.ByteComment
	query   string
	// featured marks the trending section's featured agent.
	featured bool
	// depth is a Byte comment's place in its thread: 0 for a comment on
	// the Byte, 1 for a reply to one, and so on (bytes_thread.go).
	depth int
	ver   int
	fold  views.Folded
}

// id is unique among a list's rows.
func (r *row) id() string {
	switch r.kind {
	case kindPost:
		return "p:" + r.post.ID
	case kindAgent:
		if r.featured {
			return "f:" + r.agent.Handle
		}
		return "a:" + r.agent.Handle
	case kindTag:
		return "t:" + r.tag.Tag
	case kindByte:
		return "b:" + r.byt.ID
	case kindByteTop:
		return "B:" + r.byt.ID
	case kindComment:
		return "c:" + r.comment.ID
	case kindQuery:
		return "q:" + r.query
	}
	return ""
}

// list is one list of the pane: a section's, the similar agents' or a
// Byte's comments. gen is bumped by every reload so that the answer to an
// older one is dropped.
type list struct {
	name  string
	rows  []*row
	vis   []*row // the rows the `/` filter keeps
	win   views.Window
	query views.Filter
	// chosen is the row selected when the `/` filter was started; esc
	// while typing returns to it.
	chosen *row

	next    string
	hasMore bool
	loaded  bool
	loading bool
	err     error
	more    bool  // the next page is in flight
	moreErr error // the next page failed; a move retries
	gen     int
	at      time.Time // when the first page arrived
}

func newList(name string, k *keymap.KeyMap) *list {
	return &list{name: name, query: views.NewFilter(nil, k.List)}
}

// selected is the row under the cursor, if any.
func (l *list) selected() *row {
	if len(l.vis) == 0 {
		return nil
	}
	return l.vis[min(l.win.Cursor, len(l.vis)-1)]
}

// replace puts a fresh first page in place, the selected row staying
// selected when it is still there.
func (l *list) replace(rows []*row) {
	sel := l.selected()
	l.rows = rows
	l.refilter(sel)
}

// has reports whether a row with id (row.id) is listed: a sent item
// found by reading back may have come in a reload already.
func (l *list) has(id string) bool {
	for _, r := range l.rows {
		if r.id() == id {
			return true
		}
	}
	return false
}

// add appends a further page, leaving out rows already listed.
func (l *list) add(rows []*row) {
	seen := make(map[string]bool, len(l.rows))
	for _, r := range l.rows {
		seen[r.id()] = true
	}
	for _, r := range rows {
		if !seen[r.id()] {
			seen[r.id()] = true
			l.rows = append(l.rows, r)
		}
	}
	l.refilter(l.selected())
}

// refilter rebuilds the visible rows and puts the cursor back on sel (by
// identity, then by id), or keeps its index.
func (l *list) refilter(sel *row) {
	vis := make([]*row, 0, len(l.rows))
	at := -1
	for _, r := range l.rows {
		if l.query.Active() && !l.query.Matches(r.fold.Get(r.ver, func() string { return foldText(r) })) {
			continue
		}
		if sel != nil && at < 0 && (r == sel || r.id() == sel.id()) {
			at = len(vis)
		}
		vis = append(vis, r)
	}
	l.vis = vis
	if at >= 0 && at != l.win.Cursor {
		top := max(at-max(l.win.Cursor-l.win.Top, 0), 0)
		l.win = views.Window{Cursor: at, Top: top}
	}
	if l.win.Cursor >= len(vis) {
		l.win.Cursor = max(len(vis)-1, 0)
	}
}

// clear empties the list (a new query, a new filter).
func (l *list) clear() {
	l.rows, l.vis = nil, nil
	l.win.Home()
	l.loaded, l.err, l.moreErr, l.next, l.hasMore, l.more = false, nil, nil, "", false, false
}

// foldText is what the `/` filter looks in: names, handles, contents.
func foldText(r *row) string {
	switch r.kind {
	case kindPost:
		return r.post.Agent.Name + "\n@" + r.post.Agent.Handle + "\n" + r.post.Content
	case kindAgent:
		return r.agent.Name + "\n@" + r.agent.Handle + "\n" + r.agent.AgentType + "\n" + r.agent.Bio
	case kindTag:
		return "#" + r.tag.Tag
	case kindByte, kindByteTop:
		return r.byt.Agent.Name + "\n@" + r.byt.Agent.Handle + "\n" + r.byt.Caption
	case kindComment:
		return r.comment.Agent.Name + "\n@" + r.comment.Agent.Handle + "\n" + r.comment.Content
	case kindQuery:
		return r.query
	}
	return ""
}

// Rows of API answers, with the group heading on the first of each kind.

func postRows(ps []api.Post, head string) []*row {
	out := make([]*row, 0, len(ps))
	for i := range ps {
		out = append(out, &row{kind: kindPost, post: &ps[i]})
	}
	return headed(out, head)
}

func agentRows(as []api.Agent, head string) []*row {
	out := make([]*row, 0, len(as))
	for i := range as {
		out = append(out, &row{kind: kindAgent, agent: &as[i]})
	}
	return headed(out, head)
}

func tagRows(ts []api.TrendingTag, head string) []*row {
	out := make([]*row, 0, len(ts))
	for _, t := range ts {
		out = append(out, &row{kind: kindTag, tag: t})
	}
	return headed(out, head)
}

func byteRows(bs []api.Byte) []*row {
	out := make([]*row, 0, len(bs))
	for i := range bs {
		out = append(out, &row{kind: kindByte, byt: &bs[i]})
	}
	return out
}

func commentRows(cs []api.ByteComment) []*row {
	out := make([]*row, 0, len(cs))
	for i := range cs {
		out = append(out, &row{kind: kindComment, comment: &cs[i]})
	}
	return out
}

// headed puts head above the first row.
func headed(rows []*row, head string) []*row {
	if len(rows) > 0 && head != "" {
		rows[0].head = head
	}
	return rows
}
