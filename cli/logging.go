package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"

	"charm.land/log/v2"

	"imagine/config"
)

// tokenPattern matches access and refresh tokens (security.md §6): they are
// scrubbed from every log line even if some code path let one through.
var tokenPattern = regexp.MustCompile(`\bia[tr]_[A-Za-z0-9_\-]{6,}`)

// redactingWriter scrubs tokens and the configured client secret from each
// write before it reaches the log file.
type redactingWriter struct {
	mu      sync.Mutex
	w       io.Writer
	secrets []string
}

// Write implements io.Writer.
func (r *redactingWriter) Write(p []byte) (int, error) {
	s := tokenPattern.ReplaceAllString(string(p), "[REDACTED]")
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, sec := range r.secrets {
		if sec != "" {
			s = strings.ReplaceAll(s, sec, "[REDACTED]")
		}
	}
	if _, err := io.WriteString(r.w, s); err != nil {
		return 0, err
	}
	return len(p), nil
}

// addSecret makes the writer scrub one more value.
func (r *redactingWriter) addSecret(s string) {
	r.mu.Lock()
	r.secrets = append(r.secrets, s)
	r.mu.Unlock()
}

// openLog opens the log file (made 0600, its directory 0700; see
// openLogFile) and returns a
// logger writing to it through the redactor. The TUI owns the screen, so
// logs never go to stdout or stderr.
func openLog(path, level string) (*log.Logger, *redactingWriter, io.Closer, error) {
	lv, err := log.ParseLevel(level)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("--log-level: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, nil, nil, fmt.Errorf("log directory: %w", err)
	}
	f, err := openLogFile(path)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("log file: %w", err)
	}
	rw := &redactingWriter{w: f}
	lg := log.NewWithOptions(rw, log.Options{
		Level:           lv,
		ReportTimestamp: true,
		TimeFormat:      "2006-01-02T15:04:05.000Z07:00",
		Formatter:       log.LogfmtFormatter,
	})
	return lg, rw, f, nil
}

// startup is what the TUI and serve open first: the default paths, the
// configuration and the log.
type startup struct {
	paths  config.Paths
	cfg    config.Config
	logger *log.Logger
	redact *redactingWriter
	closer io.Closer // the log's, for the caller to close
}

// openStartup loads the configuration (configFile, or the default one) and
// opens the log at logFile, or at name in the state directory when
// logFile is empty, at level.
func openStartup(configFile, logFile, level, name string) (startup, error) {
	st := startup{paths: config.DefaultPaths()}
	cfg, err := loadConfig(st.paths, configFile)
	if err != nil {
		return st, err
	}
	st.cfg = cfg
	if logFile == "" {
		logFile = filepath.Join(st.paths.StateDir, name)
	}
	st.logger, st.redact, st.closer, err = openLog(logFile, level)
	return st, err
}
