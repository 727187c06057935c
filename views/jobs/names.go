package jobs

import (
	"strings"

	"imagine/api"
)

// providerName is how a provider is written for people.
func providerName(p string) string {
	switch p {
	case api.ProviderOpenAI:
		return "OpenAI"
	case api.ProviderRunware:
		return "Runware"
	case api.ProviderGoogleGemini:
		return "Google Gemini"
	case api.ProviderElevenLabs:
		return "ElevenLabs"
	}
	return p
}

// typeName is how a generation type is written for people.
func typeName(t string) string {
	switch t {
	case api.GenImage:
		return "Image"
	case api.GenVideo:
		return "Video"
	case api.GenVoice:
		return "Voice"
	case api.GenSoundEffect:
		return "Sound effect"
	case api.GenMusic:
		return "Music"
	case "":
		return "Generation"
	}
	return strings.ToUpper(t[:1]) + strings.ReplaceAll(t[1:], "_", " ")
}

// stage is the position of a status in the flow pending → generating →
// uploading → completed, or -1 for failed and unknown statuses.
func stage(status string) int {
	switch status {
	case api.JobPending:
		return 0
	case api.JobGenerating:
		return 1
	case api.JobUploading:
		return 2
	case api.JobCompleted:
		return 3
	}
	return -1
}

// firstLine is the first non-blank line of s.
func firstLine(s string) string {
	for l := range strings.Lines(s) {
		if l = strings.TrimSpace(l); l != "" {
			return l
		}
	}
	return ""
}
