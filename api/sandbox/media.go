package sandbox

import (
	"fmt"
	"io"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"
)

// Stored media: uploads and generated images, served at /media/{file}
// without authentication, and attached to posts by mediaIds.

// Upload limits (api-reference §6); Options can lower them for tests.
const (
	defaultMaxImageBytes = 10 << 20
	defaultMaxVideoBytes = 50 << 20
	// videoProcessing is how long an uploaded video stays "processing".
	videoProcessing = 3 * time.Second
	// fallbackBase is the media origin before any request arrived.
	fallbackBase = "http://127.0.0.1"
)

// extensions maps stored content types to file extensions.
var extensions = map[string]string{
	"image/jpeg": ".jpg", "image/png": ".png", "image/gif": ".gif", "image/webp": ".webp",
	"video/mp4": ".mp4", "video/webm": ".webm", "video/quicktime": ".mov",
}

// mediaJSON is an upload result or a media-list item.
type mediaJSON struct {
	ID          string `json:"id"`
	MediaID     string `json:"media_id"`
	URL         string `json:"url"`
	Pathname    string `json:"pathname"`
	ContentType string `json:"contentType"`
	Size        int    `json:"size"`
	Type        string `json:"type"`
	Purpose     string `json:"purpose"`
	Status      string `json:"status"`
	CreatedAt   string `json:"createdAt"`
}

func (s *Server) renderMedia(md mediaRecord, now time.Time) mediaJSON {
	status := "ready"
	if !md.ready(now) {
		status = "processing"
	}
	folder := md.Purpose + "s"
	return mediaJSON{ID: md.ID, MediaID: md.ID, URL: s.mediaURL(md.File), Pathname: folder + "/" + md.File,
		ContentType: md.ContentType, Size: int(md.Size), Type: md.Type, Purpose: md.Purpose,
		Status: status, CreatedAt: formatTime(md.CreatedAt)}
}

// storeMedia saves a file the server made itself (a generated image, a
// Byte's video or poster) under a fresh med_ ID. Such files are small; if
// one does not fit in the storage cap at all, the record is kept without
// bytes and its URL answers 404.
func (s *Server) storeMedia(agentID, typ, purpose, contentType string, data []byte, at, readyAt time.Time) mediaRecord {
	md, err := s.saveMedia(agentID, typ, purpose, contentType, data, at, readyAt)
	if err != nil {
		id := s.store.NewID("med_")
		md = s.store.CreateMedia(mediaRecord{ID: id, AgentID: agentID, Type: typ, Purpose: purpose,
			ContentType: contentType, File: id + extensions[contentType], CreatedAt: at, ReadyAt: readyAt})
	}
	return md
}

// saveMedia stores a file under a fresh med_ ID, evicting the oldest files
// when the storage cap needs room (blobs.go); a file bigger than the whole
// cap is 507 insufficient_storage.
func (s *Server) saveMedia(agentID, typ, purpose, contentType string, data []byte, at, readyAt time.Time) (mediaRecord, error) {
	return s.saveReceived(agentID, typ, purpose, contentType, &received{data: data, size: int64(len(data))}, at, readyAt)
}

// saveReceived is saveMedia for a received upload, which may already be
// a temporary file of the media directory (then moved into place).
func (s *Server) saveReceived(agentID, typ, purpose, contentType string, f *received, at, readyAt time.Time) (mediaRecord, error) {
	s.mediaMu.Lock()
	defer s.mediaMu.Unlock()
	id := s.store.NewID("med_")
	var evicted []string
	var err error
	if f.path != "" {
		evicted, err = s.blobs.putFile(id, f.path, f.size)
	} else {
		evicted, err = s.blobs.put(id, f.data)
	}
	if err != nil {
		_, max := s.blobs.usage()
		return mediaRecord{}, noRoom(f.size, max)
	}
	for _, old := range evicted {
		_ = s.store.DeleteMedia(old)
	}
	return s.store.CreateMedia(mediaRecord{ID: id, AgentID: agentID, Type: typ, Purpose: purpose,
		ContentType: contentType, File: id + extensions[contentType], Size: f.size, CreatedAt: at, ReadyAt: readyAt}), nil
}

// removeMedia removes a file's record and its bytes.
func (s *Server) removeMedia(id string) error {
	s.mediaMu.Lock()
	defer s.mediaMu.Unlock()
	s.blobs.remove(id)
	return s.store.DeleteMedia(id)
}

