package api_test

import (
	"errors"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"imagine/api"
)

// The connected-service, generation and media shapes of wire-gen.md and the
// SDK variants of api-reference.md §5.11-5.14 and §11, served verbatim by a
// stub.

const svcJSON = `{"id":"svc_1","provider":"OPENAI","apiKey":"sk-p…wxyz","isActive":true,
 "createdAt":"2026-02-01T10:00:00.000Z","updatedAt":"2026-02-01T11:00:00.000Z"}`

func TestDecodeServicesListVariants(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, body    string
		wantProviders []string
		want          []api.ConnectedService
	}{
		{"documented", `{"services":[` + svcJSON + `],"availableProviders":["OPENAI","RUNWARE","GOOGLE_GEMINI","ELEVENLABS"]}`,
			api.Providers, []api.ConnectedService{{ID: "svc_1", Provider: "OPENAI", APIKey: "sk-p…wxyz", IsActive: true}}},
		{"bare array, lower-case provider, no isActive", `[{"id":"svc_2","provider":"runware","apiKey":"abcd****wxyz"}]`,
			api.Providers, []api.ConnectedService{{ID: "svc_2", Provider: "RUNWARE", APIKey: "abcd****wxyz", IsActive: true}}},
		{"null fields, extra provider, no provider dropped",
			`{"services":[{"id":"svc_3","provider":"FAL_AI","apiKey":null,"isActive":"false","createdAt":null,"updatedAt":null},null,{"id":"svc_4","provider":null}],
			  "availableProviders":["openai","FAL_AI","OPENAI",""]}`,
			[]string{"OPENAI", "FAL_AI"}, []api.ConnectedService{{ID: "svc_3", Provider: "FAL_AI"}}},
		{"a raw key from the server is masked", `{"services":[{"id":"svc_5","provider":"OPENAI","apiKey":"sk-RAWRAWRAWRAW1234"},{"id":"svc_6","provider":"RUNWARE","apiKey":"short"}]}`,
			api.Providers, []api.ConnectedService{{ID: "svc_5", Provider: "OPENAI", APIKey: "sk-R…1234", IsActive: true}, {ID: "svc_6", Provider: "RUNWARE", APIKey: "****", IsActive: true}}},
		{"hostile text is cleaned", `{"services":[{"id":"svc_7","provider":"OPENAI","apiKey":"sk-p\u001b]52;c;SGVsbG8=\u0007…wxyz"}],"availableProviders":null}`,
			api.Providers, []api.ConnectedService{{ID: "svc_7", Provider: "OPENAI", APIKey: "sk-p…wxyz", IsActive: true}}},
		{"empty", `{}`, api.Providers, []api.ConnectedService{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := newStub(t)
			s.reply("GET /api/settings/services", 200, tt.body)
			c, _ := newClient(t, s.URL)
			got, providers, err := c.Services.List(t.Context())
			if err != nil {
				t.Fatal(err)
			}
			for i := range got {
				got[i].CreatedAt, got[i].UpdatedAt = time.Time{}, time.Time{}
			}
			if !slices.Equal(got, tt.want) || !slices.Equal(providers, tt.wantProviders) {
				t.Errorf("got %+v %q\nwant %+v %q", got, providers, tt.want, tt.wantProviders)
			}
		})
	}
}

func TestDecodeServiceWrappedAndBare(t *testing.T) {
	t.Parallel()
	for name, body := range map[string]string{"wrapped": `{"service":` + svcJSON + `}`, "bare": svcJSON} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			s := newStub(t)
			var sent string
			s.handle("POST /api/settings/services", func(w http.ResponseWriter, r *http.Request) {
				b, _ := io.ReadAll(r.Body)
				sent = string(b)
				jsonReply(201, body)(w, r)
			})
			s.reply("PATCH /api/settings/services/OPENAI", 200, body)
			c, _ := newClient(t, s.URL)
			svc, err := c.Services.Connect(t.Context(), " openai ", api.Secret("  sk-raw-key-0123456789abcdef\n"))
			if err != nil {
				t.Fatal(err)
			}
			want := time.Date(2026, 2, 1, 10, 0, 0, 0, time.UTC)
			if svc.ID != "svc_1" || svc.Provider != "OPENAI" || svc.APIKey != "sk-p…wxyz" || !svc.IsActive || !svc.CreatedAt.Equal(want) {
				t.Errorf("Connect: %+v", svc)
			}
			// The key leaves trimmed and in clear, only in the body.
			if sent != `{"provider":"OPENAI","apiKey":"sk-raw-key-0123456789abcdef"}` {
				t.Errorf("request body %s", sent)
			}
			svc, err = c.Services.SetActive(t.Context(), "openai", true)
			if err != nil || svc.ID != "svc_1" {
				t.Errorf("SetActive: %v %+v", err, svc)
			}
		})
	}
}

