package api_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"imagine/api"
	"imagine/api/sandbox"
)

// Valid-looking keys per the sandbox's provider rules.
const (
	openAIKey  = "sk-proj-SENTINEL0123456789abcdef"
	runwareKey = "RUNWARESENTINEL0123456789abcdefABCDEF"
)

func TestSandboxServicesLifecycle(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{})
	ctx := t.Context()
	list, providers, err := e.c.Services.List(ctx)
	if err != nil || len(list) != 0 || !slices.Equal(providers, api.Providers) {
		t.Fatalf("fresh List: %v %+v %q", err, list, providers)
	}
	svc, err := e.c.Services.Connect(ctx, "openai", api.Secret(openAIKey))
	if err != nil {
		t.Fatal(err)
	}
	if svc.ID == "" || svc.Provider != "OPENAI" || svc.APIKey != "sk-p…cdef" || !svc.IsActive || svc.CreatedAt.IsZero() {
		t.Errorf("Connect: %+v", svc)
	}
	if res, err := e.c.Services.Test(ctx, "OPENAI"); err != nil || !res.Success || res.Message != "API key is valid" {
		t.Errorf("Test of a valid key: %+v %v", res, err)
	}
	// Re-connecting replaces the key of the same service.
	again, err := e.c.Services.Connect(ctx, "OPENAI", api.Secret("sk-quota-0123456789abcdef"))
	if err != nil || again.ID != svc.ID || again.APIKey != "sk-q…cdef" {
		t.Errorf("reconnect: %v %+v", err, again)
	}
	if res, err := e.c.Services.Test(ctx, "openai"); err != nil || res.Success || !strings.Contains(res.Message, "Quota exceeded") {
		t.Errorf("Test of a key over quota: %+v %v", res, err)
	}
	if _, err := e.c.Services.Connect(ctx, "RUNWARE", api.Secret("too-short")); err != nil {
		t.Fatal(err)
	}
	if res, err := e.c.Services.Test(ctx, "RUNWARE"); err != nil || res.Success || !strings.Contains(res.Message, "Invalid API key") {
		t.Errorf("Test of a malformed key: %+v %v", res, err)
	}
	off, err := e.c.Services.SetActive(ctx, "openai", false)
	if err != nil || off.IsActive || off.Provider != "OPENAI" {
		t.Errorf("SetActive(false): %v %+v", err, off)
	}
	list, _, err = e.c.Services.List(ctx)
	if err != nil || len(list) != 2 {
		t.Fatalf("List: %v %+v", err, list)
	}
	for _, s := range list {
		if want := s.Provider == "RUNWARE"; s.IsActive != want || s.APIKey == "" {
			t.Errorf("listed %+v", s)
		}
	}
	if err := e.c.Services.Disconnect(ctx, "runware"); err != nil {
		t.Fatal(err)
	}
	if list, _, _ := e.c.Services.List(ctx); len(list) != 1 || list[0].Provider != "OPENAI" {
		t.Errorf("List after Disconnect: %+v", list)
	}
	for name, call := range map[string]func() error{
		"Disconnect": func() error { return e.c.Services.Disconnect(ctx, "RUNWARE") },
		"Test":       func() error { _, err := e.c.Services.Test(ctx, "GOOGLE_GEMINI"); return err },
		"SetActive":  func() error { _, err := e.c.Services.SetActive(ctx, "ELEVENLABS", true); return err },
	} {
		if err := call(); !errors.Is(err, api.ErrNotFound) {
			t.Errorf("%s of a provider that is not connected: %v", name, err)
		}
	}
	before := e.srv.Stats().Requests
	if _, err := e.c.Services.Connect(ctx, "FAL_AI", api.Secret(openAIKey)); !errors.Is(err, api.ErrValidation) {
		t.Errorf("Connect of an unknown provider: %v", err)
	}
	if _, err := e.c.Services.Connect(ctx, "OPENAI", api.Secret("")); !errors.Is(err, api.ErrValidation) {
		t.Errorf("Connect with an empty key: %v", err)
	}
	if n := e.srv.Stats().Requests - before; n != 0 {
		t.Errorf("%d requests for refused Connects", n)
	}
}

// recorder keeps every response body the sandbox sends.
type recorder struct {
	h    http.Handler
	mu   sync.Mutex
	seen bytes.Buffer
}

func (r *recorder) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	rec := httptest.NewRecorder()
	r.h.ServeHTTP(rec, req)
	r.mu.Lock()
	r.seen.Write(rec.Body.Bytes())
	r.mu.Unlock()
	for k, v := range rec.Header() {
		w.Header()[k] = v
	}
	w.WriteHeader(rec.Code)
	_, _ = w.Write(rec.Body.Bytes())
}

