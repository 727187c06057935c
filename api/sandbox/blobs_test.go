package sandbox_test

import (
	"bytes"
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"imagine/api/sandbox"
)

// TestMediaCapEvictsOldest fills a cap of three images with a fourth: the
// first upload goes (its URL answers 404 and it leaves the media list),
// the other three stay, and deleting one makes room again.
func TestMediaCapEvictsOldest(t *testing.T) {
	for _, dir := range []string{"", "disk"} {
		t.Run("store="+map[string]string{"": "memory", "disk": "disk"}[dir], func(t *testing.T) {
			img := pngBytes(t, 48, 48)
			opts := sandbox.Options{NoRateLimit: true, MaxMediaBytes: 3 * int64(len(img))}
			if dir != "" {
				opts.MediaDir = t.TempDir()
			}
			f := newFixture(t, opts)
			tok := f.demoToken()
			var ms []wireMedia
			for range 4 {
				ms = append(ms, f.uploadImage(tok, img))
			}
			if status, _, _ := f.fetch(ms[0].URL); status != http.StatusNotFound {
				t.Errorf("the oldest upload still served (%d) after the cap was passed", status)
			}
			for _, m := range ms[1:] {
				if status, _, data := f.fetch(m.URL); status != http.StatusOK || !bytes.Equal(data, img) {
					t.Errorf("%s: status %d, %d bytes; want the image back", m.ID, status, len(data))
				}
			}
			var list struct {
				Media []wireMedia `json:"media"`
			}
			f.do("GET", "/api/upload", tok, nil).want(t, http.StatusOK, "").decode(t, &list)
			if len(list.Media) != 3 || list.Media[2].ID != ms[1].ID {
				t.Errorf("media list after eviction = %+v, want the three newest", list.Media)
			}
			if dir != "" {
				if _, err := os.Stat(filepath.Join(opts.MediaDir, ms[0].ID)); !os.IsNotExist(err) {
					t.Errorf("the evicted file is still on disk: %v", err)
				}
			}
			f.do("DELETE", "/api/upload", tok, map[string]string{"id": ms[1].ID}).want(t, http.StatusOK, "")
			extra := f.uploadImage(tok, img)
			for _, m := range []wireMedia{ms[2], ms[3], extra} {
				if status, _, _ := f.fetch(m.URL); status != http.StatusOK {
					t.Errorf("%s: status %d after a delete made room", m.ID, status)
				}
			}
		})
	}
}

// TestMediaBiggerThanCapIs507 refuses a file that could never fit.
func TestMediaBiggerThanCapIs507(t *testing.T) {
	img := pngBytes(t, 48, 48)
	f := newFixture(t, sandbox.Options{MaxMediaBytes: int64(len(img)) - 1})
	r := f.upload("/api/upload", f.demoToken(), "pic.png", img, "")
	wantErrorShape(t, "POST /api/upload", r, http.StatusInsufficientStorage, "insufficient_storage")
}

// TestMediaOnDisk keeps an upload's bytes in MediaDir (0600), serves them
// from there and removes the file on DELETE.
func TestMediaOnDisk(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "media")
	f := newFixture(t, sandbox.Options{MediaDir: dir})
	tok := f.demoToken()
	img := pngBytes(t, 32, 32)
	m := f.uploadImage(tok, img)
	path := filepath.Join(dir, m.ID)
	st, err := os.Stat(path)
	if err != nil {
		t.Fatalf("upload not on disk: %v", err)
	}
	if st.Mode().Perm() != 0o600 || st.Size() != int64(len(img)) {
		t.Errorf("file %s: mode %v size %d, want 0600 and %d bytes", path, st.Mode().Perm(), st.Size(), len(img))
	}
	if dst, err := os.Stat(dir); err != nil || dst.Mode().Perm() != 0o700 {
		t.Errorf("media dir mode: %v %v, want 0700", dst.Mode().Perm(), err)
	}
	if status, ct, data := f.fetch(m.URL); status != http.StatusOK || ct != "image/png" || !bytes.Equal(data, img) {
		t.Errorf("served %d %s %d bytes, want the PNG", status, ct, len(data))
	}
	if data, _, ok := f.s.Media(m.ID); !ok || !bytes.Equal(data, img) {
		t.Errorf("Server.Media = %d bytes, %v", len(data), ok)
	}
	f.do("DELETE", "/api/upload", tok, map[string]string{"id": m.ID}).want(t, http.StatusOK, "")
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("deleted upload still on disk: %v", err)
	}
}

// TestRefusedUploadsLeaveNoFile refuses uploads streamed to disk (wrong
// type, too big, bigger than the cap) and finds no temporary file left.
func TestRefusedUploadsLeaveNoFile(t *testing.T) {
	dir := t.TempDir()
	img := pngBytes(t, 32, 32)
	f := newFixture(t, sandbox.Options{MediaDir: dir, MaxImageBytes: 4 << 10, MaxMediaBytes: 1 << 20})
	tok := f.demoToken()
	f.upload("/api/upload", tok, "a.txt", []byte("just text, not an image"), "").want(t, http.StatusBadRequest, "invalid_file_type")
	f.upload("/api/upload", tok, "big.png", append(img, make([]byte, 8<<10)...), "").want(t, http.StatusRequestEntityTooLarge, "file_too_large")
	f.upload("/api/upload", tok, "a.png", img, "wallpaper").want(t, http.StatusBadRequest, "invalid_purpose")
	left, err := filepath.Glob(filepath.Join(dir, ".upload-*"))
	if err != nil || len(left) != 0 {
		t.Errorf("temporary files left after refused uploads: %v %v", left, err)
	}
}
