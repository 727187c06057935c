package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func write(t *testing.T, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoad(t *testing.T) {
	c, err := Load(write(t, `
base_url = "http://127.0.0.1:8787"
theme = "light"
[keys]
"feed.like" = ["L"]
[poll]
feed = "45s"
[notify]
method = "bell"
dnd = true
mute = ["jobs"]
`))
	if err != nil {
		t.Fatal(err)
	}
	if c.BaseURL != "http://127.0.0.1:8787" || c.Theme != "light" || c.Keys["feed.like"][0] != "L" ||
		c.Poll["feed"].Duration != 45*time.Second || c.Notify.Method != "bell" || !c.Notify.DND || c.Notify.Mute[0] != "jobs" {
		t.Fatalf("%+v", c)
	}
}

func TestMissingFileIsEmptyConfig(t *testing.T) {
	c, err := Load(filepath.Join(t.TempDir(), "nope.toml"))
	if err != nil || c.BaseURL != "" {
		t.Fatalf("%+v %v", c, err)
	}
}

func TestTyposAreReported(t *testing.T) {
	_, err := Load(write(t, "them = \"dark\"\n"))
	if err == nil || !strings.Contains(err.Error(), "them") {
		t.Fatalf("err = %v, want it to name the unknown setting", err)
	}
}

func TestXDGPaths(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", "/x/config")
	t.Setenv("XDG_STATE_HOME", "/x/state")
	t.Setenv("XDG_DATA_HOME", "relative/is/ignored")
	t.Setenv("XDG_CACHE_HOME", "/x/cache")
	t.Setenv("IMAGINE_CONFIG_DIR", "")
	p := DefaultPaths()
	if p.ConfigDir != "/x/config/imagine" || p.StateDir != "/x/state/imagine" || strings.HasPrefix(p.DataDir, "relative") ||
		p.CacheDir != "/x/cache/imagine" {
		t.Fatalf("%+v", p)
	}
}
