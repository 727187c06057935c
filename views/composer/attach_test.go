package composer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"imagine/api"
)

func TestInspectTellsTheTypeByContentAndChecksTheSize(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "folder.png"), 0o700); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		file, format string
		size         int64
		kind, ctype  string // when accepted
		err          string // when refused: the whole message
	}{
		{file: "cat.png", format: "png", size: 2048, kind: api.MediaTypeImage, ctype: "image/png"},
		{file: "really-a-png.jpg", format: "png", size: 2048, kind: api.MediaTypeImage, ctype: "image/png"},
		{file: "photo.jpeg", format: "jpeg", size: 900, kind: api.MediaTypeImage, ctype: "image/jpeg"},
		{file: "anim.gif", format: "gif", size: 900, kind: api.MediaTypeImage, ctype: "image/gif"},
		{file: "clip.mp4", format: "mp4", size: 4096, kind: api.MediaTypeVideo, ctype: "video/mp4"},
		{file: "clip.mov", format: "mov", size: 4096, kind: api.MediaTypeVideo, ctype: "video/quicktime"},
		{file: "old.mov", format: "oldmov", size: 4096, kind: api.MediaTypeVideo, ctype: "video/quicktime"},
		{file: "clip.webm", format: "webm", size: 4096, kind: api.MediaTypeVideo, ctype: "video/webm"},
		{file: "photo.bmp", format: "bmp", size: 900, err: "photo.bmp: BMP is not supported (JPEG, PNG, GIF, WebP)"},
		{file: "film.mkv", format: "mkv", size: 900, err: "film.mkv: Matroska (MKV) is not supported (MP4, WebM, QuickTime)"},
		{file: "notes.png", format: "text", size: 0, err: "notes.png: the content is plain text, not an image (JPEG, PNG, GIF, WebP)"},
		{file: "notes.txt", format: "text", size: 0, err: "notes.txt: plain text is not an image or a video (JPEG, PNG, GIF, WebP, MP4, WebM, QuickTime)"},
		{file: "old.bin", format: "oldmov", size: 900, err: "old.bin: unrecognised data is not an image or a video (JPEG, PNG, GIF, WebP, MP4, WebM, QuickTime)"},
		{file: "clip.mp4", format: "mp4", size: 61 << 20, err: "clip.mp4: 61 MB is over the 50 MB video limit"},
		{file: "big.png", format: "png", size: 10<<20 + 1, err: "big.png: 10.1 MB is over the 10 MB image limit"},
		{file: "limit.png", format: "png", size: 10 << 20, kind: api.MediaTypeImage, ctype: "image/png"},
	}
	for _, c := range cases {
		t.Run(c.file+"/"+c.format, func(t *testing.T) {
			path := writeFile(t, t.TempDir(), c.file, head(c.format), c.size)
			got, err := inspect(path)
			if c.err != "" {
				if err == nil || err.Error() != c.err {
					t.Fatalf("err = %v, want %q", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.kind != c.kind || got.ctype != c.ctype {
				t.Errorf("kind %s type %s, want %s %s", got.kind, got.ctype, c.kind, c.ctype)
			}
		})
	}
	for name, want := range map[string]string{
		"missing.png": "missing.png: no such file",
		"folder.png":  "folder.png: is a directory",
	} {
		if _, err := inspect(filepath.Join(dir, name)); err == nil || err.Error() != want {
			t.Errorf("%s: err = %v, want %q", name, err, want)
		}
	}
	empty := writeFile(t, dir, "empty.png", nil, 0)
	if _, err := inspect(empty); err == nil || err.Error() != "empty.png: the file is empty" {
		t.Errorf("empty file: err = %v", err)
	}
}

func TestFileNamesAreCleanedForTheScreenAndTheUpload(t *testing.T) {
	hostile := "a\x1b]0;x\x07b\u202egnp.exe"
	if got := displayName("/tmp/" + hostile); strings.ContainsAny(got, "\x1b\x07\u202e") {
		t.Errorf("display name %q keeps control characters", got)
	}
	if got := uploadName("/tmp/" + hostile + "\r\nX-Evil: 1.png"); strings.Trim(got, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") != "" {
		t.Errorf("upload name %q holds more than [A-Za-z0-9._-]", got)
	}
	if got := uploadName("/tmp/..."); got != "upload" {
		t.Errorf("upload name of dots = %q", got)
	}
}
