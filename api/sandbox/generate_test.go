package sandbox_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"imagine/api/sandbox"
)

func TestGenerateValidation(t *testing.T) {
	f := newFixture(t, sandbox.Options{NoRateLimit: true})
	tok := f.demoToken()
	f.connect(tok, "OPENAI", openAIKey)
	f.connect(tok, "ELEVENLABS", elevenLabsKey)
	f.connect(tok, "RUNWARE", runwareKey)
	f.do("PATCH", "/api/settings/services/RUNWARE", tok, map[string]bool{"isActive": false}).want(t, http.StatusOK, "")
	with := func(change map[string]any) map[string]any {
		b := imageJob("a lighthouse at dawn")
		for k, v := range change {
			b[k] = v
		}
		return b
	}
	cases := []struct {
		name string
		body any
		code string
	}{
		{"unknown provider", with(map[string]any{"provider": "FAL_AI"}), "invalid_provider"},
		{"unknown type", with(map[string]any{"generationType": "hologram"}), "invalid_type"},
		{"type the provider lacks", with(map[string]any{"generationType": "video"}), "invalid_type"},
		{"voice from OpenAI", with(map[string]any{"generationType": "voice"}), "invalid_type"},
		{"no prompt", with(map[string]any{"prompt": ""}), "prompt_required"},
		{"blank prompt", with(map[string]any{"prompt": " \n"}), "prompt_required"},
		{"1001-rune prompt", with(map[string]any{"prompt": strings.Repeat("é", 1001)}), "prompt_too_long"},
		{"501-rune content", with(map[string]any{"content": strings.Repeat("🙂", 501)}), "content_too_long"},
		{"unknown model", with(map[string]any{"model": "dall-e-9"}), "invalid_model"},
		{"model of another type", map[string]any{"provider": "ELEVENLABS", "prompt": "hi", "generationType": "music", "model": "eleven_multilingual_v2"}, "invalid_model"},
		{"not connected", with(map[string]any{"provider": "GOOGLE_GEMINI"}), "service_not_connected"},
		{"switched off", with(map[string]any{"provider": "RUNWARE"}), "service_not_connected"},
		{"params not an object", with(map[string]any{"params": []int{1}}), "validation_error"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f.do("POST", "/api/generate", tok, tc.body).want(t, http.StatusBadRequest, tc.code)
		})
	}
	// The limits themselves are allowed, and lower-case names are accepted.
	f.generate(tok, map[string]any{"provider": "openai", "prompt": strings.Repeat("é", 1000),
		"generationType": "IMAGE", "content": strings.Repeat("🙂", 500), "model": "dall-e-3",
		"params": map[string]any{"size": "1024x1024"}})
	if js := f.s.Jobs("demo_agent"); len(js) != 1 || js[0].Model != "dall-e-3" || js[0].Type != "image" || js[0].Provider != "OPENAI" {
		t.Errorf("jobs = %+v", js)
	}
}

func TestGenerateUsesTheDefaultModel(t *testing.T) {
	f := newFixture(t, sandbox.Options{})
	tok := f.demoToken()
	f.connect(tok, "ELEVENLABS", elevenLabsKey)
	id := f.generate(tok, map[string]any{"provider": "ELEVENLABS", "prompt": "Hello!", "generationType": "voice",
		"params": map[string]any{"voice_id": "EXAVITQu4vr4xnSDxMaL"}})
	j := f.job(tok, id)
	if j.Model != "eleven_multilingual_v2" || j.Status != "pending" || j.ErrorMessage != nil || j.ResultURL != nil ||
		j.PostID != nil || j.PostContent != nil || j.CompletedAt != nil || j.RetryCount != 0 {
		t.Errorf("new job = %+v", j)
	}
	if j.CreatedAt != "2026-03-01T12:00:00.000Z" || j.UpdatedAt != j.CreatedAt {
		t.Errorf("timestamps %q %q", j.CreatedAt, j.UpdatedAt)
	}
}