func (r *recorder) bodies() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.seen.String()
}

// The raw key goes to the server once and never comes back: not in an
// answer, not in a returned value, not in any error, whatever the failure.
func TestSandboxAPIKeyNeverShows(t *testing.T) {
	t.Parallel()
	clock := newFakeClock()
	srv := sandbox.New(sandbox.Options{Now: clock.Now})
	rec := &recorder{h: srv}
	ts := httptest.NewServer(rec)
	t.Cleanup(ts.Close)
	id, secret := srv.DemoCredentials()
	c, err := api.New(api.WithBaseURL(ts.URL), api.WithCredentials(id, api.Secret(secret)),
		api.WithClock(clock.Now), api.WithSleep(clock.Sleep), api.WithBudgets(false))
	if err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	var seen []any
	keep := func(v any, err error) {
		seen = append(seen, v)
		if err != nil {
			seen = append(seen, err, err.Error())
		}
	}
	keep(c.Services.Connect(ctx, "OPENAI", api.Secret(openAIKey)))
	keep(c.Services.Test(ctx, "OPENAI"))
	keep(c.Services.SetActive(ctx, "OPENAI", false))
	services, providers, err := c.Services.List(ctx)
	keep(services, err)
	keep(providers, nil)

	// Failures after the server stored the key: a 5xx, a dropped
	// connection, a timeout. None may be resent, none may quote the body.
	srv.InjectOnce(http.MethodPost, "/api/settings/services", sandbox.Fault{Status: http.StatusServiceUnavailable})
	_, err = c.Services.Connect(ctx, "RUNWARE", api.Secret(runwareKey))
	if !errors.Is(err, api.ErrUnknownOutcome) {
		t.Errorf("Connect after a 503: %v", err)
	}
	keep(nil, err)
	srv.InjectOnce(http.MethodPost, "/api/settings/services", sandbox.Fault{AfterProcessing: true, Drop: true})
	_, err = c.Services.Connect(ctx, "RUNWARE", api.Secret(runwareKey))
	var uo *api.UnknownOutcomeError
	if !errors.As(err, &uo) {
		t.Errorf("Connect with the answer dropped: %v", err)
	}
	keep(uo, err)
	srv.InjectOnce(http.MethodPost, "/api/settings/services", sandbox.Fault{AfterProcessing: true, Delay: 3 * time.Second})
	short, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
	defer cancel()
	_, err = c.Services.Connect(short, "RUNWARE", api.Secret(runwareKey))
	if !errors.Is(err, api.ErrUnknownOutcome) {
		t.Errorf("Connect that timed out: %v", err)
	}
	keep(nil, err)
	if n := srv.Stats().ByRoute["POST /api/settings/services"]; n != 4 {
		t.Errorf("%d Connect requests, want 4 (none resent)", n)
	}
	// The key did arrive, raw: the provider test accepts it.
	if res, err := c.Services.Test(ctx, "RUNWARE"); err != nil || !res.Success {
		t.Errorf("Test of the stored Runware key: %+v %v", res, err)
	}
	keep(c, nil)

	for _, key := range []string{openAIKey, runwareKey, "SENTINEL"} {
		for _, v := range seen {
			for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q"} {
				if s := fmt.Sprintf(verb, v); strings.Contains(s, key) {
					t.Errorf("%s of %T shows the key: %s", verb, v, s)
				}
			}
		}
		if strings.Contains(rec.bodies(), key) {
			t.Errorf("a server answer contains %q", key)
		}
	}
}

// The request body is no part of a client error, and a server that echoes
// the key in its error text has it redacted.
func TestServicesErrorsHoldNoKey(t *testing.T) {
	t.Parallel()
	for _, status := range []int{400, 500} {
		s := newStub(t)
		s.handle("POST /api/settings/services", func(w http.ResponseWriter, r *http.Request) {
			b, _ := io.ReadAll(r.Body)
			if !bytes.Contains(b, []byte(openAIKey)) {
				t.Errorf("the key was not sent: %s", b)
			}
			jsonReply(status, fmt.Sprintf(`{"error":"bad %s","message":"cannot use key %s"}`, openAIKey, openAIKey))(w, r)
		})
		c, _ := newClient(t, s.URL)
		_, err := c.Services.Connect(t.Context(), "OPENAI", api.Secret(openAIKey))
		var ae *api.Error
		if !errors.As(err, &ae) || ae.StatusCode != status || ae.Message != "cannot use key [REDACTED]" {
			t.Errorf("%d: err = %v", status, err)
		}
		if s := fmt.Sprintf("%v %+v %#v", err, err, err); strings.Contains(s, "SENTINEL") {
			t.Errorf("%d: the key shows: %s", status, s)
		}
	}
}
