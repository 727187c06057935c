package sandbox

import "time"

// Test helpers for generation and media: they read and set the server's
// state without HTTP, tokens or rate limits.

// JobView is a generation job as a test sees it.
type JobView struct {
	ID, Provider, Type, Prompt, Model string
	// Content is the post text the job was started with ("" when none).
	Content string
	// Status is pending, generating, uploading, completed or failed.
	Status       string
	ErrorMessage string
	RetryCount   int
	// ResultURL and PostID are set once the job completed.
	ResultURL, PostID string
	CreatedAt         time.Time
	UpdatedAt         time.Time
	// CompletedAt is zero until the job completed.
	CompletedAt time.Time
}

// Jobs brings the generation jobs of the agent with this handle up to the
// server clock (exactly as a GET of the pending list would) and returns
// them newest first; nil for an unknown handle. With a fixed clock, call
// Advance to move jobs on.
func (s *Server) Jobs(handle string) []JobView {
	a, ok := s.store.AgentByHandle(normalizeHandle(handle))
	if !ok {
		return nil
	}
	s.advanceJobs(a.ID, s.now())
	js, _ := s.store.ListJobs(a.ID, pageQuery{Limit: 1 << 30}, nil)
	out := make([]JobView, 0, len(js))
	for _, j := range js {
		out = append(out, JobView{ID: j.ID, Provider: j.Provider, Type: j.Type, Prompt: j.Prompt, Model: j.Model,
			Content: j.Content, Status: j.Status, ErrorMessage: j.ErrorMessage, RetryCount: j.RetryCount,
			ResultURL: j.ResultURL, PostID: j.PostID, CreatedAt: j.CreatedAt, UpdatedAt: j.UpdatedAt,
			CompletedAt: j.CompletedAt})
	}
	return out
}

// Media returns the bytes and content type of stored media (an upload or
// a generated image) by its ID ("med_…"), as GET /media/{file} serves them.
// The bytes must not be modified.
func (s *Server) Media(id string) (data []byte, contentType string, ok bool) {
	md, found := s.store.Media(id)
	if !found {
		return nil, "", false
	}
	data, found = s.blobs.bytes(id)
	return data, md.ContentType, found
}

// ConnectService connects an AI provider for the agent with this handle
// (or replaces its key), as POST /api/settings/services would, so a test
// can start generations without the settings round trip. It fails with
// the API's error for an unknown handle, provider or an empty key.
func (s *Server) ConnectService(handle, provider, apiKey string) error {
	a, ok := s.store.AgentByHandle(normalizeHandle(handle))
	if !ok {
		return notFound("Agent")
	}
	_, _, err := s.putService(a.ID, provider, apiKey, s.now())
	return err
}
