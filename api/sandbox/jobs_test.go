package sandbox_test

import (
	"bytes"
	"context"
	"image"
	_ "image/png"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"imagine/api/sandbox"
)

// jobFixture is a fixture whose demo agent has OpenAI connected. Tokens
// last long, because these tests move the clock by hours.
func jobFixture(t *testing.T, opts sandbox.Options) (*fixture, string) {
	t.Helper()
	opts.NoRateLimit = true
	opts.TokenTTL = 1000 * time.Hour
	f := newFixture(t, opts)
	tok := f.demoToken()
	f.connect(tok, "OPENAI", openAIKey)
	return f, tok
}

// jobView finds a job through the test helper.
func jobView(t *testing.T, s *sandbox.Server, id string) sandbox.JobView {
	t.Helper()
	for _, j := range s.Jobs("demo_agent") {
		if j.ID == id {
			return j
		}
	}
	t.Fatalf("no job %s", id)
	return sandbox.JobView{}
}

func TestJobWalksToCompletionAndPosts(t *testing.T) {
	f, tok := jobFixture(t, sandbox.Options{})
	id := f.generate(tok, map[string]any{"provider": "OPENAI", "prompt": "A lighthouse at dawn",
		"generationType": "image", "content": "Dawn patrol #AIArt"})

	var seen []string
	var at []time.Duration
	for step := time.Duration(0); step <= 20*time.Second; step += 250 * time.Millisecond {
		if status := jobView(t, f.s, id).Status; len(seen) == 0 || seen[len(seen)-1] != status {
			seen, at = append(seen, status), append(at, step)
		}
		f.s.Advance(250 * time.Millisecond)
	}
	if want := []string{"pending", "generating", "uploading", "completed"}; !slices.Equal(seen, want) {
		t.Fatalf("statuses %v, want %v", seen, want)
	}
	// Image stages last 2-3 s, 4-8 s and 1-2 s.
	if at[1] < 2*time.Second || at[1] > 3250*time.Millisecond || at[3] < 7*time.Second || at[3] > 13250*time.Millisecond {
		t.Errorf("transitions at %v", at)
	}

	j := f.job(tok, id)
	if j.Status != "completed" || j.ResultURL == nil || j.PostID == nil || j.CompletedAt == nil || j.ErrorMessage != nil {
		t.Fatalf("completed job = %+v", j)
	}
	if j.PostContent == nil || *j.PostContent != "Dawn patrol #AIArt" {
		t.Errorf("postContent = %v", j.PostContent)
	}
	if !strings.HasPrefix(*j.ResultURL, f.url+"/media/med_") || !strings.HasSuffix(*j.ResultURL, ".png") {
		t.Errorf("resultUrl = %s", *j.ResultURL)
	}

	var out struct {
		Post struct {
			wirePost
			MediaType string   `json:"mediaType"`
			MediaURLs []string `json:"mediaUrls"`
		} `json:"post"`
	}
	f.do("GET", "/api/posts/"+*j.PostID, tok, nil).want(t, http.StatusOK, "").decode(t, &out)
	p := out.Post
	if p.Agent.Handle != "demo_agent" || p.Content != "Dawn patrol #AIArt" || p.MediaType != "IMAGE" ||
		!slices.Equal(p.MediaURLs, []string{*j.ResultURL}) || !slices.Equal(p.Hashtags, []string{"AIArt"}) {
		t.Errorf("post = %+v", p)
	}
	if first := f.firstPost("/api/feed", tok); first.ID != p.ID {
		t.Errorf("the feed starts with %s, not the generated post", first.ID)
	}

	status, ct, data := f.fetch(*j.ResultURL)
	if status != http.StatusOK || ct != "image/png" {
		t.Fatalf("GET resultUrl: %d %s", status, ct)
	}
	img, format, err := image.Decode(bytes.NewReader(data))
	if err != nil || format != "png" || img.Bounds().Dx() != 256 || img.Bounds().Dy() != 256 {
		t.Fatalf("decoded %s %v: %v", format, img.Bounds(), err)
	}
}

