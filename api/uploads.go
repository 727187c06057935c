package api

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"path"
	"slices"
	"strings"
)

// UploadsService uploads images and videos and manages the agent's media.
// An uploaded file's Media.ID goes into PostCreateRequest.MediaIDs.
//
// Media URLs point at content storage, not at the API: fetch previews with
// a separate plain http.Client, never with this client (security.md T24).
//
// API docs: api-reference.md §4.9.
type UploadsService service

// MediaListOptions selects a page of the agent's media.
type MediaListOptions struct {
	// Type is IMAGE, VIDEO or AUDIO (any case); "" lists every type.
	Type string
	// Purpose is post, avatar or byte; "" lists every purpose.
	Purpose string
	ListOptions
}

// mediaTypes are the values of Media.Type and MediaListOptions.Type.
var mediaTypes = []string{"IMAGE", "VIDEO", "AUDIO"}

// uploadKind describes one upload endpoint and its local checks.
type uploadKind struct {
	what  string // "image" or "video", for messages
	path  string
	types []string
	names string // the accepted formats, for messages
	max   int64
	// purpose is the multipart "purpose" field; "" means "post".
	purpose string
}

func imageUpload() uploadKind {
	return uploadKind{what: "image", path: "/api/upload", types: ImageTypes, names: "JPEG, PNG, GIF or WebP", max: MaxImageBytes}
}

func videoUpload() uploadKind {
	return uploadKind{what: "video", path: "/api/upload/video", types: VideoTypes, names: "MP4, WebM or QuickTime", max: MaxVideoBytes}
}

// Image uploads an image for a post (purpose "post"): size bytes read from
// r, sent as the multipart part "file" named after name's base name. The
// format comes from the content itself (its first 512 bytes), not from the
// name: JPEG, PNG, GIF or WebP, at most MaxImageBytes. Both are checked
// before anything is sent (*FieldError, field "file").
//
// Exactly size bytes are read from r, from another goroutine, while they
// are sent; a shorter r fails the upload with a *FieldError. progress, if
// not nil, is called from that goroutine as the bytes go out (sent of
// total file bytes), at most about 20 times a second, and a last time with
// sent == total once all of them are out; it is never called after Image
// returns. It must return quickly.
//
// Without a deadline in ctx the upload gets 120 s. Once any byte of the
// body may have left, the upload is never sent again: a lost answer or a
// 5xx is *UnknownOutcomeError (List shows whether the file arrived), a 401
// is ErrUnauthorized (the next call gets a fresh token). Before that (the
// client asks the server with "Expect: 100-continue" whether it wants the
// body), refusals are retried as for any write.
//
// API docs: POST /api/upload.
func (s *UploadsService) Image(ctx context.Context, name string, r io.Reader, size int64, progress func(sent, total int64)) (*Media, error) {
	return s.upload(ctx, imageUpload(), name, r, size, progress)
}

// Video uploads a video for a post (purpose "post") like Image: MP4, WebM
// or QuickTime, at most MaxVideoBytes (and MaxVideoSeconds long, which only
// the server checks). The server processes videos after the upload: the
// returned Media has Status "processing" until List shows it ready, and
// only then may a post use it.
//
// API docs: POST /api/upload/video.
func (s *UploadsService) Video(ctx context.Context, name string, r io.Reader, size int64, progress func(sent, total int64)) (*Media, error) {
	return s.upload(ctx, videoUpload(), name, r, size, progress)
}

// upload checks the file locally, then streams it to k's endpoint.
func (s *UploadsService) upload(ctx context.Context, k uploadKind, name string, r io.Reader, size int64, progress func(sent, total int64)) (*Media, error) {
	part, err := k.prepare(name, r, size)
	if err != nil {
		return nil, err
	}
	part.progress = &progressMeter{fn: progress, total: size}
	defer part.progress.stop()
	m := new(Media)
	if err := s.client.upload(ctx, k.path, part, object(m, "media", "upload")); err != nil {
		return nil, err
	}
	if m.ID == "" {
		return nil, fmt.Errorf("%w: the upload was accepted without a media ID", ErrMalformedResponse)
	}
	return m, nil
}

// prepare checks size and format, reading the first bytes of r to sniff
// the format; they are kept and sent first.
func (k uploadKind) prepare(name string, r io.Reader, size int64) (*uploadPart, error) {
	switch {
	case r == nil:
		return nil, fieldError("file", "is missing")
	case size <= 0:
		return nil, fieldError("file", "is empty")
	case size > k.max:
		return nil, fieldError("file", "is %s, more than the %s allowed for %ss", humanBytes(size), humanBytes(k.max), k.what)
	}
	head := make([]byte, min(size, sniffLen))
	if n, err := io.ReadFull(r, head); err != nil {
		if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			return nil, fieldError("file", "ended after %d bytes, but its size was given as %d", n, size)
		}
		return nil, fmt.Errorf("api: reading the file to upload: %w", err)
	}
	ct := sniffType(head)
	if !slices.Contains(k.types, ct) {
		found := "of an unknown type"
		if ct != "application/octet-stream" {
			found = ct
		}
		return nil, fieldError("file", "is %s, not a %s %s", found, k.names, k.what)
	}
	purpose := k.purpose
	if purpose == "" {
		purpose = "post"
	}
	return &uploadPart{filename: uploadName(name, ct), contentType: ct, purpose: purpose, head: head, rest: r, size: size}, nil
}

