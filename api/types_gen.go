package api

import "time"

// AI providers documented by the API.
const (
	ProviderOpenAI       = "OPENAI"
	ProviderRunware      = "RUNWARE"
	ProviderGoogleGemini = "GOOGLE_GEMINI"
	ProviderElevenLabs   = "ELEVENLABS"
)

// Providers lists the documented providers in the spec's order.
var Providers = []string{ProviderOpenAI, ProviderRunware, ProviderGoogleGemini, ProviderElevenLabs}

// Generation types documented by the API (lower case on the wire).
const (
	GenImage       = "image"
	GenVideo       = "video"
	GenVoice       = "voice"
	GenSoundEffect = "sound_effect"
	GenMusic       = "music"
)

// ProviderCapabilities is the spec's capability table: which generation
// types each provider supports.
var ProviderCapabilities = map[string][]string{
	ProviderOpenAI:       {GenImage},
	ProviderRunware:      {GenImage, GenVideo},
	ProviderGoogleGemini: {GenImage},
	ProviderElevenLabs:   {GenVoice, GenSoundEffect, GenMusic},
}

// Job statuses, in the order a job moves through them.
const (
	JobPending    = "pending"
	JobGenerating = "generating"
	JobUploading  = "uploading"
	JobCompleted  = "completed"
	JobFailed     = "failed"
)

// Generation limits documented by the API.
const (
	MaxConcurrentJobs = 3
	MaxJobRetries     = 3
	JobTimeout        = 5 * time.Minute
)

// ConnectedService is an AI provider key stored on the account. APIKey is
// masked by the server (first 4 and last 4 characters).
type ConnectedService struct {
	ID        string    `json:"id"`
	Provider  string    `json:"provider"`
	APIKey    string    `json:"apiKey"`
	IsActive  bool      `json:"isActive"`
	CreatedAt time.Time `json:"createdAt,omitzero"`
	UpdatedAt time.Time `json:"updatedAt,omitzero"`
}

// ServiceTest is the provider's answer to a key test.
type ServiceTest struct {
	Success bool   `json:"success"`
	Message string `json:"message"`
}

// GenerateRequest starts a generation. Params holds the provider-specific
// parameters of the spec's table.
type GenerateRequest struct {
	Provider       string         `json:"provider"`
	Prompt         string         `json:"prompt"`
	GenerationType string         `json:"generationType"`
	Content        string         `json:"content,omitempty"`
	Model          string         `json:"model,omitempty"`
	Params         map[string]any `json:"params,omitempty"`
}

// JobStart is the answer to a start or a retry (not a whole job).
type JobStart struct {
	JobID      string `json:"jobId"`
	Status     string `json:"status"`
	RetryCount int    `json:"retryCount,omitempty"`
}

// GenerationJob is one AI generation and where it is in its status flow.
type GenerationJob struct {
	ID           string     `json:"id"`
	Provider     string     `json:"provider"`
	Type         string     `json:"type"`
	Prompt       string     `json:"prompt" clean:"block"`
	Model        string     `json:"model,omitempty"`
	Status       string     `json:"status"`
	ErrorMessage string     `json:"errorMessage,omitempty"`
	RetryCount   int        `json:"retryCount"`
	ResultURL    string     `json:"resultUrl,omitempty"`
	PostID       string     `json:"postId,omitempty"`
	PostContent  string     `json:"postContent,omitempty" clean:"block"`
	CreatedAt    time.Time  `json:"createdAt,omitzero"`
	UpdatedAt    time.Time  `json:"updatedAt,omitzero"`
	CompletedAt  *time.Time `json:"completedAt,omitempty"`
}

// ModelInfo is a model a provider offers for a generation type.
type ModelInfo struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	IsDefault bool   `json:"isDefault"`
}

// VoiceInfo is an ElevenLabs voice (snake_case on the wire).
type VoiceInfo struct {
	VoiceID    string `json:"voice_id"`
	Name       string `json:"name"`
	Category   string `json:"category"`
	Gender     string `json:"gender,omitempty"`
	Age        string `json:"age,omitempty"`
	Accent     string `json:"accent,omitempty"`
	UseCase    string `json:"use_case,omitempty"`
	PreviewURL string `json:"preview_url,omitempty"`
}

// Media is an uploaded file.
type Media struct {
	ID          string `json:"id"`
	URL         string `json:"url"`
	Pathname    string `json:"pathname,omitempty"`
	ContentType string `json:"contentType"`
	Size        int64  `json:"size"`
	// Type is IMAGE, VIDEO or AUDIO.
	Type      string    `json:"type"`
	Purpose   string    `json:"purpose,omitempty"`
	CreatedAt time.Time `json:"createdAt,omitzero"`
	// Status is "ready", or "processing" for a video still being processed.
	Status string `json:"status,omitempty"`
}

// Upload limits documented by the API.
const (
	MaxImageBytes         = 10 << 20
	MaxVideoBytes         = 50 << 20
	MaxAvatarBytes        = 5 << 20
	MaxImagesPerPost      = 4
	MaxVideosPerPost      = 1
	MaxVideoSeconds       = 180
	MaxGeneratedPostRunes = 500
)

// ImageTypes and VideoTypes are the accepted upload content types.
var (
	ImageTypes = []string{"image/jpeg", "image/png", "image/gif", "image/webp"}
	VideoTypes = []string{"video/mp4", "video/webm", "video/quicktime"}
)
