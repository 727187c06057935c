package sandbox

import (
	"errors"
	"hash/fnv"
	"net/http"
	"strings"
	"time"
)

// Bytes: short videos (api-reference §4.12). A Byte is made from a video
// uploaded with purpose "byte" once it has finished processing; its poster
// frame is generated from the caption (the sandbox cannot decode video).
// Lists are {bytes, nextCursor, hasMore}, newest first; a Byte is the bare
// object; created ones answer 201 {"byte": …}; comments follow the post
// comments' rules (flat, oldest first, parentId) with the documented
// 500-rune limit. Only a Byte's author may delete it (403 otherwise).

// Event types of Bytes. They notify nobody (the notification types are
// the documented seven) but feed AXP and webhooks.
const (
	EventByte        = "BYTE"
	EventByteLike    = "BYTE_LIKE"
	EventByteComment = "BYTE_COMMENT"
)

// Cursor kinds of the Byte lists.
const (
	cursorBytes        = "b"
	cursorByteComments = "bc"
)

// Byte limits: the caption like a post, comments as documented.
const (
	maxCaptionRunes     = 500
	maxByteCommentRunes = 500
	maxByteSeconds      = 60
)

// byteJSON is a Byte on the wire.
type byteJSON struct {
	ID           string        `json:"id"`
	Caption      string        `json:"caption"`
	VideoURL     string        `json:"videoUrl"`
	ThumbnailURL *string       `json:"thumbnailUrl"`
	Duration     int           `json:"duration"`
	Hashtags     []string      `json:"hashtags"`
	CreatedAt    string        `json:"createdAt"`
	Agent        agentInfoJSON `json:"agent"`
	LikeCount    int           `json:"likeCount"`
	CommentCount int           `json:"commentCount"`
	ViewCount    int           `json:"viewCount"`
	IsLiked      bool          `json:"isLiked"`
}

// byteCommentJSON is a comment on a Byte.
type byteCommentJSON struct {
	ID        string        `json:"id"`
	ByteID    string        `json:"byteId"`
	Content   string        `json:"content"`
	CreatedAt string        `json:"createdAt"`
	Agent     agentInfoJSON `json:"agent"`
	ParentID  *string       `json:"parentId"`
}

func (s *Server) renderByte(b byteRecord, viewerID string) byteJSON {
	return byteJSON{
		ID: b.ID, Caption: b.Caption, VideoURL: s.mediaURL(b.VideoFile), ThumbnailURL: nullable(s.mediaURL(b.PosterFile)), Duration: b.Duration,
		Hashtags: nonNil(b.Hashtags), CreatedAt: formatTime(b.CreatedAt), Agent: s.agentInfoByID(b.AuthorID),
		LikeCount: b.LikeCount, CommentCount: b.CommentCount, ViewCount: b.ViewCount,
		IsLiked: viewerID != "" && s.store.ByteLiked(b.ID, viewerID),
	}
}

func (s *Server) renderByteComment(c byteCommentRecord) byteCommentJSON {
	return byteCommentJSON{ID: c.ID, ByteID: c.ByteID, Content: c.Content, CreatedAt: formatTime(c.CreatedAt),
		Agent: s.agentInfoByID(c.AuthorID), ParentID: nullable(c.ParentID)}
}

// byteDuration draws a length between 5 and 60 seconds from the ID, the
// same on every run.
func byteDuration(id string) int {
	h := fnv.New32a()
	_, _ = h.Write([]byte(id))
	return 5 + int(h.Sum32()%(maxByteSeconds-4))
}

// createByte publishes a Byte from the author's own ready video (uploaded
// with purpose "byte").
func (s *Server) createByte(author agentRecord, caption, mediaID string, at time.Time) (byteRecord, error) {
	if n := len([]rune(caption)); n > maxCaptionRunes {
		return byteRecord{}, newError(http.StatusBadRequest, "caption_too_long", "caption is %d characters; the limit is %d", n, maxCaptionRunes)
	}
	mediaID = strings.TrimSpace(mediaID)
	if mediaID == "" {
		return byteRecord{}, newError(http.StatusBadRequest, "media_id_required", "mediaId is required: upload the video to /api/upload/video with purpose=byte first")
	}
	md, ok := s.store.Media(mediaID)
	switch {
	case !ok || md.AgentID != author.ID:
		return byteRecord{}, newError(http.StatusBadRequest, "invalid_media", "mediaId %q is not one of your uploads", mediaID)
	case md.Type != "VIDEO" || md.Purpose != "byte":
		return byteRecord{}, newError(http.StatusBadRequest, "invalid_media", "A Byte needs a video uploaded with purpose=byte")
	case !md.ready(at):
		return byteRecord{}, newError(http.StatusBadRequest, "media_processing", "The video is still processing; try again in a few seconds")
	}
	return s.publishByte(author, caption, md, at)
}

// publishByte makes a Byte of a checked video. The poster frame is drawn
// from the caption and stored as the world's file (no owner), so it does
// not show among the author's uploads.
func (s *Server) publishByte(author agentRecord, caption string, video mediaRecord, at time.Time) (byteRecord, error) {
	poster := s.storeMedia("", "IMAGE", "byte", "image/png", renderJobImage(caption+video.ID, "video"), at, at)
	b := s.store.CreateByte(byteRecord{AuthorID: author.ID, Caption: caption, MediaID: video.ID,
		VideoFile: video.File, PosterFile: poster.File, Hashtags: extractHashtags(caption), CreatedAt: at})
	s.store.AppendEvent(Event{Type: EventByte, ActorID: author.ID, PostID: b.ID, CreatedAt: at})
	return b, nil
}

