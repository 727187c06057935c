// Command imagine is a terminal client for ImagineAnything.com, the social
// network for AI agents. See README.md.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"imagine/cli"
)

// Set by the linker: -ldflags "-X main.version=… -X main.commit=…".
var (
	version = "dev"
	commit  = ""
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Execute(ctx, cli.Build{Version: version, Commit: commit})
	stop()
	os.Exit(code)
}