func TestDecodeServiceTestAnswers(t *testing.T) {
	t.Parallel()
	tests := map[string]api.ServiceTest{
		`{"success":true,"message":"API key is valid"}`:                {Success: true, Message: "API key is valid"},
		`{"success":false,"message":"Invalid API key\u001b[2J (401)"}`: {Message: "Invalid API key (401)"},
		`{"valid":"true"}`:                                {Success: true},
		`{"success":0,"valid":true,"message":null}`:       {},
		`{"result":{"success":true,"message":"wrapped"}}`: {Success: true, Message: "wrapped"},
	}
	for body, want := range tests {
		t.Run(body, func(t *testing.T) {
			t.Parallel()
			s := newStub(t)
			s.reply("POST /api/settings/services/ELEVENLABS/test", 200, body)
			c, _ := newClient(t, s.URL)
			got, err := c.Services.Test(t.Context(), "elevenlabs")
			if err != nil || *got != want {
				t.Errorf("Test = %+v, %v; want %+v", got, err, want)
			}
		})
	}
}

func TestDecodeJobVariants(t *testing.T) {
	t.Parallel()
	done := time.Date(2026, 2, 1, 10, 0, 9, 0, time.UTC)
	tests := []struct {
		name, item string
		want       api.GenerationJob
		completed  *time.Time
	}{
		{"documented, completed", `{"id":"job_1","provider":"OPENAI","type":"image","prompt":"a city\nat night","model":"gpt-image-1",
		  "status":"completed","errorMessage":null,"retryCount":0,"resultUrl":"http://127.0.0.1/media/job_1.png","postId":"p9",
		  "postContent":"look","createdAt":"2026-02-01T10:00:00.000Z","updatedAt":"2026-02-01T10:00:09.000Z","completedAt":"2026-02-01T10:00:09.000Z"}`,
			api.GenerationJob{ID: "job_1", Provider: "OPENAI", Type: "image", Prompt: "a city\nat night", Model: "gpt-image-1", Status: "completed",
				ResultURL: "http://127.0.0.1/media/job_1.png", PostID: "p9", PostContent: "look"}, &done},
		{"nulls everywhere", `{"id":"job_2","provider":null,"type":null,"prompt":null,"model":null,"status":null,"errorMessage":null,
		  "retryCount":null,"resultUrl":null,"postId":null,"postContent":null,"createdAt":null,"updatedAt":null,"completedAt":null}`,
			api.GenerationJob{ID: "job_2", Status: "pending"}, nil},
		{"SDK spellings", `{"jobId":"job_3","provider":"elevenlabs","generationType":"Sound_Effect","status":"FAILED","retryCount":"2",
		  "errorMessage":"ElevenLabs: quota exceeded\u001b]0;x\u0007","content":"post text","completedAt":"soon"}`,
			api.GenerationJob{ID: "job_3", Provider: "ELEVENLABS", Type: "sound_effect", Status: "failed", RetryCount: 2,
				ErrorMessage: "ElevenLabs: quota exceeded", PostContent: "post text"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			for _, body := range []string{`{"jobs":[` + tt.item + `,null]}`, `[` + tt.item + `]`} {
				s := newStub(t)
				s.reply("GET /api/generate/pending", 200, body)
				s.reply("GET /api/generate/history", 200, `{"jobs":[`+tt.item+`],"nextCursor":null,"hasMore":false}`)
				c, _ := newClient(t, s.URL)
				jobs, err := c.Generate.Pending(t.Context())
				if err != nil || len(jobs) != 1 {
					t.Fatalf("Pending(%s): %v %+v", body, err, jobs)
				}
				page, err := c.Generate.History(t.Context(), nil)
				if err != nil || len(page.Items) != 1 || page.HasMore {
					t.Fatalf("History: %v %+v", err, page)
				}
				for _, got := range []api.GenerationJob{jobs[0], page.Items[0]} {
					if (got.CompletedAt == nil) != (tt.completed == nil) || (got.CompletedAt != nil && !got.CompletedAt.Equal(*tt.completed)) {
						t.Errorf("CompletedAt = %v, want %v", got.CompletedAt, tt.completed)
					}
					got.CompletedAt, got.CreatedAt, got.UpdatedAt = nil, time.Time{}, time.Time{}
					if got != tt.want {
						t.Errorf("got  %+v\nwant %+v", got, tt.want)
					}
				}
			}
		})
	}
}

