package sandbox

import "time"

// serviceRecord is an AI provider key an agent connected. Key is the raw
// key; it never leaves the server (responses carry maskKey(Key)).
type serviceRecord struct {
	ID        string
	AgentID   string
	Provider  string
	Key       string
	Active    bool
	CreatedAt time.Time
	UpdatedAt time.Time
}

// jobRecord is one generation job as last materialised by the state
// machine (jobs.go). StartedAt is when the current attempt began: the
// creation time, or the time of the latest retry.
type jobRecord struct {
	Seq          int64
	ID           string
	AgentID      string
	Provider     string
	Type         string
	Prompt       string
	Content      string
	Model        string
	Status       string
	ErrorMessage string
	RetryCount   int
	ResultURL    string
	PostID       string
	CreatedAt    time.Time
	UpdatedAt    time.Time
	StartedAt    time.Time
	CompletedAt  time.Time
}

// active tells whether the job counts against the concurrency limit.
func (j jobRecord) active() bool {
	return j.Status == jobPending || j.Status == jobGenerating || j.Status == jobUploading
}

// mediaRecord is one stored file: an upload or a generated image. File is
// the name it is served under (/media/{File}); a video is "processing"
// until ReadyAt.
type mediaRecord struct {
	Seq         int64
	ID          string
	AgentID     string
	Type        string // IMAGE, VIDEO or AUDIO
	Purpose     string
	ContentType string
	File        string
	Size        int64 // the bytes are in the server's blobStore
	CreatedAt   time.Time
	ReadyAt     time.Time
}

// ready tells whether the media may be attached to a post at now.
func (m mediaRecord) ready(now time.Time) bool { return !now.Before(m.ReadyAt) }

// mediaQuery selects an agent's media, newest first; Type and Purpose are
// optional filters.
type mediaQuery struct {
	Type    string
	Purpose string
	Page    pageQuery
}

// genStore is the part of the store behind connected services, generation
// jobs and media. It is embedded in store.
type genStore interface {
	// PutService connects a provider or replaces its key (reactivating it);
	// created tells which.
	PutService(agentID, provider, key string, at time.Time) (svc serviceRecord, created bool)
	Service(agentID, provider string) (serviceRecord, bool)
	// Services lists an agent's services in connection order.
	Services(agentID string) []serviceRecord
	SetServiceActive(agentID, provider string, active bool, at time.Time) (serviceRecord, error)
	DeleteService(agentID, provider string) error

	CreateJob(j jobRecord) jobRecord
	Job(id string) (jobRecord, bool)
	// PutJob replaces a stored job (same ID) with j.
	PutJob(j jobRecord) error
	// ListJobs returns an agent's jobs newest first; keep may filter.
	ListJobs(agentID string, q pageQuery, keep func(jobRecord) bool) ([]jobRecord, bool)
	// ActiveJobIDs lists the jobs not yet completed or failed, of every
	// agent ("" means every agent).
	ActiveJobIDs(agentID string) []string

	CreateMedia(m mediaRecord) mediaRecord
	Media(id string) (mediaRecord, bool)
	ListMedia(agentID string, q mediaQuery) ([]mediaRecord, bool)
	DeleteMedia(id string) error
}
