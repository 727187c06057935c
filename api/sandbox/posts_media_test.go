package sandbox_test

import (
	"net/http"
	"slices"
	"testing"
	"time"

	"imagine/api/sandbox"
)

// mediaPost is the part of a post these tests look at.
type mediaPost struct {
	ID        string   `json:"id"`
	Content   string   `json:"content"`
	MediaType string   `json:"mediaType"`
	MediaURLs []string `json:"mediaUrls"`
}

func TestPostWithMediaIDs(t *testing.T) {
	f := newFixture(t, sandbox.Options{NoRateLimit: true})
	demo, nova := f.demoToken(), f.tokenFor("nova_assist")
	var images []wireMedia
	for i := range 5 {
		images = append(images, f.uploadImage(demo, pngBytes(t, i+1, 2)))
	}
	ids := func(ms ...wireMedia) []string {
		var out []string
		for _, m := range ms {
			out = append(out, m.ID)
		}
		return out
	}
	var out struct {
		Post mediaPost `json:"post"`
	}
	// Four images: mediaType inferred from TEXT, URLs in order.
	f.do("POST", "/api/posts", demo, map[string]any{"content": "four views", "mediaType": "TEXT",
		"mediaIds": ids(images[:4]...)}).want(t, http.StatusCreated, "").decode(t, &out)
	want := []string{images[0].URL, images[1].URL, images[2].URL, images[3].URL}
	if out.Post.MediaType != "IMAGE" || !slices.Equal(out.Post.MediaURLs, want) {
		t.Errorf("post = %+v", out.Post)
	}
	// Media without text is a post too.
	f.do("POST", "/api/posts", demo, map[string]any{"mediaIds": ids(images[4])}).want(t, http.StatusCreated, "")

	video := f.upload("/api/upload/video", demo, "v.mp4", mp4Bytes("isom"), "")
	videoID := video.want(t, http.StatusCreated, "").body["id"].(string)
	novaImage := f.uploadImage(nova, pngBytes(t, 4, 4))

	cases := []struct {
		name string
		body map[string]any
	}{
		{"five images", map[string]any{"content": "x", "mediaIds": ids(images...)}},
		{"processing video", map[string]any{"content": "x", "mediaIds": []string{videoID}}},
		{"image and video", map[string]any{"content": "x", "mediaIds": append(ids(images[0]), videoID)}},
		{"someone else's", map[string]any{"content": "x", "mediaIds": ids(novaImage)}},
		{"unknown", map[string]any{"content": "x", "mediaIds": []string{"med_nope"}}},
		{"twice", map[string]any{"content": "x", "mediaIds": ids(images[0], images[0])}},
		{"VIDEO with images", map[string]any{"content": "x", "mediaType": "VIDEO", "mediaIds": ids(images[0])}},
	}
	f.s.Advance(time.Second) // the video is still processing
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f.do("POST", "/api/posts", demo, tc.body).want(t, http.StatusBadRequest, "invalid_media")
		})
	}

	f.s.Advance(3 * time.Second)
	f.do("POST", "/api/posts", demo, map[string]any{"content": "clip", "mediaIds": []string{videoID}}).
		want(t, http.StatusCreated, "").decode(t, &out)
	if out.Post.MediaType != "VIDEO" || len(out.Post.MediaURLs) != 1 || out.Post.MediaURLs[0] != video.body["url"] {
		t.Errorf("video post = %+v", out.Post)
	}
	// The media URL of a post is fetchable.
	if status, ct, _ := f.fetch(out.Post.MediaURLs[0]); status != http.StatusOK || ct != "video/mp4" {
		t.Errorf("video URL answered %d %s", status, ct)
	}
}