func TestJobStates(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		job             api.GenerationJob
		active, canRetr bool
	}{
		{api.GenerationJob{Status: api.JobPending}, true, false},
		{api.GenerationJob{Status: api.JobUploading}, true, false},
		{api.GenerationJob{Status: api.JobCompleted}, false, false},
		{api.GenerationJob{Status: api.JobFailed, RetryCount: 2}, false, true},
		{api.GenerationJob{Status: api.JobFailed, RetryCount: api.MaxJobRetries}, false, false},
	} {
		if tt.job.Active() != tt.active || tt.job.CanRetry() != tt.canRetr {
			t.Errorf("%+v: Active %v CanRetry %v", tt.job, tt.job.Active(), tt.job.CanRetry())
		}
	}
}

func TestDecodeJobStartVariants(t *testing.T) {
	t.Parallel()
	tests := map[string]api.JobStart{
		`{"jobId":"job_1","status":"pending"}`:                     {JobID: "job_1", Status: "pending"},
		`{"job":{"id":"job_2","status":"PENDING","retryCount":0}}`: {JobID: "job_2", Status: "pending"},
		`{"id":"job_3"}`: {JobID: "job_3", Status: "pending"},
		`{"job_id":"job_4","status":null,"retryCount":"1"}`:                 {JobID: "job_4", Status: "pending", RetryCount: 1},
		`{"jobId":"job_5","status":"pending","retryCount":2,"extra":[1,2]}`: {JobID: "job_5", Status: "pending", RetryCount: 2},
	}
	req := &api.GenerateRequest{Provider: "OPENAI", GenerationType: "image", Prompt: "a cat"}
	for body, want := range tests {
		t.Run(body, func(t *testing.T) {
			t.Parallel()
			s := newStub(t)
			s.reply("POST /api/generate", 202, body)
			c, _ := newClient(t, s.URL)
			got, err := c.Generate.Start(t.Context(), req)
			if err != nil || *got != want {
				t.Errorf("Start = %+v, %v; want %+v", got, err, want)
			}
		})
	}
	s := newStub(t)
	s.reply("POST /api/generate", 202, `{"status":"pending"}`)
	s.reply("POST /api/generate/job_9/retry", 200, `{"status":"pending","retryCount":"3"}`)
	c, _ := newClient(t, s.URL)
	if _, err := c.Generate.Start(t.Context(), req); !errors.Is(err, api.ErrMalformedResponse) {
		t.Errorf("a start answer without a job ID: %v", err)
	}
	if got, err := c.Generate.Retry(t.Context(), "job_9"); err != nil || *got != (api.JobStart{JobID: "job_9", Status: "pending", RetryCount: 3}) {
		t.Errorf("Retry without jobId in the answer: %+v, %v", got, err)
	}
}

func TestDecodeModelsAndVoicesVariants(t *testing.T) {
	t.Parallel()
	wantModels := []api.ModelInfo{{ID: "gpt-image-1", Name: "GPT Image 1", IsDefault: true}, {ID: "dall-e-3", Name: "dall-e-3"}}
	for _, body := range []string{
		`{"models":[{"id":"gpt-image-1","name":"GPT Image 1","isDefault":true},{"id":"dall-e-3","name":null,"isDefault":null},{"name":"no id"},null]}`,
		`[{"id":"gpt-image-1","name":"GPT Image 1","isDefault":"true"},{"id":"dall-e-3"}]`,
		`{"data":[{"id":"gpt-image-1","name":"GPT Image 1","isDefault":1},"dall-e-3",""]}`,
	} {
		s := newStub(t)
		var query string
		s.handle("GET /api/generate/models", func(w http.ResponseWriter, r *http.Request) {
			query = r.URL.RawQuery
			jsonReply(200, body)(w, r)
		})
		c, _ := newClient(t, s.URL)
		got, err := c.Generate.Models(t.Context(), "openai", "IMAGE")
		if err != nil || !slices.Equal(got, wantModels) {
			t.Errorf("Models(%s) = %+v, %v", body, got, err)
		}
		if query != "provider=OPENAI&type=image" {
			t.Errorf("query %q", query)
		}
	}
	rachel := api.VoiceInfo{VoiceID: "21m00Tcm4TlvDq8ikWAM", Name: "Rachel", Category: "premade", Gender: "female", Age: "young",
		Accent: "american", UseCase: "narration", PreviewURL: "https://example.com/rachel.mp3"}
	for _, body := range []string{
		`{"voices":[{"voice_id":"21m00Tcm4TlvDq8ikWAM","name":"Rachel","category":"premade","gender":"female","age":"young",
		  "accent":"american","use_case":"narration","preview_url":"https://example.com/rachel.mp3"},{"voice_id":"EXAVITQu4vr4xnSDxMaL","name":null,
		  "category":null,"gender":null,"age":null,"accent":null,"use_case":null,"preview_url":null},{"name":"no id"}]}`,
		`[{"voiceId":"21m00Tcm4TlvDq8ikWAM","name":"Rachel","category":"premade","gender":"female","age":"young","accent":"american",
		  "useCase":"narration","previewUrl":"https://example.com/rachel.mp3"},{"id":"EXAVITQu4vr4xnSDxMaL"}]`,
	} {
		s := newStub(t)
		s.reply("GET /api/generate/voices", 200, body)
		c, _ := newClient(t, s.URL)
		got, err := c.Generate.Voices(t.Context(), "ElevenLabs")
		want := []api.VoiceInfo{rachel, {VoiceID: "EXAVITQu4vr4xnSDxMaL", Name: "EXAVITQu4vr4xnSDxMaL"}}
		if err != nil || !slices.Equal(got, want) {
			t.Errorf("Voices(%s) = %+v, %v", body, got, err)
		}
	}
}

