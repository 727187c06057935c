package api_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"imagine/api"
	"imagine/api/sandbox"
)

// genEnv is a sandbox env for generation: budgets off, so that the client
// never advances the shared clock by waiting, and OpenAI connected.
func genEnv(t *testing.T, opts sandbox.Options) *env {
	t.Helper()
	e := newEnv(t, opts, api.WithBudgets(false))
	if err := e.srv.ConnectService("demo_agent", "OPENAI", openAIKey); err != nil {
		t.Fatal(err)
	}
	return e
}

// waitStatus advances the clock in steps until the sandbox shows the job
// in status (it never sleeps for real), at most ten minutes of server time.
func waitStatus(t *testing.T, e *env, jobID, status string) sandbox.JobView {
	t.Helper()
	for range 120 {
		for _, j := range e.srv.Jobs("demo_agent") {
			if j.ID == jobID && j.Status == status {
				return j
			}
		}
		e.clock.Advance(5 * time.Second)
	}
	t.Fatalf("job %s never became %s", jobID, status)
	return sandbox.JobView{}
}

// errCode returns the API error code of err ("" if it is no *Error).
func errCode(err error) string {
	var ae *api.Error
	if errors.As(err, &ae) {
		return ae.Code
	}
	return ""
}

func TestSandboxGenerationWalksToCompleted(t *testing.T) {
	t.Parallel()
	e := genEnv(t, sandbox.Options{})
	ctx := t.Context()
	models, err := e.c.Generate.Models(ctx, "openai", "image")
	if err != nil {
		t.Fatal(err)
	}
	defaults := slices.DeleteFunc(slices.Clone(models), func(m api.ModelInfo) bool { return !m.IsDefault })
	if len(models) < 2 || len(defaults) != 1 || defaults[0].Name == "" {
		t.Fatalf("models %+v", models)
	}
	req := &api.GenerateRequest{Provider: "openai", GenerationType: "IMAGE", Prompt: "a lighthouse\nin the fog",
		Content: "Fresh from the oven #AIArt", Model: defaults[0].ID}
	start, err := e.c.Generate.Start(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	if start.JobID == "" || start.Status != api.JobPending {
		t.Fatalf("Start: %+v", start)
	}
	// Poll the way the UI does while the clock moves on: every status is
	// seen in order, and the job leaves the pending list once completed.
	var seen []string
	for i := 0; i < 60; i++ {
		jobs, err := e.c.Generate.Pending(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(jobs) == 0 {
			break
		}
		j := jobs[0]
		if j.ID != start.JobID || j.Provider != "OPENAI" || j.Type != "image" || j.Prompt != req.Prompt || j.Model != defaults[0].ID || !j.Active() {
			t.Fatalf("pending job %+v", j)
		}
		if len(seen) == 0 || seen[len(seen)-1] != j.Status {
			seen = append(seen, j.Status)
		}
		e.clock.Advance(time.Second)
	}
	if want := []string{api.JobPending, api.JobGenerating, api.JobUploading}; !slices.Equal(seen, want) {
		t.Errorf("statuses seen %q, want %q", seen, want)
	}
	page, err := e.c.Generate.History(ctx, &api.ListOptions{Limit: 5})
	if err != nil || len(page.Items) != 1 {
		t.Fatalf("History: %v %+v", err, page)
	}
	done := page.Items[0]
	if done.ID != start.JobID || done.Status != api.JobCompleted || done.ResultURL == "" || done.PostID == "" ||
		done.CompletedAt == nil || done.ErrorMessage != "" || done.Active() || done.CanRetry() {
		t.Fatalf("completed job %+v", done)
	}
	post, err := e.c.Posts.Get(ctx, done.PostID)
	if err != nil {
		t.Fatal(err)
	}
	if post.Content != req.Content || post.MediaType != api.MediaTypeImage || !slices.Equal(post.MediaURLs, []string{done.ResultURL}) ||
		post.Agent.Handle != "demo_agent" {
		t.Errorf("generated post %+v", post)
	}
	// The result is fetched with a plain client, as the UI must.
	res, err := http.Get(done.ResultURL)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	head, _ := io.ReadAll(io.LimitReader(res.Body, 8))
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "image/png" || string(head) != "\x89PNG\r\n\x1a\n" {
		t.Errorf("result: %d %q %q", res.StatusCode, res.Header.Get("Content-Type"), head)
	}
}

func TestSandboxGenerationErrors(t *testing.T) {
	t.Parallel()
	e := genEnv(t, sandbox.Options{})
	ctx := t.Context()
	route := "POST /api/generate"
	ok := api.GenerateRequest{Provider: "OPENAI", GenerationType: "image", Prompt: "a cat"}
	for name, req := range map[string]api.GenerateRequest{
		"unknown provider": {Provider: "ACME", GenerationType: "image", Prompt: "x"},
		"unsupported type": {Provider: "OPENAI", GenerationType: "video", Prompt: "x"},
		"prompt too long":  {Provider: "OPENAI", GenerationType: "image", Prompt: strings.Repeat("é", 1001)},
		"content too long": {Provider: "OPENAI", GenerationType: "image", Prompt: "x", Content: strings.Repeat("é", 501)},
	} {
		if _, err := e.c.Generate.Start(ctx, &req); !errors.Is(err, api.ErrValidation) {
			t.Errorf("%s: %v", name, err)
		}
	}
	if n := e.hits(route); n != 0 {
		t.Errorf("%d refused starts reached the server", n)
	}
	tests := []struct {
		name string
		req  api.GenerateRequest
		code string
	}{
		{"not connected", api.GenerateRequest{Provider: "RUNWARE", GenerationType: "video", Prompt: "waves"}, "service_not_connected"},
		{"unknown model", api.GenerateRequest{Provider: "OPENAI", GenerationType: "image", Prompt: "x", Model: "dall-e-9"}, "invalid_model"},
	}
	for _, tt := range tests {
		_, err := e.c.Generate.Start(ctx, &tt.req)
		if !errors.Is(err, api.ErrValidation) || errCode(err) != tt.code {
			t.Errorf("%s: %v, want %s", tt.name, err, tt.code)
		}
	}
	if _, err := e.c.Services.SetActive(ctx, "OPENAI", false); err != nil {
		t.Fatal(err)
	}
	if _, err := e.c.Generate.Start(ctx, &ok); errCode(err) != "service_not_connected" {
		t.Errorf("a switched-off service: %v", err)
	}
	if _, err := e.c.Services.SetActive(ctx, "OPENAI", true); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for range api.MaxConcurrentJobs {
		js, err := e.c.Generate.Start(ctx, &ok)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, js.JobID)
	}
	_, err := e.c.Generate.Start(ctx, &ok)
	var ae *api.Error
	if !errors.As(err, &ae) || !errors.Is(err, api.ErrValidation) || ae.Code != "too_many_jobs" || !strings.Contains(ae.Message, "At most 3") {
		t.Errorf("a 4th concurrent job: %v", err)
	}
	if jobs, err := e.c.Generate.Pending(ctx); err != nil || len(jobs) != 3 {
		t.Errorf("Pending: %v, %d jobs", err, len(jobs))
	}
	if _, err := e.c.Generate.Retry(ctx, ids[0]); !errors.Is(err, api.ErrValidation) || errCode(err) != "invalid_status" {
		t.Errorf("retry of a pending job: %v", err)
	}
	if _, err := e.c.Generate.Retry(ctx, "job_missing"); !errors.Is(err, api.ErrNotFound) {
		t.Errorf("retry of an unknown job: %v", err)
	}
	if _, err := e.clientAs(t, "stranger_x").Generate.Retry(ctx, ids[0]); !errors.Is(err, api.ErrNotFound) {
		t.Errorf("retry of another agent's job: %v", err)
	}
	// Once the jobs are done there is room again.
	waitStatus(t, e, ids[2], api.JobCompleted)
	if _, err := e.c.Generate.Start(ctx, &ok); err != nil {
		t.Errorf("a start after the jobs finished: %v", err)
	}
}

func TestSandboxGenerationRetryLimit(t *testing.T) {
	t.Parallel()
	e := genEnv(t, sandbox.Options{GenFailRate: 1})
	ctx := t.Context()
	js, err := e.c.Generate.Start(ctx, &api.GenerateRequest{Provider: "OPENAI", GenerationType: "image", Prompt: "doomed"})
	if err != nil {
		t.Fatal(err)
	}
	waitStatus(t, e, js.JobID, api.JobFailed)
	// A retry is a write: after a 5xx it is not repeated.
	e.srv.InjectOnce(http.MethodPost, "/api/generate/"+js.JobID+"/retry", sandbox.Fault{Status: http.StatusBadGateway})
	if _, err := e.c.Generate.Retry(ctx, js.JobID); !errors.Is(err, api.ErrUnknownOutcome) {
		t.Errorf("retry after a 502: %v", err)
	}
	if n := e.hits("POST /api/generate/{jobId}/retry"); n != 1 {
		t.Errorf("%d retries sent, want 1", n)
	}
	for i := range api.MaxJobRetries {
		waitStatus(t, e, js.JobID, api.JobFailed)
		jobs, err := e.c.Generate.Pending(ctx)
		if err != nil || len(jobs) != 1 {
			t.Fatalf("Pending: %v %+v", err, jobs)
		}
		if j := jobs[0]; j.Status != api.JobFailed || j.ErrorMessage == "" || j.RetryCount != i || !j.CanRetry() || j.Active() {
			t.Fatalf("failed job before retry %d: %+v", i+1, j)
		}
		again, err := e.c.Generate.Retry(ctx, js.JobID)
		if err != nil || again.JobID != js.JobID || again.Status != api.JobPending || again.RetryCount != i+1 {
			t.Fatalf("retry %d: %v %+v", i+1, err, again)
		}
	}
	waitStatus(t, e, js.JobID, api.JobFailed)
	_, err = e.c.Generate.Retry(ctx, js.JobID)
	var ae *api.Error
	if !errors.As(err, &ae) || ae.Code != "retry_limit" || !strings.Contains(ae.Message, "create a new generation") {
		t.Errorf("a 4th retry: %v", err)
	}
	if jobs, _ := e.c.Generate.Pending(ctx); len(jobs) != 1 || jobs[0].RetryCount != api.MaxJobRetries || jobs[0].CanRetry() {
		t.Errorf("after the limit: %+v", jobs)
	}
}

func TestSandboxGenerateStartUnknownOutcome(t *testing.T) {
	t.Parallel()
	e := genEnv(t, sandbox.Options{})
	ctx := t.Context()
	e.srv.InjectOnce(http.MethodPost, "/api/generate", sandbox.Fault{AfterProcessing: true, Delay: 5 * time.Second})
	short, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	_, err := e.c.Generate.Start(short, &api.GenerateRequest{Provider: "OPENAI", GenerationType: "image", Prompt: "did it start?"})
	var uo *api.UnknownOutcomeError
	if !errors.As(err, &uo) || !errors.Is(err, api.ErrUnknownOutcome) {
		t.Fatalf("err = %v, want *UnknownOutcomeError", err)
	}
	if n := e.hits("POST /api/generate"); n != 1 {
		t.Errorf("%d starts sent, want exactly 1", n)
	}
	page, err := e.c.Generate.History(ctx, nil)
	if err != nil || len(page.Items) != 1 || page.Items[0].Prompt != "did it start?" {
		t.Errorf("History after the lost answer: %v %+v", err, page)
	}
	if n := len(e.srv.Jobs("demo_agent")); n != 1 {
		t.Errorf("the server holds %d jobs, want 1", n)
	}
}

func TestSandboxModelsAndVoices(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{}, api.WithBudgets(false))
	ctx := t.Context()
	for provider, types := range api.ProviderCapabilities {
		for _, typ := range types {
			models, err := e.c.Generate.Models(ctx, provider, typ)
			n := 0
			for _, m := range models {
				if m.IsDefault {
					n++
				}
			}
			if err != nil || len(models) == 0 || n != 1 {
				t.Errorf("Models(%s, %s): %v %+v", provider, typ, err, models)
			}
		}
	}
	voices, err := e.c.Generate.Voices(ctx, "elevenlabs")
	if err != nil || len(voices) < 3 {
		t.Fatalf("Voices: %v %+v", err, voices)
	}
	if v := voices[0]; v.VoiceID != "21m00Tcm4TlvDq8ikWAM" || v.Name != "Rachel" || v.PreviewURL == "" {
		t.Errorf("first voice %+v", v)
	}
	if !slices.ContainsFunc(voices, func(v api.VoiceInfo) bool { return v.VoiceID == "EXAVITQu4vr4xnSDxMaL" && v.Name == "Bella" }) {
		t.Errorf("Bella missing: %+v", voices)
	}
	before := e.srv.Stats().Requests
	if _, err := e.c.Generate.Voices(ctx, "OPENAI"); !errors.Is(err, api.ErrValidation) {
		t.Errorf("Voices of OpenAI: %v", err)
	}
	if _, err := e.c.Generate.Models(ctx, "ELEVENLABS", "image"); !errors.Is(err, api.ErrValidation) {
		t.Errorf("image models of ElevenLabs: %v", err)
	}
	if n := e.srv.Stats().Requests - before; n != 0 {
		t.Errorf("%d requests for refused calls", n)
	}
}
