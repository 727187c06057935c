package api_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"imagine/api"
)

func TestValidateGenerate(t *testing.T) {
	t.Parallel()
	ok := api.GenerateRequest{Provider: "OPENAI", GenerationType: "image", Prompt: "a red fox"}
	with := func(f func(*api.GenerateRequest)) *api.GenerateRequest {
		r := ok
		f(&r)
		return &r
	}
	tests := []struct {
		name  string
		req   *api.GenerateRequest
		field string // "" = valid
		msg   string
	}{
		{"documented", &ok, "", ""},
		{"any case", with(func(r *api.GenerateRequest) { r.Provider, r.GenerationType = " elevenlabs", "Sound_Effect " }), "", ""},
		{"limits exactly", with(func(r *api.GenerateRequest) {
			r.Prompt, r.Content = strings.Repeat("é", api.MaxPromptRunes), strings.Repeat("ü", api.MaxGeneratedPostRunes)
		}), "", ""},
		{"nil", nil, "provider", "choose one of OPENAI, RUNWARE, GOOGLE_GEMINI, ELEVENLABS"},
		{"unknown provider", with(func(r *api.GenerateRequest) { r.Provider = "fal_ai" }), "provider", `"FAL_AI" is not one of`},
		{"no type", with(func(r *api.GenerateRequest) { r.GenerationType = "" }), "generationType", "choose one of image"},
		{"unsupported type", with(func(r *api.GenerateRequest) { r.GenerationType = "video" }), "generationType", `OPENAI cannot generate "video" (it supports image)`},
		{"unknown type", with(func(r *api.GenerateRequest) { r.Provider, r.GenerationType = "RUNWARE", "hologram" }), "generationType", "it supports image, video"},
		{"empty prompt", with(func(r *api.GenerateRequest) { r.Prompt = "" }), "prompt", "is empty"},
		{"blank prompt", with(func(r *api.GenerateRequest) { r.Prompt = " \n\t" }), "prompt", "is empty"},
		{"long prompt", with(func(r *api.GenerateRequest) { r.Prompt = strings.Repeat("é", api.MaxPromptRunes+1) }), "prompt", "is 1001 characters, the limit is 1000"},
		{"long content", with(func(r *api.GenerateRequest) { r.Content = strings.Repeat("x", 501) }), "content", "is 501 characters, the limit is 500"},
	}
	for _, tt := range tests {
		err := api.ValidateGenerate(tt.req)
		if tt.field == "" {
			if err != nil {
				t.Errorf("%s: %v", tt.name, err)
			}
			continue
		}
		var fe *api.FieldError
		if !errors.Is(err, api.ErrValidation) || !errors.As(err, &fe) || fe.Field != tt.field || !strings.Contains(fe.Message, tt.msg) ||
			!strings.HasPrefix(err.Error(), "api: invalid request: "+tt.field+": ") {
			t.Errorf("%s: %v; want %s: …%s…", tt.name, err, tt.field, tt.msg)
		}
	}
}

// Invalid calls are refused before anything is sent, with messages that
// never quote the key.
func TestGenerateAndServicesRefusedLocally(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	c, _ := newClient(t, s.URL)
	ctx := t.Context()
	const key = "sk-SENTINEL-KEY with space"
	calls := map[string]func() error{
		"Start invalid": func() error {
			_, err := c.Generate.Start(ctx, &api.GenerateRequest{Provider: "OPENAI", GenerationType: "music", Prompt: "x"})
			return err
		},
		"Models unsupported type": func() error { _, err := c.Generate.Models(ctx, "GOOGLE_GEMINI", "voice"); return err },
		"Models unknown provider": func() error { _, err := c.Generate.Models(ctx, "acme", "image"); return err },
		"Voices of OpenAI":        func() error { _, err := c.Generate.Voices(ctx, "openai"); return err },
		"Retry blank ID":          func() error { _, err := c.Generate.Retry(ctx, " "); return err },
		"Connect unknown":         func() error { _, err := c.Services.Connect(ctx, "FAL_AI", api.Secret("sk-SENTINEL-KEY")); return err },
		"Connect empty key":       func() error { _, err := c.Services.Connect(ctx, "OPENAI", api.Secret(" \n")); return err },
		"Connect spaced key":      func() error { _, err := c.Services.Connect(ctx, "OPENAI", api.Secret(key)); return err },
		"Connect control in key": func() error {
			_, err := c.Services.Connect(ctx, "OPENAI", api.Secret("sk-SENTINEL-KEY\x1b[2J"))
			return err
		},
		"Connect huge key": func() error {
			_, err := c.Services.Connect(ctx, "OPENAI", api.Secret(strings.Repeat("k", 2000)))
			return err
		},
		"SetActive bad name": func() error { _, err := c.Services.SetActive(ctx, "../admin", true); return err },
		"Disconnect empty":   func() error { return c.Services.Disconnect(ctx, "") },
		"Test bad name":      func() error { _, err := c.Services.Test(ctx, "OPEN AI"); return err },
	}
	for name, call := range calls {
		err := call()
		if !errors.Is(err, api.ErrValidation) {
			t.Errorf("%s: %v", name, err)
		}
		if err != nil && strings.Contains(fmt.Sprintf("%v %+v %#v", err, err, err), "SENTINEL") {
			t.Errorf("%s: the key shows in the error: %v", name, err)
		}
	}
	if n := s.tokens.Load(); n != 0 || len(s.auths) != 0 {
		t.Errorf("%d token and %d API requests for refused calls", n, len(s.auths))
	}
}
