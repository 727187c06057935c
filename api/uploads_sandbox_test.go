package api_test

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"imagine/api"
	"imagine/api/sandbox"
)

// fetch reads a media URL with a plain client (never the API client).
func fetch(t *testing.T, url string) (int, string, []byte) {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, res.Header.Get("Content-Type"), b
}

// mediaIDs lists the IDs of the agent's media of a type.
func mediaIDs(t *testing.T, c *api.Client, typ string) []string {
	t.Helper()
	page, err := c.Uploads.List(t.Context(), &api.MediaListOptions{Type: typ, ListOptions: api.ListOptions{Limit: api.MaxPageSize}})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, m := range page.Items {
		ids = append(ids, m.ID)
	}
	return ids
}

func TestSandboxUploadPostAndDelete(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{}, api.WithBudgets(false))
	ctx := t.Context()
	data := pngBytes(t, 32)
	var last [2]int64
	m, err := e.c.Uploads.Image(ctx, "photo.jpg", bytes.NewReader(data), int64(len(data)), func(sent, total int64) { last = [2]int64{sent, total} })
	if err != nil {
		t.Fatal(err)
	}
	if m.ID == "" || m.Type != "IMAGE" || m.ContentType != "image/png" || m.Size != int64(len(data)) || m.Purpose != "post" || !m.Ready() || m.URL == "" {
		t.Errorf("Image: %+v", m)
	}
	if last != [2]int64{int64(len(data)), int64(len(data))} {
		t.Errorf("last progress %v", last)
	}
	if status, ct, got := fetch(t, m.URL); status != 200 || ct != "image/png" || !bytes.Equal(got, data) {
		t.Errorf("GET %s: %d %q, %d bytes (same: %v)", m.URL, status, ct, len(got), bytes.Equal(got, data))
	}
	if ids := mediaIDs(t, e.c, "image"); !slices.Contains(ids, m.ID) {
		t.Errorf("List(IMAGE) %q lacks %s", ids, m.ID)
	}
	if ids := mediaIDs(t, e.c, "VIDEO"); slices.Contains(ids, m.ID) {
		t.Errorf("List(VIDEO) holds the image")
	}
	// A post with the media and no media type: the server infers IMAGE.
	post, err := e.c.Posts.Create(ctx, &api.PostCreateRequest{Content: "look at this", MediaIDs: []string{m.ID}})
	if err != nil {
		t.Fatal(err)
	}
	if post.MediaType != api.MediaTypeImage || !slices.Equal(post.MediaURLs, []string{m.URL}) {
		t.Errorf("post %+v", post)
	}
	if got, err := e.c.Posts.Get(ctx, post.ID); err != nil || !slices.Equal(got.MediaURLs, []string{m.URL}) {
		t.Errorf("Get: %v %+v", err, got)
	}
	if err := e.clientAs(t, "stranger_x").Uploads.Delete(ctx, m.ID); !errors.Is(err, api.ErrNotFound) {
		t.Errorf("another agent deleting: %v", err)
	}
	if err := e.c.Uploads.Delete(ctx, m.ID); err != nil {
		t.Fatal(err)
	}
	if ids := mediaIDs(t, e.c, ""); slices.Contains(ids, m.ID) {
		t.Error("the deleted media is still listed")
	}
	if err := e.c.Uploads.Delete(ctx, m.ID); !errors.Is(err, api.ErrNotFound) {
		t.Errorf("deleting twice: %v", err)
	}
	other, err := e.c.Uploads.Image(ctx, "b.png", bytes.NewReader(data), int64(len(data)), nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.c.Uploads.DeleteURL(ctx, other.URL); err != nil {
		t.Fatal(err)
	}
	if _, ok := findMedia(e, other.ID); ok {
		t.Error("DeleteURL left the media on the server")
	}
	if _, err := e.c.Posts.Create(ctx, &api.PostCreateRequest{Content: "gone", MediaIDs: []string{other.ID}}); !errors.Is(err, api.ErrValidation) {
		t.Errorf("a post with deleted media: %v", err)
	}
}

// findMedia reports whether the server still holds media id.
func findMedia(e *env, id string) ([]byte, bool) {
	data, _, ok := e.srv.Media(id)
	return data, ok
}

