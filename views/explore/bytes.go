package explore

import (
	"context"
	"errors"
	"io"
	"strings"

	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
	"imagine/views/composer"
	"imagine/views/media"
)

// The Bytes: the section lists them; enter opens a Byte's screen (its
// poster frame where previews work, the caption, the video's address and
// the comments). l, c, d, w and y act on the selected Byte, or on the
// open one; n publishes a new one through the composer's own upload flow.

// byteScr is an open Byte: its top row (the Byte itself) and comments.
type byteScr struct {
	byt  *api.Byte
	top  *row
	list *list
	// poster is the drawn poster frame, nil until it arrives.
	poster []string
}

type (
	likedMsg struct {
		id  string
		on  bool
		t   *api.Toggle
		err error
	}
	commentedMsg struct {
		id  string
		c   *api.ByteComment
		err error
	}
	createdMsg struct {
		b   *api.Byte
		err error
	}
	deletedMsg struct {
		id  string
		err error
	}
	posterMsg struct {
		id string
		p  media.Preview
	}
)

// Composer keys: a comment names its Byte after the prefix.
const (
	keyNewByte = "byte"
	keyComment = "byte-comment:"
)

// errNeedsVideo refuses a Byte sent without its video.
var errNeedsVideo = errors.New("a Byte is one video: attach it with ctrl+t (or an earlier upload with ctrl+o)")

// byteUploader hands the composer's uploads to the Byte upload: a video
// with purpose "byte", as the server requires of a Byte's video.
type byteUploader struct{ up ByteUploader }

// Image refuses: a Byte is a video.
func (b byteUploader) Image(context.Context, string, io.Reader, int64, func(sent, total int64)) (*api.Media, error) {
	return nil, errors.New("a Byte is a video, not an image")
}

// Video uploads the Byte's video with purpose "byte".
func (b byteUploader) Video(ctx context.Context, name string, r io.Reader, size int64, progress func(sent, total int64)) (*api.Media, error) {
	return b.up.ByteVideo(ctx, name, r, size, progress)
}

// List lists earlier uploads, for the composer's ctrl+o.
func (b byteUploader) List(ctx context.Context, opts *api.MediaListOptions) (*api.Page[api.Media], error) {
	return b.up.List(ctx, opts)
}

// currentByte is the Byte the Byte keys act on: the open one, or the
// selected row's in the Bytes section.
func (m *Model) currentByte() *api.Byte {
	if m.byteView != nil {
		return m.byteView.byt
	}
	if m.similar != nil || m.section != sectionBytes {
		return nil
	}
	if r := m.front().selected(); r != nil && r.kind == kindByte {
		return r.byt
	}
	return nil
}

// openByte shows a Byte's screen and reads its comments and poster.
func (m *Model) openByte(b *api.Byte) tea.Cmd {
	top := &row{kind: kindByteTop, byt: b, ver: m.bump()}
	l := newList("Byte by @"+b.Agent.Handle, m.keys)
	l.query.SetStyles(m.styles)
	l.rows = []*row{top}
	l.refilter(nil)
	m.byteView = &byteScr{byt: b, top: top, list: l}
	return tea.Batch(m.reload(l), m.posterCmd(b))
}

// posterCmd draws the poster frame, where previews work.
func (m *Model) posterCmd(b *api.Byte) tea.Cmd {
	if m.pv == nil || b.ThumbnailURL == "" || m.pv.Check(b.ThumbnailURL) != nil {
		return nil
	}
	ctx, pv, id, url := m.ctx, m.pv, b.ID, b.ThumbnailURL
	// A third of the pane at most, so the caption and the first comments
	// show with it on a small terminal.
	rows := min(media.PreviewRows, max(m.height/3, 3))
	cols := media.PreviewCols * rows / media.PreviewRows
	return func() tea.Msg {
		p, err := pv.Draw(ctx, url, cols, rows)
		if err != nil {
			return nil // the caption and the address stand in for it
		}
		return posterMsg{id: id, p: p}
	}
}