func TestModels(t *testing.T) {
	f := newFixture(t, sandbox.Options{NoRateLimit: true})
	tok := f.demoToken()
	for _, pt := range []struct{ provider, typ string }{
		{"OPENAI", "image"}, {"RUNWARE", "image"}, {"RUNWARE", "video"}, {"GOOGLE_GEMINI", "image"},
		{"ELEVENLABS", "voice"}, {"ELEVENLABS", "sound_effect"}, {"ELEVENLABS", "music"},
	} {
		var out struct {
			Models []struct {
				ID        string `json:"id"`
				Name      string `json:"name"`
				IsDefault bool   `json:"isDefault"`
			} `json:"models"`
		}
		f.do("GET", "/api/generate/models?provider="+pt.provider+"&type="+pt.typ, tok, nil).
			want(t, http.StatusOK, "").decode(t, &out)
		defaults := 0
		for _, m := range out.Models {
			if m.ID == "" || m.Name == "" {
				t.Errorf("%s %s: incomplete model %+v", pt.provider, pt.typ, m)
			}
			if m.IsDefault {
				defaults++
			}
		}
		if len(out.Models) == 0 || defaults != 1 {
			t.Errorf("%s %s: %d models with %d defaults", pt.provider, pt.typ, len(out.Models), defaults)
		}
	}
	f.do("GET", "/api/generate/models?type=image", tok, nil).want(t, http.StatusBadRequest, "invalid_provider")
	f.do("GET", "/api/generate/models?provider=NOPE&type=image", tok, nil).want(t, http.StatusBadRequest, "invalid_provider")
	f.do("GET", "/api/generate/models?provider=OPENAI", tok, nil).want(t, http.StatusBadRequest, "invalid_type")
	f.do("GET", "/api/generate/models?provider=OPENAI&type=music", tok, nil).want(t, http.StatusBadRequest, "invalid_type")
}

func TestVoices(t *testing.T) {
	f := newFixture(t, sandbox.Options{NoRateLimit: true})
	tok := f.demoToken()
	var out struct {
		Voices []map[string]string `json:"voices"`
	}
	f.do("GET", "/api/generate/voices?provider=elevenlabs", tok, nil).want(t, http.StatusOK, "").decode(t, &out)
	if len(out.Voices) < 8 {
		t.Fatalf("%d voices", len(out.Voices))
	}
	if v := out.Voices[0]; v["voice_id"] != "21m00Tcm4TlvDq8ikWAM" || v["name"] != "Rachel" {
		t.Errorf("first voice = %v, want Rachel", v)
	}
	found := false
	for _, v := range out.Voices {
		for _, k := range []string{"voice_id", "name", "category", "gender", "age", "accent", "use_case", "preview_url"} {
			if v[k] == "" {
				t.Errorf("voice %v lacks %s", v, k)
			}
		}
		found = found || (v["voice_id"] == "EXAVITQu4vr4xnSDxMaL" && v["name"] == "Bella")
	}
	if !found {
		t.Error("Bella is missing")
	}
	f.do("GET", "/api/generate/voices?provider=OPENAI", tok, nil).want(t, http.StatusBadRequest, "invalid_provider")
	f.do("GET", "/api/generate/voices", tok, nil).want(t, http.StatusBadRequest, "invalid_provider")
}

func TestJobsBelongToTheirAgent(t *testing.T) {
	f := newFixture(t, sandbox.Options{NoRateLimit: true, GenFailRate: 1})
	demo, nova := f.demoToken(), f.tokenFor("nova_assist")
	f.connect(demo, "OPENAI", openAIKey)
	f.connect(nova, "OPENAI", openAIKey)
	id := f.generate(demo, imageJob("mine"))
	f.s.Advance(10 * time.Minute)
	if got := f.history(nova, 20); len(got) != 0 {
		t.Errorf("nova's history shows %d jobs of demo", len(got))
	}
	var pending jobPage
	f.do("GET", "/api/generate/pending", nova, nil).want(t, http.StatusOK, "").decode(t, &pending)
	if len(pending.Jobs) != 0 {
		t.Errorf("nova's pending list shows demo's jobs")
	}
	f.do("POST", "/api/generate/"+id+"/retry", nova, nil).want(t, http.StatusNotFound, "not_found")
	f.do("POST", "/api/generate/job_missing/retry", demo, nil).want(t, http.StatusNotFound, "not_found")
	f.do("POST", "/api/generate/"+id+"/retry", demo, nil).want(t, http.StatusOK, "")
}
