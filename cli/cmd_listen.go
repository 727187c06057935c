package cli

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"imagine/api"
	"imagine/config"
	"imagine/internal/listen"
	"imagine/internal/printer"
)

// listenFlags are listen's own flags.
type listenFlags struct {
	filter    []string
	execCmd   string
	statePath string
	gets      int
	duration  time.Duration
}

func newListenCmd(b Build) *cobra.Command {
	var lf listenFlags
	cmd := &cobra.Command{
		Use:   "listen",
		Short: "Print each new event as it happens: notifications, DMs, orders, jobs",
		Long: "listen polls your account within a budget of 20 GET requests a minute and prints each new " +
			"event once, oldest first: notifications, direct messages to you, order status changes and " +
			"order messages, and generation job stages. It remembers what it printed (per account and " +
			"server, under $XDG_STATE_HOME/imagine/listen, mode 0600), so after a restart it neither " +
			"repeats nor skips an event; the first start only records what exists.\n\n" +
			"--exec runs a shell command per event with the event as JSON on its standard input " +
			"(IMAGINE_EVENT_KIND and IMAGINE_EVENT_ID in its environment, its output on standard error), " +
			"one at a time; a failure is reported on standard error and not retried. Events are JSON objects {kind, id, at, data} " +
			"where data is the API's object.",
		Example: "  imagine listen --jsonl\n" +
			"  imagine listen --filter dm,order_message --exec ./reply.sh\n" +
			"  imagine --demo listen",
		Args: args(cobra.NoArgs),
	}
	fl := cmd.Flags()
	fl.StringSliceVar(&lf.filter, "filter", nil, "only these kinds: "+strings.Join(listen.Kinds, ", "))
	fl.StringVar(&lf.execCmd, "exec", "", "run this shell command per event, the event on its standard input")
	fl.StringVar(&lf.statePath, "state", "", "state file (default: per account under $XDG_STATE_HOME/imagine/listen)")
	fl.IntVar(&lf.gets, "gets-per-minute", 20, "GET budget")
	fl.DurationVar(&lf.duration, "for", 0, "stop after this long (default: until interrupted)")
	_ = fl.MarkHidden("gets-per-minute")
	return headless(cmd, b, true, func(ctx context.Context, x *hx, _ []string) error {
		for _, k := range lf.filter {
			if !contains(listen.Kinds, k) {
				return usagef("--filter: unknown kind %q (want %s)", k, strings.Join(listen.Kinds, ", "))
			}
		}
		if lf.gets < 1 || lf.gets > 100 {
			return usagef("--gets-per-minute must be between 1 and 100")
		}
		if lf.duration > 0 {
			var cancel context.CancelFunc
			ctx, cancel = context.WithTimeout(ctx, lf.duration)
			defer cancel()
		}
		path := lf.statePath
		if path == "" && x.s.demo != nil {
			// Each demo is a new world: its state goes with it.
			dir, err := os.MkdirTemp("", "imagine-listen-demo-")
			if err != nil {
				return err
			}
			defer os.RemoveAll(dir)
			path = filepath.Join(dir, "state.json")
		}
		if path == "" {
			path = listen.StatePath(filepath.Join(config.DefaultPaths().StateDir, "listen"), x.s.baseURL, x.s.clientID)
		}
		return listen.Run(ctx, listen.Options{
			Client:        x.s.client,
			StatePath:     path,
			Kinds:         lf.filter,
			GetsPerMinute: lf.gets,
			Emit:          func(e listen.Event) error { return emitEvent(x, lf.execCmd, e) },
			Logf:          func(f string, a ...any) { fmt.Fprintf(x.errw, f+"\n", a...) },
		})
	})
}

// emitEvent prints one event and runs --exec with it.
func emitEvent(x *hx, execCmd string, e listen.Event) error {
	line, err := printer.Encode(e)
	if err != nil {
		return err
	}
	if x.p.Mode == printer.Text {
		_, err = fmt.Fprintln(x.p.Out, eventText(e))
	} else {
		_, err = fmt.Fprintf(x.p.Out, "%s\n", line)
	}
	if err != nil {
		return err
	}
	if execCmd != "" {
		runExec(x.errw, execCmd, e, line)
	}
	return nil
}

// runExec runs the --exec command for one event and waits for it; a
// failure is reported, never retried (the command may have acted).
func runExec(errw io.Writer, command string, e listen.Event, line []byte) {
	c := exec.Command("/bin/sh", "-c", command)
	c.Stdin = bytes.NewReader(append(line, '\n'))
	// The command's output goes to standard error: standard output is the
	// event stream, which a program may be reading.
	c.Stdout = errw
	c.Stderr = errw
	c.Env = append(os.Environ(), "IMAGINE_EVENT_KIND="+e.Kind, "IMAGINE_EVENT_ID="+e.ID)
	if err := c.Run(); err != nil {
		fmt.Fprintf(errw, "listen: --exec failed for %s %s: %v (not retried)\n", e.Kind, e.ID, err)
	}
}

// eventText is one event as a line of text.
func eventText(e listen.Event) string {
	at := e.At.Local().Format(time.TimeOnly)
	switch d := e.Data.(type) {
	case api.Notification:
		if d.Message != "" { // the server's summary names the actor
			return fmt.Sprintf("%s %-13s %s %s", at, e.Kind, d.Type, printer.Cell(d.Message, 100))
		}
		return fmt.Sprintf("%s %-13s %s @%s %s", at, e.Kind, d.Type, d.Actor.Handle, printer.Cell(d.Snippet, 80))
	case api.Message:
		from := d.SenderID
		if d.Sender != nil {
			from = "@" + d.Sender.Handle
		}
		return fmt.Sprintf("%s %-13s %s in %s: %s", at, e.Kind, from, d.ConversationID, printer.Cell(d.Content, 80))
	case api.Order:
		return fmt.Sprintf("%s %-13s %s is %s", at, e.Kind, d.ID, d.Status)
	case api.OrderMessage:
		return fmt.Sprintf("%s %-13s @%s on %s: %s", at, e.Kind, d.Sender.Handle, d.OrderID, printer.Cell(d.Content, 80))
	case api.GenerationJob:
		s := fmt.Sprintf("%s %-13s %s %s %s", at, e.Kind, d.ID, d.Type, d.Status)
		if d.PostID != "" {
			s += " post " + d.PostID
		}
		if d.ErrorMessage != "" {
			s += " (" + printer.Cell(d.ErrorMessage, 80) + ")"
		}
		return s
	}
	return at + " " + e.Kind + " " + e.ID
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
