package sandbox

import (
	"errors"
	"io"
	"mime/multipart"
	"net/http"
	"os"
)

// sniffBytes is how much of a file the type sniffers look at
// (http.DetectContentType reads at most 512 bytes).
const sniffBytes = 512

// received is an uploaded file once read: in memory (data), or, when the
// server keeps files on disk, streamed to a temporary file of the media
// directory (path) without ever being held in memory whole. head is its
// start, for the type sniffers.
type received struct {
	head []byte
	data []byte
	path string
	size int64
}

// discard removes the temporary file of a received upload, if any is
// still there (saving it renames it away). It is safe on nil.
func (f *received) discard() {
	if f != nil && f.path != "" {
		_ = os.Remove(f.path)
	}
}

// receiveFile reads the file part of an upload, at most limit bytes (more
// is file_too_large): into memory when spoolDir is "" (sizeHint, the
// request's Content-Length, sizes the buffer), else into a temporary file
// there. If the directory cannot be used the file is read into memory.
func receiveFile(part *multipart.Part, limit, sizeHint int64, spoolDir string) (*received, error) {
	if spoolDir != "" {
		if f, err := spoolFile(part, limit, spoolDir); err != errSpoolUnavailable {
			return f, err
		}
	}
	data, err := readPart(part, limit, sizeHint)
	if err != nil {
		return nil, err
	}
	return &received{head: data[:min(len(data), sniffBytes)], data: data, size: int64(len(data))}, nil
}

// errSpoolUnavailable says the media directory could not take a
// temporary file (nothing of the part has been read).
var errSpoolUnavailable = errors.New("media directory unavailable")

// spoolFile streams a part to a temporary file of dir (mode 0600).
func spoolFile(part *multipart.Part, limit int64, dir string) (*received, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, errSpoolUnavailable
	}
	tmp, err := os.CreateTemp(dir, ".upload-*")
	if err != nil {
		return nil, errSpoolUnavailable
	}
	f := &received{path: tmp.Name()}
	head := &headWriter{max: sniffBytes}
	disk := &diskWriter{f: tmp}
	n, err := io.Copy(io.MultiWriter(disk, head), io.LimitReader(part, limit+1))
	if cerr := tmp.Close(); disk.err == nil {
		disk.err = cerr
	}
	f.head, f.size = head.buf, n
	switch {
	case n > limit:
		err = fileTooLarge(limit)
	case disk.err != nil:
		err = newError(http.StatusInsufficientStorage, "insufficient_storage", "The sandbox could not store the file")
	case err != nil:
		err = bodyError(err, fileTooLarge(limit))
	}
	if err != nil {
		f.discard()
		return nil, err
	}
	return f, nil
}

// fileTooLarge is the 413 of a file over its limit.
func fileTooLarge(limit int64) *apiError {
	return newError(http.StatusRequestEntityTooLarge, "file_too_large", "The file exceeds the %s limit", formatSize(limit))
}

// diskWriter writes to a file and remembers a write error, so that a
// failing disk is told apart from a failing client.
type diskWriter struct {
	f   *os.File
	err error
}

func (d *diskWriter) Write(p []byte) (int, error) {
	n, err := d.f.Write(p)
	if err != nil && d.err == nil {
		d.err = err
	}
	return n, err
}

// headWriter keeps the first max bytes written to it.
type headWriter struct {
	max int
	buf []byte
}

func (h *headWriter) Write(p []byte) (int, error) {
	if room := h.max - len(h.buf); room > 0 {
		h.buf = append(h.buf, p[:min(room, len(p))]...)
	}
	return len(p), nil
}