func TestJobEventsAreLogged(t *testing.T) {
	f, tok := jobFixture(t, sandbox.Options{})
	id := f.generate(tok, imageJob("events"))
	f.s.Advance(time.Minute)
	j := jobView(t, f.s, id)
	var statuses []string
	posted := false
	for _, e := range f.s.Events(0) {
		if e.Type == sandbox.EventJob && e.JobID == id {
			statuses = append(statuses, e.Status)
			if e.ActorID == "" || e.RecipientID != e.ActorID {
				t.Errorf("event %+v", e)
			}
			if e.Status == "completed" && e.PostID != j.PostID {
				t.Errorf("completed event names post %q, job %q", e.PostID, j.PostID)
			}
		}
		posted = posted || (e.Type == sandbox.EventPost && e.PostID == j.PostID)
	}
	if want := []string{"pending", "generating", "uploading", "completed"}; !slices.Equal(statuses, want) {
		t.Errorf("JOB events %v, want %v", statuses, want)
	}
	if !posted {
		t.Error("no POST event for the generated post")
	}
	// Reading again records nothing new.
	before := len(f.s.Events(0))
	f.s.Jobs("demo_agent")
	if after := len(f.s.Events(0)); after != before {
		t.Errorf("a second read logged %d events", after-before)
	}
}

func TestGeneratedImageDependsOnThePrompt(t *testing.T) {
	f, tok := jobFixture(t, sandbox.Options{})
	a := f.generate(tok, imageJob("red fox"))
	b := f.generate(tok, imageJob("red fox"))
	c := f.generate(tok, imageJob("blue whale"))
	f.s.Advance(time.Minute)
	img := func(id string) []byte {
		j := jobView(t, f.s, id)
		data, ct, ok := f.s.Media(strings.TrimSuffix(j.ResultURL[strings.LastIndex(j.ResultURL, "/")+1:], ".png"))
		if !ok || ct != "image/png" {
			t.Fatalf("media of %s: %v %s", j.ResultURL, ok, ct)
		}
		return data
	}
	if !bytes.Equal(img(a), img(b)) {
		t.Error("the same prompt gave different images")
	}
	if bytes.Equal(img(a), img(c)) {
		t.Error("different prompts gave the same image")
	}
}

func TestVideoAndAudioJobsPostTheirPicture(t *testing.T) {
	f, tok := jobFixture(t, sandbox.Options{})
	f.connect(tok, "RUNWARE", runwareKey)
	f.connect(tok, "ELEVENLABS", elevenLabsKey)
	long := strings.Repeat("ö", 600)
	video := f.generate(tok, map[string]any{"provider": "RUNWARE", "prompt": "waves", "generationType": "video"})
	music := f.generate(tok, map[string]any{"provider": "ELEVENLABS", "prompt": long, "generationType": "music"})
	f.s.Advance(20 * time.Second)
	if st := jobView(t, f.s, video).Status; st == "completed" {
		t.Error("a video job completed within 20 s (its generating stage alone takes 15-30 s)")
	}
	f.s.Advance(30 * time.Second)
	for _, tc := range []struct{ id, mediaType, content string }{
		{video, "VIDEO", "waves"}, {music, "IMAGE", strings.Repeat("ö", 500)},
	} {
		j := jobView(t, f.s, tc.id)
		if j.Status != "completed" {
			t.Fatalf("job %s is %s", j.Type, j.Status)
		}
		var out struct {
			Post struct {
				Content   string   `json:"content"`
				MediaType string   `json:"mediaType"`
				MediaURLs []string `json:"mediaUrls"`
			} `json:"post"`
		}
		f.do("GET", "/api/posts/"+j.PostID, tok, nil).want(t, http.StatusOK, "").decode(t, &out)
		if out.Post.MediaType != tc.mediaType || out.Post.Content != tc.content || len(out.Post.MediaURLs) != 1 {
			t.Errorf("%s post: %s, %d runes, %v", j.Type, out.Post.MediaType, len([]rune(out.Post.Content)), out.Post.MediaURLs)
		}
		if _, ct, _ := f.fetch(j.ResultURL); ct != "image/png" {
			t.Errorf("%s result is %s", j.Type, ct)
		}
	}
}

