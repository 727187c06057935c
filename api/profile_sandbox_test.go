package api_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"

	"imagine/api"
	"imagine/api/sandbox"
)

func TestSandboxCapabilities(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{})
	ctx := t.Context()
	fast := "fast"
	c, err := e.c.Profile.UpdateCapabilities(ctx, &api.CapabilitiesUpdate{Skills: &[]string{"image-generation", "code-review"},
		APIs: &[]string{"openai", "github"}, ResponseTime: &fast, Languages: &[]string{"en", "es"}})
	if err != nil || len(c.Skills) != 2 || c.ResponseTime != "fast" || len(c.Languages) != 2 {
		t.Fatalf("update: %v %+v", err, c)
	}
	// Absent fields stay; an empty list clears one.
	if c, err = e.c.Profile.UpdateCapabilities(ctx, &api.CapabilitiesUpdate{APIs: &[]string{}}); err != nil || len(c.APIs) != 0 || len(c.Skills) != 2 {
		t.Fatalf("partial update: %v %+v", err, c)
	}
	if got, err := e.c.Profile.Capabilities(ctx); err != nil || len(got.Skills) != 2 || got.ResponseTime != "fast" {
		t.Fatalf("get: %v %+v", err, got)
	}
	if c, err = e.c.Profile.ClearCapabilities(ctx); err != nil || len(c.Skills)+len(c.APIs)+len(c.Languages) != 0 || c.ResponseTime != "" {
		t.Fatalf("clear: %v %+v", err, c)
	}
	_, err = e.c.Profile.UpdateCapabilities(ctx, &api.CapabilitiesUpdate{Skills: &[]string{" "}})
	wantField(t, "blank skill", err, "skills", "")
	many := make([]string, api.MaxCapabilityEntries+1)
	for i := range many {
		many[i] = "s"
	}
	_, err = e.c.Profile.UpdateCapabilities(ctx, &api.CapabilitiesUpdate{Languages: &many})
	wantField(t, "too many", err, "languages", "")
}

func TestSandboxAvatar(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{})
	ctx := t.Context()
	img := pngBytes(t, 16)
	a, err := e.c.Profile.UploadAvatar(ctx, "me.png", bytes.NewReader(img), int64(len(img)), nil)
	if err != nil || !strings.HasPrefix(a.URL, e.url+"/media/") || a.Agent.AvatarURL != a.URL || a.Agent.Handle != "demo_agent" {
		t.Fatalf("upload: %v %+v", err, a)
	}
	resp, err := http.Get(a.URL)
	if err != nil {
		t.Fatal(err)
	}
	served, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !bytes.Equal(served, img) {
		t.Error("the avatar served is not the one uploaded")
	}
	if me, err := e.c.Agents.Me(ctx); err != nil || me.AvatarURL != a.URL {
		t.Errorf("profile after upload: %v %+v", err, me)
	}
	if a, err = e.c.Profile.RemoveAvatar(ctx); err != nil || a.URL != "" || a.Agent.AvatarURL != "" {
		t.Fatalf("remove: %v %+v", err, a)
	}

	// Refusals before sending: too big, not an image.
	big := bigPNG(t, api.MaxAvatarBytes+1)
	_, err = e.c.Profile.UploadAvatar(ctx, "big.png", bytes.NewReader(big), int64(len(big)), nil)
	wantField(t, "oversize avatar", err, "file", "")
	_, err = e.c.Profile.UploadAvatar(ctx, "notes.txt", strings.NewReader("just text, not a picture"), 24, nil)
	wantField(t, "text avatar", err, "file", "")
	if n := e.hits("POST /api/agents/me/avatar"); n != 1 {
		t.Errorf("%d avatar requests reached the server, want 1", n)
	}

	// The server refuses them too, for clients that do not check.
	tok := token(t, e)
	for name, tc := range map[string]struct {
		file   []byte
		status int
		code   string
	}{
		"oversize": {big, http.StatusRequestEntityTooLarge, "file_too_large"},
		"text":     {[]byte("just text"), http.StatusBadRequest, "invalid_file_type"},
	} {
		var body bytes.Buffer
		mw := multipart.NewWriter(&body)
		fw, _ := mw.CreateFormFile("file", "f")
		_, _ = fw.Write(tc.file)
		_ = mw.Close()
		req, _ := http.NewRequest(http.MethodPost, e.url+"/api/agents/me/avatar", &body)
		req.Header.Set("Content-Type", mw.FormDataContentType())
		req.Header.Set("Authorization", "Bearer "+tok)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		got, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tc.status || !strings.Contains(string(got), tc.code) {
			t.Errorf("%s avatar: %d %s", name, resp.StatusCode, got)
		}
	}
}

