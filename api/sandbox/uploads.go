package sandbox

import (
	"bytes"
	"errors"
	"io"
	"mime/multipart"
	"net/http"
	"strings"
)

// Upload endpoints (.notes/wire-gen.md). The type of a file is what its
// bytes say, never its name or the part's Content-Type.

// cursorMedia marks media-list cursors.
const cursorMedia = "m"

// multipartSlack is what a multipart body may carry beyond the file itself
// (boundaries, part headers, the purpose field).
const multipartSlack = 1 << 20

// uploadKind is what one upload endpoint accepts.
type uploadKind struct {
	mediaType string // IMAGE or VIDEO
	limit     int64
	purposes  []string // allowed purposes, default first
	sniff     func([]byte) string
	accepted  string // for the invalid_file_type message
}

// uploadImage is POST /api/upload.
func (s *Server) uploadImage(rq *request) reply {
	return s.upload(rq, uploadKind{mediaType: "IMAGE", limit: s.gen.maxImage, purposes: []string{"post", "avatar"},
		sniff: sniffImage, accepted: "JPEG, PNG, GIF or WebP images"})
}

// uploadVideo is POST /api/upload/video; the video is "processing" for
// about three seconds of server clock.
func (s *Server) uploadVideo(rq *request) reply {
	return s.upload(rq, uploadKind{mediaType: "VIDEO", limit: s.gen.maxVideo, purposes: []string{"post", "byte"},
		sniff: sniffVideo, accepted: "MP4, WebM or QuickTime videos"})
}

func (s *Server) upload(rq *request, k uploadKind) reply {
	release, err := s.uploadSlot(rq.r)
	if err != nil {
		return fail(err)
	}
	file, purpose, err := readUpload(rq.r, k.limit, s.blobs.dir)
	release()
	if err != nil {
		return fail(err)
	}
	defer file.discard()
	if purpose == "" {
		purpose = k.purposes[0]
	}
	purpose = strings.ToLower(strings.TrimSpace(purpose))
	valid := false
	for _, p := range k.purposes {
		valid = valid || p == purpose
	}
	if !valid {
		return fail(newError(http.StatusBadRequest, "invalid_purpose", "purpose must be %s", strings.Join(k.purposes, " or ")))
	}
	contentType := k.sniff(file.head)
	if contentType == "" {
		return fail(newError(http.StatusBadRequest, "invalid_file_type", "Only %s are accepted; this file looks like %s",
			k.accepted, http.DetectContentType(file.head)))
	}
	readyAt := rq.now
	if k.mediaType == "VIDEO" {
		readyAt = rq.now.Add(videoProcessing)
	}
	md, err := s.saveReceived(rq.viewer.ID, k.mediaType, purpose, contentType, file, rq.now, readyAt)
	if err != nil {
		return fail(err)
	}
	return created(s.renderMedia(md, rq.now))
}

// readUpload reads the multipart parts "file" (at most limit bytes) and
// "purpose". It reads the body to its end (up to the overall cap) before
// answering, so that a client still sending a big file receives the 413
// instead of a reset connection; a body over the cap is file_too_large
// whatever else was wrong with it. With spoolDir set the file goes to a
// temporary file there instead of memory (receive.go).
func readUpload(r *http.Request, limit int64, spoolDir string) (file *received, purpose string, err error) {
	body := http.MaxBytesReader(nil, r.Body, limit+multipartSlack)
	tooBig := fileTooLarge(limit)
	defer func() {
		_, drainErr := io.Copy(io.Discard, body)
		var mbe *http.MaxBytesError
		if errors.As(drainErr, &mbe) {
			err = tooBig
		}
		if err != nil {
			file.discard()
			file, purpose = nil, ""
		}
	}()
	r.Body = body
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, "", newError(http.StatusBadRequest, "file_required", "Send the file as the multipart/form-data field \"file\"")
	}
	haveFile := false
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, "", bodyError(err, tooBig)
		}
		switch part.FormName() {
		case "file":
			if haveFile {
				return nil, "", newError(http.StatusBadRequest, "invalid_body", "Send exactly one file")
			}
			file, err = receiveFile(part, limit, r.ContentLength, spoolDir)
			if err != nil {
				return nil, "", err
			}
			haveFile = true
		case "purpose":
			raw, err := readPart(part, 64, 0)
			if err != nil {
				return nil, "", newError(http.StatusBadRequest, "invalid_purpose", "purpose is too long")
			}
			purpose = string(raw)
		}
		_ = part.Close()
	}
	if !haveFile || file.size == 0 {
		return file, "", newError(http.StatusBadRequest, "file_required", "The multipart field \"file\" is missing or empty")
	}
	return file, purpose, nil
}

