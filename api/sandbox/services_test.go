package sandbox_test

import (
	"net/http"
	"slices"
	"strings"
	"testing"

	"imagine/api/sandbox"
)

func TestServicesStartEmptyAndListProviders(t *testing.T) {
	f := newFixture(t, sandbox.Options{})
	var out struct {
		Services           []wireService `json:"services"`
		AvailableProviders []string      `json:"availableProviders"`
	}
	f.do("GET", "/api/settings/services", f.demoToken(), nil).want(t, http.StatusOK, "").decode(t, &out)
	if out.Services == nil || len(out.Services) != 0 {
		t.Errorf("the demo agent starts with services %v, want []", out.Services)
	}
	if want := []string{"OPENAI", "RUNWARE", "GOOGLE_GEMINI", "ELEVENLABS"}; !slices.Equal(out.AvailableProviders, want) {
		t.Errorf("availableProviders = %v, want %v", out.AvailableProviders, want)
	}
}

func TestConnectMasksKeyEverywhere(t *testing.T) {
	f := newFixture(t, sandbox.Options{NoRateLimit: true})
	tok := f.demoToken()
	const raw = "sk-proj-SECRETSECRETSECRETwxyz"
	r := f.do("POST", "/api/settings/services", tok, map[string]string{"provider": "openai", "apiKey": raw}).
		want(t, http.StatusCreated, "")
	var created struct {
		Service wireService `json:"service"`
	}
	r.decode(t, &created)
	svc := created.Service
	if svc.Provider != "OPENAI" || !svc.IsActive || !strings.HasPrefix(svc.ID, "svc_") {
		t.Errorf("service = %+v", svc)
	}
	if svc.APIKey != "sk-p…wxyz" {
		t.Errorf("apiKey = %q, want sk-p…wxyz", svc.APIKey)
	}
	bodies := [][]byte{r.raw}
	// Re-connecting replaces the key and answers 200.
	const raw2 = "sk-proj-ANOTHERSECRETKEY9876"
	r2 := f.do("POST", "/api/settings/services", tok, map[string]string{"provider": "OPENAI", "apiKey": raw2}).
		want(t, http.StatusOK, "")
	if !strings.Contains(string(r2.raw), `"apiKey":"sk-p…9876"`) {
		t.Errorf("updated service: %s", r2.raw)
	}
	bodies = append(bodies, r2.raw,
		f.do("GET", "/api/settings/services", tok, nil).want(t, http.StatusOK, "").raw,
		f.do("PATCH", "/api/settings/services/OPENAI", tok, map[string]bool{"isActive": false}).want(t, http.StatusOK, "").raw,
		f.do("POST", "/api/settings/services/OPENAI/test", tok, nil).want(t, http.StatusOK, "").raw)
	for _, b := range bodies {
		if strings.Contains(string(b), "SECRET") {
			t.Errorf("a response carries the raw key: %s", b)
		}
	}
	for _, e := range f.s.Events(0) {
		if strings.Contains(e.ID+e.Status+e.JobID, "SECRET") {
			t.Errorf("an event carries the raw key: %+v", e)
		}
	}
}

func TestShortKeysAreMaskedCompletely(t *testing.T) {
	f := newFixture(t, sandbox.Options{})
	svc := f.connect(f.demoToken(), "RUNWARE", "abc123def45")
	if svc.APIKey != "****" {
		t.Errorf("an 11-character key shows as %q, want ****", svc.APIKey)
	}
}

func TestConnectValidation(t *testing.T) {
	f := newFixture(t, sandbox.Options{NoRateLimit: true})
	tok := f.demoToken()
	cases := []struct {
		name string
		body any
		code string
	}{
		{"unknown provider", map[string]string{"provider": "FAL_AI", "apiKey": "k"}, "invalid_provider"},
		{"no provider", map[string]string{"apiKey": "k"}, "invalid_provider"},
		{"empty key", map[string]string{"provider": "OPENAI", "apiKey": ""}, "invalid_api_key"},
		{"blank key", map[string]string{"provider": "OPENAI", "apiKey": "   "}, "invalid_api_key"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f.do("POST", "/api/settings/services", tok, tc.body).want(t, http.StatusBadRequest, tc.code)
		})
	}
}

func TestToggleAndDeleteService(t *testing.T) {
	f := newFixture(t, sandbox.Options{NoRateLimit: true})
	tok := f.demoToken()
	f.connect(tok, "ELEVENLABS", elevenLabsKey)
	var out struct {
		Service wireService `json:"service"`
	}
	f.do("PATCH", "/api/settings/services/elevenlabs", tok, map[string]bool{"isActive": false}).
		want(t, http.StatusOK, "").decode(t, &out)
	if out.Service.IsActive {
		t.Error("PATCH isActive false left the service active")
	}
	f.do("PATCH", "/api/settings/services/ELEVENLABS", tok, map[string]string{}).want(t, http.StatusBadRequest, "validation_error")
	f.do("PATCH", "/api/settings/services/OPENAI", tok, map[string]bool{"isActive": true}).want(t, http.StatusNotFound, "not_found")
	f.do("PATCH", "/api/settings/services/FAL_AI", tok, map[string]bool{"isActive": true}).want(t, http.StatusNotFound, "not_found")

	r := f.do("DELETE", "/api/settings/services/ELEVENLABS", tok, nil).want(t, http.StatusOK, "")
	if r.body["deleted"] != true || r.body["provider"] != "ELEVENLABS" {
		t.Errorf("delete answered %s", r.raw)
	}
	f.do("DELETE", "/api/settings/services/ELEVENLABS", tok, nil).want(t, http.StatusNotFound, "not_found")
	f.do("POST", "/api/settings/services/ELEVENLABS/test", tok, nil).want(t, http.StatusNotFound, "not_found")
}