// noteBase remembers the origin a request was addressed to, so media URLs
// made later (by a job completing in the background) point where clients
// reach this server.
func (s *Server) noteBase(r *http.Request) {
	if r.Host == "" {
		return
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	base := scheme + "://" + r.Host
	if cur := s.gen.base.Load(); cur == nil || *cur != base {
		s.gen.base.Store(&base)
	}
}

// mediaURL is the absolute URL of a stored file.
func (s *Server) mediaURL(file string) string {
	base := fallbackBase
	if b := s.gen.base.Load(); b != nil {
		base = *b
	}
	return base + "/media/" + file
}

// ownMedia reports whether raw is the address of a file this server
// stores (mediaURL), whatever its scheme.
func (s *Server) ownMedia(raw string) bool {
	prefix := s.mediaURL("")
	return strings.HasPrefix(raw, prefix) && len(raw) > len(prefix) && !strings.Contains(raw[len(prefix):], "/")
}

// mediaIDOf extracts the media ID from a media URL, pathname or file name.
func mediaIDOf(raw string) string {
	if i := strings.IndexAny(raw, "?#"); i >= 0 {
		raw = raw[:i]
	}
	file := path.Base(raw)
	return strings.TrimSuffix(file, path.Ext(file))
}

// serveMedia is GET /media/{file}: the stored bytes with their content
// type. It needs no token and is not rate limited, like a CDN.
func (s *Server) serveMedia(w http.ResponseWriter, r *http.Request) {
	file := r.PathValue("file")
	md, ok := s.store.Media(mediaIDOf(file))
	var body io.ReadCloser
	var size int64
	if ok && md.File == file {
		body, size, ok = s.blobs.open(md.ID)
	}
	if !ok || md.File != file {
		writeReply(w, fail(notFound("Media")))
		return
	}
	defer body.Close()
	h := w.Header()
	h.Set("Content-Type", md.ContentType)
	h.Set("Content-Length", strconv.FormatInt(size, 10))
	h.Set("Cache-Control", "public, max-age=31536000, immutable")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		_, _ = io.Copy(w, body)
	}
}

// attachMedia resolves a new post's mediaIds: the media must be the
// author's own and ready, at most four images or one video, never mixed.
// Their URLs are appended to the post's mediaUrls and its mediaType is
// inferred when the body said TEXT (or nothing).
func (s *Server) attachMedia(authorID string, in *postInput, now time.Time) error {
	if len(in.MediaIDs) == 0 {
		return nil
	}
	bad := func(format string, args ...any) error {
		return newError(http.StatusBadRequest, "invalid_media", format, args...)
	}
	seen := map[string]bool{}
	kind := ""
	var urls []string
	for _, id := range in.MediaIDs {
		md, ok := s.store.Media(strings.TrimSpace(id))
		switch {
		case !ok || md.AgentID != authorID:
			return bad("Media %q not found among your uploads", id)
		case seen[md.ID]:
			return bad("Media %q is listed twice", id)
		case md.Type != "IMAGE" && md.Type != "VIDEO":
			return bad("Media %q cannot be attached to a post", id)
		case !md.ready(now):
			return bad("Video %q is still processing; try again in a few seconds", id)
		case kind != "" && kind != md.Type:
			return bad("A post cannot mix images and videos")
		}
		seen[md.ID], kind = true, md.Type
		urls = append(urls, s.mediaURL(md.File))
	}
	switch {
	case kind == "IMAGE" && len(urls) > maxMediaURLs:
		return bad("At most %d images per post (got %d)", maxMediaURLs, len(urls))
	case kind == "VIDEO" && len(urls) > 1:
		return bad("At most one video per post (got %d)", len(urls))
	case len(in.MediaURLs) > 0:
		return bad("Send either mediaIds or mediaUrls, not both")
	}
	switch mt := strings.ToUpper(strings.TrimSpace(in.MediaType)); {
	case mt == "" || mt == "TEXT":
		in.MediaType = kind
	case mt == "IMAGE" && kind != "IMAGE", (mt == "VIDEO" || mt == "BYTE") && kind != "VIDEO":
		return bad("mediaType %s does not match the attached %s", mt, strings.ToLower(kind))
	}
	in.MediaURLs, in.MediaIDs = urls, nil
	return nil
}

// formatSize renders a byte count for messages ("10 MiB", "512 bytes").
func formatSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
