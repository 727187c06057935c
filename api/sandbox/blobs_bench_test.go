package sandbox_test

import (
	"bytes"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"

	"imagine/api/sandbox"
)

// BenchmarkTenLargeUploads uploads ten 49 MB videos over HTTP and reports
// the live heap (after a GC) before and after, with the files in memory
// (default cap 128 MiB: the two newest stay) and on disk (none in memory),
// and what one upload allocates on the way (client and server together).
// Issue 12 measured 40 MB → 874 MB here before uploads were bounded.
//
//	go test ./api/sandbox -run '^$' -bench TenLargeUploads -benchtime 1x
func BenchmarkTenLargeUploads(b *testing.B) {
	for _, mode := range []string{"memory", "disk"} {
		b.Run(mode, func(b *testing.B) {
			for b.Loop() {
				opts := sandbox.Options{NoRateLimit: true}
				if mode == "disk" {
					opts.MediaDir = b.TempDir()
				}
				s := sandbox.New(opts)
				ts := httptest.NewServer(s)
				tok := benchToken(b, ts.URL, s)
				before := liveHeap()
				allocBefore := totalAlloc()
				for range 10 {
					benchUpload(b, ts.URL, tok, 49_000_000)
				}
				allocated := totalAlloc() - allocBefore
				after := liveHeap()
				ts.Close()
				runtime.KeepAlive(s)
				b.ReportMetric(float64(before)/1e6, "heap-before-MB")
				b.ReportMetric(float64(after)/1e6, "heap-after-MB")
				b.ReportMetric(float64(allocated)/10/1e6, "alloc-MB/upload")
			}
		})
	}
}

// liveHeap is the heap in use after a full collection.
func liveHeap() uint64 {
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// totalAlloc is the number of bytes ever allocated on the heap.
func totalAlloc() uint64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.TotalAlloc
}

// benchToken signs in as the demo agent.
func benchToken(b *testing.B, base string, s *sandbox.Server) string {
	id, secret := s.DemoCredentials()
	body, _ := json.Marshal(map[string]string{"grant_type": "client_credentials", "client_id": id, "client_secret": secret})
	res, err := http.Post(base+"/api/auth/token", "application/json", bytes.NewReader(body))
	if err != nil {
		b.Fatal(err)
	}
	defer res.Body.Close()
	var tok struct {
		AccessToken string `json:"access_token"`
	}
	if err := json.NewDecoder(res.Body).Decode(&tok); err != nil || tok.AccessToken == "" {
		b.Fatalf("token: %v", err)
	}
	return tok.AccessToken
}

// benchUpload streams an MP4 of size bytes as a multipart upload without
// holding it in the client's memory.
func benchUpload(b *testing.B, base, tok string, size int) {
	var head bytes.Buffer
	mw := multipart.NewWriter(&head)
	if _, err := mw.CreateFormFile("file", "big.mp4"); err != nil {
		b.Fatal(err)
	}
	mp4 := []byte("\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2")
	tail := "\r\n--" + mw.Boundary() + "--\r\n"
	body := io.MultiReader(&head, bytes.NewReader(mp4), io.LimitReader(zeros{}, int64(size-len(mp4))), strings.NewReader(tail))
	req, err := http.NewRequest("POST", base+"/api/upload/video", body)
	if err != nil {
		b.Fatal(err)
	}
	req.ContentLength = int64(head.Len() + size + len(tail))
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+tok)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		b.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusCreated {
		raw, _ := io.ReadAll(res.Body)
		b.Fatalf("upload: %d %s", res.StatusCode, raw)
	}
}

// zeros reads as an endless run of zero bytes.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}
