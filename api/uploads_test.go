package api_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"image"
	"image/color"
	"image/png"
	"io"
	"mime"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"imagine/api"
)

// pngBytes returns a real n×n PNG.
func pngBytes(t testing.TB, n int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, n, n))
	for i := range n {
		img.Set(i, i, color.RGBA{R: 200, A: 255})
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// bigPNG is a PNG signature and header followed by padding up to size
// bytes: what matters to sniffing is the start.
func bigPNG(t testing.TB, size int) []byte {
	t.Helper()
	b := pngBytes(t, 2)
	return append(b, make([]byte, size-len(b))...)
}

// Sample heads of the accepted video formats.
var (
	mp4Head  = []byte("\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom")
	movHead  = []byte("\x00\x00\x00\x14ftypqt  \x00\x00\x00\x00qt  ")
	webmHead = []byte("\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\xf7\x81\x01\x42\xf2\x81\x04\x42\xf3\x81\x08\x42\x82\x84webm\x42\x87\x81\x04\x42\x85\x81\x02")
)

// received is what an upload stub saw.
type received struct {
	contentType, purpose, filename, partType, expect string
	contentLength                                    int64
	file                                             []byte
}

// uploadStub answers 201 with a media object after reading the whole
// multipart body, recording what it got.
func uploadStub(t *testing.T, s *stub, pattern string) *[]received {
	t.Helper()
	var mu sync.Mutex
	var got []received
	s.handle(pattern, func(w http.ResponseWriter, r *http.Request) {
		rec := received{contentType: r.Header.Get("Content-Type"), expect: r.Header.Get("Expect"), contentLength: r.ContentLength}
		mr, err := r.MultipartReader()
		if err != nil {
			t.Errorf("not multipart: %v", err)
			return
		}
		for {
			p, err := mr.NextPart()
			if err != nil {
				break
			}
			data, _ := io.ReadAll(p)
			switch p.FormName() {
			case "purpose":
				rec.purpose = string(data)
			case "file":
				rec.filename, rec.partType, rec.file = p.FileName(), p.Header.Get("Content-Type"), data
			}
		}
		mu.Lock()
		got = append(got, rec)
		mu.Unlock()
		jsonReply(201, `{"id":"med_1","url":"https://cdn.example/med_1","type":"IMAGE","status":"ready"}`)(w, r)
	})
	return &got
}

func TestUploadMultipartShape(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	got := uploadStub(t, s, "POST /api/upload")
	c, _ := newClient(t, s.URL)
	data := pngBytes(t, 16)
	m, err := c.Uploads.Image(t.Context(), "../../holiday \"pic\"\r\n.PNG", bytes.NewReader(data), int64(len(data)), nil)
	if err != nil || m.ID != "med_1" {
		t.Fatalf("Image: %v %+v", err, m)
	}
	if len(*got) != 1 {
		t.Fatalf("%d uploads", len(*got))
	}
	rec := (*got)[0]
	mt, _, _ := mime.ParseMediaType(rec.contentType)
	if mt != "multipart/form-data" || rec.purpose != "post" || rec.partType != "image/png" || !bytes.Equal(rec.file, data) {
		t.Errorf("upload: type %q purpose %q part type %q, %d bytes", rec.contentType, rec.purpose, rec.partType, len(rec.file))
	}
	if rec.filename != "holiday__pic___.PNG" {
		t.Errorf("file name %q", rec.filename)
	}
	if rec.contentLength <= int64(len(data)) || rec.expect != "100-continue" {
		t.Errorf("Content-Length %d, Expect %q: the body must have a known length and wait for the server", rec.contentLength, rec.expect)
	}
	if auth := s.auths[len(s.auths)-1]; !strings.HasPrefix(auth, "Bearer iat_") {
		t.Errorf("Authorization %q", auth)
	}
}

func TestUploadVideoFormats(t *testing.T) {
	t.Parallel()
	for name, head := range map[string][]byte{"video/mp4": mp4Head, "video/quicktime": movHead, "video/webm": webmHead} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			s := newStub(t)
			got := uploadStub(t, s, "POST /api/upload/video")
			c, _ := newClient(t, s.URL)
			data := append(append([]byte{}, head...), make([]byte, 2000)...)
			if _, err := c.Uploads.Video(t.Context(), "clip", bytes.NewReader(data), int64(len(data)), nil); err != nil {
				t.Fatal(err)
			}
			if rec := (*got)[0]; rec.partType != name || rec.purpose != "post" || !strings.HasPrefix(rec.filename, "clip.") {
				t.Errorf("part type %q purpose %q name %q", rec.partType, rec.purpose, rec.filename)
			}
		})
	}
}

