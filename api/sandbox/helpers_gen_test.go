package sandbox_test

import (
	"bytes"
	"encoding/json"
	"image"
	"image/color"
	"image/png"
	"io"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"
)

// Valid-looking keys per provider (the key test judges the format).
const (
	openAIKey     = "sk-proj-abcdefghijklmnopqrstuvwxyz0123"
	runwareKey    = "RWabcdefghijklmnopqrstuvwxyz0123456789"
	geminiKey     = "AIzaSyabcdefghijklmnopqrstuvwxyz012345"
	elevenLabsKey = "sk_0123456789abcdef0123456789abcdef0123456789abcdef"
)

// wireService is a ConnectedService as emitted.
type wireService struct {
	ID        string `json:"id"`
	Provider  string `json:"provider"`
	APIKey    string `json:"apiKey"`
	IsActive  bool   `json:"isActive"`
	CreatedAt string `json:"createdAt"`
	UpdatedAt string `json:"updatedAt"`
}

// wireJob is a GenerationJob as emitted.
type wireJob struct {
	ID           string  `json:"id"`
	Provider     string  `json:"provider"`
	Type         string  `json:"type"`
	Prompt       string  `json:"prompt"`
	Model        string  `json:"model"`
	Status       string  `json:"status"`
	ErrorMessage *string `json:"errorMessage"`
	RetryCount   int     `json:"retryCount"`
	ResultURL    *string `json:"resultUrl"`
	PostID       *string `json:"postId"`
	PostContent  *string `json:"postContent"`
	CreatedAt    string  `json:"createdAt"`
	UpdatedAt    string  `json:"updatedAt"`
	CompletedAt  *string `json:"completedAt"`
}

type jobPage struct {
	Jobs       []wireJob `json:"jobs"`
	NextCursor *string   `json:"nextCursor"`
	HasMore    bool      `json:"hasMore"`
}

// wireMedia is an upload result or media-list item.
type wireMedia struct {
	ID          string `json:"id"`
	MediaID     string `json:"media_id"`
	URL         string `json:"url"`
	Pathname    string `json:"pathname"`
	ContentType string `json:"contentType"`
	Size        int    `json:"size"`
	Type        string `json:"type"`
	Purpose     string `json:"purpose"`
	Status      string `json:"status"`
	CreatedAt   string `json:"createdAt"`
}

type mediaPage struct {
	Media      []wireMedia `json:"media"`
	NextCursor *string     `json:"nextCursor"`
	HasMore    bool        `json:"hasMore"`
}

// connect connects a provider for token and fails the test otherwise.
func (f *fixture) connect(token, provider, key string) wireService {
	f.t.Helper()
	var out struct {
		Service wireService `json:"service"`
	}
	r := f.do("POST", "/api/settings/services", token, map[string]string{"provider": provider, "apiKey": key})
	if r.status != http.StatusCreated && r.status != http.StatusOK {
		f.t.Fatalf("connect %s: %d %s", provider, r.status, r.raw)
	}
	r.decode(f.t, &out)
	return out.Service
}

// generate starts a job and returns its ID.
func (f *fixture) generate(token string, body map[string]any) string {
	f.t.Helper()
	r := f.do("POST", "/api/generate", token, body).want(f.t, http.StatusAccepted, "")
	if r.body["status"] != "pending" {
		f.t.Fatalf("start answered %s", r.raw)
	}
	id, _ := r.body["jobId"].(string)
	if !strings.HasPrefix(id, "job_") {
		f.t.Fatalf("jobId %q", id)
	}
	return id
}

// imageJob is the usual generation request.
func imageJob(prompt string) map[string]any {
	return map[string]any{"provider": "OPENAI", "prompt": prompt, "generationType": "image"}
}

// history walks the whole generation history with pages of limit.
func (f *fixture) history(token string, limit int) []wireJob {
	f.t.Helper()
	var all []wireJob
	cursor := ""
	for range 100 {
		q := "/api/generate/history?limit=" + itoa(limit)
		if cursor != "" {
			q += "&cursor=" + cursor
		}
		var page jobPage
		f.do("GET", q, token, nil).want(f.t, http.StatusOK, "").decode(f.t, &page)
		all = append(all, page.Jobs...)
		if !page.HasMore {
			if page.NextCursor != nil {
				f.t.Fatal("hasMore false with a nextCursor")
			}
			return all
		}
		cursor = *page.NextCursor
	}
	f.t.Fatal("history did not end")
	return nil
}

// job finds one job in the caller's history.
func (f *fixture) job(token, id string) wireJob {
	f.t.Helper()
	for _, j := range f.history(token, 100) {
		if j.ID == id {
			return j
		}
	}
	f.t.Fatalf("job %s not in history", id)
	return wireJob{}
}

// upload sends a multipart upload and returns the decoded response.
func (f *fixture) upload(path, token, filename string, data []byte, purpose string) resp {
	f.t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	if data != nil {
		w, err := mw.CreateFormFile("file", filename)
		if err != nil {
			f.t.Fatal(err)
		}
		_, _ = w.Write(data)
	}
	if purpose != "" {
		_ = mw.WriteField("purpose", purpose)
	}
	_ = mw.Close()
	return f.sendBody(path, token, mw.FormDataContentType(), body.Bytes())
}

// sendBody posts a raw body with a content type.
func (f *fixture) sendBody(path, token, contentType string, body []byte) resp {
	f.t.Helper()
	req, err := http.NewRequest("POST", f.url+path, bytes.NewReader(body))
	if err != nil {
		f.t.Fatal(err)
	}
	req.Header.Set("Content-Type", contentType)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	return f.finish(req)
}

func (f *fixture) finish(req *http.Request) resp {
	f.t.Helper()
	res, err := f.c.Do(req)
	if err != nil {
		f.t.Fatalf("%s %s: %v", req.Method, req.URL.Path, err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	r := resp{status: res.StatusCode, header: res.Header, raw: raw}
	_ = json.Unmarshal(raw, &r.body)
	return r
}

// uploadImage uploads an image and returns the media.
func (f *fixture) uploadImage(token string, data []byte) wireMedia {
	f.t.Helper()
	var m wireMedia
	f.upload("/api/upload", token, "pic.png", data, "").want(f.t, http.StatusCreated, "").decode(f.t, &m)
	return m
}

// fetch GETs a URL of the server (absolute or a path) without a token and
// returns the status, content type and body.
func (f *fixture) fetch(url string) (int, string, []byte) {
	f.t.Helper()
	if strings.HasPrefix(url, "/") {
		url = f.url + url
	}
	res, err := f.c.Get(url)
	if err != nil {
		f.t.Fatal(err)
	}
	defer res.Body.Close()
	data, _ := io.ReadAll(res.Body)
	return res.StatusCode, res.Header.Get("Content-Type"), data
}

// pngBytes encodes a small w×h PNG.
func pngBytes(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = byte(i)
	}
	img.Set(0, 0, color.RGBA{255, 0, 0, 255})
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// mp4Bytes is the start of an ISO media file with the given brand.
func mp4Bytes(brand string) []byte {
	b := []byte("\x00\x00\x00\x18ftyp" + brand + "\x00\x00\x02\x00isomiso2")
	return append(b, make([]byte, 200)...)
}

// webmBytes is the start of a WebM file (EBML header, DocType webm).
func webmBytes() []byte {
	b := []byte("\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\xf7\x81\x01\x42\xf2\x81\x04\x42\xf3\x81\x08\x42\x82\x84webm\x42\x87\x81\x04\x42\x85\x81\x02")
	return append(b, make([]byte, 200)...)
}