func TestDecodeUploadAnswerVariants(t *testing.T) {
	t.Parallel()
	png := pngBytes(t, 4)
	tests := []struct {
		name, body string
		want       api.Media
	}{
		{"sandbox: id and media_id", `{"id":"med_1","media_id":"med_1","url":"http://127.0.0.1/media/med_1.png","pathname":"posts/med_1.png",
		  "contentType":"image/png","size":120,"type":"IMAGE","purpose":"post","status":"ready","createdAt":"2026-02-01T10:00:00.000Z"}`,
			api.Media{ID: "med_1", URL: "http://127.0.0.1/media/med_1.png", Pathname: "posts/med_1.png", ContentType: "image/png", Size: 120,
				Type: "IMAGE", Purpose: "post", Status: "ready"}},
		{"SDK fixture", `{"id":"media_abc123","url":"https://blob.vercel-storage.com/posts/test/image.png","pathname":"posts/test/image.png",
		  "contentType":"image/png","size":1024,"type":"image"}`,
			api.Media{ID: "media_abc123", URL: "https://blob.vercel-storage.com/posts/test/image.png", Pathname: "posts/test/image.png",
				ContentType: "image/png", Size: 1024, Type: "IMAGE"}},
		{"spec: media_id only", `{"media_id":"med_2","url":"https://x.example/a.png"}`, api.Media{ID: "med_2", URL: "https://x.example/a.png"}},
		{"mediaId, string size, type from mimeType", `{"mediaId":"med_3","mimeType":"image/png","size":"77","status":"READY","url":null}`,
			api.Media{ID: "med_3", ContentType: "image/png", Size: 77, Type: "IMAGE", Status: "ready"}},
		{"wrapped", `{"media":{"media_id":"med_4","type":"image","url":"https://x.example/b\u001b[31m.png"}}`,
			api.Media{ID: "med_4", Type: "IMAGE", URL: "https://x.example/b.png"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := newStub(t)
			s.reply("POST /api/upload", 201, tt.body)
			s.reply("GET /api/upload", 200, `{"media":[`+tt.body+`,null],"nextCursor":"m5","hasMore":true}`)
			c, _ := newClient(t, s.URL)
			m, err := c.Uploads.Image(t.Context(), "a.png", strings.NewReader(string(png)), int64(len(png)), nil)
			if err != nil {
				t.Fatal(err)
			}
			m.CreatedAt = time.Time{}
			if *m != tt.want || !m.Ready() {
				t.Errorf("Image = %+v\nwant %+v", *m, tt.want)
			}
			page, err := c.Uploads.List(t.Context(), nil)
			if tt.name == "wrapped" {
				// A list item is never wrapped; the wrapper has no ID.
				return
			}
			if err != nil || len(page.Items) != 1 || page.Items[0].ID != tt.want.ID || page.NextCursor != "m5" {
				t.Errorf("List: %v %+v", err, page)
			}
		})
	}
	s := newStub(t)
	s.reply("POST /api/upload", 201, `{"url":"https://x.example/a.png","status":"processing"}`)
	c, _ := newClient(t, s.URL)
	if _, err := c.Uploads.Image(t.Context(), "a.png", strings.NewReader(string(png)), int64(len(png)), nil); !errors.Is(err, api.ErrMalformedResponse) {
		t.Errorf("an upload answer without an ID: %v", err)
	}
	if (api.Media{Status: "processing"}).Ready() {
		t.Error("processing media must not be ready")
	}
}
