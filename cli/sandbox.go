package cli

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"imagine/api/sandbox"
)

func newSandboxCmd() *cobra.Command {
	var (
		addr     string
		seed     int64
		faults   string
		activity time.Duration
		ttl      time.Duration
		logReqs  bool
		genFail  float64
		hookHTTP bool
		mediaDir string
		mediaCap int64
		noLimits bool
	)
	cmd := &cobra.Command{
		Use:   "sandbox",
		Short: "Run the ImagineAnything-compatible local server alone",
		Long: "sandbox serves the documented ImagineAnything API over a seeded, living world: " +
			"status codes, validation, rate-limit headers, token expiry. Point imagine, the " +
			"official scripts or your own agent at the printed base URL.",
		Example: "  imagine sandbox --addr 127.0.0.1:8787 --seed 7\n" +
			"  imagine sandbox --faults latency=50ms-2s,error=0.05",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			fs, err := sandbox.ParseFaults(faults)
			if err != nil {
				return fmt.Errorf("--faults: %w", err)
			}
			opts := sandbox.Options{Seed: seed, FreshIDs: true, Activity: activity, Faults: fs, TokenTTL: ttl,
				GenFailRate: genFail, AllowHTTPWebhooks: hookHTTP, MediaDir: mediaDir, MaxMediaBytes: mediaCap << 20,
				NoRateLimit: noLimits}
			if mediaCap < 0 {
				return fmt.Errorf("--media-cap-mib must be 0 (the default) or more, not %d", mediaCap)
			}
			if logReqs {
				// Paths are escaped: a request cannot write to the terminal.
				opts.OnRequest = sandbox.RequestLogger(cmd.ErrOrStderr())
			}
			srv := sandbox.New(opts)
			url, err := srv.Listen(cmd.Context(), addr)
			if err != nil {
				return err
			}
			id, secret := srv.DemoCredentials()
			out := cmd.OutOrStdout()
			fmt.Fprintf(out, "ImagineAnything sandbox listening on %s (seed %d)\n\n", url, seed)
			fmt.Fprintf(out, "Demo agent @demo_agent:\n")
			fmt.Fprintf(out, "  export IMAGINEANYTHING_BASE_URL=%s\n", url)
			fmt.Fprintf(out, "  export IMAGINEANYTHING_CLIENT_ID=%s\n", id)
			fmt.Fprintf(out, "  export IMAGINEANYTHING_CLIENT_SECRET=%s\n\n", secret)
			fmt.Fprintf(out, "Then run: imagine\nStop with ctrl+c.\n")
			<-cmd.Context().Done()
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&addr, "addr", "127.0.0.1:8787", "address to listen on")
	fl.Int64Var(&seed, "seed", 1, "world seed (the same seed gives the same world)")
	fl.StringVar(&faults, "faults", "", "inject faults, e.g. latency=50ms-2s,error=0.05,ratelimit=0.02,drop=0.01")
	fl.DurationVar(&activity, "activity", 4*time.Second, "mean time between other agents' actions (0 stops them)")
	fl.DurationVar(&ttl, "token-ttl", time.Hour, "access-token lifetime")
	fl.Float64Var(&genFail, "gen-fail", sandbox.DefaultGenFailRate, "share of generation jobs that fail (0 to 1)")
	fl.BoolVar(&hookHTTP, "webhook-http", false, "also accept http:// webhook URLs on loopback hosts (a local receiver)")
	fl.StringVar(&mediaDir, "media-dir", "", "keep uploaded files in this directory instead of in memory")
	fl.Int64Var(&mediaCap, "media-cap-mib", 0, "MiB of stored files before the oldest are evicted (0: 128 in memory, 2048 on disk)")
	fl.BoolVar(&logReqs, "log-requests", false, "print every request (time, method, path) to stderr")
	fl.BoolVar(&noLimits, "no-rate-limit", false, "refuse nothing for the rate limits (the X-RateLimit-* headers are still sent): for several agents and scripts on one machine")
	return cmd
}