func TestSandboxUploadRefusals(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{MaxImageBytes: 4 << 10}, api.WithBudgets(false))
	ctx := t.Context()
	text := []byte("%PDF-1.7 not an image")
	if _, err := e.c.Uploads.Image(ctx, "doc.png", bytes.NewReader(text), int64(len(text)), nil); !errors.Is(err, api.ErrValidation) {
		t.Errorf("a PDF as an image: %v", err)
	}
	if _, err := e.c.Uploads.Image(ctx, "huge.png", failingReader{t}, api.MaxImageBytes+1, nil); !errors.Is(err, api.ErrValidation) {
		t.Errorf("an 10 MiB + 1 image: %v", err)
	}
	if _, err := e.c.Uploads.Video(ctx, "huge.mp4", failingReader{t}, api.MaxVideoBytes+1, nil); !errors.Is(err, api.ErrValidation) {
		t.Errorf("a 50 MiB + 1 video: %v", err)
	}
	if n := e.srv.Stats().Requests; n != 0 {
		t.Errorf("%d requests for uploads refused locally: %v", n, e.srv.Stats().ByRoute)
	}
	// This sandbox allows only 4 KiB: its 413 is a validation error too.
	big := bigPNG(t, 8<<10)
	_, err := e.c.Uploads.Image(ctx, "big.png", bytes.NewReader(big), int64(len(big)), nil)
	var ae *api.Error
	if !errors.Is(err, api.ErrValidation) || !errors.As(err, &ae) || ae.StatusCode != http.StatusRequestEntityTooLarge || ae.Code != "file_too_large" {
		t.Errorf("a file over the server's limit: %v", err)
	}
	if ids := mediaIDs(t, e.c, ""); len(ids) != 0 {
		t.Errorf("media after refusals: %q", ids)
	}
}

func TestSandboxVideoProcessing(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{}, api.WithBudgets(false))
	ctx := t.Context()
	data := append(append([]byte{}, mp4Head...), make([]byte, 4096)...)
	m, err := e.c.Uploads.Video(ctx, "clip.mp4", bytes.NewReader(data), int64(len(data)), nil)
	if err != nil {
		t.Fatal(err)
	}
	if m.Type != "VIDEO" || m.ContentType != "video/mp4" || m.Status != "processing" || m.Ready() {
		t.Errorf("Video: %+v", m)
	}
	if _, err := e.c.Posts.Create(ctx, &api.PostCreateRequest{Content: "too soon", MediaIDs: []string{m.ID}}); !errors.Is(err, api.ErrValidation) {
		t.Errorf("a post with a processing video: %v", err)
	}
	e.clock.Advance(5 * time.Second)
	page, err := e.c.Uploads.List(ctx, &api.MediaListOptions{Type: "VIDEO"})
	if err != nil || len(page.Items) != 1 || !page.Items[0].Ready() {
		t.Fatalf("List after processing: %v %+v", err, page)
	}
	post, err := e.c.Posts.Create(ctx, &api.PostCreateRequest{Content: "now", MediaIDs: []string{m.ID}})
	if err != nil || post.MediaType != api.MediaTypeVideo || !slices.Equal(post.MediaURLs, []string{m.URL}) {
		t.Errorf("video post: %v %+v", err, post)
	}
}

// Uploads against injected faults: refusals before the body are retried,
// a lost answer after it is an unknown outcome and the file is stored once.
func TestSandboxUploadFaults(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{}, api.WithBudgets(false))
	ctx := t.Context()
	data := pngBytes(t, 8)
	route := "POST /api/upload"
	e.srv.InjectOnce(http.MethodPost, "/api/upload", sandbox.Fault{Status: http.StatusUnauthorized})
	if _, err := e.c.Uploads.Image(ctx, "a.png", bytes.NewReader(data), int64(len(data)), nil); err != nil {
		t.Fatalf("upload after a 401: %v", err)
	}
	if n := e.hits(route); n != 2 {
		t.Errorf("%d uploads after a 401, want 2", n)
	}
	e.srv.InjectOnce(http.MethodPost, "/api/upload", sandbox.Fault{AfterProcessing: true, Drop: true})
	_, err := e.c.Uploads.Image(ctx, "b.png", bytes.NewReader(data), int64(len(data)), nil)
	if !errors.Is(err, api.ErrUnknownOutcome) {
		t.Fatalf("upload with the answer dropped: %v", err)
	}
	if n := e.hits(route); n != 3 {
		t.Errorf("%d uploads, want 3 (the dropped one not resent)", n)
	}
	if ids := mediaIDs(t, e.c, "IMAGE"); len(ids) != 2 {
		t.Errorf("%d media stored, want 2", len(ids))
	}
	if strings.Contains(err.Error(), "\x89PNG") {
		t.Errorf("the error holds file bytes: %q", err)
	}
}
