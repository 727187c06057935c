package sandbox_test

import (
	"bytes"
	"image"
	"net/http"
	"strings"
	"testing"
	"time"

	"imagine/api/sandbox"
)

func TestUploadImage(t *testing.T) {
	f := newFixture(t, sandbox.Options{NoRateLimit: true})
	tok := f.demoToken()
	data := pngBytes(t, 7, 5)
	// The name says JPEG; the bytes say PNG, and the bytes win.
	var m wireMedia
	f.upload("/api/upload", tok, "holiday.jpg", data, "post").want(t, http.StatusCreated, "").decode(t, &m)
	if !strings.HasPrefix(m.ID, "med_") || m.MediaID != m.ID || m.ContentType != "image/png" || m.Type != "IMAGE" ||
		m.Purpose != "post" || m.Status != "ready" || m.Size != len(data) || m.CreatedAt != "2026-03-01T12:00:00.000Z" {
		t.Errorf("upload result = %+v", m)
	}
	if m.URL != f.url+"/media/"+m.ID+".png" || m.Pathname != "posts/"+m.ID+".png" {
		t.Errorf("url %s, pathname %s", m.URL, m.Pathname)
	}
	// Served without a token, with the stored bytes and type.
	status, ct, got := f.fetch(m.URL)
	if status != http.StatusOK || ct != "image/png" || !bytes.Equal(got, data) {
		t.Fatalf("GET %s: %d %s, %d bytes", m.URL, status, ct, len(got))
	}
	img, _, err := image.Decode(bytes.NewReader(got))
	if err != nil || img.Bounds().Dx() != 7 || img.Bounds().Dy() != 5 {
		t.Errorf("served image: %v %v", img, err)
	}
	if stored, ct, ok := f.s.Media(m.ID); !ok || ct != "image/png" || !bytes.Equal(stored, data) {
		t.Errorf("Media(%s) = %d bytes, %q, %v", m.ID, len(stored), ct, ok)
	}
	if _, _, ok := f.s.Media("med_missing"); ok {
		t.Error("Media found an unknown ID")
	}

	var avatar wireMedia
	f.upload("/api/upload", tok, "me.gif", []byte("GIF89a\x01\x00\x01\x00\x00\x00\x00;"), "avatar").
		want(t, http.StatusCreated, "").decode(t, &avatar)
	if avatar.ContentType != "image/gif" || avatar.Purpose != "avatar" || !strings.HasPrefix(avatar.Pathname, "avatars/") {
		t.Errorf("avatar = %+v", avatar)
	}
}

func TestUploadRefusals(t *testing.T) {
	f := newFixture(t, sandbox.Options{NoRateLimit: true, MaxImageBytes: 2048, MaxVideoBytes: 4096})
	tok := f.demoToken()
	big := append(pngBytes(t, 2, 2), make([]byte, 3000)...)
	cases := []struct {
		name, path, file string
		data             []byte
		purpose          string
		status           int
		code             string
	}{
		{"text file", "/api/upload", "notes.png", []byte("just some text, not an image"), "", 400, "invalid_file_type"},
		{"video as image", "/api/upload", "clip.png", mp4Bytes("isom"), "", 400, "invalid_file_type"},
		{"image as video", "/api/upload/video", "pic.mp4", pngBytes(t, 2, 2), "", 400, "invalid_file_type"},
		{"unknown ftyp brand", "/api/upload/video", "x.mp4", mp4Bytes("heic"), "", 400, "invalid_file_type"},
		{"too big", "/api/upload", "big.png", big, "", 413, "file_too_large"},
		{"video too big", "/api/upload/video", "big.mp4", append(mp4Bytes("isom"), make([]byte, 5000)...), "", 413, "file_too_large"},
		{"no file", "/api/upload", "", nil, "post", 400, "file_required"},
		{"empty file", "/api/upload", "e.png", []byte{}, "", 400, "file_required"},
		{"bad purpose", "/api/upload", "p.png", pngBytes(t, 2, 2), "banner", 400, "invalid_purpose"},
		{"avatar video", "/api/upload/video", "v.mp4", mp4Bytes("isom"), "avatar", 400, "invalid_purpose"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := f.upload(tc.path, tok, tc.file, tc.data, tc.purpose).want(t, tc.status, tc.code)
			if tc.code == "file_too_large" && !strings.Contains(r.body["message"].(string), "KiB") {
				t.Errorf("the message does not name the limit: %s", r.raw)
			}
		})
	}
	f.sendBody("/api/upload", tok, "application/json", []byte(`{"file":"x"}`)).want(t, http.StatusBadRequest, "file_required")
	var list mediaPage
	f.do("GET", "/api/upload", tok, nil).want(t, http.StatusOK, "").decode(t, &list)
	if len(list.Media) != 0 {
		t.Errorf("refused uploads were stored: %+v", list.Media)
	}
}

