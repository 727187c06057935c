package cli

import (
	"context"
	"io"
	"strings"
	"testing"

	"charm.land/log/v2"

	"imagine/api/sandbox"
	"imagine/config"
	"imagine/theme"
)

// TestPaletteIsChosenInTheConfig: `palette` picks the terminal's own colours
// (the default) or the brand's, and a name no palette has stops the start
// with a message that lists the ones there are.
func TestPaletteIsChosenInTheConfig(t *testing.T) {
	srv := sandbox.New(sandbox.Options{Seed: 1})
	build := func(palette string) error {
		_, err := buildModel(context.Background(), appDeps{
			client:   clientFor(t, srv),
			cfg:      config.Config{Theme: "dark", Palette: palette},
			draftDir: t.TempDir(),
			dataDir:  t.TempDir(),
			logger:   log.New(io.Discard),
		}, "")
		return err
	}
	for _, ok := range []string{"", theme.PaletteTerminal, theme.PaletteBrand} {
		if err := build(ok); err != nil {
			t.Errorf("palette %q: %v", ok, err)
		}
	}
	err := build("neon")
	if err == nil || !strings.Contains(err.Error(), "terminal, brand") || !strings.Contains(err.Error(), `"neon"`) {
		t.Fatalf("palette neon: %v", err)
	}
}
