package api

// Streaming uploads. The file is never held in memory: a goroutine writes
// the multipart body (the "purpose" field, then the "file" part) into an
// io.Pipe that the HTTP transport reads, so the bytes counted as sent are
// the bytes the transport has taken. The body length is computed in
// advance (framing plus the declared size) so the request is not chunked
// and the server can refuse an oversized file from the headers alone.
//
// Uploads follow the write rules of retry.go with one more: the request
// carries "Expect: 100-continue", so a server that refuses before reading
// the body (401, 429, 408, 5xx) does so before any byte of the file has
// left, and such an attempt may be repeated. Once any byte of the body was
// taken by the transport, nothing is repeated: a transport failure or a 5xx
// becomes *UnknownOutcomeError, a 401 or 429 is returned as is.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"sync"
	"sync/atomic"
	"time"
)

// Upload tuning.
const (
	uploadTimeout = 120 * time.Second     // per call, when ctx has no deadline (security.md §5.1)
	sniffLen      = 512                   // what http.DetectContentType looks at
	progressEvery = 50 * time.Millisecond // at most ~20 progress calls a second
	copyChunk     = 32 << 10
)

// errUploadEnded tells the body writer that the request is over (answered,
// failed or abandoned); it is never returned to callers.
var errUploadEnded = errors.New("api: upload ended")

// uploadPart is a checked file ready to be streamed.
type uploadPart struct {
	filename    string
	contentType string
	purpose     string
	head        []byte    // the first bytes, read for sniffing
	rest        io.Reader // the remaining size-len(head) bytes
	size        int64
	progress    *progressMeter
}

// header is the MIME header of the file part.
func (p *uploadPart) header() textproto.MIMEHeader {
	h := textproto.MIMEHeader{}
	h.Set("Content-Disposition", multipart.FileContentDisposition("file", p.filename))
	h.Set("Content-Type", p.contentType)
	return h
}

// framing returns how many bytes the multipart body adds around the file
// with this boundary.
func (p *uploadPart) framing(boundary string) (int64, error) {
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	if err := mw.SetBoundary(boundary); err != nil {
		return 0, err
	}
	if err := mw.WriteField("purpose", p.purpose); err != nil {
		return 0, err
	}
	if _, err := mw.CreatePart(p.header()); err != nil {
		return 0, err
	}
	if err := mw.Close(); err != nil {
		return 0, err
	}
	return int64(buf.Len()), nil
}

// stream writes the whole body into pw and closes it (with the error, if
// any, so that the transport stops).
func (p *uploadPart) stream(mw *multipart.Writer, pw *io.PipeWriter) error {
	err := p.write(mw)
	_ = pw.CloseWithError(err)
	return err
}

// write writes the purpose field, the file part and the closing boundary.
// Errors other than errUploadEnded are about the file itself.
func (p *uploadPart) write(mw *multipart.Writer) error {
	if err := mw.WriteField("purpose", p.purpose); err != nil {
		return err
	}
	w, err := mw.CreatePart(p.header())
	if err != nil {
		return err
	}
	src := io.MultiReader(bytes.NewReader(p.head), io.LimitReader(p.rest, p.size-int64(len(p.head))))
	buf := make([]byte, copyChunk)
	var sent int64
	for {
		n, rerr := src.Read(buf)
		if n > 0 {
			if _, err := w.Write(buf[:n]); err != nil {
				return err
			}
			sent += int64(n)
			p.progress.report(sent)
		}
		if rerr == io.EOF {
			break
		}
		if rerr != nil {
			return fmt.Errorf("api: reading the file to upload: %w", rerr)
		}
	}
	if sent < p.size {
		return fieldError("file", "ended after %d bytes, but its size was given as %d", sent, p.size)
	}
	return mw.Close()
}

// meteredBody is the request body: the pipe's read end, counting what the
// transport took.
type meteredBody struct {
	pr    *io.PipeReader
	taken atomic.Int64
}

// Read implements io.Reader.
func (b *meteredBody) Read(p []byte) (int, error) {
	n, err := b.pr.Read(p)
	b.taken.Add(int64(n))
	return n, err
}

// Close implements io.Closer; the transport calls it when it is done with
// the body, which stops the writer.
func (b *meteredBody) Close() error { return b.pr.CloseWithError(errUploadEnded) }

// progressMeter throttles the caller's progress callback and makes sure it
// is not called once the upload call has returned. It paces on the real
// clock: it is about screen updates, not API time.
type progressMeter struct {
	fn    func(sent, total int64)
	total int64

	mu      sync.Mutex
	last    time.Time
	stopped bool
}

