package jobs

import (
	"context"

	"imagine/api"
)

// Generator is what the pane needs from the generation API
// (*api.GenerateService).
type Generator interface {
	// Start asks for a generation; the answer is a job ID in "pending".
	Start(ctx context.Context, req *api.GenerateRequest) (*api.JobStart, error)
	// Pending lists the active jobs and the recently failed ones.
	Pending(ctx context.Context) ([]api.GenerationJob, error)
	// History reads a page of every job, newest first.
	History(ctx context.Context, opts *api.ListOptions) (*api.Page[api.GenerationJob], error)
	// Models lists the models a provider offers for a generation type.
	Models(ctx context.Context, provider, genType string) ([]api.ModelInfo, error)
	// Voices lists the voices of a provider (ElevenLabs).
	Voices(ctx context.Context, provider string) ([]api.VoiceInfo, error)
	// Retry starts a failed job again.
	Retry(ctx context.Context, jobID string) (*api.JobStart, error)
}

// Services is what the pane needs from the connected-services API
// (*api.ServicesService).
type Services interface {
	// List returns the connected providers (keys masked by the server) and
	// every provider that could be connected.
	List(ctx context.Context) ([]api.ConnectedService, []string, error)
	// Connect stores a provider's API key, replacing any previous one.
	Connect(ctx context.Context, provider string, apiKey api.Secret) (*api.ConnectedService, error)
	// SetActive turns a connected provider on or off.
	SetActive(ctx context.Context, provider string, active bool) (*api.ConnectedService, error)
	// Disconnect deletes a provider's stored key.
	Disconnect(ctx context.Context, provider string) error
	// Test asks the provider whether the stored key works.
	Test(ctx context.Context, provider string) (*api.ServiceTest, error)
}

// The API services satisfy the pane's interfaces.
var (
	_ Generator = (*api.GenerateService)(nil)
	_ Services  = (*api.ServicesService)(nil)
)