func TestForcedFailureAndTimeout(t *testing.T) {
	f, tok := jobFixture(t, sandbox.Options{GenFailRate: 1})
	now := t0
	advance := func(d time.Duration) {
		f.s.Advance(d)
		now = now.Add(d)
	}
	// Every attempt fails: most with a provider error within the job's
	// stage durations (at most 13 s for an image), some by hanging.
	var providerFailure, stalled string
	for range 40 {
		if providerFailure != "" && stalled != "" {
			break
		}
		id := f.generate(tok, imageJob("doomed"))
		advance(15 * time.Second)
		switch j := jobView(t, f.s, id); j.Status {
		case "failed":
			if !strings.HasPrefix(j.ErrorMessage, "OpenAI: ") {
				t.Errorf("errorMessage %q is not provider-style", j.ErrorMessage)
			}
			if j.PostID != "" || j.ResultURL != "" {
				t.Errorf("a failed job has a post or result: %+v", j)
			}
			providerFailure = id
		case "generating":
			if stalled == "" {
				stalled = id
			}
		default:
			t.Fatalf("with GenFailRate 1 a job is %s after 15 s", j.Status)
		}
	}
	if providerFailure == "" || stalled == "" {
		t.Fatalf("40 jobs gave no provider failure (%q) or no hang (%q)", providerFailure, stalled)
	}
	j := f.job(tok, providerFailure)
	if j.ErrorMessage == nil || !strings.HasPrefix(*j.ErrorMessage, "OpenAI: ") || j.CompletedAt != nil {
		t.Errorf("failed job on the wire: %+v", j)
	}

	deadline := jobView(t, f.s, stalled).CreatedAt.Add(5 * time.Minute)
	if wait := deadline.Add(-time.Second).Sub(now); wait > 0 {
		advance(wait)
		if st := f.job(tok, stalled).Status; st != "generating" {
			t.Fatalf("the hanging job is %s a second before its 5 minutes are up", st)
		}
	}
	advance(2 * time.Second)
	j = f.job(tok, stalled)
	if j.Status != "failed" || j.ErrorMessage == nil || *j.ErrorMessage != "Job timed out after 5 minutes" {
		t.Fatalf("hanging job after 5 minutes: %+v", j)
	}
	if want := deadline.Format("2006-01-02T15:04:05.000Z"); j.UpdatedAt != want {
		t.Errorf("timed out at %s, want %s", j.UpdatedAt, want)
	}
}

func TestFailureDrawsAreDeterministic(t *testing.T) {
	outcome := func() []string {
		f, tok := jobFixture(t, sandbox.Options{GenFailRate: 0.5})
		for range 3 {
			for range 3 {
				f.generate(tok, imageJob("coin flip"))
			}
			f.s.Advance(6 * time.Minute)
		}
		var out []string
		for _, j := range f.s.Jobs("demo_agent") {
			out = append(out, j.ID+" "+j.Status+" "+j.ErrorMessage+" "+j.UpdatedAt.String())
		}
		return out
	}
	a, b := outcome(), outcome()
	if !slices.Equal(a, b) {
		t.Errorf("two identical runs differ:\n%v\n%v", a, b)
	}
	failed := 0
	for _, o := range a {
		if strings.Contains(o, " failed ") {
			failed++
		}
	}
	if failed == 0 || failed == len(a) {
		t.Errorf("GenFailRate 0.5 failed %d of %d jobs", failed, len(a))
	}
}

func TestPendingAndHistory(t *testing.T) {
	f, tok := jobFixture(t, sandbox.Options{GenFailRate: 0.5})
	var ids []string
	for i := range 7 {
		if i%3 == 0 && i > 0 {
			f.s.Advance(6 * time.Minute)
		}
		ids = append(ids, f.generate(tok, imageJob("history "+itoa(i))))
	}
	all := f.history(tok, 2)
	if len(all) != 7 {
		t.Fatalf("history has %d jobs, want 7", len(all))
	}
	for i, j := range all {
		if j.ID != ids[len(ids)-1-i] {
			t.Fatalf("history[%d] = %s, want newest first", i, j.ID)
		}
	}
	f.do("GET", "/api/generate/history?cursor=bogus", tok, nil).want(t, http.StatusBadRequest, "invalid_cursor")

	var pending jobPage
	f.do("GET", "/api/generate/pending", tok, nil).want(t, http.StatusOK, "").decode(t, &pending)
	want := 0
	for _, j := range f.s.Jobs("demo_agent") {
		if j.Status != "completed" {
			want++
		}
	}
	if len(pending.Jobs) != want {
		t.Errorf("pending lists %d jobs, want the %d not completed", len(pending.Jobs), want)
	}
	for _, j := range pending.Jobs {
		if j.Status == "completed" {
			t.Errorf("pending lists completed job %s", j.ID)
		}
	}
	// A day later the failures are gone from the pending list.
	f.s.Advance(25 * time.Hour)
	f.do("GET", "/api/generate/pending", tok, nil).want(t, http.StatusOK, "").decode(t, &pending)
	if len(pending.Jobs) != 0 {
		t.Errorf("a day later pending still lists %d jobs", len(pending.Jobs))
	}
}

func TestJobsFinishWithoutPolling(t *testing.T) {
	f, tok := jobFixture(t, sandbox.Options{})
	id := f.generate(tok, imageJob("unattended"))
	f.s.Advance(time.Minute)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	f.s.Start(ctx)
	// Events does not advance jobs; only the living world's goroutine can
	// have completed this one.
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		for _, e := range f.s.Events(0) {
			if e.Type == sandbox.EventJob && e.JobID == id && e.Status == "completed" {
				return
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatal("the job did not complete within 5 s of Start without being read")
}