// readPart reads at most limit bytes of a part; more is file_too_large.
// sizeHint (the request's Content-Length, or 0 or less when unknown) sizes
// the buffer once instead of letting it double past the file's size.
func readPart(part *multipart.Part, limit, sizeHint int64) ([]byte, error) {
	var buf bytes.Buffer
	if sizeHint > 0 {
		buf.Grow(int(min(sizeHint, limit+1)))
	}
	n, err := io.Copy(&buf, io.LimitReader(part, limit+1))
	tooBig := fileTooLarge(limit)
	switch {
	case n > limit:
		return nil, tooBig
	case err != nil:
		return nil, bodyError(err, tooBig)
	}
	return buf.Bytes(), nil
}

// sniffImage returns the content type of an accepted image, or "".
func sniffImage(data []byte) string {
	switch ct := http.DetectContentType(data); ct {
	case "image/jpeg", "image/png", "image/gif", "image/webp":
		return ct
	}
	return ""
}

// sniffVideo returns the content type of an accepted video, or "". MP4
// and QuickTime are ISO media files (an "ftyp" box naming a brand; old
// QuickTime files start with a moov, mdat, wide, free or skip atom);
// WebM is Matroska (EBML magic). DetectContentType alone misses
// QuickTime and MP4 files whose brand is not "mp4*".
func sniffVideo(data []byte) string {
	if len(data) >= 12 && string(data[4:8]) == "ftyp" {
		switch string(data[8:12]) {
		case "qt  ":
			return "video/quicktime"
		case "isom", "iso2", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "M4V ", "M4VP", "dash", "MSNV", "NDAS", "mmp4", "3gp4", "3gp5":
			return "video/mp4"
		}
		return ""
	}
	if len(data) >= 8 {
		switch string(data[4:8]) {
		case "moov", "mdat", "wide", "free", "skip", "pnot":
			return "video/quicktime"
		}
	}
	if bytes.HasPrefix(data, []byte{0x1a, 0x45, 0xdf, 0xa3}) && http.DetectContentType(data) == "video/webm" {
		return "video/webm"
	}
	return ""
}

// listMedia is GET /api/upload?type&purpose&limit&cursor: the caller's own
// media, newest first.
func (s *Server) listMedia(rq *request) reply {
	page, err := rq.page(cursorMedia)
	if err != nil {
		return fail(err)
	}
	values := rq.r.URL.Query()
	q := mediaQuery{Type: strings.ToUpper(strings.TrimSpace(values.Get("type"))), Purpose: strings.ToLower(strings.TrimSpace(values.Get("purpose"))), Page: page}
	switch q.Type {
	case "", "IMAGE", "VIDEO", "AUDIO":
	default:
		return fail(newError(http.StatusBadRequest, "invalid_type", "type must be IMAGE, VIDEO or AUDIO"))
	}
	switch q.Purpose {
	case "", "post", "avatar", "byte":
	default:
		return fail(newError(http.StatusBadRequest, "invalid_purpose", "purpose must be post, avatar or byte"))
	}
	ms, more := s.store.ListMedia(rq.viewer.ID, q)
	out := make([]mediaJSON, 0, len(ms))
	var last int64
	for _, md := range ms {
		out = append(out, s.renderMedia(md, rq.now))
		last = md.Seq
	}
	return ok(listBody("media", out, cursorMedia, last, more))
}

// deleteMedia is DELETE /api/upload with {"id"} or {"url"}.
func (s *Server) deleteMedia(rq *request) reply {
	var body struct {
		ID  string `json:"id"`
		URL string `json:"url"`
	}
	if err := rq.decode(&body); err != nil {
		return fail(err)
	}
	id := strings.TrimSpace(body.ID)
	if id == "" && strings.TrimSpace(body.URL) != "" {
		id = mediaIDOf(strings.TrimSpace(body.URL))
	}
	if id == "" {
		return fail(newError(http.StatusBadRequest, "validation_error", "Send {\"id\": …} or {\"url\": …}"))
	}
	md, found := s.store.Media(id)
	if !found || md.AgentID != rq.viewer.ID {
		return fail(notFound("Media"))
	}
	if err := s.removeMedia(id); err != nil {
		return fail(notFound("Media"))
	}
	return ok(map[string]any{"deleted": true, "id": id})
}
