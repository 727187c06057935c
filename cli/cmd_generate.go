package cli

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"imagine/api"
	"imagine/api/sanitize"
	"imagine/internal/printer"
)

// jobPoll is how often generate --wait reads the job (one GET each).
const jobPoll = 3 * time.Second

func newGenerateCmd(b Build) *cobra.Command {
	var provider, typ, content, model string
	var wait bool
	cmd := &cobra.Command{
		Use:   "generate --provider P --type T PROMPT",
		Short: "Start an AI generation job (--wait follows it to the end)",
		Long: "generate starts a generation with one of your connected providers (OPENAI, RUNWARE, " +
			"GOOGLE_GEMINI, ELEVENLABS) and type (image, video, voice, sound_effect, music). A " +
			"completed job posts its result. --wait follows the job, prints each stage on standard " +
			"error, and exits 0 when it completes or 1 when it fails.",
		Example: "  imagine generate --provider OPENAI --type image \"a lighthouse at dawn\" --wait\n" +
			"  imagine generate --provider ELEVENLABS --type music \"lo-fi loop\" --json",
		Args: args(cobra.MinimumNArgs(1)),
	}
	fl := cmd.Flags()
	fl.StringVar(&provider, "provider", "", "the provider (required)")
	fl.StringVar(&typ, "type", "image", "the generation type")
	fl.StringVar(&content, "content", "", "text of the post made with the result")
	fl.StringVar(&model, "model", "", "a model of the provider (default: the provider's)")
	fl.BoolVar(&wait, "wait", false, "follow the job until it completes or fails")
	return headless(cmd, b, false, func(ctx context.Context, x *hx, a []string) error {
		if provider == "" {
			return usagef("--provider is required")
		}
		prompt := joinArgs(a)
		req := &api.GenerateRequest{Provider: strings.ToUpper(provider), GenerationType: strings.ToLower(typ),
			Prompt: prompt, Content: content, Model: model}
		var jobID string
		started := time.Now()
		err := exactlyOnce(ctx, "the generation job", "imagine jobs", func() error {
			js, err := x.s.client.Generate.Start(ctx, req)
			if err == nil {
				jobID = js.JobID
			}
			return err
		}, func() (bool, error) {
			j, err := findJob(ctx, x, "", prompt, started)
			if j != nil {
				jobID = j.ID
			}
			return j != nil, err
		}, false)
		if err != nil {
			return err
		}
		if !wait {
			j, err := findJob(ctx, x, jobID, "", time.Time{})
			if err != nil || j == nil {
				return x.p.Object(api.JobStart{JobID: jobID, Status: "pending"}, "started job "+jobID)
			}
			return x.p.Object(j, "started job "+j.ID+" ("+j.Status+")")
		}
		return followJob(ctx, x, jobID)
	})
}

// followJob polls a job until it completes or fails, printing each stage
// on standard error, then prints the job.
func followJob(ctx context.Context, x *hx, id string) error {
	last := ""
	for {
		j, err := findJob(ctx, x, id, "", time.Time{})
		if err != nil {
			return err
		}
		if j != nil && j.Status != last {
			last = j.Status
			fmt.Fprintf(x.errw, "%s job %s: %s\n", time.Now().Format(time.TimeOnly), sanitize.Line(id), sanitize.Line(j.Status))
			switch j.Status {
			case "completed":
				return x.p.Object(j, jobText(j))
			case "failed":
				_ = x.p.Object(j, jobText(j))
				return fmt.Errorf("job %s failed: %s", j.ID, j.ErrorMessage)
			}
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(jobPoll):
		}
	}
}

// findJob finds a job by ID, or (id "") the newest with this prompt made
// since the write began, among the pending jobs and then the history.
func findJob(ctx context.Context, x *hx, id, prompt string, since time.Time) (*api.GenerationJob, error) {
	match := func(j *api.GenerationJob) bool {
		if id != "" {
			return j.ID == id
		}
		return j.Prompt == sanitize.Block(prompt) && j.CreatedAt.After(since.Add(-reconcileWindow))
	}
	pending, err := x.s.client.Generate.Pending(ctx)
	if err != nil {
		return nil, err
	}
	for i := range pending {
		if match(&pending[i]) {
			return &pending[i], nil
		}
	}
	hist, err := x.s.client.Generate.History(ctx, &api.ListOptions{Limit: 50})
	if err != nil {
		return nil, err
	}
	for i := range hist.Items {
		if match(&hist.Items[i]) {
			return &hist.Items[i], nil
		}
	}
	return nil, nil
}

// jobText is the text form of one job.
func jobText(j *api.GenerationJob) string {
	s := fmt.Sprintf("job %s  %s %s  %s", j.ID, j.Provider, j.Type, j.Status)
	if j.PostID != "" {
		s += "  post " + j.PostID
	}
	if j.ErrorMessage != "" {
		s += "  (" + printer.Cell(j.ErrorMessage, 120) + ")"
	}
	return s
}

func newJobsCmd(b Build) *cobra.Command {
	var pending bool
	cmd := &cobra.Command{
		Use:     "jobs",
		Short:   "Your generation jobs, newest first",
		Example: "  imagine jobs\n  imagine jobs --pending --jsonl",
		Args:    args(cobra.NoArgs),
	}
	cmd.Flags().BoolVar(&pending, "pending", false, "only unfinished jobs (and recent failures)")
	return headless(cmd, b, true, func(ctx context.Context, x *hx, _ []string) error {
		now := time.Now()
		l := x.p.List("ID", "PROVIDER", "TYPE", "STATUS", "AGE", "POST", "PROMPT")
		emit := func(j api.GenerationJob) error {
			return l.Item(j, j.ID, j.Provider, j.Type, j.Status, ago(j.CreatedAt, now), j.PostID, printer.Cell(j.Prompt, 50))
		}
		if pending {
			js, err := x.s.client.Generate.Pending(ctx)
			if err != nil {
				return err
			}
			for _, j := range js {
				if err := emit(j); err != nil {
					return err
				}
			}
		} else if err := pages(ctx, x, func(ctx context.Context, o api.ListOptions) (*api.Page[api.GenerationJob], error) {
			return x.s.client.Generate.History(ctx, &o)
		}, emit); err != nil {
			return err
		}
		return l.End("No generation jobs.")
	})
}
