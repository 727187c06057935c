package jobs

import (
	"fmt"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"imagine/api"
	"imagine/internal/tuitest"
)

// Goldens: regenerate with `go test ./views/jobs/ -update`. Layout
// goldens are ANSI-stripped; the Colour golden keeps the escape codes.

// sizes are the terminal sizes the stage goldens are taken at.
func sizes() [][2]int { return [][2]int{{80, 24}, {160, 48}} }

// trio is three jobs (an image, a video, a voice) at status.
func trio(status string) []api.GenerationJob {
	js := []api.GenerationJob{
		job("a", api.ProviderOpenAI, api.GenImage, status, 42*time.Second, "a lighthouse in fog\nwith gulls"),
		job("b", api.ProviderRunware, api.GenVideo, status, 95*time.Second, "a cat surfing a wave at dawn, cinematic, slow motion, golden light"),
		job("c", api.ProviderElevenLabs, api.GenVoice, status, 8*time.Second, "Hello, welcome to ImagineAnything!"),
	}
	js[0].Model, js[1].Model, js[2].Model = "gpt-image-1", "klingai:5@3", "eleven_multilingual_v2"
	return js
}

// stageHarness is a pane showing three jobs at one stage of their flow.
func stageHarness(t *testing.T, stage string, w, h int) *harness {
	t.Helper()
	switch stage {
	case "completed":
		hs := newHarness(t, w, h, true, trio(api.JobUploading)...)
		var done []api.GenerationJob
		for i, j := range trio(api.JobCompleted) {
			c := completed(j.ID, j.Provider, j.Type, testNow().Sub(j.CreatedAt), j.Prompt, fmt.Sprintf("post-%d", i))
			c.Model = j.Model
			done = append(done, c)
		}
		hs.gen.setPending()
		hs.gen.setHistory(done...)
		hs.poll()
		return hs
	case "failed-retries-left", "failed-no-retries":
		js := trio(api.JobFailed)
		why := []string{"OpenAI: content policy violation (prompt flagged)", "Runware: upstream timeout after 30s", "ElevenLabs: quota exceeded for this API key"}
		for i := range js {
			js[i].ErrorMessage = why[i]
			js[i].RetryCount = i
			if stage == "failed-no-retries" {
				js[i].RetryCount = api.MaxJobRetries
			}
		}
		return newHarness(t, w, h, true, js...)
	}
	return newHarness(t, w, h, true, trio(stage)...)
}

func TestGoldenStages(t *testing.T) {
	stages := []string{api.JobPending, api.JobGenerating, api.JobUploading, "completed", "failed-retries-left", "failed-no-retries"}
	for _, stage := range stages {
		for _, sz := range sizes() {
			t.Run(fmt.Sprintf("%s_%dx%d", stage, sz[0], sz[1]), func(t *testing.T) {
				hs := stageHarness(t, stage, sz[0], sz[1])
				view := hs.m.View()
				tuitest.CheckFrame(t, view, sz[0], sz[1])
				tuitest.CheckOnlySGR(t, view)
				golden.RequireEqual(t, []byte(ansi.Strip(view)))
			})
		}
	}
}

// TestGoldenStagesColour keeps the escape codes of a frame, so a review
// of the golden shows the current step highlighted and the done ones in
// the success colour.
func TestGoldenStagesColour(t *testing.T) {
	hs := stageHarness(t, api.JobGenerating, 80, 24)
	view := hs.m.View()
	tuitest.CheckOnlySGR(t, view)
	golden.RequireEqual(t, []byte(view))
}

func TestGoldenServices(t *testing.T) {
	for _, sz := range sizes() {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			hs := newHarness(t, sz[0], sz[1], true)
			hs.svc.list = []api.ConnectedService{
				service(api.ProviderOpenAI, "sk-p…Wxyz", true),
				service(api.ProviderGoogleGemini, "AIza…k3Q9", false),
				service(api.ProviderElevenLabs, "****", true),
			}
			hs.svc.tests[api.ProviderOpenAI] = &api.ServiceTest{Success: true, Message: "API key is valid"}
			hs.svc.tests[api.ProviderGoogleGemini] = &api.ServiceTest{Message: "Invalid API key: the provider rejected it (401)"}
			hs.keys("s", "T", "j", "j", "T")
			view := hs.m.View()
			tuitest.CheckFrame(t, view, sz[0], sz[1])
			tuitest.CheckOnlySGR(t, view)
			golden.RequireEqual(t, []byte(ansi.Strip(view)))
		})
	}
}