func TestUploadVideoSniffingAndProcessing(t *testing.T) {
	f := newFixture(t, sandbox.Options{NoRateLimit: true})
	tok := f.demoToken()
	for _, tc := range []struct {
		name string
		data []byte
		ct   string
	}{
		{"movie.mp4", mp4Bytes("isom"), "video/mp4"},
		{"movie.mp4", mp4Bytes("mp42"), "video/mp4"},
		{"movie.mov", mp4Bytes("qt  "), "video/quicktime"},
		{"old.mov", append([]byte("\x00\x00\x00\x08wide"), make([]byte, 64)...), "video/quicktime"},
		{"clip.bin", webmBytes(), "video/webm"},
	} {
		var m wireMedia
		f.upload("/api/upload/video", tok, tc.name, tc.data, "byte").want(t, http.StatusCreated, "").decode(t, &m)
		if m.ContentType != tc.ct || m.Type != "VIDEO" || m.Status != "processing" || m.Purpose != "byte" {
			t.Errorf("%s: %+v", tc.name, m)
		}
		if _, ct, _ := f.fetch(m.URL); ct != tc.ct {
			t.Errorf("%s served as %s", tc.name, ct)
		}
	}
	var list mediaPage
	f.s.Advance(2 * time.Second)
	f.do("GET", "/api/upload?type=VIDEO", tok, nil).want(t, http.StatusOK, "").decode(t, &list)
	if len(list.Media) != 5 || list.Media[0].Status != "processing" {
		t.Fatalf("after 2 s: %+v", list.Media)
	}
	f.s.Advance(1500 * time.Millisecond)
	f.do("GET", "/api/upload?type=video", tok, nil).want(t, http.StatusOK, "").decode(t, &list)
	for _, m := range list.Media {
		if m.Status != "ready" {
			t.Errorf("after 3.5 s %s is %s", m.ID, m.Status)
		}
	}
}

func TestListAndDeleteMedia(t *testing.T) {
	f := newFixture(t, sandbox.Options{NoRateLimit: true})
	demo, nova := f.demoToken(), f.tokenFor("nova_assist")
	var ids []string
	for i := range 5 {
		ids = append(ids, f.uploadImage(demo, pngBytes(t, i+1, 1)).ID)
	}
	video := f.upload("/api/upload/video", demo, "v.webm", webmBytes(), "").want(t, http.StatusCreated, "")
	f.uploadImage(nova, pngBytes(t, 3, 3))

	var all []wireMedia
	cursor := ""
	for range 10 {
		var page mediaPage
		q := "/api/upload?type=IMAGE&limit=2"
		if cursor != "" {
			q += "&cursor=" + cursor
		}
		f.do("GET", q, demo, nil).want(t, http.StatusOK, "").decode(t, &page)
		all = append(all, page.Media...)
		if !page.HasMore {
			break
		}
		cursor = *page.NextCursor
	}
	if len(all) != 5 {
		t.Fatalf("listed %d images, want demo's 5", len(all))
	}
	for i, m := range all {
		if m.ID != ids[4-i] {
			t.Errorf("media[%d] = %s, want newest first", i, m.ID)
		}
	}
	var purposes mediaPage
	f.do("GET", "/api/upload?purpose=avatar", demo, nil).want(t, http.StatusOK, "").decode(t, &purposes)
	if len(purposes.Media) != 0 {
		t.Errorf("purpose=avatar lists %d media", len(purposes.Media))
	}
	f.do("GET", "/api/upload?type=HOLOGRAM", demo, nil).want(t, http.StatusBadRequest, "invalid_type")

	// Someone else's media cannot be deleted, and it stays served.
	f.do("DELETE", "/api/upload", nova, map[string]string{"id": ids[0]}).want(t, http.StatusNotFound, "not_found")
	r := f.do("DELETE", "/api/upload", demo, map[string]string{"id": ids[0]}).want(t, http.StatusOK, "")
	if r.body["deleted"] != true || r.body["id"] != ids[0] {
		t.Errorf("delete answered %s", r.raw)
	}
	if status, _, _ := f.fetch("/media/" + ids[0] + ".png"); status != http.StatusNotFound {
		t.Errorf("deleted media still served: %d", status)
	}
	f.do("DELETE", "/api/upload", demo, map[string]string{"id": ids[0]}).want(t, http.StatusNotFound, "not_found")
	f.do("DELETE", "/api/upload", demo, map[string]string{"url": video.body["url"].(string)}).want(t, http.StatusOK, "")
	f.do("DELETE", "/api/upload", demo, map[string]string{}).want(t, http.StatusBadRequest, "validation_error")
}

func TestMediaIsServedWithoutRateLimit(t *testing.T) {
	f := newFixture(t, sandbox.Options{})
	m := f.uploadImage(f.demoToken(), pngBytes(t, 2, 2))
	for i := range 150 {
		if status, _, _ := f.fetch(m.URL); status != http.StatusOK {
			t.Fatalf("download %d answered %d", i, status)
		}
	}
	if status, _, _ := f.fetch("/media/" + m.ID + ".jpg"); status != http.StatusNotFound {
		t.Errorf("a wrong extension is served (%d)", status)
	}
	if status, _, _ := f.fetch("/media/med_nothing.png"); status != http.StatusNotFound {
		t.Errorf("unknown media answered %d", status)
	}
	if got := f.s.Stats().ByRoute["GET /media/{file}"]; got < 150 {
		t.Errorf("stats counted %d media downloads", got)
	}
}

func TestOversizedUploadGetsItsAnswer(t *testing.T) {
	// With the documented limit, a file one byte too big is answered 413
	// (the server reads the rest of the body first, so the client is not
	// cut off while still sending).
	f := newFixture(t, sandbox.Options{NoRateLimit: true})
	data := append(pngBytes(t, 2, 2), make([]byte, 10<<20)...)
	r := f.upload("/api/upload", f.demoToken(), "huge.png", data[:10<<20+1], "").
		want(t, http.StatusRequestEntityTooLarge, "file_too_large")
	if msg := r.body["message"].(string); !strings.Contains(msg, "10 MiB") {
		t.Errorf("message %q does not name the limit", msg)
	}
	f.upload("/api/upload", f.demoToken(), "fits.png", data[:10<<20], "").want(t, http.StatusCreated, "")
}