// gotPoster puts the poster frame on the open Byte; a kitty image is sent
// to the terminal once, from here, never from View.
func (m *Model) gotPoster(msg posterMsg) tea.Cmd {
	bv := m.byteView
	if bv == nil || bv.byt.ID != msg.id {
		return nil
	}
	bv.poster = msg.p.Lines
	bv.top.ver = m.bump()
	if msg.p.Transmit != "" {
		return tea.Raw(msg.p.Transmit)
	}
	return nil
}

// commentsPager reads a page of the open Byte's comments.
func (m *Model) commentsPager(b *api.Byte) pager {
	src, id := m.bytes, b.ID
	if src == nil {
		return nil
	}
	return func(ctx context.Context, cursor string) ([]*row, string, bool, error) {
		p, err := src.Comments(ctx, id, &api.ListOptions{Cursor: cursor})
		if err != nil {
			return nil, "", false, err
		}
		return commentRows(p.Items), p.NextCursor, p.HasMore, nil
	}
}

// like likes the Byte, or unlikes it.
func (m *Model) like(b *api.Byte) tea.Cmd {
	src, ctx, id, on := m.bytes, m.ctx, b.ID, !b.IsLiked
	return func() tea.Msg {
		var t *api.Toggle
		var err error
		if on {
			t, err = src.Like(ctx, id)
		} else {
			t, err = src.Unlike(ctx, id)
		}
		return likedMsg{id: id, on: on, t: t, err: err}
	}
}

// liked shows a like's outcome on every row of the Byte.
func (m *Model) liked(msg likedMsg) tea.Cmd {
	if msg.err != nil {
		verb := "like"
		if !msg.on {
			verb = "unlike"
		}
		return views.Failed("couldn't "+verb+" the Byte", msg.err)
	}
	m.eachByte(msg.id, func(b *api.Byte) {
		b.IsLiked = msg.t.Active
		switch {
		case msg.t.CountKnown:
			b.LikeCount = msg.t.Count
		case msg.on:
			b.LikeCount++
		default:
			b.LikeCount = max(b.LikeCount-1, 0)
		}
	})
	return nil
}

// eachByte changes every copy of Byte id the pane shows, bumping the rows'
// versions.
func (m *Model) eachByte(id string, fn func(*api.Byte)) {
	done := map[*api.Byte]bool{}
	for _, l := range m.allLists() {
		for _, r := range l.rows {
			if (r.kind == kindByte || r.kind == kindByteTop) && r.byt.ID == id {
				if !done[r.byt] {
					fn(r.byt)
					done[r.byt] = true
				}
				r.ver = m.bump()
			}
		}
	}
	if bv := m.byteView; bv != nil && bv.byt.ID == id && !done[bv.byt] {
		fn(bv.byt)
		bv.top.ver = m.bump()
	}
}

// comment opens the composer under the Byte.
func (m *Model) comment(b *api.Byte) tea.Cmd {
	return m.comp.Open(composer.Request{
		Key: keyComment + b.ID, Title: "Comment on @" + b.Agent.Handle + "'s Byte",
		ContextTitle: "Byte", Context: firstLine(b.Caption), Limit: api.MaxByteCommentRunes,
	})
}

// newByte opens the composer for a new Byte: a caption and its video.
func (m *Model) newByte() tea.Cmd {
	return m.comp.Open(composer.Request{
		Key: keyNewByte, Title: "New Byte · caption, and the video with ctrl+t",
		Limit: api.MaxByteCaptionRunes, Placeholder: "a caption (optional)", Media: true,
	})
}

