package api

// Tolerant decoding of connected services, generation jobs, models, voices
// and media (wire-gen.md plus the SDK variants of api-reference.md §5.11-
// 5.14 and §11): wrapped or bare objects, bare arrays for lists the spec
// calls "an array", id/media_id/mediaId for uploads, null for any optional
// field. Everything still goes through decode, so every string is cleaned
// (Line unless types_gen.go tags it) before a caller sees it.

import (
	"bytes"
	"cmp"
	"encoding/json"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// maskKey makes sure a stored provider key is shown masked, whatever the
// server sent: a value that already looks masked (it contains "…", "...",
// "*" or "•") is kept; anything else is cut to its first and last four
// characters, or "****" when it is too short to show any of it. The raw key
// must never reach a screen, even from a server that echoes it.
func maskKey(k string) string {
	k = strings.TrimSpace(k)
	switch {
	case k == "":
		return ""
	case strings.ContainsAny(k, "…*•") || strings.Contains(k, "..."):
		return k
	case utf8.RuneCountInString(k) < 12:
		return "****"
	}
	r := []rune(k)
	return string(r[:4]) + "…" + string(r[len(r)-4:])
}

// UnmarshalJSON implements json.Unmarshaler: the provider is upper-cased,
// an absent isActive means active (the SDK's default), timestamps are read
// leniently and the key is masked (maskKey).
func (s *ConnectedService) UnmarshalJSON(b []byte) error {
	type plain ConnectedService
	var w struct {
		plain
		IsActive  flexBool `json:"isActive"`
		CreatedAt flexTime `json:"createdAt"`
		UpdatedAt flexTime `json:"updatedAt"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*s = ConnectedService(w.plain)
	s.Provider = strings.ToUpper(strings.TrimSpace(s.Provider))
	s.APIKey = maskKey(s.APIKey)
	s.IsActive = !w.IsActive.set || w.IsActive.b
	s.CreatedAt = time.Time(w.CreatedAt)
	s.UpdatedAt = time.Time(w.UpdatedAt)
	return nil
}

// UnmarshalJSON implements json.Unmarshaler: success may also be called
// valid, and may be a string or a number.
func (t *ServiceTest) UnmarshalJSON(b []byte) error {
	var w struct {
		Success flexBool `json:"success"`
		Valid   flexBool `json:"valid"`
		Message string   `json:"message"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	t.Success = w.Success.b || (!w.Success.set && w.Valid.b)
	t.Message = w.Message
	return nil
}

// UnmarshalJSON implements json.Unmarshaler: the job ID comes from jobId,
// id or job_id; an absent status is "pending" (the answer is a 202 for a
// job just queued); retryCount may be a string.
func (s *JobStart) UnmarshalJSON(b []byte) error {
	type plain JobStart
	var w struct {
		plain
		ID         string  `json:"id"`
		SnakeID    string  `json:"job_id"`
		RetryCount flexInt `json:"retryCount"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*s = JobStart(w.plain)
	s.JobID = strings.TrimSpace(cmp.Or(s.JobID, w.ID, w.SnakeID))
	s.Status = strings.ToLower(strings.TrimSpace(cmp.Or(s.Status, JobPending)))
	s.RetryCount = w.RetryCount.n
	return nil
}

// UnmarshalJSON implements json.Unmarshaler: null fields are empty, the
// ID may be called jobId, the type generationType, the post text content;
// status and type are lower-cased and the provider upper-cased, an absent
// status is "pending" (the SDK's default), and CompletedAt is nil unless a
// usable time was sent.
func (j *GenerationJob) UnmarshalJSON(b []byte) error {
	type plain GenerationJob
	var w struct {
		plain
		JobID          string   `json:"jobId"`
		GenerationType string   `json:"generationType"`
		Content        string   `json:"content"`
		RetryCount     flexInt  `json:"retryCount"`
		CreatedAt      flexTime `json:"createdAt"`
		UpdatedAt      flexTime `json:"updatedAt"`
		CompletedAt    flexTime `json:"completedAt"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*j = GenerationJob(w.plain)
	j.ID = cmp.Or(j.ID, w.JobID)
	j.Provider = strings.ToUpper(strings.TrimSpace(j.Provider))
	j.Type = strings.ToLower(strings.TrimSpace(cmp.Or(j.Type, w.GenerationType)))
	j.Status = strings.ToLower(strings.TrimSpace(cmp.Or(j.Status, JobPending)))
	j.PostContent = cmp.Or(j.PostContent, w.Content)
	j.RetryCount = w.RetryCount.n
	j.CreatedAt = time.Time(w.CreatedAt)
	j.UpdatedAt = time.Time(w.UpdatedAt)
	j.CompletedAt = nil
	if t := time.Time(w.CompletedAt); !t.IsZero() {
		j.CompletedAt = &t
	}
	return nil
}

// Active reports whether the job is still running (pending, generating or
// uploading) and so counts against MaxConcurrentJobs.
func (j GenerationJob) Active() bool {
	switch j.Status {
	case JobPending, JobGenerating, JobUploading:
		return true
	}
	return false
}

// CanRetry reports whether the API accepts a retry of the job: it failed
// and has been retried fewer than MaxJobRetries times.
func (j GenerationJob) CanRetry() bool {
	return j.Status == JobFailed && j.RetryCount < MaxJobRetries
}

// UnmarshalJSON implements json.Unmarshaler: an item may be a bare model
// ID string; the name defaults to the ID (the SDK's default).
func (m *ModelInfo) UnmarshalJSON(b []byte) error {
	var id string
	if json.Unmarshal(b, &id) == nil {
		*m = ModelInfo{ID: id, Name: id}
		return nil
	}
	var w struct {
		ID        json.RawMessage `json:"id"`
		Name      string          `json:"name"`
		IsDefault flexBool        `json:"isDefault"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	id = strings.TrimSpace(textOf(w.ID))
	*m = ModelInfo{ID: id, Name: cmp.Or(w.Name, id), IsDefault: w.IsDefault.b}
	return nil
}

// UnmarshalJSON implements json.Unmarshaler: the ID comes from voice_id,
// voiceId or id, the name defaults to it, and the camelCase spellings of
// the other fields are accepted too.
func (v *VoiceInfo) UnmarshalJSON(b []byte) error {
	type plain VoiceInfo
	var w struct {
		plain
		VoiceIDCamel    string `json:"voiceId"`
		ID              string `json:"id"`
		UseCaseCamel    string `json:"useCase"`
		PreviewURLCamel string `json:"previewUrl"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*v = VoiceInfo(w.plain)
	v.VoiceID = strings.TrimSpace(cmp.Or(v.VoiceID, w.VoiceIDCamel, w.ID))
	v.Name = cmp.Or(v.Name, v.VoiceID)
	v.UseCase = cmp.Or(v.UseCase, w.UseCaseCamel)
	v.PreviewURL = cmp.Or(v.PreviewURL, w.PreviewURLCamel)
	return nil
}

// UnmarshalJSON implements json.Unmarshaler: the ID comes from id,
// media_id or mediaId (the spec calls it media_id, the SDK id); the type is
// upper-cased ("image" → "IMAGE") or, when absent, derived from the content
// type; the status is lower-cased; size may be a string.
func (m *Media) UnmarshalJSON(b []byte) error {
	type plain Media
	var w struct {
		plain
		ID        json.RawMessage `json:"id"`
		SnakeID   json.RawMessage `json:"media_id"`
		CamelID   json.RawMessage `json:"mediaId"`
		MimeType  string          `json:"mimeType"`
		Size      flexInt         `json:"size"`
		CreatedAt flexTime        `json:"createdAt"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*m = Media(w.plain)
	m.ID = strings.TrimSpace(cmp.Or(textOf(w.ID), textOf(w.SnakeID), textOf(w.CamelID)))
	m.ContentType = cmp.Or(m.ContentType, w.MimeType)
	m.Size = int64(w.Size.n)
	m.Type = strings.ToUpper(strings.TrimSpace(m.Type))
	if m.Type == "" {
		kind, _, _ := strings.Cut(m.ContentType, "/")
		if k := strings.ToUpper(strings.TrimSpace(kind)); slices.Contains([]string{"IMAGE", "VIDEO", "AUDIO"}, k) {
			m.Type = k
		}
	}
	m.Status = strings.ToLower(strings.TrimSpace(m.Status))
	m.CreatedAt = time.Time(w.CreatedAt)
	return nil
}

// Ready reports whether the media can be attached to a post: its status is
// "ready", or the server did not report one (servers that do not process
// media asynchronously say nothing).
func (m Media) Ready() bool { return m.Status == "" || m.Status == "ready" }

// listTarget decodes a list that is either a bare JSON array or an object
// holding the array under the first present of keys (models and voices,
// which the spec calls "an array" and the SDK reads from an object). Null
// items and items keep rejects are dropped.
type listTarget[T any] struct {
	out  *[]T
	keys []string
	keep func(*T) bool
}

// listOf returns a target filling out from a bare array or a wrapped one.
func listOf[T any](out *[]T, keep func(*T) bool, keys ...string) target {
	return listTarget[T]{out: out, keys: keys, keep: keep}
}

func (t listTarget[T]) parse(body []byte) (any, error) {
	raw, err := arrayIn(body, t.keys)
	if err != nil {
		return nil, err
	}
	var items []*T
	if err := json.Unmarshal(raw, &items); err != nil {
		return nil, malformed(err)
	}
	*t.out = make([]T, 0, len(items))
	for _, it := range items {
		if it != nil && (t.keep == nil || t.keep(it)) {
			*t.out = append(*t.out, *it)
		}
	}
	return t.out, nil
}

// arrayIn returns body when it is an array, else the value under the first
// present of keys ("null" when none is: an empty list).
func arrayIn(body []byte, keys []string) ([]byte, error) {
	if trimmed := bytes.TrimSpace(body); len(trimmed) > 0 && trimmed[0] == '[' {
		return trimmed, nil
	}
	var env map[string]json.RawMessage
	if err := json.Unmarshal(body, &env); err != nil {
		return nil, malformed(err)
	}
	for _, k := range keys {
		if v, ok := env[k]; ok {
			return v, nil
		}
	}
	return []byte("null"), nil
}

// serviceList is the answer to the services list.
type serviceList struct {
	Services  []ConnectedService
	Providers []string
}

// servicesTarget decodes the services list: {services, availableProviders}
// or a bare array of services. Without availableProviders the documented
// Providers are assumed. Services without a provider are dropped: nothing
// can be done with them.
type servicesTarget struct {
	out *serviceList
}

func (t servicesTarget) parse(body []byte) (any, error) {
	var services []ConnectedService
	if _, err := (listOf(&services, func(s *ConnectedService) bool { return s.Provider != "" }, "services", "items", "data")).parse(body); err != nil {
		return nil, err
	}
	providers := slices.Clone(Providers)
	var env struct {
		Available *flexStrings `json:"availableProviders"`
	}
	if isObject(body) && json.Unmarshal(body, &env) == nil && env.Available != nil {
		providers = make([]string, 0, len(*env.Available))
		for _, p := range *env.Available {
			if p = strings.ToUpper(strings.TrimSpace(p)); p != "" && !slices.Contains(providers, p) {
				providers = append(providers, p)
			}
		}
	}
	*t.out = serviceList{Services: services, Providers: providers}
	return t.out, nil
}
