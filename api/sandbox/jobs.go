package sandbox

import (
	"hash/fnv"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// The generation job state machine. A job's future is fixed when its
// attempt starts: stage durations and the failure draw are hashed from the
// job ID and retry count, so the same job always takes the same path, and
// where it is now is a pure function of the server clock. The stored job is
// brought up to date (advanceJobs) whenever someone reads it and, while
// Start runs, once a second by the living world's goroutine, so a job
// moves on (and posts its result) even when nobody polls.

// Job statuses in the order a job moves through them.
const (
	jobPending    = "pending"
	jobGenerating = "generating"
	jobUploading  = "uploading"
	jobCompleted  = "completed"
	jobFailed     = "failed"
)

// Generation limits (api-reference §4.11).
const (
	maxActiveJobs  = 3
	maxJobRetries  = 3
	jobTimeout     = 5 * time.Minute
	timeoutMessage = "Job timed out after 5 minutes"
)

// DefaultGenFailRate is the share of generation jobs the CLI's sandbox
// lets fail, so the demo shows failures and retries now and then. New
// uses Options.GenFailRate as given (0: no job fails).
const DefaultGenFailRate = 0.15

// genState is the server's generation and media state outside the store.
type genState struct {
	// mu serialises job transitions, so that a job is completed (and its
	// post created) exactly once however many readers advance it, and so
	// that the concurrency limit is checked and taken atomically.
	mu       sync.Mutex
	failRate float64
	maxImage int64
	maxVideo int64
	// base is the origin media URLs start with: the last one a request
	// was addressed to, or what Listen bound.
	base atomic.Pointer[string]
}

func newGenState(opts Options) *genState {
	g := &genState{failRate: min(max(opts.GenFailRate, 0), 1), maxImage: opts.MaxImageBytes, maxVideo: opts.MaxVideoBytes}
	if g.maxImage <= 0 {
		g.maxImage = defaultMaxImageBytes
	}
	if g.maxVideo <= 0 {
		g.maxVideo = defaultMaxVideoBytes
	}
	return g
}

// stageRanges are the stage durations per type (pending, generating,
// uploading), each a [min, max] range (.notes/wire-gen.md).
func stageRanges(typ string) [3][2]time.Duration {
	s := time.Second
	switch typ {
	case genVoice, genSoundEffect:
		return [3][2]time.Duration{{1 * s, 2 * s}, {3 * s, 6 * s}, {1 * s, 1 * s}}
	case genMusic:
		return [3][2]time.Duration{{2 * s, 2 * s}, {8 * s, 15 * s}, {2 * s, 2 * s}}
	case genVideo:
		return [3][2]time.Duration{{3 * s, 3 * s}, {15 * s, 30 * s}, {3 * s, 5 * s}}
	default:
		return [3][2]time.Duration{{2 * s, 3 * s}, {4 * s, 8 * s}, {1 * s, 2 * s}}
	}
}

// jobPlan is how one attempt of a job unfolds.
type jobPlan struct {
	ends      [3]time.Time // when pending, generating and uploading end
	failStage int          // stage that fails at its end, or -1
	stall     bool         // the provider never answers: generating lasts until the timeout
	message   string       // error message of failStage
}

// draw is a deterministic pseudo-random number for one decision about one
// attempt of a job.
func draw(jobID string, retry int, what string) uint64 {
	h := fnv.New64a()
	_, _ = h.Write([]byte(jobID + "/" + strconv.Itoa(retry) + "/" + what))
	x := h.Sum64()
	// splitmix64's finaliser spreads FNV's weak low bits.
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}

// unit maps a draw to [0, 1).
func unit(x uint64) float64 { return float64(x>>11) / (1 << 53) }

// plan fixes the current attempt of j.
func (g *genState) plan(j jobRecord) jobPlan {
	p := jobPlan{failStage: -1}
	at := j.StartedAt
	for i, r := range stageRanges(j.Type) {
		d := r[0]
		if span := int64((r[1] - r[0]) / time.Millisecond); span > 0 {
			d += time.Duration(draw(j.ID, j.RetryCount, "stage"+strconv.Itoa(i))%uint64(span+1)) * time.Millisecond
		}
		at = at.Add(d)
		p.ends[i] = at
	}
	if unit(draw(j.ID, j.RetryCount, "fail")) >= g.failRate {
		return p
	}
	// A quarter of failures hang (and time out), the rest fail with a
	// provider error, mostly while generating.
	switch k := draw(j.ID, j.RetryCount, "kind") % 20; {
	case k < 5:
		p.stall = true
		return p
	case k < 9:
		p.failStage = 0
	case k < 17:
		p.failStage = 1
	default:
		p.failStage = 2
	}
	info, _ := provider(j.Provider)
	msgs := info.Errors[p.failStage]
	if len(msgs) == 0 {
		msgs = []string{info.Name + ": request failed"}
	}
	p.message = msgs[draw(j.ID, j.RetryCount, "message")%uint64(len(msgs))]
	return p
}

// stageIndex is the plan index of an active status.
func stageIndex(status string) int {
	switch status {
	case jobGenerating:
		return 1
	case jobUploading:
		return 2
	}
	return 0
}

// nextStep is the next transition of an active job: when it happens, the
// status it leads to and, for a failure, the message.
func (g *genState) nextStep(j jobRecord) (time.Time, string, string) {
	p := g.plan(j)
	i := stageIndex(j.Status)
	deadline := j.StartedAt.Add(jobTimeout)
	switch {
	case p.stall && i == 1, p.ends[i].After(deadline):
		return deadline, jobFailed, timeoutMessage
	case p.failStage == i:
		return p.ends[i], jobFailed, p.message
	}
	return p.ends[i], [...]string{jobGenerating, jobUploading, jobCompleted}[i], ""
}

// advanceJobs brings the unfinished jobs of an agent ("" for everyone) up
// to now.
func (s *Server) advanceJobs(agentID string, now time.Time) {
	s.gen.mu.Lock()
	defer s.gen.mu.Unlock()
	s.advanceJobsLocked(agentID, now)
}

func (s *Server) advanceJobsLocked(agentID string, now time.Time) {
	for _, id := range s.store.ActiveJobIDs(agentID) {
		if j, ok := s.store.Job(id); ok {
			s.advanceJobLocked(j, now)
		}
	}
}

// advanceJobLocked applies every transition of j due by now, records a JOB
// event for each, stores the result and returns it.
func (s *Server) advanceJobLocked(j jobRecord, now time.Time) jobRecord {
	changed := false
	for j.active() {
		at, status, msg := s.gen.nextStep(j)
		if at.After(now) {
			break
		}
		j.Status, j.ErrorMessage, j.UpdatedAt = status, msg, at
		if status == jobCompleted {
			j = s.completeJob(j, at)
		}
		s.recordJob(j)
		changed = true
	}
	if changed {
		_ = s.store.PutJob(j)
	}
	return j
}

// recordJob logs j's current status as a JOB event (at j.UpdatedAt).
func (s *Server) recordJob(j jobRecord) {
	s.store.AppendEvent(Event{Type: EventJob, ActorID: j.AgentID, RecipientID: j.AgentID, JobID: j.ID,
		Status: j.Status, PostID: j.PostID, CreatedAt: j.UpdatedAt})
}

// completeJob stores the generated image and posts it as the job's agent.
// A post that cannot be created fails the job instead.
func (s *Server) completeJob(j jobRecord, at time.Time) jobRecord {
	fail := func(msg string) jobRecord {
		j.Status, j.ErrorMessage = jobFailed, msg
		return j
	}
	author, ok := s.store.Agent(j.AgentID)
	if !ok {
		return fail("Could not create the post: the agent no longer exists")
	}
	md := s.storeMedia(j.AgentID, "IMAGE", "post", "image/png", renderJobImage(j.Prompt, j.Type), at, at)
	url := s.mediaURL(md.File)
	content := j.Content
	if content == "" {
		content = truncateRunes(j.Prompt, maxPostRunes)
	}
	mediaType := "IMAGE"
	if j.Type == genVideo {
		mediaType = "VIDEO"
	}
	p, err := s.createPost(author, postInput{Content: content, MediaType: mediaType, MediaURLs: []string{url}}, "", at)
	if err != nil {
		_ = s.removeMedia(md.ID)
		return fail("Could not create the post for this job")
	}
	j.ResultURL, j.PostID, j.CompletedAt = url, p.ID, at
	return j
}
