package media

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
)

// imageServer serves body at every path and fails the test when a request
// carries credentials.
type imageServer struct {
	*httptest.Server
	hits atomic.Int32
}

func newImageServer(t *testing.T, contentType string, body []byte) *imageServer {
	t.Helper()
	s := &imageServer{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.hits.Add(1)
		if v := r.Header.Get("Authorization"); v != "" {
			t.Errorf("the image request carried Authorization: %q", v)
		}
		if c := r.Header.Get("Cookie"); c != "" {
			t.Errorf("the image request carried a cookie: %q", c)
		}
		if strings.HasPrefix(r.URL.Path, "/redirect") {
			http.Redirect(w, r, r.URL.Query().Get("to"), http.StatusFound)
			return
		}
		w.Header().Set("Content-Type", contentType)
		_, _ = w.Write(body)
	}))
	t.Cleanup(s.Close)
	return s
}

// routeTo sends every request to srv whatever its host, as DNS pointing
// the API host at the test server would; it records the hosts asked for.
type routeTo struct {
	srv   *httptest.Server
	hosts []string
}

func (r *routeTo) RoundTrip(req *http.Request) (*http.Response, error) {
	r.hosts = append(r.hosts, req.URL.Host)
	u, _ := url.Parse(r.srv.URL)
	out := req.Clone(req.Context())
	out.URL.Scheme, out.URL.Host = u.Scheme, u.Host
	return http.DefaultTransport.RoundTrip(out)
}

func TestFetchGoesToTheAPIHostWithoutCredentials(t *testing.T) {
	body := pngOf(t, 4, 4)
	srv := newImageServer(t, "image/png", body)
	rt := &routeTo{srv: srv.Server}
	f := NewFetcher(FetcherOptions{AllowedHost: "https://API.example:443", Transport: rt})
	got, err := f.Fetch(context.Background(), "https://api.example/media/med_1.png")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, body) {
		t.Error("the body was not returned as served")
	}
	if srv.hits.Load() != 1 {
		t.Errorf("%d requests reached the server, want 1", srv.hits.Load())
	}
}

func TestFetchRefusesOtherHostsAndSchemesBeforeAnyRequest(t *testing.T) {
	srv := newImageServer(t, "image/png", pngOf(t, 2, 2))
	rt := &routeTo{srv: srv.Server}
	f := NewFetcher(FetcherOptions{AllowedHost: "api.example", Transport: rt})
	cases := map[string]error{
		"https://evil.example/a.png":             ErrHost,
		"https://api.example.evil.example/a.png": ErrHost,
		"https://user:pass@api.example/a.png":    ErrHost,
		"file:///etc/passwd":                     ErrScheme,
		"javascript:alert(1)":                    ErrScheme,
		"ftp://api.example/a.png":                ErrScheme,
		"data:image/png;base64,iVBORw0KGgo=":     ErrScheme,
	}
	for u, want := range cases {
		if _, err := f.Fetch(context.Background(), u); !errors.Is(err, want) {
			t.Errorf("%s: err = %v, want %v", u, err, want)
		}
	}
	if len(rt.hosts) != 0 || srv.hits.Load() != 0 {
		t.Errorf("refused URLs still made requests: %v", rt.hosts)
	}
}

func TestFetchAllowsLoopbackWhateverTheAPIHost(t *testing.T) {
	srv := newImageServer(t, "image/png", pngOf(t, 2, 2))
	f := NewFetcher(FetcherOptions{AllowedHost: "api.example"})
	if _, err := f.Fetch(context.Background(), srv.URL+"/media/a.png"); err != nil {
		t.Fatalf("loopback fetch: %v", err)
	}
}

func TestFetchRefusesARedirectToAnotherHost(t *testing.T) {
	srv := newImageServer(t, "image/png", pngOf(t, 2, 2))
	rt := &routeTo{srv: srv.Server}
	f := NewFetcher(FetcherOptions{AllowedHost: "api.example", Transport: rt})
	_, err := f.Fetch(context.Background(), "https://api.example/redirect?to="+url.QueryEscape("https://evil.example/x.png"))
	if !errors.Is(err, ErrHost) {
		t.Fatalf("err = %v, want the redirect refused with ErrHost", err)
	}
	for _, h := range rt.hosts {
		if h == "evil.example" {
			t.Fatal("the redirect was followed to evil.example")
		}
	}
}

func TestFetchRefusesOversizedBodies(t *testing.T) {
	big := bytes.Repeat([]byte{0x89}, 64<<10)
	srv := newImageServer(t, "image/png", big)
	f := NewFetcher(FetcherOptions{MaxBytes: 32 << 10})
	if _, err := f.Fetch(context.Background(), srv.URL+"/big.png"); !errors.Is(err, ErrTooLarge) {
		t.Errorf("declared length over the cap: err = %v", err)
	}
	// Without a Content-Length the cap still holds while reading.
	chunked := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		for range 4 {
			_, _ = w.Write(big[:16<<10])
			w.(http.Flusher).Flush()
		}
	}))
	defer chunked.Close()
	if _, err := f.Fetch(context.Background(), chunked.URL+"/big.png"); !errors.Is(err, ErrTooLarge) {
		t.Errorf("streamed body over the cap: err = %v", err)
	}
}

func TestFetchRefusesNonImages(t *testing.T) {
	srv := newImageServer(t, "text/html; charset=utf-8", []byte("<html>"))
	f := NewFetcher(FetcherOptions{})
	if _, err := f.Fetch(context.Background(), srv.URL+"/page"); !errors.Is(err, ErrNotImage) {
		t.Errorf("err = %v, want ErrNotImage", err)
	}
}

// pngHeader is a valid PNG signature and IHDR chunk declaring w×h pixels,
// with no pixel data: enough for DecodeConfig, as a bomb would start.
func pngHeader(w, h uint32) []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8], ihdr[9] = 8, 0 // 8-bit grey
	_ = binary.Write(&b, binary.BigEndian, uint32(len(ihdr)))
	chunk := append([]byte("IHDR"), ihdr...)
	b.Write(chunk)
	_ = binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(chunk))
	return b.Bytes()
}

func TestDecodeRefusesPixelBombsAndWebP(t *testing.T) {
	if _, err := Decode(pngHeader(20000, 20000)); !errors.Is(err, ErrTooLarge) {
		t.Errorf("20000×20000 PNG: err = %v, want ErrTooLarge", err)
	}
	webp := append([]byte("RIFF\x00\x00\x00\x00WEBPVP8 "), make([]byte, 32)...)
	if _, err := Decode(webp); !errors.Is(err, ErrUnsupported) {
		t.Errorf("WebP: err = %v, want ErrUnsupported", err)
	}
	if _, err := Decode([]byte("GIF89a-not-really")); err == nil {
		t.Error("a broken GIF decoded")
	}
}
