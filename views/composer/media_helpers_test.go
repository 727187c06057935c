package composer

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"imagine/api"
	"imagine/internal/tuitest"
	"imagine/keymap"
	"imagine/theme"
)

// fakeUploads records uploads and lets a test hold one open (gate) after
// reporting some progress, or fail it.
type fakeUploads struct {
	mu      sync.Mutex
	calls   []string                 // "image:<name>:<bytes read>"
	gates   map[string]chan struct{} // by upload name: wait for close before answering
	partial map[string][2]int64      // by upload name: progress reported before the gate
	fail    map[string]error         // by upload name: the next upload fails once
	status  map[string]string        // by upload name: status of the returned media
	pages   map[string]*api.Page[api.Media]
	listed  []string // types listed
	n       int
}

func newFakeUploads() *fakeUploads {
	return &fakeUploads{
		gates: map[string]chan struct{}{}, partial: map[string][2]int64{},
		fail: map[string]error{}, status: map[string]string{}, pages: map[string]*api.Page[api.Media]{},
	}
}

func (f *fakeUploads) upload(ctx context.Context, kind, name string, r io.Reader, size int64, progress func(int64, int64)) (*api.Media, error) {
	f.mu.Lock()
	gate, part, failure := f.gates[name], f.partial[name], f.fail[name]
	delete(f.fail, name)
	f.mu.Unlock()
	if p := part; p[1] > 0 {
		progress(p[0], p[1])
	}
	if gate != nil {
		select {
		case <-gate:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	read, err := io.Copy(io.Discard, r)
	if err != nil {
		return nil, err
	}
	if read != size {
		return nil, fmt.Errorf("read %d bytes, size said %d", read, size)
	}
	progress(size, size)
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, fmt.Sprintf("%s:%s:%d", kind, name, read))
	if failure != nil {
		return nil, failure
	}
	f.n++
	id := fmt.Sprintf("med_%d", f.n)
	return &api.Media{ID: id, URL: "https://api.example/media/" + id, Type: kind, Status: f.status[name]}, nil
}

func (f *fakeUploads) Image(ctx context.Context, name string, r io.Reader, size int64, progress func(int64, int64)) (*api.Media, error) {
	return f.upload(ctx, api.MediaTypeImage, name, r, size, progress)
}

func (f *fakeUploads) Video(ctx context.Context, name string, r io.Reader, size int64, progress func(int64, int64)) (*api.Media, error) {
	return f.upload(ctx, api.MediaTypeVideo, name, r, size, progress)
}

func (f *fakeUploads) List(_ context.Context, opts *api.MediaListOptions) (*api.Page[api.Media], error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.listed = append(f.listed, opts.Type)
	if p, ok := f.pages[opts.Type+"@"+opts.Cursor]; ok {
		return p, nil
	}
	return &api.Page[api.Media]{}, nil
}

func (f *fakeUploads) uploads() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.calls...)
}

// hold makes the upload of name report sent/total and then wait; the
// returned func lets it finish.
func (f *fakeUploads) hold(name string, sent, total int64) func() {
	ch := make(chan struct{})
	f.mu.Lock()
	f.gates[name], f.partial[name] = ch, [2]int64{sent, total}
	f.mu.Unlock()
	var once sync.Once
	return func() { once.Do(func() { close(ch) }) }
}

// loop runs the composer's Cmds concurrently, as tea.Program does.
type loop struct{ *tuitest.Loop }

// sent returns the SendMsgs seen so far.
func (l *loop) sent() []SendMsg {
	var out []SendMsg
	for _, m := range l.Seen() {
		if s, ok := m.(SendMsg); ok {
			out = append(out, s)
		}
	}
	return out
}

// mediaComposer is a composer for new posts with fake uploads, opened.
func mediaComposer(t *testing.T, draftDir, startDir string, up *fakeUploads) (*Model, *loop) {
	t.Helper()
	m := New(Options{
		ID: "test", Keys: keymap.Default(), Styles: theme.New(true, false),
		DraftDir: draftDir, Debounce: time.Millisecond, Context: t.Context(),
		Uploads: up, StartDir: startDir, ProgressEvery: time.Millisecond, ProcessingPoll: 5 * time.Millisecond,
	})
	m.SetSize(80, 24)
	l := &loop{tuitest.NewLoop(t, m.Update)}
	l.Run(m.Open(Request{Key: "post", Title: "New post", Limit: api.MaxPostRunes, Media: true}))
	l.Settle()
	return m, l
}

// attach attaches path through the Cmd the picker would run.
func (l *loop) attach(m *Model, path string) {
	l.Run(m.attachPath(path))
}

// plainView is the composer's view without styling.
func plainView(m *Model) string { return ansi.Strip(m.View()) }

// head returns the first bytes of a file of the given format: just
// enough for sniffing; writeFile pads them.
func head(format string) []byte {
	switch format {
	case "png":
		return []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
	case "jpeg":
		return []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00")
	case "gif":
		return []byte("GIF89a\x01\x00\x01\x00")
	case "bmp":
		return []byte("BM\x36\x00\x00\x00\x00\x00\x00\x00\x36\x00\x00\x00")
	case "mp4":
		return []byte("\x00\x00\x00\x20ftypisom\x00\x00\x02\x00isomiso2avc1mp41")
	case "mov":
		return []byte("\x00\x00\x00\x14ftypqt  \x00\x00\x00\x00qt  ")
	case "oldmov":
		return []byte("\x00\x00\x00\x08wide\x00\x00\x00\x08mdat")
	case "webm":
		return []byte("\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\xf7\x81\x01\x42\xf2\x81\x04\x42\xf3\x81\x08\x42\x82\x84webm\x42\x87\x81\x04")
	case "mkv":
		return []byte("\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\xf7\x81\x01\x42\xf2\x81\x04\x42\xf3\x81\x08\x42\x82\x88matroska\x42\x87\x81\x04")
	case "text":
		return []byte("just some notes, not a picture\n")
	}
	panic("unknown format " + format)
}

// writeFile writes head padded with zeros to size bytes in dir. Large
// sizes are sparse, so a 61 MB video costs nothing.
func writeFile(t *testing.T, dir, name string, head []byte, size int64) string {
	t.Helper()
	p := filepath.Join(dir, name)
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.Write(head); err != nil {
		t.Fatal(err)
	}
	if size > int64(len(head)) {
		if err := f.Truncate(size); err != nil {
			t.Fatal(err)
		}
	}
	return p
}

// errServer is the failure a fake upload answers with.
var errServer = errors.New("server said no")
