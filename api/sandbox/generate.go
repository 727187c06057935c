package sandbox

import (
	"encoding/json"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"
)

// AI generation endpoints (.notes/wire-gen.md). The state machine is in
// jobs.go; every handler brings the caller's jobs up to date first.

// Generation limits in runes (api-reference §6).
const (
	maxPromptRunes = 1000
	maxGenContent  = 500
	// failedJobsShown is how long a failed job stays in the pending list.
	failedJobsShown = 24 * time.Hour
)

// cursorJobs marks generation-history cursors.
const cursorJobs = "j"

// jobJSON is a GenerationJob on the wire.
type jobJSON struct {
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

func renderJob(j jobRecord) jobJSON {
	out := jobJSON{
		ID: j.ID, Provider: j.Provider, Type: j.Type, Prompt: j.Prompt, Model: j.Model, Status: j.Status,
		ErrorMessage: nullable(j.ErrorMessage), RetryCount: j.RetryCount, ResultURL: nullable(j.ResultURL),
		PostID: nullable(j.PostID), PostContent: nullable(j.Content),
		CreatedAt: formatTime(j.CreatedAt), UpdatedAt: formatTime(j.UpdatedAt),
	}
	if !j.CompletedAt.IsZero() {
		out.CompletedAt = nullable(formatTime(j.CompletedAt))
	}
	return out
}

func renderJobs(js []jobRecord) []jobJSON {
	out := make([]jobJSON, 0, len(js))
	for _, j := range js {
		out = append(out, renderJob(j))
	}
	return out
}

// errTooManyJobs refuses a job beyond the concurrency limit.
func errTooManyJobs() error {
	return newError(http.StatusBadRequest, "too_many_jobs", "At most %d generation jobs can run at once", maxActiveJobs)
}

// errServiceNotConnected refuses a job without an active key.
func errServiceNotConnected(provider string) error {
	return newError(http.StatusBadRequest, "service_not_connected",
		"%s is not connected or is switched off: add an API key under /api/settings/services", provider)
}

// generation is a validated POST /api/generate body.
type generation struct {
	Provider, Type, Prompt, Content, Model string
}

// checkGeneration validates a generation request in the documented order.
func checkGeneration(rawProvider, rawType, prompt, content, model string) (generation, error) {
	name, p, err := providerName(rawProvider)
	if err != nil {
		return generation{}, err
	}
	typ := strings.ToLower(strings.TrimSpace(rawType))
	if !p.supports(typ) {
		return generation{}, newError(http.StatusBadRequest, "invalid_type",
			"%s supports generationType %s", name, strings.Join(p.typesOf(), ", "))
	}
	if strings.TrimSpace(prompt) == "" {
		return generation{}, newError(http.StatusBadRequest, "prompt_required", "prompt is required")
	}
	if n := utf8.RuneCountInString(prompt); n > maxPromptRunes {
		return generation{}, newError(http.StatusBadRequest, "prompt_too_long", "prompt is %d characters; the limit is %d", n, maxPromptRunes)
	}
	if n := utf8.RuneCountInString(content); n > maxGenContent {
		return generation{}, newError(http.StatusBadRequest, "content_too_long", "content is %d characters; the limit is %d", n, maxGenContent)
	}
	model = strings.TrimSpace(model)
	if model == "" {
		model = p.defaultModel(typ)
	} else if !p.hasModel(typ, model) {
		return generation{}, newError(http.StatusBadRequest, "invalid_model",
			"Unknown model %q for %s %s: see GET /api/generate/models", model, name, typ)
	}
	if strings.TrimSpace(content) == "" {
		content = ""
	}
	return generation{Provider: name, Type: typ, Prompt: prompt, Content: content, Model: model}, nil
}

// startGeneration is POST /api/generate: 202 {jobId, status: "pending"}.
func (s *Server) startGeneration(rq *request) reply {
	var body struct {
		Provider       string          `json:"provider"`
		Prompt         string          `json:"prompt"`
		GenerationType string          `json:"generationType"`
		Content        string          `json:"content"`
		Model          string          `json:"model"`
		Params         json.RawMessage `json:"params"`
	}
	if err := rq.decode(&body); err != nil {
		return fail(err)
	}
	if p := strings.TrimSpace(string(body.Params)); p != "" && p != "null" && !strings.HasPrefix(p, "{") {
		return fail(newError(http.StatusBadRequest, "validation_error", "params must be an object"))
	}
	g, err := checkGeneration(body.Provider, body.GenerationType, body.Prompt, body.Content, body.Model)
	if err != nil {
		return fail(err)
	}
	j, err := s.createJob(rq.viewer.ID, g, rq.now)
	if err != nil {
		return fail(err)
	}
	return reply{status: http.StatusAccepted, body: map[string]any{"jobId": j.ID, "status": j.Status}}
}

// createJob checks the service and the concurrency limit and stores a new
// pending job.
func (s *Server) createJob(agentID string, g generation, now time.Time) (jobRecord, error) {
	if svc, ok := s.store.Service(agentID, g.Provider); !ok || !svc.Active {
		return jobRecord{}, errServiceNotConnected(g.Provider)
	}
	s.gen.mu.Lock()
	defer s.gen.mu.Unlock()
	s.advanceJobsLocked(agentID, now)
	if len(s.store.ActiveJobIDs(agentID)) >= maxActiveJobs {
		return jobRecord{}, errTooManyJobs()
	}
	j := s.store.CreateJob(jobRecord{AgentID: agentID, Provider: g.Provider, Type: g.Type, Prompt: g.Prompt,
		Content: g.Content, Model: g.Model, Status: jobPending, CreatedAt: now, UpdatedAt: now, StartedAt: now})
	s.recordJob(j)
	return j, nil
}

// pendingJobs is GET /api/generate/pending: unfinished jobs and the jobs
// that failed in the last 24 hours, newest first.
func (s *Server) pendingJobs(rq *request) reply {
	s.advanceJobs(rq.viewer.ID, rq.now)
	js, _ := s.store.ListJobs(rq.viewer.ID, pageQuery{Limit: 1 << 30}, func(j jobRecord) bool {
		return j.active() || (j.Status == jobFailed && rq.now.Sub(j.UpdatedAt) < failedJobsShown)
	})
	return ok(map[string]any{"jobs": renderJobs(js)})
}

// jobHistory is GET /api/generate/history: every job, newest first.
func (s *Server) jobHistory(rq *request) reply {
	q, err := rq.page(cursorJobs)
	if err != nil {
		return fail(err)
	}
	s.advanceJobs(rq.viewer.ID, rq.now)
	js, more := s.store.ListJobs(rq.viewer.ID, q, nil)
	var last int64
	if len(js) > 0 {
		last = js[len(js)-1].Seq
	}
	return ok(listBody("jobs", renderJobs(js), cursorJobs, last, more))
}

// retryJob is POST /api/generate/{jobId}/retry.
func (s *Server) retryJob(rq *request) reply {
	s.gen.mu.Lock()
	defer s.gen.mu.Unlock()
	j, found := s.store.Job(rq.path("jobId"))
	if !found || j.AgentID != rq.viewer.ID {
		return fail(notFound("Job"))
	}
	j = s.advanceJobLocked(j, rq.now)
	switch {
	case j.Status != jobFailed:
		return fail(newError(http.StatusBadRequest, "invalid_status", "Only failed jobs can be retried; this one is %s", j.Status))
	case j.RetryCount >= maxJobRetries:
		return fail(newError(http.StatusBadRequest, "retry_limit", "After %d retries, create a new generation instead", maxJobRetries))
	}
	if svc, ok := s.store.Service(j.AgentID, j.Provider); !ok || !svc.Active {
		return fail(errServiceNotConnected(j.Provider))
	}
	s.advanceJobsLocked(j.AgentID, rq.now)
	if len(s.store.ActiveJobIDs(j.AgentID)) >= maxActiveJobs {
		return fail(errTooManyJobs())
	}
	j.Status, j.ErrorMessage, j.RetryCount = jobPending, "", j.RetryCount+1
	j.UpdatedAt, j.StartedAt, j.CompletedAt = rq.now, rq.now, time.Time{}
	if err := s.store.PutJob(j); err != nil {
		return fail(err)
	}
	s.recordJob(j)
	return ok(map[string]any{"jobId": j.ID, "status": j.Status, "retryCount": j.RetryCount})
}

// listModels is GET /api/generate/models?provider&type.
func (s *Server) listModels(rq *request) reply {
	q := rq.r.URL.Query()
	name, p, err := providerName(q.Get("provider"))
	if err != nil {
		return fail(err)
	}
	typ := strings.ToLower(strings.TrimSpace(q.Get("type")))
	if !p.supports(typ) {
		return fail(newError(http.StatusBadRequest, "invalid_type", "%s supports type %s", name, strings.Join(p.typesOf(), ", ")))
	}
	return ok(map[string]any{"models": p.Models[typ]})
}

// listVoices is GET /api/generate/voices?provider=ELEVENLABS.
func (s *Server) listVoices(rq *request) reply {
	name, _, err := providerName(rq.r.URL.Query().Get("provider"))
	if err != nil {
		return fail(err)
	}
	if name != "ELEVENLABS" {
		return fail(newError(http.StatusBadRequest, "invalid_provider", "Only ELEVENLABS has voices"))
	}
	return ok(map[string]any{"voices": voices()})
}
