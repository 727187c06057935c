package composer

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"imagine/api"
	"imagine/api/sanitize"
	"imagine/views/media"
)

// Accepted formats, for messages.
const (
	imageFormats = "JPEG, PNG, GIF, WebP"
	videoFormats = "MP4, WebM, QuickTime"
)

// extKind says what an extension the picker offers is for: image, video
// or "" (not offered). The content decides the type of a file; the
// extension only breaks the ties DetectContentType leaves (WebM versus
// Matroska, old QuickTime files).
func extKind(ext string) string {
	switch strings.ToLower(ext) {
	case ".jpg", ".jpeg", ".png", ".gif", ".webp":
		return api.MediaTypeImage
	case ".mp4", ".m4v", ".webm", ".mov", ".qt":
		return api.MediaTypeVideo
	}
	return ""
}

// allowedExt reports whether name has an extension the picker offers.
func allowedExt(name string) bool { return extKind(filepath.Ext(name)) != "" }

// fileCheck is what inspecting a local file found out.
type fileCheck struct {
	path  string
	name  string // cleaned base name, for the screen
	kind  string // api.MediaTypeImage or api.MediaTypeVideo
	ctype string // e.g. image/png
	size  int64
}

// displayName is the base name of path, cleaned for the screen (T27: a
// file name is untrusted text).
func displayName(path string) string {
	name := sanitize.Line(filepath.Base(path))
	if strings.TrimSpace(name) == "" {
		return "file"
	}
	return name
}

// uploadName is the file name sent with an upload: the base name reduced
// to [A-Za-z0-9._-], so no byte of a local file name can reach a multipart
// header unescaped.
func uploadName(path string) string {
	name := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '-' || r == '_' {
			return r
		}
		return '_'
	}, filepath.Base(path))
	if strings.Trim(name, "._") == "" {
		return "upload"
	}
	return name
}

// inspect checks a local file before any upload: it exists, is a regular
// file, its first 512 bytes are an accepted image or video, and it is
// within the size limit of its kind. It does file I/O: call it from a Cmd.
// Errors are sentences for the operator, starting with the file's name.
func inspect(path string) (fileCheck, error) {
	c := fileCheck{path: path, name: displayName(path)}
	f, err := os.Open(path)
	if err != nil {
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return c, fmt.Errorf("%s: no such file", c.name)
		case errors.Is(err, fs.ErrPermission):
			return c, fmt.Errorf("%s: permission denied", c.name)
		}
		return c, fmt.Errorf("%s: %w", c.name, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return c, fmt.Errorf("%s: %w", c.name, err)
	}
	if st.IsDir() {
		return c, fmt.Errorf("%s: is a directory", c.name)
	}
	if !st.Mode().IsRegular() {
		return c, fmt.Errorf("%s: not a regular file", c.name)
	}
	c.size = st.Size()
	if c.size == 0 {
		return c, fmt.Errorf("%s: the file is empty", c.name)
	}
	head := make([]byte, 512)
	n, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return c, fmt.Errorf("%s: %w", c.name, err)
	}
	head = head[:n]
	c.kind, c.ctype = sniff(head, filepath.Ext(path))
	if c.kind == "" {
		return c, errors.New(unsupported(c.name, c.ctype, filepath.Ext(path)))
	}
	return c, checkSize(c.name, c.kind, c.size)
}

// checkSize refuses a file over its kind's limit.
func checkSize(name, kind string, size int64) error {
	limit, what := int64(api.MaxImageBytes), "image"
	if kind == api.MediaTypeVideo {
		limit, what = api.MaxVideoBytes, "video"
	}
	if size > limit {
		return fmt.Errorf("%s: %s is over the %s %s limit", name, media.FormatSize(size), media.FormatSize(limit), what)
	}
	return nil
}

// sniff returns the kind and content type of a file from its first bytes
// and, for the cases DetectContentType cannot settle, its extension. An
// unaccepted file gives kind "" and whatever type was detected.
func sniff(head []byte, ext string) (kind, ctype string) {
	ext = strings.ToLower(ext)
	ct := http.DetectContentType(head)
	switch ct {
	case "image/jpeg", "image/png", "image/gif", "image/webp":
		return api.MediaTypeImage, ct
	case "video/mp4":
		return api.MediaTypeVideo, ct
	case "video/webm":
		// Any Matroska file sniffs as WebM; only a WebM one is accepted.
		if ext == ".webm" || bytes.Contains(head, []byte("webm")) {
			return api.MediaTypeVideo, ct
		}
		return "", "video/x-matroska"
	}
	if len(head) >= 12 && string(head[4:8]) == "ftyp" {
		switch brand := string(head[8:12]); {
		case brand == "qt  ":
			return api.MediaTypeVideo, "video/quicktime"
		case ext == ".mov" || ext == ".qt":
			return api.MediaTypeVideo, "video/quicktime"
		case ext == ".mp4" || ext == ".m4v":
			return api.MediaTypeVideo, "video/mp4"
		}
	}
	if len(head) >= 8 && (ext == ".mov" || ext == ".qt") {
		// Old QuickTime files start with an atom rather than ftyp.
		switch string(head[4:8]) {
		case "moov", "mdat", "wide", "free", "skip", "pnot":
			return api.MediaTypeVideo, "video/quicktime"
		}
	}
	return "", ct
}

// friendlyType names a content type DetectContentType reports.
func friendlyType(ct string) string {
	switch ct {
	case "image/bmp":
		return "BMP"
	case "image/x-icon":
		return "ICO"
	case "video/avi":
		return "AVI"
	case "video/x-matroska":
		return "Matroska (MKV)"
	case "audio/mpeg":
		return "MP3 audio"
	case "audio/wave":
		return "WAV audio"
	case "audio/aiff":
		return "AIFF audio"
	case "audio/basic", "audio/midi":
		return "audio"
	case "application/ogg":
		return "Ogg"
	case "application/pdf":
		return "PDF"
	case "application/zip":
		return "ZIP"
	case "application/x-gzip":
		return "gzip"
	case "application/x-rar-compressed":
		return "RAR"
	case "application/wasm":
		return "WebAssembly"
	case "text/html":
		return "HTML"
	case "text/xml":
		return "XML"
	case "text/plain":
		return "plain text"
	case "application/octet-stream":
		return "unrecognised data"
	}
	return strings.ToUpper(strings.TrimPrefix(strings.TrimPrefix(ct, "image/"), "video/"))
}

// unsupported explains why a file is refused, naming what it looks like
// and what is accepted.
func unsupported(name, ctype, ext string) string {
	base, _, _ := strings.Cut(ctype, ";")
	label := friendlyType(base)
	switch {
	case strings.HasPrefix(base, "image/"):
		return fmt.Sprintf("%s: %s is not supported (%s)", name, label, imageFormats)
	case strings.HasPrefix(base, "video/"):
		return fmt.Sprintf("%s: %s is not supported (%s)", name, label, videoFormats)
	case extKind(ext) == api.MediaTypeImage:
		return fmt.Sprintf("%s: the content is %s, not an image (%s)", name, label, imageFormats)
	case extKind(ext) == api.MediaTypeVideo:
		return fmt.Sprintf("%s: the content is %s, not a video (%s)", name, label, videoFormats)
	}
	return fmt.Sprintf("%s: %s is not an image or a video (%s, %s)", name, label, imageFormats, videoFormats)
}