// failingReader fails the test if anything reads it.
type failingReader struct{ t *testing.T }

func (r failingReader) Read([]byte) (int, error) {
	r.t.Error("the file was read")
	return 0, io.EOF
}

func TestUploadRefusedLocally(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	uploadStub(t, s, "POST /api/upload")
	uploadStub(t, s, "POST /api/upload/video")
	c, _ := newClient(t, s.URL)
	ctx := t.Context()
	img := pngBytes(t, 4)
	text := []byte("just some text, not an image at all")
	tests := []struct {
		name string
		call func() error
		msg  string
	}{
		{"text as an image", func() error {
			_, err := c.Uploads.Image(ctx, "a.png", bytes.NewReader(text), int64(len(text)), nil)
			return err
		}, "file: is text/plain, not a JPEG, PNG, GIF or WebP image"},
		{"image too large", func() error {
			_, err := c.Uploads.Image(ctx, "a.png", failingReader{t}, api.MaxImageBytes+1, nil)
			return err
		}, "file: is 10.1 MiB, more than the 10 MiB allowed for images"},
		{"video too large", func() error {
			_, err := c.Uploads.Video(ctx, "a.mp4", failingReader{t}, 60<<20, nil)
			return err
		}, "file: is 60 MiB, more than the 50 MiB allowed for videos"},
		{"image as a video", func() error {
			_, err := c.Uploads.Video(ctx, "a.mp4", bytes.NewReader(img), int64(len(img)), nil)
			return err
		}, "file: is image/png, not a MP4, WebM or QuickTime video"},
		{"unknown bytes", func() error {
			_, err := c.Uploads.Image(ctx, "a.png", bytes.NewReader([]byte{0, 1, 2, 3, 0xff}), 5, nil)
			return err
		}, "file: is of an unknown type"},
		{"empty", func() error {
			_, err := c.Uploads.Image(ctx, "a.png", failingReader{t}, 0, nil)
			return err
		}, "file: is empty"},
		{"shorter than its size", func() error {
			_, err := c.Uploads.Image(ctx, "a.png", bytes.NewReader(img), 4096, nil)
			return err
		}, "file: ended after"},
		{"no reader", func() error {
			_, err := c.Uploads.Image(ctx, "a.png", nil, 10, nil)
			return err
		}, "file: is missing"},
	}
	for _, tt := range tests {
		err := tt.call()
		var fe *api.FieldError
		if !errors.Is(err, api.ErrValidation) || !errors.As(err, &fe) || fe.Field != "file" || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("%s: %v; want a file error containing %q", tt.name, err, tt.msg)
		}
	}
	if n := s.count("POST /api/upload") + s.count("POST /api/upload/video") + int(s.tokens.Load()); n != 0 {
		t.Errorf("%d requests for refused uploads", n)
	}
}

// A file that turns out shorter than its declared size once streaming
// has begun fails the upload as a file error, not as an unknown outcome.
func TestUploadShortFileWhileStreaming(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	s.handle("POST /api/upload", func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		jsonReply(400, `{"error":"invalid_body","message":"Could not read the multipart body"}`)(w, r)
	})
	c, _ := newClient(t, s.URL)
	data := bigPNG(t, 100<<10)
	_, err := c.Uploads.Image(t.Context(), "a.png", bytes.NewReader(data), int64(len(data))+5000, nil)
	var fe *api.FieldError
	if !errors.As(err, &fe) || !strings.Contains(fe.Message, "ended after 102400 bytes") || errors.Is(err, api.ErrUnknownOutcome) {
		t.Errorf("err = %v", err)
	}
}

