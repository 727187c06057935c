package sandbox

import (
	"strings"
	"unicode"
)

// The AI providers of api-reference §4.10-4.11 and what the sandbox
// pretends each of them offers.

// Generation types (lower case on the wire).
const (
	genImage       = "image"
	genVideo       = "video"
	genVoice       = "voice"
	genSoundEffect = "sound_effect"
	genMusic       = "music"
)

// modelInfo is one model of the models list.
type modelInfo struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// IsDefault marks the model used when a request names none; every
	// (provider, type) list has exactly one.
	IsDefault bool `json:"isDefault"`
}

// providerInfo describes one provider.
type providerInfo struct {
	Name string // as it appears in provider error messages
	// Models lists the models per supported generation type, default first.
	Models map[string][]modelInfo
	// Errors are the messages of failed jobs, by failing stage.
	Errors [3][]string
	// KeyLooksValid is the provider's key format.
	KeyLooksValid func(key string) bool
}

// providerOrder is availableProviders, in the spec's order.
var providerOrder = [...]string{"OPENAI", "RUNWARE", "GOOGLE_GEMINI", "ELEVENLABS"}

// provider returns the description of a provider name (upper case).
func provider(name string) (providerInfo, bool) {
	switch name {
	case "OPENAI":
		return providerInfo{
			Name: "OpenAI",
			Models: map[string][]modelInfo{genImage: {
				{"gpt-image-1", "GPT Image 1", true}, {"dall-e-3", "DALL·E 3", false}, {"dall-e-2", "DALL·E 2", false},
			}},
			Errors: [3][]string{
				{"OpenAI: rate limit reached for images per minute (429)", "OpenAI: billing hard limit has been reached"},
				{"OpenAI: content policy violation (prompt flagged)", "OpenAI: the server had an error while processing your request (500)"},
				{"OpenAI: image download failed (HTTP 502)"},
			},
			KeyLooksValid: func(k string) bool { return strings.HasPrefix(k, "sk-") && len(k) >= 20 },
		}, true
	case "RUNWARE":
		return providerInfo{
			Name: "Runware",
			Models: map[string][]modelInfo{
				genImage: {{"runware:100@1", "FLUX.1 [schnell]", true}, {"runware:101@1", "FLUX.1 [dev]", false}, {"civitai:133005@782002", "Juggernaut XL", false}},
				genVideo: {{"bytedance:1@1", "Seedance 1.0 Lite", true}, {"klingai:5@3", "Kling 2.1 Master", false}, {"google:3@1", "Veo 3", false}},
			},
			Errors: [3][]string{
				{"Runware: insufficient credits for this task", "Runware: invalid model for this task type"},
				{"Runware: upstream timeout after 30s", "Runware: NSFW content detected in the output"},
				{"Runware: result URL expired before it could be fetched"},
			},
			KeyLooksValid: func(k string) bool { return len(k) >= 32 && allRunes(k, isAlnum) },
		}, true
	case "GOOGLE_GEMINI":
		return providerInfo{
			Name: "Google Gemini",
			Models: map[string][]modelInfo{genImage: {
				{"gemini-2.5-flash-image", "Gemini 2.5 Flash Image", true}, {"imagen-4.0-generate-001", "Imagen 4", false},
			}},
			Errors: [3][]string{
				{"Google Gemini: RESOURCE_EXHAUSTED (quota exceeded, 429)"},
				{"Google Gemini: response blocked by safety filters (SAFETY)", "Google Gemini: INTERNAL error (500)"},
				{"Google Gemini: generated image missing from the response"},
			},
			KeyLooksValid: func(k string) bool { return strings.HasPrefix(k, "AIza") && len(k) >= 30 },
		}, true
	case "ELEVENLABS":
		return providerInfo{
			Name: "ElevenLabs",
			Models: map[string][]modelInfo{
				genVoice:       {{"eleven_multilingual_v2", "Eleven Multilingual v2", true}, {"eleven_turbo_v2_5", "Eleven Turbo v2.5", false}, {"eleven_flash_v2_5", "Eleven Flash v2.5", false}},
				genSoundEffect: {{"eleven_text_to_sound_v2", "Eleven Sound Effects v2", true}},
				genMusic:       {{"music_v1", "Eleven Music v1", true}},
			},
			Errors: [3][]string{
				{"ElevenLabs: quota exceeded for this API key", "ElevenLabs: voice not found"},
				{"ElevenLabs: the text contains unsupported characters", "ElevenLabs: generation failed (500)"},
				{"ElevenLabs: audio stream ended unexpectedly"},
			},
			KeyLooksValid: func(k string) bool {
				return len(strings.TrimPrefix(k, "sk_")) >= 32 && allRunes(strings.TrimPrefix(k, "sk_"), isHexRune)
			},
		}, true
	}
	return providerInfo{}, false
}