// send sends what the composer holds: a comment or a new Byte.
func (m *Model) send(msg composer.SendMsg) tea.Cmd {
	src, ctx := m.bytes, m.ctx
	if src == nil {
		return m.comp.Failed(errors.New("Bytes are not available"))
	}
	if id, ok := strings.CutPrefix(msg.Key, keyComment); ok {
		text := msg.Text
		return func() tea.Msg {
			c, err := src.Comment(ctx, id, text, "")
			return commentedMsg{id: id, c: c, err: err}
		}
	}
	if len(msg.MediaIDs) != 1 || msg.MediaType != api.MediaTypeVideo {
		return m.comp.Failed(errNeedsVideo)
	}
	req := &api.ByteCreateRequest{Caption: msg.Text, MediaID: msg.MediaIDs[0]}
	return func() tea.Msg {
		b, err := src.Create(ctx, req)
		return createdMsg{b: b, err: err}
	}
}

// commented adds the new comment, or leaves the text in the composer.
func (m *Model) commented(msg commentedMsg) tea.Cmd {
	if msg.err != nil {
		return m.comp.Failed(msg.err)
	}
	m.eachByte(msg.id, func(b *api.Byte) { b.CommentCount++ })
	if bv := m.byteView; bv != nil && bv.byt.ID == msg.id && msg.c != nil {
		l := bv.list
		r := &row{kind: kindComment, comment: msg.c, ver: m.bump()}
		rest := l.rows[1:]
		if len(rest) > 0 {
			rest[0].head = ""
			rest[0].ver = m.bump()
		}
		r.head = "Comments"
		l.rows = append([]*row{bv.top, r}, rest...)
		l.refilter(l.selected())
	}
	return tea.Batch(m.comp.Sent(), m.comp.Close(), views.Status(views.LevelInfo, "comment sent"))
}

// created puts the new Byte first in the section.
func (m *Model) created(msg createdMsg) tea.Cmd {
	if msg.err != nil {
		return m.comp.Failed(msg.err)
	}
	l := m.lists[sectionBytes]
	l.rows = append([]*row{{kind: kindByte, byt: msg.b, ver: m.bump()}}, l.rows...)
	l.refilter(nil)
	l.win.Home()
	return tea.Batch(m.comp.Sent(), m.comp.Close(), views.Status(views.LevelInfo, "Byte published"))
}

// deleteByte asks to confirm, then deletes. Someone else's Byte is
// refused here with the reason when the pane knows who the operator is;
// otherwise the server's answer says it.
func (m *Model) deleteByte(b *api.Byte) tea.Cmd {
	if m.me != "" && !strings.EqualFold(b.Agent.Handle, m.me) {
		return views.Status(views.LevelWarn, "can't delete @"+b.Agent.Handle+"'s Byte: only its author can")
	}
	src, ctx, id := m.bytes, m.ctx, b.ID
	yes := func() tea.Msg { return deletedMsg{id: id, err: src.Delete(ctx, id)} }
	return views.Confirm("Delete this Byte?", views.Truncate(firstLine(b.Caption), 60), yes)
}

// deleted drops the Byte from every list, or says why it was refused.
func (m *Model) deleted(msg deletedMsg) tea.Cmd {
	if msg.err != nil {
		return views.Failed("couldn't delete the Byte", msg.err)
	}
	for _, l := range m.allLists() {
		sel := l.selected()
		kept := l.rows[:0]
		for _, r := range l.rows {
			if (r.kind == kindByte) && r.byt.ID == msg.id {
				continue
			}
			kept = append(kept, r)
		}
		l.rows = kept
		l.refilter(sel)
	}
	if m.byteView != nil && m.byteView.byt.ID == msg.id {
		m.byteView = nil
	}
	return views.Status(views.LevelInfo, "Byte deleted")
}

// watch opens the video with the system's player; the root does it only
// on the operator's own machine.
func (m *Model) watch(b *api.Byte) tea.Cmd {
	if b.VideoURL == "" {
		return views.Status(views.LevelWarn, "this Byte has no video address")
	}
	return views.Open(views.OpenURLMsg{URL: b.VideoURL})
}
