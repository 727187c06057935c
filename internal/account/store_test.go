package account

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"imagine/api"
)

const testURL = "http://127.0.0.1:8787"

func creds(profile, id, secret string) Credentials {
	return Credentials{Profile: profile, ClientID: id, Secret: api.Secret(secret), BaseURL: testURL, Handle: "h_" + id}
}

// TestPrecedence: the environment wins over the keyring, which wins over
// the file, in every combination of the three.
func TestPrecedence(t *testing.T) {
	for mask := range 8 {
		hasEnv, hasKeyring, hasFile := mask&1 != 0, mask&2 != 0, mask&4 != 0
		t.Run(fmt.Sprintf("env=%v,keyring=%v,file=%v", hasEnv, hasKeyring, hasFile), func(t *testing.T) {
			dir := t.TempDir()
			kr := newFakeKeyring()
			e := env{}
			if hasEnv {
				e[EnvClientID], e[EnvClientSecret] = "cli_env", "ENV-SECRET"
			}
			if hasKeyring || hasFile {
				p := fileProfile{ClientID: "cli_a", BaseURL: testURL, Keyring: hasKeyring}
				if hasFile {
					p.ClientSecret = "FILE-SECRET"
				}
				if hasKeyring {
					kr.m[Service+"/"+keyringUser("cli_a", testURL)] = "KEYRING-SECRET"
				}
				if err := writeFile(filepath.Join(dir, FileName), fileData{Profiles: map[string]fileProfile{"default": p}}); err != nil {
					t.Fatal(err)
				}
			}
			st := New(Options{Dir: dir, Getenv: e.get, Keyring: kr})
			c, src, err := st.Load(DefaultProfile)
			var want string
			var wantKind Kind
			switch {
			case hasEnv:
				want, wantKind = "ENV-SECRET", FromEnv
			case hasKeyring:
				want, wantKind = "KEYRING-SECRET", FromKeyring
			case hasFile:
				want, wantKind = "FILE-SECRET", FromFile
			}
			if want == "" {
				if !errors.Is(err, ErrNoCredentials) {
					t.Fatalf("err = %v, want ErrNoCredentials", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if c.Secret.Reveal() != want || src.Kind != wantKind {
				t.Fatalf("got %s from %v, want %s from %v", c.Secret.Reveal(), src.Kind, want, wantKind)
			}
		})
	}
}

// TestAProfileFlagOutranksTheEnvironment: --profile names a stored
// profile, which is used even when the environment holds credentials;
// without the flag the environment's come first.
func TestAProfileFlagOutranksTheEnvironment(t *testing.T) {
	dir := t.TempDir()
	p := fileProfile{ClientID: "cli_work", BaseURL: testURL, ClientSecret: "WORK-SECRET"}
	if err := writeFile(filepath.Join(dir, FileName), fileData{Profiles: map[string]fileProfile{"work": p}}); err != nil {
		t.Fatal(err)
	}
	e := env{EnvClientID: "cli_env", EnvClientSecret: "ENV-SECRET"}
	st := New(Options{Dir: dir, Getenv: e.get})
	c, src, err := st.LoadFlagged("work")
	if err != nil || c.ClientID != "cli_work" || src.Kind != FromFile {
		t.Errorf("--profile work with the environment set: %v %s from %v, want the stored profile", err, c.ClientID, src.Kind)
	}
	c, src, err = st.LoadFlagged("")
	if err != nil || c.ClientID != "cli_env" || src.Kind != FromEnv {
		t.Errorf("no flag: %v %s from %v, want the environment's", err, c.ClientID, src.Kind)
	}
	if _, _, err := st.LoadFlagged("missing"); !errors.Is(err, ErrNoCredentials) {
		t.Errorf("--profile missing: %v, want ErrNoCredentials (never the environment's instead)", err)
	}
}

func TestSecretFileFromTheEnvironment(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "secret")
	if err := os.WriteFile(path, []byte("FROM-FILE\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	e := env{EnvClientID: "cli_x", EnvClientSecretFile: path}
	c, src, err := New(Options{Dir: dir, Getenv: e.get}).Load(DefaultProfile)
	if err != nil || c.Secret.Reveal() != "FROM-FILE" || src.Kind != FromEnvFile {
		t.Fatalf("%v %v %v", c.Secret.Reveal(), src, err)
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, err = New(Options{Dir: dir, Getenv: e.get}).Load(DefaultProfile)
	if !errors.Is(err, ErrInsecureFile) || !strings.Contains(err.Error(), "chmod 600") {
		t.Fatalf("a 0644 secret file must be refused with the chmod hint, got %v", err)
	}
	_, _, err = New(Options{Dir: dir, Getenv: env{EnvClientSecret: "x"}.get}).Load(DefaultProfile)
	if err == nil || !strings.Contains(err.Error(), EnvClientID) {
		t.Fatalf("a secret without an ID must be an error naming %s, got %v", EnvClientID, err)
	}
}

// TestFileIsPrivateEvenWithUmaskZero: the file is 0600 whatever the umask,
// a pre-existing 0644 file is replaced by a 0600 one on save, and no
// temporary file is left behind.
func TestFileIsPrivateEvenWithUmaskZero(t *testing.T) {
	old := syscall.Umask(0)
	defer syscall.Umask(old)
	dir := filepath.Join(t.TempDir(), "imagine")
	st := New(Options{Dir: dir, Getenv: env{}.get})
	if _, err := st.Save(creds("default", "cli_a", "S1"), true); err != nil {
		t.Fatal(err)
	}
	mode := func(p string) os.FileMode {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		return fi.Mode().Perm()
	}
	if m := mode(st.File()); m != 0o600 {
		t.Fatalf("new file mode %04o, want 0600", m)
	}
	if m := mode(dir); m != 0o700 {
		t.Fatalf("directory mode %04o, want 0700", m)
	}
	if err := os.Chmod(st.File(), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Save(creds("other", "cli_b", "S2"), true); err != nil {
		t.Fatal(err)
	}
	if m := mode(st.File()); m != 0o600 {
		t.Fatalf("file mode after saving over a 0644 file: %04o, want 0600", m)
	}
	left, _ := filepath.Glob(filepath.Join(dir, ".*tmp"))
	if len(left) != 0 {
		t.Fatalf("temporary files left: %v", left)
	}
	c, _, err := st.Load("default")
	if err != nil || c.Secret.Reveal() != "S1" {
		t.Fatalf("the first profile survived the second save? %v %v", c, err)
	}
}

// TestLoadRefusesAFileOthersCanRead: a 0644 credentials file is refused
// with the chmod hint, and nothing of it is used.
func TestLoadRefusesAFileOthersCanRead(t *testing.T) {
	dir := t.TempDir()
	st := New(Options{Dir: dir, Getenv: env{}.get})
	if _, err := st.Save(creds("default", "cli_a", "S1"), true); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(st.File(), 0o644); err != nil {
		t.Fatal(err)
	}
	c, _, err := st.Load("default")
	if !errors.Is(err, ErrInsecureFile) || !strings.Contains(err.Error(), "chmod 600 "+st.File()) {
		t.Fatalf("err = %v, want ErrInsecureFile with the chmod hint", err)
	}
	if c.Secret != "" {
		t.Fatal("a refused file must not yield a secret")
	}
	if _, err := st.Profiles(); !errors.Is(err, ErrInsecureFile) {
		t.Fatalf("Profiles must refuse it too, got %v", err)
	}
}

// TestAtomicWriteUnderConcurrency: saves from many goroutines, each with
// its own lock file handle (as separate processes would have), all land,
// and every read in between sees a whole file.
func TestAtomicWriteUnderConcurrency(t *testing.T) {
	dir := t.TempDir()
	st := New(Options{Dir: dir, Getenv: env{}.get})
	const n = 12
	var wg sync.WaitGroup
	stop := make(chan struct{})
	readErr := make(chan error, 1)
	go func() {
		for {
			select {
			case <-stop:
				readErr <- nil
				return
			default:
			}
			if _, err := readFile(st.File(), true); err != nil {
				readErr <- err
				return
			}
		}
	}()
	for i := range n {
		wg.Go(func() {
			if _, err := st.Save(creds(fmt.Sprintf("p%d", i), fmt.Sprintf("cli_%d", i), "S"), true); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	close(stop)
	if err := <-readErr; err != nil {
		t.Fatalf("a reader saw a partial file: %v", err)
	}
	ps, err := st.Profiles()
	if err != nil || len(ps) != n {
		t.Fatalf("%d profiles (%v), want %d: a save lost another's update", len(ps), err, n)
	}
}

func TestSaveToKeyringKeepsTheSecretOutOfTheFile(t *testing.T) {
	dir := t.TempDir()
	kr := newFakeKeyring()
	st := New(Options{Dir: dir, Getenv: env{}.get, Keyring: kr})
	src, err := st.Save(creds("default", "cli_a", "TOP-SECRET"), false)
	if err != nil || src.Kind != FromKeyring || src.Warning != "" {
		t.Fatalf("%v %v", src, err)
	}
	b, _ := os.ReadFile(st.File())
	if strings.Contains(string(b), "TOP-SECRET") {
		t.Fatalf("the file holds the secret although the keyring took it:\n%s", b)
	}
	c, src, err := st.Load("default")
	if err != nil || c.Secret.Reveal() != "TOP-SECRET" || src.Kind != FromKeyring {
		t.Fatalf("%v %v %v", c, src, err)
	}
	removed, warn, err := st.Delete("default")
	if err != nil || warn != "" || len(removed) != 2 {
		t.Fatalf("%v %q %v", removed, warn, err)
	}
	if kr.has(keyringUser("cli_a", testURL)) {
		t.Fatal("logout left the keyring entry")
	}
	if _, _, err := st.Load("default"); !errors.Is(err, ErrNoCredentials) {
		t.Fatalf("after Delete: %v, want ErrNoCredentials", err)
	}
}

// TestHungKeyringFallsBackToTheFile: a keyring that never answers costs
// one timeout, after which the secret goes to the file with the warning,
// and the keyring is not asked again in this process.
func TestHungKeyringFallsBackToTheFile(t *testing.T) {
	dir := t.TempDir()
	kr := newFakeKeyring()
	kr.hang = make(chan struct{})
	defer close(kr.hang)
	st := New(Options{Dir: dir, Getenv: env{}.get, Keyring: kr, KeyringTimeout: 20 * time.Millisecond})
	src, err := st.Save(creds("default", "cli_a", "S1"), false)
	if err != nil {
		t.Fatal(err)
	}
	if src.Kind != FromFile || !strings.Contains(src.Warning, "keyring unavailable") || !strings.Contains(src.Warning, st.File()) {
		t.Fatalf("source %+v, want the file with the plaintext warning", src)
	}
	c, src, err := st.Load("default")
	if err != nil || c.Secret.Reveal() != "S1" || src.Kind != FromFile {
		t.Fatalf("%v %+v %v", c, src, err)
	}
	kr.mu.Lock()
	calls := kr.calls
	kr.mu.Unlock()
	if calls != 1 {
		t.Fatalf("the keyring was asked %d times; after one timeout it must not be asked again", calls)
	}
}

// TestKeyringProfileWithTheKeyringGone: a profile whose secret is in a
// keyring that now fails says so and points at imagine login.
func TestKeyringProfileWithTheKeyringGone(t *testing.T) {
	dir := t.TempDir()
	kr := newFakeKeyring()
	if _, err := New(Options{Dir: dir, Getenv: env{}.get, Keyring: kr}).Save(creds("default", "cli_a", "S1"), false); err != nil {
		t.Fatal(err)
	}
	kr.failErr = errors.New("dbus: connection refused")
	_, _, err := New(Options{Dir: dir, Getenv: env{}.get, Keyring: kr}).Load("default")
	if err == nil || !errors.Is(err, ErrKeyringUnavailable) || !strings.Contains(err.Error(), "imagine login") {
		t.Fatalf("err = %v", err)
	}
}

// TestSystemKeyringWithoutADaemon runs the real OS keyring code on a
// machine with no Secret Service (a bus address that goes nowhere): Save
// falls back to the 0600 file with the warning, and Load reads it back.
func TestSystemKeyringWithoutADaemon(t *testing.T) {
	if _, err := os.Stat("/proc/self"); err != nil {
		t.Skip("needs Linux: elsewhere the system keyring is the login keychain, which a test must not write")
	}
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path="+filepath.Join(t.TempDir(), "no-bus"))
	dir := t.TempDir()
	st := New(Options{Dir: dir, Getenv: env{}.get, Keyring: SystemKeyring()})
	src, err := st.Save(creds("default", "cli_a", "S1"), false)
	if err != nil {
		t.Fatal(err)
	}
	if src.Kind != FromFile || src.Warning == "" {
		t.Fatalf("source %+v, want the file with a warning", src)
	}
	c, _, err := st.Load("default")
	if err != nil || c.Secret.Reveal() != "S1" {
		t.Fatalf("%v %v", c, err)
	}
}

func TestProfileNames(t *testing.T) {
	if ProfileFrom("", env{EnvProfile: "work"}.get) != "work" || ProfileFrom("x", env{EnvProfile: "work"}.get) != "x" ||
		ProfileFrom("", env{}.get) != DefaultProfile {
		t.Fatal("precedence of --profile, IMAGINEANYTHING_PROFILE and the default")
	}
	for _, bad := range []string{"", "../x", "a/b", ".hidden", strings.Repeat("a", 65)} {
		if CheckProfile(bad) == nil {
			t.Errorf("profile %q accepted", bad)
		}
	}
}

func TestKeyringTimeoutDefaultsToThreeSeconds(t *testing.T) {
	if st := New(Options{Keyring: newFakeKeyring()}); st.kr.timeout != 3*time.Second {
		t.Fatalf("timeout %v, want 3s (security.md §6)", st.kr.timeout)
	}
}
