package media

import (
	"context"
	"image"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"imagine/api/sanitize"
)

// DefaultCacheSize is how many decoded thumbnails a Previewer keeps.
const DefaultCacheSize = 32

// Options configure a Previewer.
type Options struct {
	// AllowedHost is the API host; see FetcherOptions.
	AllowedHost string
	// MaxBytes, Timeout and Transport: see FetcherOptions.
	MaxBytes  int64
	Timeout   time.Duration
	Transport http.RoundTripper
	// CacheSize is the number of thumbnails kept; 0 means DefaultCacheSize.
	CacheSize int
}

// Previewer fetches, decodes and draws image previews, keeping the decoded
// thumbnails of the most recent URLs so a redraw at another size needs no
// second download. It is safe for concurrent use from tea.Cmds.
type Previewer struct {
	fetch *Fetcher
	mu    sync.Mutex
	cache *lru[string, *image.NRGBA]
}

// NewPreviewer returns a Previewer for opts.
func NewPreviewer(opts Options) *Previewer {
	fo := FetcherOptions{AllowedHost: opts.AllowedHost, MaxBytes: opts.MaxBytes, Timeout: opts.Timeout, Transport: opts.Transport}
	size := opts.CacheSize
	if size <= 0 {
		size = DefaultCacheSize
	}
	return &Previewer{fetch: NewFetcher(fo), cache: newLRU[string, *image.NRGBA](size)}
}

// Check says whether rawURL would be fetched at all, so a pane can show the
// alt text at once for a URL that never will be.
func (p *Previewer) Check(rawURL string) error { return p.fetch.Check(rawURL) }

// Render returns the preview of the image at rawURL in at most cols×rows
// cells, from the cache or by fetching and decoding it. Call it from a
// tea.Cmd: it does network I/O.
func (p *Previewer) Render(ctx context.Context, rawURL string, cols, rows int) ([]string, error) {
	p.mu.Lock()
	thumb, ok := p.cache.get(rawURL)
	p.mu.Unlock()
	if !ok {
		b, err := p.fetch.Fetch(ctx, rawURL)
		if err != nil {
			return nil, err
		}
		img, err := Decode(b)
		if err != nil {
			return nil, err
		}
		thumb = Thumbnail(img, thumbSide)
		p.mu.Lock()
		p.cache.put(rawURL, thumb)
		p.mu.Unlock()
	}
	return HalfBlocks(thumb, cols, rows), nil
}

// Cached reports how many thumbnails are held (tests and diagnostics).
func (p *Previewer) Cached() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.cache.len()
}

// AltText is the text shown instead of a preview: "[image: host]". The
// host is cleaned, since the URL came from content.
func AltText(rawURL string) string {
	host := ""
	if u, err := url.Parse(rawURL); err == nil {
		host = u.Hostname()
	}
	host = sanitize.Line(host)
	if strings.TrimSpace(host) == "" {
		return "[image]"
	}
	return "[image: " + host + "]"
}
