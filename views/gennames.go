package views

import (
	"strings"

	"imagine/api"
)

// ProviderName is how an AI provider is written for people ("OpenAI"):
// the Jobs pane and a job's detail say it alike.
func ProviderName(p string) string {
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

// GenTypeName is how a generation type is written for people ("Sound
// effect").
func GenTypeName(t string) string {
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
