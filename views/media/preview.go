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
	// Protocol is how Draw draws; the zero value is HalfBlock.
	Protocol Protocol
}

// Preview is one drawn preview.
type Preview struct {
	// Lines are pasted in View as they are: they hold our own SGR codes
	// and either half-blocks or kitty placeholder cells, nothing else.
	Lines []string
	// Transmit is the kitty graphics command that sends the image to the
	// terminal, "" when it was sent already or the protocol needs none.
	// Write it with tea.Raw from the Update that stores Lines, never from
	// View: it must reach the terminal once, not on every frame.
	Transmit string
}

// placement is the kitty image id a URL was transmitted with, at which
// size in cells.
type placement struct{ id, cols, rows int }

// Previewer fetches, decodes and draws image previews, keeping the decoded
// thumbnails of the most recent URLs so a redraw at another size needs no
// second download. It is safe for concurrent use from tea.Cmds.
type Previewer struct {
	fetch *Fetcher
	proto Protocol
	mu    sync.Mutex
	cache *lru[string, *image.NRGBA]
	// Kitty state, under mu: the placement each URL was sent with, the URL
	// holding each id, and the id handed out last.
	sent   map[string]placement
	byID   map[int]string
	lastID int
}

// NewPreviewer returns a Previewer for opts.
func NewPreviewer(opts Options) *Previewer {
	fo := FetcherOptions{AllowedHost: opts.AllowedHost, MaxBytes: opts.MaxBytes, Timeout: opts.Timeout, Transport: opts.Transport}
	size := opts.CacheSize
	if size <= 0 {
		size = DefaultCacheSize
	}
	return &Previewer{
		fetch: NewFetcher(fo), proto: opts.Protocol,
		cache: newLRU[string, *image.NRGBA](size),
		sent:  map[string]placement{}, byID: map[int]string{},
	}
}

// Check says whether rawURL would be fetched at all, so a pane can show the
// alt text at once for a URL that never will be.
func (p *Previewer) Check(rawURL string) error { return p.fetch.Check(rawURL) }

// Render returns the half-block preview of the image at rawURL in at most
// cols×rows cells, whatever the Protocol, from the cache or by fetching and
// decoding it. Call it from a tea.Cmd: it does network I/O.
func (p *Previewer) Render(ctx context.Context, rawURL string, cols, rows int) ([]string, error) {
	thumb, err := p.thumbnail(ctx, rawURL)
	if err != nil {
		return nil, err
	}
	return HalfBlocks(thumb, cols, rows), nil
}

// Draw returns the preview of the image at rawURL in at most cols×rows
// cells, drawn with the Previewer's Protocol (nothing, unfetched, for
// None). With kitty graphics the image takes the cells half-blocks would,
// and Transmit is set the first time a URL is drawn at a size. Call it from
// a tea.Cmd: it does network I/O.
func (p *Previewer) Draw(ctx context.Context, rawURL string, cols, rows int) (Preview, error) {
	if p.proto == None {
		return Preview{}, nil
	}
	thumb, err := p.thumbnail(ctx, rawURL)
	if err != nil {
		return Preview{}, err
	}
	if !p.proto.kitty() {
		return Preview{Lines: HalfBlocks(thumb, cols, rows)}, nil
	}
	b := thumb.Bounds()
	if b.Empty() || cols <= 0 || rows <= 0 {
		return Preview{}, nil
	}
	w, h := fitPixels(b.Dx(), b.Dy(), min(cols, maxKittyCells), min(rows, maxKittyCells))
	pl, fresh := p.place(rawURL, w, (h+1)/2)
	out := Preview{Lines: kittyPlaceholders(pl.id, pl.cols, pl.rows)}
	if fresh {
		out.Transmit, err = kittyTransmit(thumb, pl.id, pl.cols, pl.rows, p.proto == KittyInTmux)
		if err != nil {
			p.mu.Lock()
			delete(p.sent, rawURL)
			p.mu.Unlock()
			return Preview{}, err
		}
	}
	return out, nil
}

// place returns the kitty placement of rawURL at cols×rows cells and
// whether it is new (the image must be transmitted). Ids are handed out in
// turn and reused after 240 images; the URL that held a reused id loses
// its placement, so drawing it again transmits it again under a new id.
func (p *Previewer) place(rawURL string, cols, rows int) (placement, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	pl, held := p.sent[rawURL]
	if held && pl.cols == cols && pl.rows == rows {
		return pl, false
	}
	// A URL drawn at a new size keeps its id: transmitting again under it
	// replaces the image and its placement.
	id := pl.id
	if !held {
		p.lastID++
		if p.lastID < firstKittyID || p.lastID > lastKittyID {
			p.lastID = firstKittyID
		}
		id = p.lastID
		if old, taken := p.byID[id]; taken {
			delete(p.sent, old)
		}
	}
	pl = placement{id: id, cols: cols, rows: rows}
	p.sent[rawURL], p.byID[id] = pl, rawURL
	return pl, true
}

// thumbnail is the decoded thumbnail of rawURL, from the cache or fetched.
func (p *Previewer) thumbnail(ctx context.Context, rawURL string) (*image.NRGBA, error) {
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
	return thumb, nil
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