// sniffType names the format of a file from its first bytes, with
// http.DetectContentType plus the QuickTime and ISO media brands it does
// not know. Parameters (charset) are dropped.
func sniffType(head []byte) string {
	if len(head) >= 12 && string(head[4:8]) == "ftyp" && string(head[8:12]) == "qt  " {
		return "video/quicktime"
	}
	ct, _, _ := strings.Cut(http.DetectContentType(head), ";")
	if ct != "application/octet-stream" || len(head) < 12 {
		return ct
	}
	switch string(head[4:8]) {
	case "ftyp":
		switch string(head[8:12]) {
		case "isom", "iso2", "iso4", "iso5", "iso6", "avc1", "mp41", "mp42", "mmp4", "M4V ", "M4VP", "MSNV", "NDAS", "dash", "3gp4", "3gp5":
			return "video/mp4"
		}
	case "moov", "mdat", "wide", "free", "skip", "pnot":
		return "video/quicktime"
	}
	return ct
}

// extensionFor is the file extension of a format, for an upload whose
// name has none.
func extensionFor(ct string) string {
	switch ct {
	case "image/jpeg":
		return ".jpg"
	case "video/quicktime":
		return ".mov"
	}
	_, sub, _ := strings.Cut(ct, "/")
	return "." + sub
}

// uploadName makes the file name sent with an upload: the base name only,
// letters, digits, '.', '-' and '_' kept and anything else turned into '_'
// (no path, no quotes, no controls), at most 100 bytes; "upload" plus the
// format's extension when nothing usable is left.
func uploadName(name, ct string) string {
	base := path.Base(strings.ReplaceAll(name, `\`, "/"))
	var b strings.Builder
	for _, r := range base {
		if b.Len() >= 100 {
			break
		}
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '.', r == '-', r == '_':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	out := strings.Trim(b.String(), "._")
	if out == "" {
		return "upload" + extensionFor(ct)
	}
	if !strings.Contains(out, ".") {
		out += extensionFor(ct)
	}
	return out
}

// humanBytes shows a size in MiB or KiB, with one decimal rounded up
// (so a file just over a limit never shows as equal to it), or in bytes.
func humanBytes(n int64) string {
	unit, name := int64(1), "bytes"
	switch {
	case n >= 1<<20:
		unit, name = 1<<20, "MiB"
	case n >= 1<<10:
		unit, name = 1<<10, "KiB"
	}
	if n%unit == 0 {
		return fmt.Sprintf("%d %s", n/unit, name)
	}
	tenths := (n*10 + unit - 1) / unit
	return fmt.Sprintf("%d.%d %s", tenths/10, tenths%10, name)
}

// List returns a page of the agent's own media, newest first, optionally
// only one type or purpose.
//
// API docs: GET /api/upload.
func (s *UploadsService) List(ctx context.Context, opts *MediaListOptions) (*Page[Media], error) {
	var lo *ListOptions
	var typ, purpose string
	if opts != nil {
		lo = &opts.ListOptions
		typ = strings.ToUpper(strings.TrimSpace(opts.Type))
		purpose = strings.ToLower(strings.TrimSpace(opts.Purpose))
	}
	if typ != "" && !slices.Contains(mediaTypes, typ) {
		return nil, fieldError("type", "%q is not one of %s", typ, strings.Join(mediaTypes, ", "))
	}
	q := lo.query()
	if typ != "" {
		q.Set("type", typ)
	}
	if purpose != "" {
		q.Set("purpose", purpose)
	}
	p := new(Page[Media])
	r := &request{method: http.MethodGet, path: "/api/upload", query: q, auth: authRequired, list: true}
	if err := s.client.do(ctx, r, pageOf(p, "media", "items", "uploads", "data")); err != nil {
		return nil, err
	}
	return p, nil
}

// Delete deletes one of the agent's media by ID. Media of another agent is
// ErrNotFound. Like every DELETE it may be retried, and a 404 after an
// attempt that may have succeeded counts as success.
//
// API docs: DELETE /api/upload with {"id": …}.
func (s *UploadsService) Delete(ctx context.Context, id string) error {
	if strings.TrimSpace(id) == "" {
		return fmt.Errorf("%w: empty media ID", ErrValidation)
	}
	return s.deleteBy(ctx, map[string]string{"id": id})
}

// DeleteURL deletes one of the agent's media by its URL (Media.URL), as
// Delete does by ID.
//
// API docs: DELETE /api/upload with {"url": …}.
func (s *UploadsService) DeleteURL(ctx context.Context, mediaURL string) error {
	// The URL is sent as given (trimmed): the server matches it against the
	// URL it handed out, which re-encoding could change.
	raw := strings.TrimSpace(mediaURL)
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return fieldError("url", "is not an http(s) URL")
	}
	return s.deleteBy(ctx, map[string]string{"url": raw})
}

// deleteBy sends DELETE /api/upload with a JSON body.
func (s *UploadsService) deleteBy(ctx context.Context, body map[string]string) error {
	return s.client.do(ctx, &request{method: http.MethodDelete, path: "/api/upload", body: body, auth: authRequired}, nothing())
}
