package account

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// helperEnv makes the test binary a saving process (TestHelperProcessSaves).
const helperEnv = "IMAGINE_ACCOUNT_TEST_SAVER"

// TestHelperProcessSaves is not a test: run by TestTwoProcessesSaving as a
// separate process, it saves profiles <prefix>0…<prefix>9 into the
// directory named by the environment.
func TestHelperProcessSaves(t *testing.T) {
	spec := os.Getenv(helperEnv)
	if spec == "" {
		t.Skip("helper process for TestTwoProcessesSaving; does nothing on its own")
	}
	dir, prefix, _ := strings.Cut(spec, "|")
	st := New(Options{Dir: dir, Getenv: env{}.get})
	for i := range 10 {
		if _, err := st.Save(creds(fmt.Sprintf("%s%d", prefix, i), fmt.Sprintf("cli_%s%d", prefix, i), "S"), true); err != nil {
			t.Fatal(err)
		}
	}
}

// TestTwoProcessesSaving: two processes saving at once (the flock between
// them) leave a valid file holding every update of both.
func TestTwoProcessesSaving(t *testing.T) {
	dir := t.TempDir()
	var cmds []*exec.Cmd
	for _, prefix := range []string{"a", "b"} {
		c := exec.Command(os.Args[0], "-test.run=^TestHelperProcessSaves$", "-test.count=1")
		c.Env = append(os.Environ(), helperEnv+"="+dir+"|"+prefix)
		if err := c.Start(); err != nil {
			t.Fatal(err)
		}
		cmds = append(cmds, c)
	}
	for _, c := range cmds {
		if err := c.Wait(); err != nil {
			t.Fatalf("saving process: %v", err)
		}
	}
	ps, err := New(Options{Dir: dir, Getenv: env{}.get}).Profiles()
	if err != nil || len(ps) != 20 {
		t.Fatalf("%d profiles (%v), want 20: one process lost the other's updates", len(ps), err)
	}
}

// TestCredentialsNeverPrintTheSecret: however credentials are printed, the
// secret does not show.
func TestCredentialsNeverPrintTheSecret(t *testing.T) {
	c := creds("default", "cli_a", "ics_SENTINEL-SECRET")
	for _, f := range []string{"%v", "%+v", "%#v", "%s", "%q"} {
		if s := fmt.Sprintf(f, c); strings.Contains(s, "SENTINEL") {
			t.Errorf("%s printed the secret: %s", f, s)
		}
	}
}
