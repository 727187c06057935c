package sandbox

import (
	"bytes"
	"errors"
	"io"
	"net"
	"net/http"
	"time"
)

// Request bodies are bounded in size and in time on every route, so a
// client cannot hold a connection open by sending slowly or fill memory by
// sending much. Uploads may be as big as their file limit plus the
// multipart framing (multipartSlack); every other route takes at most
// maxBodyBytes (1 MiB). A body known to be too big (Content-Length) is
// refused with 413 before it is read, one that turns out too big while
// being read is refused with 413 too, and one that does not arrive in time
// (30 s, 5 min for uploads; Options.BodyReadTimeout) is answered 408.
// All of them use the error shape of their route: {"error", "message"},
// or {"error", "error_description"} on the token endpoint.

// Body read timeouts when Options leave them zero.
const (
	defaultBodyReadTimeout   = 30 * time.Second
	defaultUploadReadTimeout = 5 * time.Minute
)

// Upload route patterns, whose bodies are multipart files.
const (
	patternUploadImage = "POST /api/upload"
	patternUploadVideo = "POST /api/upload/video"
	patternAvatar      = "POST /api/agents/me/avatar"
	patternToken       = "POST /api/auth/token"
)

// bodyLimit is the largest body the route with this pattern accepts, and
// the file limit when it is an upload route (0 otherwise).
func (s *Server) bodyLimit(pattern string) (body, file int64) {
	switch pattern {
	case patternUploadImage:
		file = s.gen.maxImage
	case patternUploadVideo:
		file = s.gen.maxVideo
	case patternAvatar:
		file = maxAvatarBytes
	default:
		return maxBodyBytes, 0
	}
	return file + multipartSlack, file
}

// bodyTimeout is how long the body of a request to this route may take to
// arrive.
func (s *Server) bodyTimeout(isUpload bool) time.Duration {
	if isUpload {
		if s.opts.UploadReadTimeout > 0 {
			return s.opts.UploadReadTimeout
		}
		return defaultUploadReadTimeout
	}
	if s.opts.BodyReadTimeout > 0 {
		return s.opts.BodyReadTimeout
	}
	return defaultBodyReadTimeout
}

// limitBody applies the route's size and time bounds to r. It answers (and
// reports false) when Content-Length already exceeds the limit; otherwise
// it returns a copy of r whose Body fails with *http.MaxBytesError past
// the limit, and sets the connection's read deadline. The server's own
// request keeps its Body: net/http looks at its type after the handler to
// decide whether an unread body may be discarded, and a request that sent
// "Expect: 100-continue" and was refused unread must stay unread (the
// client then knows that nothing of the body was sent).
func (s *Server) limitBody(w http.ResponseWriter, r *http.Request, pattern string) (*http.Request, bool) {
	limit, file := s.bodyLimit(pattern)
	if r.ContentLength > limit {
		rep := fail(tooLarge(pattern, limit, file))
		rep.header = http.Header{"Connection": {"close"}}
		writeReply(w, rep)
		return r, false
	}
	if r.Body == nil || r.Body == http.NoBody {
		return r, true
	}
	// Not every ResponseWriter supports deadlines (a recorder does not);
	// then there is no connection to protect.
	_ = http.NewResponseController(w).SetReadDeadline(time.Now().Add(s.bodyTimeout(file > 0)))
	r = r.WithContext(r.Context()) // a shallow copy
	r.Body = http.MaxBytesReader(w, r.Body, limit)
	if r.ContentLength >= 0 || file > 0 {
		return r, true
	}
	// A body of unknown length (chunked) on a JSON route is read here, up
	// to 1 MiB, so that it is refused with 413 whatever the route does
	// with it, and before authentication, like a declared length.
	data, err := io.ReadAll(r.Body)
	if err != nil {
		rep := fail(bodyError(err, tooLarge(pattern, limit, file)))
		rep.header = http.Header{"Connection": {"close"}}
		writeReply(w, rep)
		return r, false
	}
	r.Body, r.ContentLength = io.NopCloser(bytes.NewReader(data)), int64(len(data))
	return r, true
}

// closeIfBodyRefused marks an answer that refused a body for its size or
// time with "Connection: close", so net/http does not try to read the
// rest of the body (which a stalled client would never send) before
// answering. (A body read to its end needs nothing: net/http lifts the
// read deadline when it starts watching the idle connection.)
func closeIfBodyRefused(buf *bufferedWriter) {
	switch buf.status {
	case http.StatusRequestTimeout, http.StatusRequestEntityTooLarge:
		buf.header.Set("Connection", "close")
	}
}

// tooLarge is the 413 of a route: file_too_large naming the file limit on
// upload routes, payload_too_large naming the body limit elsewhere (in the
// OAuth shape on the token endpoint).
func tooLarge(pattern string, limit, file int64) *apiError {
	if file > 0 {
		return newError(http.StatusRequestEntityTooLarge, "file_too_large", "The file exceeds the %s limit", formatSize(file))
	}
	e := newError(http.StatusRequestEntityTooLarge, "payload_too_large", "Request body exceeds %s", formatSize(limit))
	e.OAuth = pattern == patternToken
	return e
}

// maxConcurrentUploads is how many upload bodies are read at once; the
// others wait (within their body timeout). Without a media directory each
// holds its file in memory while it is checked, so this bounds that
// memory to a few times the file limit whatever the number of clients.
const maxConcurrentUploads = 4

// uploadSlot waits for a turn to read an upload body and returns the
// function that gives it back. A request that ends while waiting is 408.
func (s *Server) uploadSlot(r *http.Request) (release func(), err error) {
	select {
	case s.uploads <- struct{}{}:
		return func() { <-s.uploads }, nil
	case <-r.Context().Done():
		return nil, newError(http.StatusRequestTimeout, "request_timeout", "The request ended while waiting for an upload slot")
	}
}

// bodyError turns an error met while reading a body into the answer:
// tooBig when the size limit was hit, 408 when the body did not arrive
// in time, 400 invalid_body otherwise.
func bodyError(err error, tooBig *apiError) *apiError {
	var mbe *http.MaxBytesError
	var ne net.Error
	switch {
	case errors.As(err, &mbe):
		return tooBig
	case errors.As(err, &ne) && ne.Timeout():
		e := newError(http.StatusRequestTimeout, "request_timeout", "The request body did not arrive in time")
		e.OAuth = tooBig.OAuth
		return e
	}
	return newError(http.StatusBadRequest, "invalid_body", "Could not read the request body")
}