func TestUploadProgress(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	uploadStub(t, s, "POST /api/upload")
	c, _ := newClient(t, s.URL)
	const size = 6 << 20
	data := bigPNG(t, size)
	var mu sync.Mutex
	var calls [][2]int64
	start := time.Now()
	_, err := c.Uploads.Image(t.Context(), "big.png", bytes.NewReader(data), size, func(sent, total int64) {
		mu.Lock()
		calls = append(calls, [2]int64{sent, total})
		mu.Unlock()
	})
	elapsed := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(calls) == 0 || calls[len(calls)-1] != [2]int64{size, size} {
		t.Fatalf("calls %v: the last must be (size, size)", calls)
	}
	for i := 1; i < len(calls); i++ {
		if calls[i][0] < calls[i-1][0] || calls[i][1] != size {
			t.Errorf("progress went backwards or changed total: %v", calls)
			break
		}
	}
	// At most one call per 50 ms, plus the first and the final one.
	if limit := int(elapsed/(50*time.Millisecond)) + 2; len(calls) > limit {
		t.Errorf("%d progress calls in %v, want at most %d", len(calls), elapsed, limit)
	}
}

// A refusal before the body was taken (the server answers without
// reading it, which Expect: 100-continue allows) is retried like any write
// refusal; once the body went out, nothing is repeated.
func TestUploadRetryRules(t *testing.T) {
	t.Parallel()
	data := pngBytes(t, 8)
	upload := func(c *api.Client) error {
		_, err := c.Uploads.Image(t.Context(), "a.png", bytes.NewReader(data), int64(len(data)), nil)
		return err
	}
	readAll := func(h http.HandlerFunc) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			_, _ = io.Copy(io.Discard, r.Body)
			h(w, r)
		}
	}
	ok := readAll(jsonReply(201, `{"id":"med_1"}`))
	// refuse answers without touching the body.
	refuse := func(status int, body string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(status)
			_, _ = io.WriteString(w, body)
		}
	}

	t.Run("401 before the body", func(t *testing.T) {
		t.Parallel()
		s := newStub(t)
		s.handle("POST /api/upload", sequence(refuse(401, `{"error":"invalid_token"}`), ok))
		c, _ := newClient(t, s.URL)
		if err := upload(c); err != nil || s.count("POST /api/upload") != 2 || s.tokens.Load() != 2 {
			t.Errorf("err %v, %d uploads, %d tokens; want success after 2 and 2", err, s.count("POST /api/upload"), s.tokens.Load())
		}
	})
	t.Run("503 before the body", func(t *testing.T) {
		t.Parallel()
		s := newStub(t)
		s.handle("POST /api/upload", sequence(refuse(503, `{"error":"unavailable"}`), ok))
		c, _ := newClient(t, s.URL)
		if err := upload(c); err != nil || s.count("POST /api/upload") != 2 {
			t.Errorf("err %v, %d uploads", err, s.count("POST /api/upload"))
		}
	})
	t.Run("503 after the body", func(t *testing.T) {
		t.Parallel()
		s := newStub(t)
		s.handle("POST /api/upload", readAll(jsonReply(503, `{"error":"unavailable"}`)))
		c, _ := newClient(t, s.URL)
		err := upload(c)
		if !errors.Is(err, api.ErrUnknownOutcome) || !errors.Is(err, api.ErrServer) || s.count("POST /api/upload") != 1 {
			t.Errorf("err %v, %d uploads; want an unknown outcome after 1", err, s.count("POST /api/upload"))
		}
	})
	t.Run("401 after the body", func(t *testing.T) {
		t.Parallel()
		s := newStub(t)
		s.handle("POST /api/upload", readAll(jsonReply(401, `{"error":"invalid_token"}`)))
		c, _ := newClient(t, s.URL)
		if err := upload(c); !errors.Is(err, api.ErrUnauthorized) || s.count("POST /api/upload") != 1 {
			t.Errorf("err %v, %d uploads", err, s.count("POST /api/upload"))
		}
		// The refused token is not used again.
		s.handle("GET /api/agents/me", jsonReply(200, `{"id":"a1","handle":"me_me"}`))
		if _, err := c.Agents.Me(t.Context()); err != nil || s.tokens.Load() != 2 {
			t.Errorf("next call: %v, %d tokens", err, s.tokens.Load())
		}
	})
	t.Run("connection lost after the body", func(t *testing.T) {
		t.Parallel()
		s := newStub(t)
		s.handle("POST /api/upload", func(w http.ResponseWriter, r *http.Request) {
			_, _ = io.Copy(io.Discard, r.Body)
			conn, _, err := http.NewResponseController(w).Hijack()
			if err == nil {
				_ = conn.Close()
			}
		})
		c, _ := newClient(t, s.URL)
		if err := upload(c); !errors.Is(err, api.ErrUnknownOutcome) || s.count("POST /api/upload") != 1 {
			t.Errorf("err %v, %d uploads", err, s.count("POST /api/upload"))
		}
	})
}