// token returns an access token of the demo agent, for raw requests.
func token(t *testing.T, e *env) string {
	t.Helper()
	id, secret := e.srv.DemoCredentials()
	resp, err := http.Post(e.url+"/api/auth/token", "application/json",
		strings.NewReader(`{"grant_type":"client_credentials","client_id":"`+id+`","client_secret":"`+secret+`"}`))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var tok struct {
		AccessToken string `json:"access_token"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&tok); err != nil || tok.AccessToken == "" {
		t.Fatalf("token: %v", err)
	}
	return tok.AccessToken
}

func TestSandboxWebhookRefusals(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{})
	ctx := t.Context()
	if w, err := e.c.Profile.Webhook(ctx); err != nil || w.URL != "" || w.Active || w.HasSecret {
		t.Fatalf("no webhook yet: %v %+v", err, w)
	}
	_, err := e.c.Profile.SetWebhook(ctx, &api.WebhookUpdate{URL: "http://example.com/hook"})
	wantField(t, "http URL", err, "webhookUrl", "")
	_, err = e.c.Profile.SetWebhook(ctx, &api.WebhookUpdate{URL: "https://user:pw@example.com/hook"})
	wantField(t, "URL with user info", err, "webhookUrl", "")
	// Without a URL there is nothing to keep.
	_, err = e.c.Profile.SetWebhook(ctx, &api.WebhookUpdate{})
	wantStatus(t, "no URL", err, http.StatusBadRequest, api.ErrValidation)

	// The server refuses http too, even on loopback, unless told to.
	tok := token(t, e)
	req, _ := http.NewRequest(http.MethodPatch, e.url+"/api/agents/me/webhook", strings.NewReader(`{"webhookUrl":"http://127.0.0.1:9/hook"}`))
	req.Header.Set("Authorization", "Bearer "+tok)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(string(got), "invalid_webhook_url") {
		t.Errorf("http webhook: %d %s", resp.StatusCode, got)
	}

	// An https URL that does not answer: configured, the test reports it.
	w, err := e.c.Profile.SetWebhook(ctx, &api.WebhookUpdate{URL: "https://127.0.0.1:9/hook", Test: true})
	if err != nil || w.URL != "https://127.0.0.1:9/hook" || w.Secret == "" || w.Test == nil || w.Test.Delivered || w.Test.Error == "" {
		t.Fatalf("unreachable webhook: %v %+v", err, w)
	}
	// The secret is shown once: not by GET, not by a change without
	// regenerateSecret.
	if got, err := e.c.Profile.Webhook(ctx); err != nil || got.Secret != "" || !got.HasSecret || got.LastDelivery == nil {
		t.Errorf("get: %v %+v", err, got)
	}
	if got, err := e.c.Profile.SetWebhook(ctx, &api.WebhookUpdate{URL: "https://example.invalid/other"}); err != nil || got.Secret != "" {
		t.Errorf("change without regenerate: %v %+v", err, got)
	}
	if err := e.c.Profile.DeleteWebhook(ctx); err != nil {
		t.Fatal(err)
	}
	if got, err := e.c.Profile.Webhook(ctx); err != nil || got.URL != "" {
		t.Errorf("after delete: %v %+v", err, got)
	}
	anon, _ := api.New(api.WithBaseURL(e.url))
	if _, err := anon.Profile.Webhook(ctx); !errors.Is(err, api.ErrNoCredentials) {
		t.Errorf("anonymous: %v", err)
	}
}
