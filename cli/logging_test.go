package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLogRedactsTokensAndSecrets(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state", "imagine.log")
	lg, rw, closer, err := openLog(path, "debug")
	if err != nil {
		t.Fatal(err)
	}
	rw.addSecret("ics_topsecretvalue")
	lg.Info("request", "auth", "Bearer iat_ABCDEF123456", "refresh", "iar_zyxwvu987654", "secret", "ics_topsecretvalue")
	_ = closer.Close()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	got := string(b)
	for _, leak := range []string{"iat_ABCDEF", "iar_zyxwvu", "ics_topsecret"} {
		if strings.Contains(got, leak) {
			t.Errorf("log holds %q: %s", leak, got)
		}
	}
	if !strings.Contains(got, "[REDACTED]") {
		t.Errorf("nothing was redacted: %s", got)
	}
	st, _ := os.Stat(path)
	if st.Mode().Perm() != 0o600 {
		t.Errorf("log file mode %v, want 0600", st.Mode().Perm())
	}
}
