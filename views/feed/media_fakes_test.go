package feed

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"

	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/internal/tuitest"
)

// fakeUploads uploads instantly (or after a gate opens), lists pages and
// records deletions.
type fakeUploads struct {
	mu      sync.Mutex
	n       int
	gate    chan struct{} // when set, uploads wait for it to close
	items   []api.Media   // what List answers, newest first
	deleted []string
	calls   []string
}

func (f *fakeUploads) upload(ctx context.Context, kind, name string, r io.Reader, size int64) (*api.Media, error) {
	f.mu.Lock()
	gate := f.gate
	f.mu.Unlock()
	if gate != nil {
		select {
		case <-gate:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	if n, err := io.Copy(io.Discard, r); err != nil || n != size {
		return nil, fmt.Errorf("read %d of %d bytes: %v", n, size, err)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.n++
	f.calls = append(f.calls, kind+":"+name)
	return &api.Media{ID: fmt.Sprintf("med_%d", f.n), Type: kind, Status: "ready"}, nil
}

func (f *fakeUploads) Image(ctx context.Context, name string, r io.Reader, size int64, _ func(int64, int64)) (*api.Media, error) {
	return f.upload(ctx, api.MediaTypeImage, name, r, size)
}

func (f *fakeUploads) Video(ctx context.Context, name string, r io.Reader, size int64, _ func(int64, int64)) (*api.Media, error) {
	return f.upload(ctx, api.MediaTypeVideo, name, r, size)
}

func (f *fakeUploads) List(_ context.Context, opts *api.MediaListOptions) (*api.Page[api.Media], error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, "list:"+opts.Type+"@"+opts.Cursor)
	return &api.Page[api.Media]{Items: append([]api.Media(nil), f.items...)}, nil
}

func (f *fakeUploads) Delete(_ context.Context, id string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.deleted = append(f.deleted, id)
	for i, md := range f.items {
		if md.ID == id {
			f.items = append(f.items[:i], f.items[i+1:]...)
			break
		}
	}
	return nil
}

func (f *fakeUploads) deletions() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.deleted...)
}

// pngFile writes a small PNG to dir and returns its path.
func pngFile(t *testing.T, dir, name string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, pngBytes(t, 8, 8), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// pngBytes encodes a w×h image: a red left half and a blue right half.
func pngBytes(t testing.TB, w, h int) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			c := color.NRGBA{220, 40, 40, 255}
			if x >= w/2 {
				c = color.NRGBA{40, 40, 220, 255}
			}
			img.SetNRGBA(x, y, c)
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// imageServer serves a PNG at every path on loopback and counts requests;
// a request with credentials fails the test.
type imageServer struct {
	*httptest.Server
	hits atomic.Int32
}

func newImageServer(t *testing.T, body []byte) *imageServer {
	t.Helper()
	s := &imageServer{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.hits.Add(1)
		if v := r.Header.Get("Authorization"); v != "" {
			t.Errorf("a preview request carried Authorization: %q", v)
		}
		w.Header().Set("Content-Type", "image/png")
		_, _ = w.Write(body)
	}))
	t.Cleanup(s.Close)
	return s
}

// newLoop runs the pane's Cmds concurrently, as tea.Program does. The
// harness's settle runs Cmds one after the other, which cannot show an
// upload in flight.
func newLoop(t *testing.T, hs *harness) *tuitest.Loop {
	return tuitest.NewLoop(t, func(msg tea.Msg) tea.Cmd { return hs.m.Update(msg) })
}
