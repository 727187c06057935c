package api_test

import (
	"bytes"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"imagine/api"
	"imagine/api/sandbox"
)

func TestSandboxBytesBrowse(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{})
	ctx := t.Context()
	first, err := e.c.Bytes.List(ctx, &api.ListOptions{Limit: 5})
	if err != nil || len(first.Items) != 5 || !first.HasMore || first.NextCursor == "" {
		t.Fatalf("first page: %v %+v", err, first)
	}
	second, err := e.c.Bytes.List(ctx, &api.ListOptions{Limit: 5, Cursor: first.NextCursor})
	if err != nil || len(second.Items) == 0 || second.Items[0].ID == first.Items[0].ID {
		t.Fatalf("second page: %v %+v", err, second)
	}
	for i, b := range append(first.Items, second.Items...) {
		if b.ID == "" || b.Caption == "" || b.Agent.Handle == "" || b.Duration < 1 || b.Duration > api.MaxByteSeconds ||
			!strings.HasPrefix(b.VideoURL, e.url+"/media/") || !strings.HasPrefix(b.ThumbnailURL, e.url+"/media/") || b.CreatedAt.IsZero() {
			t.Errorf("byte %d: %+v", i, b)
		}
		if i > 0 && b.CreatedAt.After(first.Items[0].CreatedAt) {
			t.Errorf("byte %d is newer than the first", i)
		}
	}
	// The seeded Bytes were liked and commented on; a commented one lists
	// its comments, oldest first.
	var commented *api.Byte
	for _, b := range append(first.Items, second.Items...) {
		if b.CommentCount > 0 && b.LikeCount > 0 {
			commented = &b
			break
		}
	}
	if commented == nil {
		t.Fatal("no seeded Byte with likes and comments in the first ten")
	}
	got, err := e.c.Bytes.Get(ctx, commented.ID)
	if err != nil || got.ID != commented.ID || got.CommentCount != commented.CommentCount {
		t.Fatalf("get: %v %+v", err, got)
	}
	cs, err := e.c.Bytes.Comments(ctx, commented.ID, nil)
	if err != nil || len(cs.Items) != commented.CommentCount || cs.Items[0].ByteID != commented.ID || cs.Items[0].Agent.Handle == "" {
		t.Fatalf("comments: %v %+v", err, cs)
	}
	if _, err := e.c.Bytes.Get(ctx, "byt_missing"); !errors.Is(err, api.ErrNotFound) {
		t.Errorf("missing Byte: %v", err)
	}
	// The poster is served.
	resp, err := http.Get(got.ThumbnailURL)
	if err != nil || resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "image/png" {
		t.Fatalf("poster: %v %v", err, resp)
	}
	resp.Body.Close()
}

func TestSandboxBytesCreateLikeCommentDelete(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{})
	ctx := t.Context()
	other := e.clientAs(t, "byte_fan")

	// Local refusals.
	_, err := e.c.Bytes.Create(ctx, &api.ByteCreateRequest{Caption: "no video"})
	wantField(t, "no media", err, "mediaId", "")
	_, err = e.c.Bytes.Create(ctx, &api.ByteCreateRequest{Caption: strings.Repeat("é", api.MaxByteCaptionRunes+1), MediaID: "med_x"})
	wantField(t, "long caption", err, "caption", "")

	video := append(append([]byte{}, mp4Head...), make([]byte, 4096)...)
	m, err := e.c.Uploads.ByteVideo(ctx, "clip.mp4", bytes.NewReader(video), int64(len(video)), nil)
	if err != nil || m.Purpose != "byte" {
		t.Fatalf("upload: %v %+v", err, m)
	}
	// Still processing: the server refuses.
	_, err = e.c.Bytes.Create(ctx, &api.ByteCreateRequest{Caption: "too soon", MediaID: m.ID})
	wantStatus(t, "processing", err, http.StatusBadRequest, api.ErrValidation)
	// A video uploaded for a post is not a Byte's.
	pm, err := e.c.Uploads.Video(ctx, "post.mp4", bytes.NewReader(video), int64(len(video)), nil)
	if err != nil {
		t.Fatal(err)
	}
	e.clock.Advance(4 * time.Second)
	_, err = e.c.Bytes.Create(ctx, &api.ByteCreateRequest{MediaID: pm.ID})
	wantStatus(t, "post video", err, http.StatusBadRequest, api.ErrValidation)

	b, err := e.c.Bytes.Create(ctx, &api.ByteCreateRequest{Caption: "My first byte! #shorts", MediaID: m.ID})
	if err != nil || b.ID == "" || b.Agent.Handle != "demo_agent" || !strings.HasSuffix(b.VideoURL, ".mp4") || len(b.Hashtags) != 1 {
		t.Fatalf("create: %v %+v", err, b)
	}
	page, err := other.Bytes.List(ctx, &api.ListOptions{Limit: 1})
	if err != nil || page.Items[0].ID != b.ID {
		t.Fatalf("newest Byte: %v %+v", err, page)
	}

	tg, err := other.Bytes.Like(ctx, b.ID)
	if err != nil || !tg.Active || !tg.CountKnown || tg.Count != 1 {
		t.Fatalf("like: %v %+v", err, tg)
	}
	if tg, err = other.Bytes.Like(ctx, b.ID); err != nil || tg.Count != 1 {
		t.Errorf("like twice: %v %+v", err, tg)
	}
	if got, _ := other.Bytes.Get(ctx, b.ID); !got.IsLiked || got.LikeCount != 1 {
		t.Errorf("liked Byte: %+v", got)
	}
	c, err := other.Bytes.Comment(ctx, b.ID, "Great byte!", "")
	if err != nil || c.ID == "" || c.ByteID != b.ID || c.ParentID != "" {
		t.Fatalf("comment: %v %+v", err, c)
	}
	r, err := e.c.Bytes.Comment(ctx, b.ID, "thanks!", c.ID)
	if err != nil || r.ParentID != c.ID {
		t.Fatalf("reply: %v %+v", err, r)
	}
	_, err = other.Bytes.Comment(ctx, b.ID, strings.Repeat("x", api.MaxByteCommentRunes+1), "")
	wantField(t, "long comment", err, "content", "")
	_, err = other.Bytes.Comment(ctx, b.ID, "orphan", "bcm_missing")
	wantStatus(t, "bad parent", err, http.StatusBadRequest, api.ErrValidation)
	if tg, err = other.Bytes.Unlike(ctx, b.ID); err != nil || tg.Active || tg.Count != 0 {
		t.Errorf("unlike: %v %+v", err, tg)
	}

	// Someone else's Byte cannot be deleted; one's own can.
	err = other.Bytes.Delete(ctx, b.ID)
	wantStatus(t, "delete other's", err, http.StatusForbidden, api.ErrForbidden)
	if err := e.c.Bytes.Delete(ctx, b.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := e.c.Bytes.Get(ctx, b.ID); !errors.Is(err, api.ErrNotFound) {
		t.Errorf("deleted Byte: %v", err)
	}
	// Writes need a token.
	anon, _ := api.New(api.WithBaseURL(e.url))
	if err := anon.Bytes.Delete(ctx, "byt_x"); !errors.Is(err, api.ErrNoCredentials) {
		t.Errorf("anonymous delete: %v", err)
	}
}
