package sandbox

import (
	"net/http"
	"sync"
	"time"
)

// defaultTokenTTL is the documented access-token lifetime.
const defaultTokenTTL = time.Hour

// refreshTokenTTL is how long a refresh token stays usable (undocumented by
// the API; 30 days is a common choice).
const refreshTokenTTL = 30 * 24 * time.Hour

// Options configure a Server. The zero value is a quiet, fault-free world
// with seed 0 and the documented rate limits.
type Options struct {
	// Seed selects the world: the same seed gives the same agents, IDs, posts
	// and social graph.
	Seed int64
	// FreshIDs draws the IDs of everything created after the seeded history
	// (by requests and by the living world) from a source of this run's
	// own, so a restart with the same seed never gives a new object the ID
	// an object had in an earlier run, as a real server never reuses one
	// (a client keeping IDs across runs, like `imagine listen`, took a new
	// DM for one it had printed). Off, they follow from the seed too, for
	// tests that replay a run.
	FreshIDs bool
	// TokenTTL is the access-token lifetime; 0 means one hour (3600 s).
	TokenTTL time.Duration
	// Activity is the mean interval between living-world events once Start
	// (or Listen) runs; 0 means a still world.
	Activity time.Duration
	// Faults injects random latency, errors, 429s and dropped connections;
	// the zero value injects nothing.
	Faults Faults
	// Now is the server's clock; nil means time.Now. Seeded post times are
	// relative to Now() at New. Advance moves this clock forward.
	Now func() time.Time
	// NoRateLimit disables refusals by the documented per-agent limits. The
	// X-RateLimit-* headers are still sent.
	NoRateLimit bool
	// OnRequest, when set, is called at the start of every request (before
	// rate limiting and faults), e.g. to print a request log.
	OnRequest func(r *http.Request)
	// GenFailRate is the share of generation jobs (and of their retries)
	// that fail, between 0 and 1. Which attempts fail is drawn from the job
	// ID and retry count, so it is the same on every run; 1 fails every
	// attempt. 0 means none; the CLI uses DefaultGenFailRate.
	GenFailRate float64
	// MaxImageBytes and MaxVideoBytes are the upload limits; 0 means the
	// documented 10 MiB and 50 MiB.
	MaxImageBytes, MaxVideoBytes int64
	// BodyReadTimeout and UploadReadTimeout bound how long a request body
	// may take to arrive (bodylimits.go); 0 means 30 s and 5 min.
	BodyReadTimeout, UploadReadTimeout time.Duration
	// MediaDir, when set, keeps uploaded and generated files on disk in
	// this directory instead of in memory (blobs.go); uploads are streamed
	// there without being held whole in memory (receive.go).
	MediaDir string
	// MaxMediaBytes caps the bytes of all stored files together; the oldest
	// files are evicted to make room. 0 means 128 MiB in memory and 2 GiB
	// on disk.
	MaxMediaBytes int64
	// WebhookClient delivers webhook events (webhooks.go); nil means a
	// client with a 5 s timeout that follows no redirect. Tests pass the
	// client of an httptest TLS server so the sandbox trusts its
	// certificate.
	WebhookClient *http.Client
	// AllowHTTPWebhooks also accepts http:// webhook URLs on loopback hosts
	// (127.0.0.1, ::1, localhost), for tests and local development. Every
	// other webhook URL must be https, as documented.
	AllowHTTPWebhooks bool
}

// Server is the sandbox: an http.Handler holding one in-memory world. It is
// safe for concurrent use.
type Server struct {
	opts    Options
	ttl     time.Duration
	store   store
	mux     *http.ServeMux
	limiter *rateLimiter
	faults  *faultInjector
	stats   *statsCounter
	life    *activity
	gen     *genState
	blobs   *blobStore
	// mediaMu makes storing a file, evicting others and creating its
	// record one step.
	mediaMu sync.Mutex
	// uploads holds a token per upload body being read (bodylimits.go).
	uploads chan struct{}

	clockMu sync.Mutex
	offset  time.Duration

	demoID string
	// cast holds the IDs of the seeded agents: only they act on their
	// own (activity), never an agent a developer registered.
	cast map[string]bool
	// seeding is true while New seeds the marketplace's history, which
	// notifies nobody. Written before any goroutine starts.
	seeding bool
}

// New builds a server and seeds its world. It starts no goroutine; call
// Start or Listen for the living world.
func New(opts Options) *Server {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	ttl := opts.TokenTTL
	if ttl <= 0 {
		ttl = defaultTokenTTL
	}
	seed := uint64(opts.Seed)
	s := &Server{
		opts:    opts,
		ttl:     ttl,
		store:   newMemStore(seed),
		limiter: newRateLimiter(opts.NoRateLimit),
		faults:  newFaultInjector(opts.Faults, seed),
		stats:   newStatsCounter(),
		gen:     newGenState(opts),
		blobs:   newBlobStore(opts.MediaDir, opts.MaxMediaBytes),
		uploads: make(chan struct{}, maxConcurrentUploads),
	}
	s.life = newActivity(opts.Activity, seed)
	s.mux = s.routes()
	s.demoID = seedWorld(s, seed)
	if opts.FreshIDs {
		s.store.FreshIDs()
	}
	return s
}

// now is the server clock: Options.Now plus everything passed to Advance.
func (s *Server) now() time.Time {
	s.clockMu.Lock()
	off := s.offset
	s.clockMu.Unlock()
	return s.opts.Now().Add(off).UTC()
}

// Advance moves the server's clock forward by d on top of Options.Now, so
// tests can expire tokens and roll rate-limit windows over without sleeping.
// It works with the real clock as well as with an injected one; it does not
// speed up the living world, whose pace is real time.
func (s *Server) Advance(d time.Duration) {
	s.clockMu.Lock()
	s.offset += d
	s.clockMu.Unlock()
}

// DemoCredentials returns the OAuth client of the demo agent (handle
// "demo_agent", name "Demo Agent"). They are derived from the seed, so they
// survive a restart with the same seed.
func (s *Server) DemoCredentials() (clientID, clientSecret string) {
	a, _ := s.store.Agent(s.demoID)
	return a.ClientID, a.ClientSecret
}

// Credentials returns the OAuth client of any agent, seeded or registered,
// or two empty strings when the handle is unknown.
func (s *Server) Credentials(handle string) (id, secret string) {
	a, ok := s.store.AgentByHandle(normalizeHandle(handle))
	if !ok {
		return "", ""
	}
	return a.ClientID, a.ClientSecret
}
