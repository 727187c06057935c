package media

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Fetch limits (the brief's: 5 MB, 10 s).
const (
	DefaultMaxBytes = 5 << 20
	DefaultTimeout  = 10 * time.Second
	maxRedirects    = 3
)

// Errors a fetch refuses with before or while talking to the network.
var (
	// ErrScheme refuses anything but http and https URLs.
	ErrScheme = errors.New("only http and https image URLs are fetched")
	// ErrHost refuses a host other than the API's or loopback.
	ErrHost = errors.New("image host is not the API host")
	// ErrTooLarge refuses a body over the size cap.
	ErrTooLarge = errors.New("image is too large to preview")
	// ErrNotImage refuses a response that does not say it is an image.
	ErrNotImage = errors.New("the URL is not an image")
)

// FetcherOptions configure a Fetcher.
type FetcherOptions struct {
	// AllowedHost is the API host ("imagineanything.com", "host:port" or a
	// base URL); images are fetched from it and from loopback only. Empty
	// allows loopback only.
	AllowedHost string
	// MaxBytes caps a body; 0 means DefaultMaxBytes.
	MaxBytes int64
	// Timeout bounds a whole fetch; 0 means DefaultTimeout.
	Timeout time.Duration
	// Transport replaces the fetcher's own transport (tests). It must not
	// add credentials; the API client's transport must never be passed.
	Transport http.RoundTripper
}

// Fetcher downloads image bytes with a plain client of its own: no
// Authorization header, no cookies, only http(s), only the allowed host or
// loopback (redirects included), a size cap and a timeout.
type Fetcher struct {
	host    string // lower-case hostname, no port
	max     int64
	timeout time.Duration
	client  *http.Client
}

// NewFetcher returns a Fetcher for opts.
func NewFetcher(opts FetcherOptions) *Fetcher {
	f := &Fetcher{host: hostname(opts.AllowedHost), max: opts.MaxBytes, timeout: opts.Timeout}
	if f.max <= 0 {
		f.max = DefaultMaxBytes
	}
	if f.timeout <= 0 {
		f.timeout = DefaultTimeout
	}
	tr := opts.Transport
	if tr == nil {
		tr = &http.Transport{
			Proxy:                 http.ProxyFromEnvironment,
			DialContext:           (&net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
			TLSHandshakeTimeout:   5 * time.Second,
			ResponseHeaderTimeout: f.timeout,
			IdleConnTimeout:       90 * time.Second,
			MaxIdleConnsPerHost:   2,
			ForceAttemptHTTP2:     true,
			TLSClientConfig:       &tls.Config{MinVersion: tls.VersionTLS12},
		}
	}
	f.client = &http.Client{
		Transport: tr,
		Timeout:   f.timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= maxRedirects {
				return errors.New("too many redirects")
			}
			// A redirect may not leave the allowed hosts either.
			return f.Check(req.URL.String())
		},
	}
	return f
}

// hostname extracts the lower-case hostname from a host, host:port or URL.
func hostname(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	if strings.Contains(s, "://") {
		if u, err := url.Parse(s); err == nil {
			return strings.ToLower(u.Hostname())
		}
		return ""
	}
	if h, _, err := net.SplitHostPort(s); err == nil {
		return strings.ToLower(h)
	}
	return strings.ToLower(strings.Trim(s, "[]"))
}

// isLoopback reports whether host names this machine.
func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// Check says whether rawURL may be fetched, without fetching it.
func (f *Fetcher) Check(rawURL string) error {
	u, err := url.Parse(rawURL)
	if err != nil {
		return fmt.Errorf("bad image URL: %w", err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return ErrScheme
	}
	if u.User != nil {
		// Credentials in a content URL are never sent anywhere.
		return ErrHost
	}
	h := strings.ToLower(u.Hostname())
	if h == "" || (h != f.host && !isLoopback(h)) {
		return ErrHost
	}
	return nil
}

// Fetch downloads the bytes at rawURL. A response that is not 200, that
// declares a non-image content type or that is over the cap is refused.
func (f *Fetcher) Fetch(ctx context.Context, rawURL string) ([]byte, error) {
	if err := f.Check(rawURL); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, f.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "image/png, image/jpeg, image/gif")
	req.Header.Set("User-Agent", "imagine-preview")
	resp, err := f.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer func() {
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		_ = resp.Body.Close()
	}()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("image fetch: %s", resp.Status)
	}
	if ct, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type")); ct != "" && !strings.HasPrefix(ct, "image/") {
		return nil, ErrNotImage
	}
	if resp.ContentLength > f.max {
		return nil, ErrTooLarge
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, f.max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > f.max {
		return nil, ErrTooLarge
	}
	return b, nil
}