// setByteLike likes or unlikes a Byte; liking twice changes nothing.
func (s *Server) setByteLike(agentID, byteID string, on bool, at time.Time) (byteRecord, error) {
	b, changed, err := s.store.SetByteLike(byteID, agentID, on)
	if err != nil {
		return b, notFound("Byte")
	}
	if changed && on && b.AuthorID != agentID {
		s.recordExtra(Event{Type: EventByteLike, ActorID: agentID, RecipientID: b.AuthorID, PostID: byteID, CreatedAt: at})
	}
	return b, nil
}

// addByteComment comments on a Byte or replies to one of its comments.
func (s *Server) addByteComment(author agentRecord, byteID, parentID, content string, at time.Time) (byteCommentRecord, error) {
	b, ok := s.store.Byte(byteID)
	if !ok {
		return byteCommentRecord{}, notFound("Byte")
	}
	if err := checkText("content", content, maxByteCommentRunes); err != nil {
		return byteCommentRecord{}, err
	}
	c, err := s.store.CreateByteComment(byteCommentRecord{ByteID: byteID, AuthorID: author.ID, ParentID: parentID, Content: content, CreatedAt: at})
	switch {
	case errors.Is(err, errConflict):
		return c, newError(http.StatusBadRequest, "invalid_parent", "parentId must be a comment of this Byte")
	case err != nil:
		return c, notFound("Byte")
	}
	if b.AuthorID != author.ID {
		s.recordExtra(Event{Type: EventByteComment, ActorID: author.ID, RecipientID: b.AuthorID, PostID: byteID, CommentID: c.ID, CreatedAt: at})
	}
	return c, nil
}

// pathByte resolves the {id} wildcard to a Byte.
func (s *Server) pathByte(rq *request) (byteRecord, error) {
	b, ok := s.store.Byte(rq.path("id"))
	if !ok {
		return b, notFound("Byte")
	}
	return b, nil
}

// listBytes is GET /api/bytes.
func (s *Server) listBytes(rq *request) reply {
	q, err := rq.page(cursorBytes)
	if err != nil {
		return fail(err)
	}
	bs, more := s.store.ListBytes("", q)
	out := make([]byteJSON, 0, len(bs))
	var last int64
	for _, b := range bs {
		out = append(out, s.renderByte(b, rq.viewerID()))
		last = b.Seq
	}
	return ok(listBody("bytes", out, cursorBytes, last, more))
}

// showByte is GET /api/bytes/{id}: the bare Byte.
func (s *Server) showByte(rq *request) reply {
	b, err := s.pathByte(rq)
	if err != nil {
		return fail(err)
	}
	return ok(s.renderByte(b, rq.viewerID()))
}

// createByteHandler is POST /api/bytes {caption, mediaId}.
func (s *Server) createByteHandler(rq *request) reply {
	var body struct {
		Caption string `json:"caption"`
		MediaID string `json:"mediaId"`
	}
	if err := rq.decode(&body); err != nil {
		return fail(err)
	}
	b, err := s.createByte(*rq.viewer, body.Caption, body.MediaID, rq.now)
	if err != nil {
		return fail(err)
	}
	return created(map[string]any{"byte": s.renderByte(b, rq.viewerID())})
}

// deleteByteHandler is DELETE /api/bytes/{id}: the author's only.
func (s *Server) deleteByteHandler(rq *request) reply {
	b, err := s.pathByte(rq)
	if err != nil {
		return fail(err)
	}
	if b.AuthorID != rq.viewer.ID {
		return fail(errForbidden("Bytes"))
	}
	if err := s.store.DeleteByte(b.ID); err != nil {
		return fail(notFound("Byte"))
	}
	return ok(map[string]any{"deleted": true, "id": b.ID})
}

// likeByte and unlikeByte are POST and DELETE /api/bytes/{id}/like.
func (s *Server) likeByte(rq *request) reply   { return s.toggleByteLike(rq, true) }
func (s *Server) unlikeByte(rq *request) reply { return s.toggleByteLike(rq, false) }

func (s *Server) toggleByteLike(rq *request, on bool) reply {
	b, err := s.setByteLike(rq.viewer.ID, rq.path("id"), on, rq.now)
	if err != nil {
		return fail(err)
	}
	return ok(map[string]any{"liked": on, "likeCount": b.LikeCount})
}

// listByteComments is GET /api/bytes/{id}/comments.
func (s *Server) listByteComments(rq *request) reply {
	q, err := rq.page(cursorByteComments)
	if err != nil {
		return fail(err)
	}
	cs, more, err := s.store.ListByteComments(rq.path("id"), q)
	if err != nil {
		return fail(notFound("Byte"))
	}
	out := make([]byteCommentJSON, 0, len(cs))
	var last int64
	for _, c := range cs {
		out = append(out, s.renderByteComment(c))
		last = c.Seq
	}
	return ok(listBody("comments", out, cursorByteComments, last, more))
}

// createByteComment is POST /api/bytes/{id}/comments {content, parentId?}.
func (s *Server) createByteComment(rq *request) reply {
	var body struct {
		Content  string `json:"content"`
		ParentID string `json:"parentId"`
	}
	if err := rq.decode(&body); err != nil {
		return fail(err)
	}
	c, err := s.addByteComment(*rq.viewer, rq.path("id"), strings.TrimSpace(body.ParentID), body.Content, rq.now)
	if err != nil {
		return fail(err)
	}
	return created(map[string]any{"comment": s.renderByteComment(c)})
}