func TestGoldenFormFirstStep(t *testing.T) {
	hs := newHarness(t, 80, 24, true, job("a", api.ProviderOpenAI, api.GenImage, api.JobGenerating, time.Minute, "a lighthouse"))
	hs.svc.list = []api.ConnectedService{
		service(api.ProviderOpenAI, "sk-p…Wxyz", true),
		service(api.ProviderRunware, "abcd…wxyz", true),
		service(api.ProviderGoogleGemini, "AIza…k3Q9", false),
		service(api.ProviderElevenLabs, "1234…cdef", true),
	}
	hs.keys("n", "j")
	view := hs.m.View()
	tuitest.CheckFrame(t, view, 80, 24)
	tuitest.CheckOnlySGR(t, view)
	golden.RequireEqual(t, []byte(ansi.Strip(view)))
}

func TestGoldenHistory(t *testing.T) {
	hs := newHarness(t, 80, 24, true)
	var items []api.GenerationJob
	for i := range 12 {
		age := time.Duration(i+1) * 47 * time.Minute
		switch i % 3 {
		case 0:
			items = append(items, completed(fmt.Sprintf("h%d", i), api.ProviderOpenAI, api.GenImage, age, fmt.Sprintf("study number %d of a lighthouse", i), fmt.Sprintf("p%d", i)))
		case 1:
			items = append(items, failed(fmt.Sprintf("h%d", i), api.ProviderRunware, api.GenVideo, age, "a cat surfing", "Runware: upstream timeout after 30s", 1))
		default:
			items = append(items, completed(fmt.Sprintf("h%d", i), api.ProviderElevenLabs, api.GenMusic, age, "lofi beats for a rainy afternoon", fmt.Sprintf("p%d", i)))
		}
	}
	hs.gen.pages[""] = &api.Page[api.GenerationJob]{Items: items, NextCursor: "c2", HasMore: true}
	hs.keys("h", "j")
	view := hs.m.View()
	tuitest.CheckFrame(t, view, 80, 24)
	golden.RequireEqual(t, []byte(ansi.Strip(view)))
}

// TestEveryFrameFits walks every screen at widths and heights where
// truncation meets its limits.
func TestEveryFrameFits(t *testing.T) {
	for _, w := range []int{20, 37, 63, 80, 103, 159, 200} {
		for _, h := range []int{6, 11, 24} {
			hs := stageHarness(t, "failed-retries-left", w, h)
			hs.svc.list = []api.ConnectedService{service(api.ProviderOpenAI, "sk-p…Wxyz", true)}
			for _, k := range []string{"j", "j", "s", "h", "esc", "n"} {
				hs.keys(k)
				tuitest.CheckFrame(t, hs.m.View(), w, h)
			}
		}
	}
}

// TestTheSelectionIsMarkedInTheGutterOnly moves the cursor on every
// screen of the pane (live jobs, services, history): only the gutter mark
// moves and nothing paints a background, so a move costs a few cells over
// SSH instead of two whole blocks.
func TestTheSelectionIsMarkedInTheGutterOnly(t *testing.T) {
	hs := stageHarness(t, api.JobGenerating, 80, 24)
	hs.svc.list = []api.ConnectedService{
		service(api.ProviderOpenAI, "sk-p…Wxyz", true), service(api.ProviderRunware, "rw-…1234", false),
	}
	hs.svc.tests[api.ProviderOpenAI] = &api.ServiceTest{Success: true, Message: "API key is valid"}
	hs.gen.setHistory(
		failed("h1", api.ProviderRunware, api.GenVideo, time.Hour, "x", "Runware: upstream timeout", 1),
		failed("h2", api.ProviderOpenAI, api.GenImage, 2*time.Hour, "y", "quota", 0),
	)
	for _, screen := range [][]string{nil, {"s"}, {"h"}} {
		hs.keys(screen...)
		before := hs.m.View()
		hs.keys("j")
		tuitest.SelectionMovedInGutterOnly(t, before, hs.m.View())
		hs.keys("k")
		if screen != nil {
			hs.keys("esc")
		}
	}
}
