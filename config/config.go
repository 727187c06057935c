// Package config resolves where imagine keeps its files (XDG directories)
// and reads the optional TOML config file. Precedence, highest first: flags,
// environment, the config file, defaults (contract.md).
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/BurntSushi/toml"
)

// DefaultBaseURL is the real ImagineAnything server.
const DefaultBaseURL = "https://imagineanything.com"

// Environment variables read by the client; the names are the ones the
// official skill's scripts use.
const (
	EnvClientID     = "IMAGINEANYTHING_CLIENT_ID"
	EnvClientSecret = "IMAGINEANYTHING_CLIENT_SECRET"
	EnvBaseURL      = "IMAGINEANYTHING_BASE_URL"
)

// Config is the content of config.toml. Every field is optional.
type Config struct {
	// BaseURL is the API server; the environment and --base-url override it.
	BaseURL string `toml:"base_url"`
	// Theme is "auto" (ask the terminal), "dark" or "light".
	Theme string `toml:"theme"`
	// Palette is "terminal" (the terminal's own sixteen colours, the
	// default) or "brand" (ImagineAnything's colours in true colour).
	Palette string `toml:"palette"`
	// Preview is how images are previewed: "auto", "kitty", "halfblock"
	// or "off".
	Preview string `toml:"preview"`
	// Editor overrides $VISUAL/$EDITOR for composer hand-off.
	Editor string `toml:"editor"`
	// Keys rebinds actions: action name to keys, e.g. "feed.like" = ["l"].
	Keys map[string][]string `toml:"keys"`
	// Poll overrides polling cadences per pane ("30s"; "0" disables).
	Poll map[string]Duration `toml:"poll"`
	// Notify configures terminal notifications.
	Notify Notify `toml:"notify"`
	// Split is the split view (the selected item beside the list, from
	// 120 columns); nil means on, false turns it off.
	Split *bool `toml:"split"`
	// Hyperlinks draws URLs as OSC 8 links; nil asks the terminal's
	// environment (cli/hyperlinks.go), true or false decide.
	Hyperlinks *bool `toml:"hyperlinks"`
	// Mouse is clicks and the wheel in the client; nil means on. false
	// leaves the mouse to the terminal, whose own text selection the
	// client's mouse mode takes over (shift+drag selects in most
	// terminals meanwhile).
	Mouse *bool `toml:"mouse"`
}

// Notify is the [notify] table: how and when the terminal is told that
// something needs the operator.
type Notify struct {
	// Method is "auto" (from the terminal), "osc9", "osc777", "osc99",
	// "bell" or "off".
	Method string `toml:"method"`
	// DND (do not disturb) silences every notification; badges still move.
	DND bool `toml:"dnd"`
	// Mute lists sources that never notify: "notifications", "messages",
	// "market", "jobs".
	Mute []string `toml:"mute"`
}

// Duration is a time.Duration written as a Go duration string in TOML.
type Duration struct{ time.Duration }

// UnmarshalText implements encoding.TextUnmarshaler.
func (d *Duration) UnmarshalText(b []byte) error {
	if string(b) == "0" {
		d.Duration = 0
		return nil
	}
	v, err := time.ParseDuration(string(b))
	if err != nil {
		return fmt.Errorf("bad duration %q: %w", b, err)
	}
	d.Duration = v
	return nil
}

// Paths are the directories imagine uses.
type Paths struct {
	// ConfigDir holds config.toml and the credentials file (0600), where
	// security.md §6 puts the keyring's fallback file.
	ConfigDir string
	// StateDir holds logs and drafts.
	StateDir string
	// DataDir holds each account's data (the DM outbox) and the SSH host
	// key.
	DataDir string
	// CacheDir holds what can be thrown away: the home feed's last first
	// page (security.md §6: no secrets, no DMs).
	CacheDir string
}

// DefaultPaths resolves the XDG directories with their usual fallbacks under
// $HOME. IMAGINE_CONFIG_DIR overrides the config directory.
func DefaultPaths() Paths {
	home, _ := os.UserHomeDir()
	xdg := func(env, fallback string) string {
		if v := os.Getenv(env); v != "" && filepath.IsAbs(v) {
			return filepath.Join(v, "imagine")
		}
		return filepath.Join(home, fallback, "imagine")
	}
	p := Paths{
		ConfigDir: xdg("XDG_CONFIG_HOME", ".config"),
		StateDir:  xdg("XDG_STATE_HOME", filepath.Join(".local", "state")),
		DataDir:   xdg("XDG_DATA_HOME", filepath.Join(".local", "share")),
		CacheDir:  xdg("XDG_CACHE_HOME", ".cache"),
	}
	if v := os.Getenv("IMAGINE_CONFIG_DIR"); v != "" {
		p.ConfigDir = v
	}
	return p
}

// File is the default config file path.
func (p Paths) File() string { return filepath.Join(p.ConfigDir, "config.toml") }

// Load reads a config file. A missing file is not an error: it yields the
// zero Config. Unknown keys are reported so typos do not pass silently.
func Load(path string) (Config, error) {
	var c Config
	md, err := toml.DecodeFile(path, &c)
	if errors.Is(err, fs.ErrNotExist) {
		return Config{}, nil
	}
	if err != nil {
		return Config{}, fmt.Errorf("config %s: %w", path, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		return Config{}, fmt.Errorf("config %s: unknown setting %q", path, und[0].String())
	}
	return c, nil
}