// report passes sent on when the last call is at least progressEvery ago,
// and always when the whole file is out.
func (m *progressMeter) report(sent int64) {
	if m == nil || m.fn == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	now := time.Now()
	if m.stopped || (sent < m.total && now.Sub(m.last) < progressEvery) {
		return
	}
	m.last = now
	m.fn(sent, m.total)
}

// stop waits for a call in progress and prevents any later one.
func (m *progressMeter) stop() {
	m.mu.Lock()
	m.stopped = true
	m.mu.Unlock()
}

// upload sends p to path as a multipart POST and decodes the answer into
// out, following the rules at the top of this file.
func (c *Client) upload(ctx context.Context, path string, p *uploadPart, out target) (err error) {
	r := &request{method: http.MethodPost, path: path, auth: authRequired}
	done, err := guardWrite(ctx, r)
	if err != nil {
		return err
	}
	defer func() { done(err) }()
	c.reads.forget()
	defer c.reads.forget()
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, uploadTimeout)
		defer cancel()
	}
	u := c.baseURL.String() + path
	bg := isBackground(ctx)
	authRetried, rateWaits := false, 0
	for attempt := 1; ; attempt++ {
		if err := c.wait(ctx, r.bucket()); err != nil {
			return err
		}
		tok, gen, err := c.tokenFor(ctx, r.auth)
		if err != nil {
			return err
		}
		res, bodySent, err := c.sendUpload(ctx, r, u, p, tok)
		var fe *FieldError
		if errors.As(err, &fe) || isFileError(err) {
			return err
		}
		again := !bodySent && !bg && attempt < maxAttempts
		if err != nil {
			if again && !errors.Is(err, context.Canceled) && c.backoff(ctx, r, attempt) {
				continue
			}
			return c.transportError(r, u, err, bodySent)
		}
		switch s := res.status; {
		case s >= 200 && s < 300:
			if res.tooLarge {
				return fmt.Errorf("api: %s %s: %w", r.method, u, ErrResponseTooLarge)
			}
			return decode(out, res.body)
		case s == http.StatusUnauthorized && !authRetried:
			// Whatever happens next, this token is spent.
			c.tokens.invalidate(gen)
			authRetried = true
			if again {
				continue
			}
		case s == http.StatusTooManyRequests:
			d := retryWait(res, c.now())
			if !again || rateWaits >= c.rateWaits || !fits(ctx, d) {
				return c.rateLimitError(d)
			}
			if err := c.sleep(ctx, d); err != nil {
				return err
			}
			rateWaits++
			continue
		case (s == http.StatusRequestTimeout || retryableStatus(s)) && again:
			if c.backoff(ctx, r, attempt) {
				continue
			}
		}
		err = checkResponse(r.method, u, res)
		if retryableStatus(res.status) && bodySent {
			return &UnknownOutcomeError{Method: r.method, URL: u, Err: err}
		}
		return err
	}
}

// fileError marks an error reading the caller's file.
type fileError struct{ err error }

// Error implements error.
func (e *fileError) Error() string { return e.err.Error() }

// Unwrap returns the read error.
func (e *fileError) Unwrap() error { return e.err }

// isFileError reports whether err came from the caller's file.
func isFileError(err error) bool {
	var fe *fileError
	return errors.As(err, &fe)
}

// sendUpload makes one attempt. bodySent reports whether the transport took
// any byte of the body, after which the attempt must not be repeated. An
// error from the file (short, unreadable) wins over whatever the transport
// reports, since it is what broke the request.
func (c *Client) sendUpload(ctx context.Context, r *request, u string, p *uploadPart, tok Secret) (res *response, bodySent bool, err error) {
	ctx = withToken(ctx, tok)
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	extra, err := p.framing(mw.Boundary())
	if err != nil {
		return nil, false, err
	}
	body := &meteredBody{pr: pr}
	req, err := http.NewRequestWithContext(ctx, r.method, u, body)
	if err != nil {
		return nil, false, err
	}
	req.ContentLength = extra + p.size
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", c.userAgent)
	req.Header.Set("Expect", "100-continue")

	done := make(chan error, 1)
	go func() { done <- p.stream(mw, pw) }()
	resp, err := c.hc.Do(req)
	if err == nil {
		res, err = c.readResponse(r, resp)
	}
	_ = pr.CloseWithError(errUploadEnded)
	// The writer ends at once now, unless it is stuck in a Read of the
	// caller's file; then the deadline ends the wait.
	var werr error
	select {
	case werr = <-done:
	case <-ctx.Done():
	}
	bodySent = body.taken.Load() > 0
	if werr != nil && !errors.Is(werr, errUploadEnded) {
		var fe *FieldError
		if errors.As(werr, &fe) {
			return nil, bodySent, werr
		}
		return nil, bodySent, &fileError{err: werr}
	}
	return res, bodySent, err
}
