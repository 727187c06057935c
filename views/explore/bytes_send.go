package explore

import (
	"context"
	"errors"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
	"imagine/views/composer"
)

// Sending from the composer: a comment on a Byte, or a new Byte. Each is
// sent at most once (views.SendOnce): a send whose answer is lost is read
// back (bytes_find.go) and the composer then says "sent" or "not sent";
// when even the read-back fails it says "unconfirmed", the attempts are
// kept (in the ledger and next to the draft), and the next ctrl+s reads
// back before it sends anything.

// Composer keys: a comment names its Byte after the prefix, a reply the
// comment it answers (its Byte is in Model.replyTo).
const (
	keyNewByte = "byte"
	keyComment = "byte-comment:"
	keyReply   = "byte-reply:"
)

// replyTarget is what the open reply answers: the composer key it was
// opened under, the Byte, and the comment (the parentId sent).
type replyTarget struct {
	key, byteID, parentID string
}

var (
	// errNeedsVideo refuses a Byte sent without its video.
	errNeedsVideo = errors.New("a Byte is one video: attach it with ctrl+t (or an earlier upload with ctrl+o)")
	// errReplyLost refuses a reply whose target is no longer known (the
	// composer cannot send one it was not opened for, but say so if so).
	errReplyLost = errors.New("which comment this answers is no longer known: press c on the comment again")
)

type (
	// commentedMsg is a Byte comment's send, done; parent is the
	// comment a reply answers, "" for a comment on the Byte.
	commentedMsg struct {
		key, id, parent, text string
		res                   views.SendResult[*api.ByteComment]
	}
	// createdMsg is a new Byte's send, done.
	createdMsg struct {
		key, text string
		res       views.SendResult[*api.Byte]
	}
)

// send sends what the composer holds: a comment or a new Byte. One send
// per draft is in flight at a time.
func (m *Model) send(msg composer.SendMsg) tea.Cmd {
	src, ctx := m.bytes, m.ctx
	if src == nil {
		return m.comp.Failed(errors.New("Bytes are not available"))
	}
	id, isComment := strings.CutPrefix(msg.Key, keyComment)
	parent := ""
	if strings.HasPrefix(msg.Key, keyReply) {
		if msg.Key != m.replyTo.key {
			return m.comp.Failed(errReplyLost)
		}
		id, parent, isComment = m.replyTo.byteID, m.replyTo.parentID, true
	}
	if !isComment && (len(msg.MediaIDs) != 1 || msg.MediaType != api.MediaTypeVideo) {
		return m.comp.Failed(errNeedsVideo)
	}
	key, text, at := msg.Key, msg.Text, m.clock()
	if !m.sends.Start(key) {
		// The composer waits for Sent or Failed; the send in flight
		// answers for the text, so this one only steps aside.
		return m.comp.Unconfirmed("still sending or checking this text; ctrl+s again once it is done")
	}
	held, claimed, me := m.sends.Prior(key, text), m.sends.Claimed(), m.me
	stored := m.comp.StoredAttempts(key)
	// prior runs in the Cmd: it adds the attempts kept next to the draft
	// by an earlier session (an unreadable file adds none).
	prior := func() []time.Time {
		kept, _ := stored(text)
		return views.MergeAttempts(held, kept)
	}
	if isComment {
		find := findComment(src, me, id, parent, text, claimed)
		what := "the comment"
		if parent != "" {
			what = "the reply"
		}
		return func() tea.Msg {
			res := views.SendOnce(ctx, what, prior(), at, func(ctx context.Context) (*api.ByteComment, error) {
				return src.Comment(ctx, id, text, parent)
			}, find)
			return commentedMsg{key: key, id: id, parent: parent, text: text, res: res}
		}
	}
	req := &api.ByteCreateRequest{Caption: text, MediaID: msg.MediaIDs[0]}
	find := findByte(src, me, text, claimed)
	return func() tea.Msg {
		res := views.SendOnce(ctx, "the Byte", prior(), at, func(ctx context.Context) (*api.Byte, error) {
			return src.Create(ctx, req)
		}, find)
		return createdMsg{key: key, text: text, res: res}
	}
}

// commented adds the new comment (a reply under the comment it answers),
// or leaves the text in the composer saying why.
func (m *Model) commented(msg commentedMsg) tea.Cmd {
	m.sends.Done(msg.key)
	what := "comment"
	if msg.parent != "" {
		what = "reply"
	}
	if msg.res.Err != nil {
		return m.comp.SendFailed(&m.sends, msg.key, msg.text, what, msg.res.Err, msg.res.CheckErr, msg.res.Attempts)
	}
	done := tea.Batch(m.comp.SendDone(&m.sends, msg.key), views.Status(views.LevelInfo, views.SentNote(what+" sent", msg.res.Found)))
	c := msg.res.Item
	if c != nil {
		m.sends.Claim(c.ID, m.clock())
		if c.ParentID == "" {
			c.ParentID = msg.parent // an answer that does not repeat it
		}
	}
	m.eachByte(msg.id, func(b *api.Byte) { b.CommentCount++ })
	if bv := m.byteView; bv != nil && bv.byt.ID == msg.id && c != nil && !bv.list.has("c:"+c.ID) {
		l := bv.list
		r := &row{kind: kindComment, comment: c, ver: m.bump()}
		if msg.parent != "" {
			// Last: thread puts it under its parent, after the earlier
			// replies to it.
			l.rows = append(l.rows, r)
		} else {
			// First, where the operator sees it at once.
			l.rows = append([]*row{bv.top, r}, l.rows[1:]...)
		}
		m.thread(l)
	}
	return done
}

// created puts the new Byte first in the section, or leaves the caption
// in the composer saying why.
func (m *Model) created(msg createdMsg) tea.Cmd {
	m.sends.Done(msg.key)
	if msg.res.Err != nil {
		return m.comp.SendFailed(&m.sends, msg.key, msg.text, "Byte", msg.res.Err, msg.res.CheckErr, msg.res.Attempts)
	}
	done := tea.Batch(m.comp.SendDone(&m.sends, msg.key), views.Status(views.LevelInfo, views.SentNote("Byte published", msg.res.Found)))
	b := msg.res.Item
	if b == nil {
		return done
	}
	m.sends.Claim(b.ID, m.clock())
	l := m.lists[sectionBytes]
	if !l.has("b:" + b.ID) {
		l.rows = append([]*row{{kind: kindByte, byt: b, ver: m.bump()}}, l.rows...)
		l.refilter(nil)
		l.win.Home()
	}
	return done
}
