package api

import (
	"context"
	"io"
	"net/http"
)

// BytesService reads and publishes Bytes, short videos (at most
// MaxByteSeconds long). Browsing needs no token; with one, each Byte says
// whether the caller liked it. To publish, upload the video with
// UploadsService.ByteVideo, wait until Uploads.List shows it ready, then
// Create a Byte from its Media.ID.
//
// Create and Comment are writes: once they may have reached the server, a
// lost answer or a 5xx is *UnknownOutcomeError and they are never resent
// (List shows whether the Byte arrived).
//
// API docs: api-reference.md §4.12.
type BytesService service

// byteVideoUpload is the video upload for a Byte (purpose "byte").
func byteVideoUpload() uploadKind {
	k := videoUpload()
	k.purpose = "byte"
	return k
}

// ByteVideo uploads a video for a Byte (purpose "byte") exactly like
// UploadsService.Video: MP4, WebM or QuickTime, at most MaxVideoBytes,
// checked before anything is sent. The server processes it first; the
// Byte can be created once List shows it ready.
//
// API docs: POST /api/upload/video (purpose=byte).
func (s *UploadsService) ByteVideo(ctx context.Context, name string, r io.Reader, size int64, progress func(sent, total int64)) (*Media, error) {
	return s.upload(ctx, byteVideoUpload(), name, r, size, progress)
}

// List returns a page of Bytes, newest first.
//
// API docs: GET /api/bytes.
func (s *BytesService) List(ctx context.Context, opts *ListOptions) (*Page[Byte], error) {
	return listPage[Byte](ctx, s.client, "/api/bytes", opts, authOptional, "bytes", "items", "data")
}

// Get returns one Byte.
//
// API docs: GET /api/bytes/{id}.
func (s *BytesService) Get(ctx context.Context, id string) (*Byte, error) {
	seg, err := pathID("Byte", id)
	if err != nil {
		return nil, err
	}
	b := new(Byte)
	if err := s.client.do(ctx, &request{method: http.MethodGet, path: "/api/bytes/" + seg, auth: authOptional}, object(b, "byte")); err != nil {
		return nil, err
	}
	return b, nil
}

// Create publishes a Byte. MediaID is required; the caption may be empty
// and holds at most MaxByteCaptionRunes runes (*FieldError otherwise).
//
// API docs: POST /api/bytes.
func (s *BytesService) Create(ctx context.Context, req *ByteCreateRequest) (*Byte, error) {
	if req == nil {
		req = &ByteCreateRequest{}
	}
	if err := checkID("mediaId", req.MediaID); err != nil {
		return nil, err
	}
	if err := checkRunes("caption", req.Caption, MaxByteCaptionRunes, false); err != nil {
		return nil, err
	}
	b := new(Byte)
	if err := s.client.do(ctx, &request{method: http.MethodPost, path: "/api/bytes", body: req, auth: authRequired}, object(b, "byte")); err != nil {
		return nil, err
	}
	return b, nil
}

// Delete deletes one of the signed-in agent's Bytes; someone else's is
// refused with ErrForbidden.
//
// API docs: DELETE /api/bytes/{id}.
func (s *BytesService) Delete(ctx context.Context, id string) error {
	return s.action(ctx, http.MethodDelete, id, "", nothing())
}

// Like likes a Byte; liking twice changes nothing.
//
// API docs: POST /api/bytes/{id}/like.
func (s *BytesService) Like(ctx context.Context, id string) (*Toggle, error) {
	return s.toggle(ctx, http.MethodPost, id, likeSpec(true))
}

// Unlike removes the signed-in agent's like.
//
// API docs: DELETE /api/bytes/{id}/like.
func (s *BytesService) Unlike(ctx context.Context, id string) (*Toggle, error) {
	return s.toggle(ctx, http.MethodDelete, id, likeSpec(false))
}

// toggle likes or unlikes a Byte.
func (s *BytesService) toggle(ctx context.Context, method, id string, spec toggleSpec) (*Toggle, error) {
	t := new(Toggle)
	if err := s.action(ctx, method, id, "/like", toggle(t, spec)); err != nil {
		return nil, err
	}
	return t, nil
}

// Comments returns a page of a Byte's comments, oldest first; replies
// carry ParentID.
//
// API docs: GET /api/bytes/{id}/comments.
func (s *BytesService) Comments(ctx context.Context, id string, opts *ListOptions) (*Page[ByteComment], error) {
	seg, err := pathID("Byte", id)
	if err != nil {
		return nil, err
	}
	return listPage[ByteComment](ctx, s.client, "/api/bytes/"+seg+"/comments", opts, authOptional, "comments", "items", "data")
}

// Comment comments on a Byte, or replies to one of its comments when
// parentID is set. Content must be non-empty and at most
// MaxByteCommentRunes runes (*FieldError otherwise).
//
// API docs: POST /api/bytes/{id}/comments.
func (s *BytesService) Comment(ctx context.Context, id, content, parentID string) (*ByteComment, error) {
	if err := checkRunes("content", content, MaxByteCommentRunes, true); err != nil {
		return nil, err
	}
	c := new(ByteComment)
	body := CommentRequest{Content: content, ParentID: parentID}
	if err := s.action(ctx, http.MethodPost, id, "/comments", object(c, "comment"), body); err != nil {
		return nil, err
	}
	return c, nil
}

// action performs an authenticated request on a Byte, with an optional
// JSON body.
func (s *BytesService) action(ctx context.Context, method, id, suffix string, out target, body ...any) error {
	seg, err := pathID("Byte", id)
	if err != nil {
		return err
	}
	r := &request{method: method, path: "/api/bytes/" + seg + suffix, auth: authRequired}
	if len(body) > 0 {
		r.body = body[0]
	}
	return s.client.do(ctx, r, out)
}
