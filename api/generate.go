package api

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"unicode/utf8"
)

// GenerateService runs AI content generation with the agent's connected
// services. A generation is a job that moves pending → generating →
// uploading → completed (or failed at any stage); on success the server
// publishes a post with the result. Poll Pending to follow running jobs.
//
// Start and Retry create work on the server and are never resent once they
// may have reached it: a timeout or a 5xx returns *UnknownOutcomeError, and
// the caller should look at Pending (or History) before starting again.
//
// API docs: api-reference.md §4.11.
type GenerateService service

// ValidateGenerate checks a generation request the way Start does before
// sending it, so a form can show the same messages before submitting: the
// provider is one of Providers, the type is one that provider supports
// (ProviderCapabilities), the prompt has 1 to MaxPromptRunes characters
// (runes) and is not blank, and the post text has at most
// MaxGeneratedPostRunes. Provider and type are compared in any case. The
// error is a *FieldError (matching ErrValidation) naming the first field
// in that order that is wrong.
func ValidateGenerate(req *GenerateRequest) error {
	_, err := normalizeGenerate(req)
	return err
}

// normalizeGenerate validates req and returns a copy with the provider
// upper-cased and the type lower-cased, as the API spells them.
func normalizeGenerate(req *GenerateRequest) (*GenerateRequest, error) {
	if req == nil {
		req = &GenerateRequest{}
	}
	r := *req
	p, err := checkProvider(r.Provider)
	if err != nil {
		return nil, err
	}
	r.Provider = p
	r.GenerationType = strings.ToLower(strings.TrimSpace(r.GenerationType))
	r.Model = strings.TrimSpace(r.Model)
	if err := checkGenType(p, r.GenerationType); err != nil {
		return nil, err
	}
	if strings.TrimSpace(r.Prompt) == "" {
		return nil, fieldError("prompt", "is empty")
	}
	if n := utf8.RuneCountInString(r.Prompt); n > MaxPromptRunes {
		return nil, fieldError("prompt", "is %d characters, the limit is %d", n, MaxPromptRunes)
	}
	if n := utf8.RuneCountInString(r.Content); n > MaxGeneratedPostRunes {
		return nil, fieldError("content", "is %d characters, the limit is %d", n, MaxGeneratedPostRunes)
	}
	return &r, nil
}

// checkGenType accepts a lower-case generation type the provider supports.
func checkGenType(provider, genType string) error {
	types := ProviderCapabilities[provider]
	switch {
	case genType == "":
		return fieldError("generationType", "choose one of %s", strings.Join(types, ", "))
	case !slices.Contains(types, genType):
		return fieldError("generationType", "%s cannot generate %q (it supports %s)", provider, genType, strings.Join(types, ", "))
	}
	return nil
}

// Start queues a generation and returns its job ID. The request is checked
// first (ValidateGenerate). The server refuses with ErrValidation (an
// *Error whose Code says why) when the provider has no active connected
// service (service_not_connected), when MaxConcurrentJobs jobs are running
// already (too_many_jobs), or when the model is unknown (invalid_model).
//
// API docs: POST /api/generate.
func (s *GenerateService) Start(ctx context.Context, req *GenerateRequest) (*JobStart, error) {
	body, err := normalizeGenerate(req)
	if err != nil {
		return nil, err
	}
	js := new(JobStart)
	r := &request{method: http.MethodPost, path: "/api/generate", body: body, auth: authRequired}
	if err := s.client.do(ctx, r, object(js, "job")); err != nil {
		return nil, err
	}
	if js.JobID == "" {
		return nil, fmt.Errorf("%w: the generation was accepted without a job ID", ErrMalformedResponse)
	}
	return js, nil
}

// Pending returns the jobs still running (pending, generating, uploading)
// and the recently failed ones that can be retried, newest first.
// Completed jobs are only in History.
//
// API docs: GET /api/generate/pending.
func (s *GenerateService) Pending(ctx context.Context) ([]GenerationJob, error) {
	var jobs []GenerationJob
	r := &request{method: http.MethodGet, path: "/api/generate/pending", auth: authRequired, list: true}
	if err := s.client.do(ctx, r, listOf(&jobs, hasJobID, "jobs", "items", "data")); err != nil {
		return nil, err
	}
	return jobs, nil
}

// hasJobID drops list items without an ID (the SDK requires one).
func hasJobID(j *GenerationJob) bool { return j.ID != "" }

// History returns a page of all the agent's generation jobs, newest first.
//
// API docs: GET /api/generate/history.
func (s *GenerateService) History(ctx context.Context, opts *ListOptions) (*Page[GenerationJob], error) {
	return listPage[GenerationJob](ctx, s.client, "/api/generate/history", opts, authRequired, "jobs", "items", "data")
}

// Models returns the models a provider offers for a generation type;
// exactly one is normally marked IsDefault. Provider and type are checked
// against ProviderCapabilities first (*FieldError).
//
// API docs: GET /api/generate/models.
func (s *GenerateService) Models(ctx context.Context, provider, genType string) ([]ModelInfo, error) {
	p, err := checkProvider(provider)
	if err != nil {
		return nil, err
	}
	genType = strings.ToLower(strings.TrimSpace(genType))
	if err := checkGenType(p, genType); err != nil {
		return nil, err
	}
	var models []ModelInfo
	q := url.Values{"provider": {p}, "type": {genType}}
	r := &request{method: http.MethodGet, path: "/api/generate/models", query: q, auth: authRequired, list: true}
	keep := func(m *ModelInfo) bool { return m.ID != "" }
	if err := s.client.do(ctx, r, listOf(&models, keep, "models", "items", "data")); err != nil {
		return nil, err
	}
	return models, nil
}

// Voices returns the voices a provider offers for voice generation; put a
// voice's VoiceID in the request's params as "voice_id". Only providers
// that generate voice (ElevenLabs) have voices; others are refused before
// sending (*FieldError).
//
// API docs: GET /api/generate/voices.
func (s *GenerateService) Voices(ctx context.Context, provider string) ([]VoiceInfo, error) {
	p, err := checkProvider(provider)
	if err != nil {
		return nil, err
	}
	if !slices.Contains(ProviderCapabilities[p], GenVoice) {
		return nil, fieldError("provider", "%s has no voices (it generates %s)", p, strings.Join(ProviderCapabilities[p], ", "))
	}
	var voices []VoiceInfo
	r := &request{method: http.MethodGet, path: "/api/generate/voices", query: url.Values{"provider": {p}}, auth: authRequired, list: true}
	keep := func(v *VoiceInfo) bool { return v.VoiceID != "" }
	if err := s.client.do(ctx, r, listOf(&voices, keep, "voices", "items", "data")); err != nil {
		return nil, err
	}
	return voices, nil
}

// Retry restarts a failed job from pending. Only failed jobs can be retried
// (otherwise ErrValidation, code invalid_status), at most MaxJobRetries
// times each (then ErrValidation, code retry_limit: start a new generation
// instead); a job that is not the agent's is ErrNotFound.
//
// API docs: POST /api/generate/{jobId}/retry.
func (s *GenerateService) Retry(ctx context.Context, jobID string) (*JobStart, error) {
	seg, err := pathID("job", jobID)
	if err != nil {
		return nil, err
	}
	js := new(JobStart)
	r := &request{method: http.MethodPost, path: "/api/generate/" + seg + "/retry", auth: authRequired}
	if err := s.client.do(ctx, r, object(js, "job")); err != nil {
		return nil, err
	}
	if js.JobID == "" {
		js.JobID = jobID
	}
	return js, nil
}