// supports tells whether the provider offers a generation type.
func (p providerInfo) supports(typ string) bool { return len(p.Models[typ]) > 0 }

// defaultModel is the model used when a request names none.
func (p providerInfo) defaultModel(typ string) string {
	for _, m := range p.Models[typ] {
		if m.IsDefault {
			return m.ID
		}
	}
	return ""
}

// hasModel tells whether id is one of the provider's models for typ.
func (p providerInfo) hasModel(typ, id string) bool {
	for _, m := range p.Models[typ] {
		if m.ID == id {
			return true
		}
	}
	return false
}

// typesOf lists the generation types a provider supports, in a fixed order.
func (p providerInfo) typesOf() []string {
	var out []string
	for _, t := range []string{genImage, genVideo, genVoice, genSoundEffect, genMusic} {
		if p.supports(t) {
			out = append(out, t)
		}
	}
	return out
}

// testKey answers POST /api/settings/services/{provider}/test like the
// provider would: the sandbox cannot ask it, so it judges the key's format,
// with two magic words for the other failures tests want to see.
func (p providerInfo) testKey(key string) (bool, string) {
	lower := strings.ToLower(key)
	switch {
	case strings.Contains(lower, "quota"):
		return false, "Quota exceeded: " + p.Name + " refused the request (429)"
	case strings.Contains(lower, "noperm"):
		return false, "Missing permissions: the API key cannot use the generation endpoints (403)"
	case !p.KeyLooksValid(key):
		return false, "Invalid API key: the provider rejected it (401)"
	}
	return true, "API key is valid"
}

func isAlnum(r rune) bool { return r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) }

func isHexRune(r rune) bool {
	return (r >= '0' && r <= '9') || (r >= 'a' && r <= 'f') || (r >= 'A' && r <= 'F')
}

// allRunes tells whether every rune of s passes ok.
func allRunes(s string, ok func(rune) bool) bool {
	for _, r := range s {
		if !ok(r) {
			return false
		}
	}
	return true
}

// voiceInfo is one ElevenLabs voice; its keys are snake_case on the wire.
type voiceInfo struct {
	VoiceID    string `json:"voice_id"`
	Name       string `json:"name"`
	Category   string `json:"category"`
	Gender     string `json:"gender"`
	Age        string `json:"age"`
	Accent     string `json:"accent"`
	UseCase    string `json:"use_case"`
	PreviewURL string `json:"preview_url"`
}

// voices is the ElevenLabs premade voice list, Rachel (the default) first.
func voices() []voiceInfo {
	v := func(id, name, gender, age, accent, useCase string) voiceInfo {
		return voiceInfo{VoiceID: id, Name: name, Category: "premade", Gender: gender, Age: age, Accent: accent,
			UseCase: useCase, PreviewURL: "https://storage.googleapis.com/eleven-public-prod/premade/voices/" + id + "/preview.mp3"}
	}
	return []voiceInfo{
		v("21m00Tcm4TlvDq8ikWAM", "Rachel", "female", "young", "american", "narration"),
		v("EXAVITQu4vr4xnSDxMaL", "Bella", "female", "young", "american", "narration"),
		v("AZnzlk1XvdvUeBnXmlld", "Domi", "female", "young", "american", "narration"),
		v("ErXwobaYiN019PkySvjV", "Antoni", "male", "young", "american", "narration"),
		v("MF3mGyEYCl7XYWbV9V6O", "Elli", "female", "young", "american", "narration"),
		v("TxGEqnHWrfWFTfGW9XjX", "Josh", "male", "young", "american", "narration"),
		v("VR6AewLTigWG4xSOukaG", "Arnold", "male", "middle aged", "american", "narration"),
		v("pNInz6obpgDQGcFmaJgB", "Adam", "male", "middle aged", "american", "narration"),
		v("yoZ06aMxZJJ28mfd3POQ", "Sam", "male", "young", "american", "narration"),
	}
}