func TestServicesBelongToTheirAgent(t *testing.T) {
	f := newFixture(t, sandbox.Options{NoRateLimit: true})
	demo, nova := f.demoToken(), f.tokenFor("nova_assist")
	f.connect(demo, "OPENAI", openAIKey)
	var out struct {
		Services []wireService `json:"services"`
	}
	f.do("GET", "/api/settings/services", nova, nil).want(t, http.StatusOK, "").decode(t, &out)
	if len(out.Services) != 0 {
		t.Errorf("nova sees demo's services: %+v", out.Services)
	}
	f.do("PATCH", "/api/settings/services/OPENAI", nova, map[string]bool{"isActive": false}).want(t, http.StatusNotFound, "not_found")
	f.do("POST", "/api/settings/services/OPENAI/test", nova, nil).want(t, http.StatusNotFound, "not_found")
	f.do("DELETE", "/api/settings/services/OPENAI", nova, nil).want(t, http.StatusNotFound, "not_found")
}

func TestKeyTestAnswersLikeTheProvider(t *testing.T) {
	f := newFixture(t, sandbox.Options{NoRateLimit: true})
	tok := f.demoToken()
	cases := []struct {
		provider, key string
		success       bool
		message       string
	}{
		{"OPENAI", openAIKey, true, "API key is valid"},
		{"OPENAI", "pk-not-an-openai-key-at-all", false, "invalid api key"},
		{"OPENAI", "sk-short", false, "invalid api key"},
		{"RUNWARE", runwareKey, true, "API key is valid"},
		{"RUNWARE", "runware-key-with-dashes-0123456789", false, "invalid api key"},
		{"GOOGLE_GEMINI", geminiKey, true, "API key is valid"},
		{"GOOGLE_GEMINI", "AIzaShort", false, "invalid api key"},
		{"ELEVENLABS", elevenLabsKey, true, "API key is valid"},
		{"ELEVENLABS", "not-hex-not-hex-not-hex-not-hex-not-hex", false, "invalid api key"},
		{"OPENAI", "sk-quota-0123456789abcdefghij", false, "quota exceeded"},
		{"OPENAI", "sk-noperm-0123456789abcdefghij", false, "missing permissions"},
	}
	for _, tc := range cases {
		t.Run(tc.provider+"/"+tc.key, func(t *testing.T) {
			f.connect(tok, tc.provider, tc.key)
			r := f.do("POST", "/api/settings/services/"+tc.provider+"/test", tok, nil).want(t, http.StatusOK, "")
			msg, _ := r.body["message"].(string)
			if r.body["success"] != tc.success || !strings.Contains(strings.ToLower(msg), strings.ToLower(tc.message)) {
				t.Errorf("test answered %s, want success %v and %q", r.raw, tc.success, tc.message)
			}
		})
	}
}

func TestConnectServiceHelper(t *testing.T) {
	f := newFixture(t, sandbox.Options{})
	if err := f.s.ConnectService("@demo_agent", "openai", openAIKey); err != nil {
		t.Fatal(err)
	}
	if err := f.s.ConnectService("demo_agent", "NOPE", openAIKey); err == nil {
		t.Error("an unknown provider was accepted")
	}
	r := f.do("GET", "/api/settings/services", f.demoToken(), nil).want(t, http.StatusOK, "")
	if !strings.Contains(string(r.raw), `"provider":"OPENAI"`) {
		t.Errorf("the helper's service is not listed: %s", r.raw)
	}
}

func TestGenerationEndpointsNeedAToken(t *testing.T) {
	f := newFixture(t, sandbox.Options{NoRateLimit: true})
	for _, rt := range []struct{ method, path string }{
		{"GET", "/api/settings/services"},
		{"POST", "/api/settings/services"},
		{"PATCH", "/api/settings/services/OPENAI"},
		{"DELETE", "/api/settings/services/OPENAI"},
		{"POST", "/api/settings/services/OPENAI/test"},
		{"POST", "/api/generate"},
		{"GET", "/api/generate/pending"},
		{"GET", "/api/generate/history"},
		{"GET", "/api/generate/models?provider=OPENAI&type=image"},
		{"GET", "/api/generate/voices?provider=ELEVENLABS"},
		{"POST", "/api/generate/job_x/retry"},
		{"POST", "/api/upload"},
		{"POST", "/api/upload/video"},
		{"GET", "/api/upload"},
		{"DELETE", "/api/upload"},
	} {
		f.do(rt.method, rt.path, "", nil).want(t, http.StatusUnauthorized, "unauthorized")
	}
}