func TestUploadsListAndDelete(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	var queries []string
	s.handle("GET /api/upload", func(w http.ResponseWriter, r *http.Request) {
		queries = append(queries, r.URL.RawQuery)
		jsonReply(200, `{"media":[],"nextCursor":null,"hasMore":false}`)(w, r)
	})
	var bodies []map[string]string
	s.handle("DELETE /api/upload", func(w http.ResponseWriter, r *http.Request) {
		var b map[string]string
		_ = json.NewDecoder(r.Body).Decode(&b)
		bodies = append(bodies, b)
		jsonReply(200, `{"deleted":true}`)(w, r)
	})
	c, _ := newClient(t, s.URL)
	ctx := t.Context()
	if _, err := c.Uploads.List(ctx, &api.MediaListOptions{Type: "image", Purpose: "Post", ListOptions: api.ListOptions{Limit: 5, Cursor: "m9"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Uploads.List(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if want := []string{"cursor=m9&limit=5&purpose=post&type=IMAGE", "limit=20"}; strings.Join(queries, " ") != strings.Join(want, " ") {
		t.Errorf("queries %q, want %q", queries, want)
	}
	if _, err := c.Uploads.List(ctx, &api.MediaListOptions{Type: "pdf"}); !errors.Is(err, api.ErrValidation) {
		t.Errorf("List of an unknown type: %v", err)
	}
	if err := c.Uploads.Delete(ctx, "med_1"); err != nil {
		t.Fatal(err)
	}
	if err := c.Uploads.DeleteURL(ctx, " https://cdn.example/a%20b.png "); err != nil {
		t.Fatal(err)
	}
	if len(bodies) != 2 || bodies[0]["id"] != "med_1" || len(bodies[0]) != 1 || bodies[1]["url"] != "https://cdn.example/a%20b.png" || len(bodies[1]) != 1 {
		t.Errorf("DELETE bodies %v", bodies)
	}
	for _, bad := range []string{"", "med_x", "ftp://x.example/a", "/media/a.png"} {
		if err := c.Uploads.DeleteURL(ctx, bad); !errors.Is(err, api.ErrValidation) {
			t.Errorf("DeleteURL(%q): %v", bad, err)
		}
	}
	if err := c.Uploads.Delete(ctx, " "); !errors.Is(err, api.ErrValidation) {
		t.Errorf("Delete of a blank ID: %v", err)
	}
	if n := s.count("DELETE /api/upload"); n != 2 {
		t.Errorf("%d DELETEs, want 2", n)
	}
}

// brokenReader yields data, then fails.
type brokenReader struct {
	data []byte
	err  error
}

func (r *brokenReader) Read(p []byte) (int, error) {
	if len(r.data) == 0 {
		return 0, r.err
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	return n, nil
}

// A file that cannot be read fails the upload with the read error, before
// sending (while sniffing) or while streaming; neither is an unknown
// outcome, since the server cannot have received a whole file.
func TestUploadReadErrors(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	s.handle("POST /api/upload", func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		jsonReply(400, `{"error":"invalid_body"}`)(w, r)
	})
	c, _ := newClient(t, s.URL)
	disk := errors.New("disk on fire")
	head := pngBytes(t, 4)
	for name, r := range map[string]*brokenReader{
		"while sniffing":  {data: head[:10], err: disk},
		"while streaming": {data: bigPNG(t, 50<<10), err: disk},
	} {
		_, err := c.Uploads.Image(t.Context(), "a.png", r, 1<<20, nil)
		if !errors.Is(err, disk) || errors.Is(err, api.ErrUnknownOutcome) || errors.Is(err, api.ErrValidation) {
			t.Errorf("%s: %v", name, err)
		}
	}
	if n := s.count("POST /api/upload"); n > 1 {
		t.Errorf("%d uploads, want at most the one that broke", n)
	}
}
