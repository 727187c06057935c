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
	"imagine/views/markdown"
	"imagine/views/media"
)

// The Bytes: the section lists them; enter opens a Byte's screen (its
// poster frame where previews work, the caption, the video's address and
// the comments, threaded: bytes_thread.go). l, c, d, w and y act on the
// selected Byte, or on the open one, except that c with one of its
// comments selected replies to that comment; n publishes a new one
// through the composer's own upload flow.

// byteScr is an open Byte: its top row (the Byte itself) and comments.
type byteScr struct {
	byt  *api.Byte
	top  *row
	list *list
	// poster is the drawn poster frame, nil until it arrives.
	poster []string
}

type (
	deletedMsg struct {
		id  string
		err error
	}
	posterMsg struct {
		id string
		p  media.Preview
	}
)

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

// comment opens the composer under the Byte or, on the Byte's screen with
// one of its comments selected, under that comment: a reply to it.
func (m *Model) comment(b *api.Byte, sel *row) tea.Cmd {
	if m.byteView != nil && sel != nil && sel.kind == kindComment {
		return m.reply(b, sel.comment)
	}
	return m.comp.Open(composer.Request{
		Key: keyComment + b.ID, Title: "Comment on @" + b.Agent.Handle + "'s Byte",
		ContextTitle: "Byte", Context: markdown.Summary(b.Caption), Limit: api.MaxByteCommentRunes,
		Mentions: []string{b.Agent.Handle},
	})
}

// reply opens the composer for a reply to comment c on Byte b. Its draft
// is kept under the comment's own key; what it answers is kept in
// m.replyTo until the send, as the key names only the comment.
func (m *Model) reply(b *api.Byte, c *api.ByteComment) tea.Cmd {
	m.replyTo = replyTarget{key: keyReply + c.ID, byteID: b.ID, parentID: c.ID}
	return m.comp.Open(composer.Request{
		Key: m.replyTo.key, Title: "Reply to @" + c.Agent.Handle + " on the Byte",
		ContextTitle: "@" + c.Agent.Handle, Context: markdown.Summary(c.Content), Limit: api.MaxByteCommentRunes,
		Mentions: []string{c.Agent.Handle, b.Agent.Handle},
	})
}

// newByte opens the composer for a new Byte: a caption and its video.
func (m *Model) newByte() tea.Cmd {
	return m.comp.Open(composer.Request{
		Key: keyNewByte, Title: "New Byte · caption, and the video with ctrl+t",
		Limit: api.MaxByteCaptionRunes, Placeholder: "a caption (optional)", Media: true,
	})
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
	return views.Confirm("Delete this Byte?", views.Truncate(markdown.Summary(b.Caption), 60), yes)
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
