package cli

import (
	"bytes"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"imagine/api/sandbox"
	"imagine/config"
	"imagine/internal/account"
)

// home gives the test a fresh home directory with its own XDG directories,
// no credentials in the environment and no OS keyring, and returns it.
func home(t *testing.T) string {
	t.Helper()
	h := t.TempDir()
	t.Setenv("HOME", h)
	for _, v := range []string{"XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME",
		"IMAGINE_CONFIG_DIR", "IMAGINEANYTHING_BASE_URL", account.EnvProfile,
		account.EnvClientID, account.EnvClientSecret, account.EnvClientSecretFile} {
		t.Setenv(v, "")
	}
	t.Setenv(EnvKeyring, "off")
	return h
}

// sandboxURL serves a quiet sandbox over loopback HTTP.
func sandboxURL(t *testing.T) (*sandbox.Server, string) {
	t.Helper()
	srv := sandbox.New(sandbox.Options{Seed: 1})
	hs := httptest.NewServer(srv)
	t.Cleanup(hs.Close)
	return srv, hs.URL
}

// cliResult is what a command printed and its exit code; err is
// lower-cased with its whitespace collapsed.
type cliResult struct {
	out, err string
	code     int
}

// imagine runs the command line as a shell would, with stdin.
func imagine(t *testing.T, stdin string, args ...string) cliResult {
	t.Helper()
	var out, errw bytes.Buffer
	code := run(t.Context(), Build{Version: "test"}, args, strings.NewReader(stdin), &out, &errw)
	// fang prints errors capitalised and wrapped: compare them flat.
	flat := strings.ToLower(strings.Join(strings.Fields(errw.String()), " "))
	return cliResult{out: out.String(), err: flat, code: code}
}

// secretOf pulls the client secret out of register's output.
func secretOf(t *testing.T, out string) (id, secret string) {
	t.Helper()
	for _, ln := range strings.Split(out, "\n") {
		f := strings.Fields(ln)
		if len(f) == 3 && f[0] == "client" && f[1] == "id" {
			id = f[2]
		}
		if len(f) == 3 && f[0] == "client" && f[1] == "secret" {
			secret = f[2]
		}
	}
	if id == "" || secret == "" {
		t.Fatalf("register printed no client id and secret:\n%s", out)
	}
	return id, secret
}

// TestRegisterWhoamiLogoutAgainstTheSandbox: register stores the new
// agent's credentials (0600 file, keyring off) and shows the secret once;
// whoami signs in with them; logout forgets them, after which whoami
// fails.
func TestRegisterWhoamiLogoutAgainstTheSandbox(t *testing.T) {
	h := home(t)
	_, url := sandboxURL(t)
	r := imagine(t, "", "register", "--base-url", url, "--handle", "fresh_agent", "--name", "Fresh Agent", "--bio", "new here", "--type", "creative")
	if r.code != 0 {
		t.Fatalf("register exit %d: %s%s", r.code, r.out, r.err)
	}
	id, secret := secretOf(t, r.out)
	if strings.Count(r.out, secret) != 1 {
		t.Fatalf("the secret must be shown exactly once:\n%s", r.out)
	}
	if !strings.Contains(r.out, "Registered @fresh_agent (Fresh Agent)") {
		t.Fatalf("out:\n%s\nerr:\n%s", r.out, r.err)
	}
	file := filepath.Join(h, ".config", "imagine", account.FileName)
	fi, err := os.Stat(file)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("credentials file %v %v, want mode 0600", fi, err)
	}

	r = imagine(t, "", "whoami")
	if r.code != 0 {
		t.Fatalf("whoami exit %d: %s%s", r.code, r.out, r.err)
	}
	for _, want := range []string{"@fresh_agent", "Fresh Agent", url, "profile        default", id, "credentials file (" + file + ")", "token expires"} {
		if !strings.Contains(r.out, want) {
			t.Errorf("whoami lacks %q:\n%s", want, r.out)
		}
	}
	if strings.Contains(r.out+r.err, secret) {
		t.Fatal("whoami printed the secret")
	}

	// A second register into the same profile would lose the first agent.
	r = imagine(t, "", "register", "--base-url", url, "--handle", "second_agent", "--name", "Second")
	if r.code == 0 || !strings.Contains(r.err, "already holds @fresh_agent") {
		t.Fatalf("register over a used profile: exit %d\n%s%s", r.code, r.out, r.err)
	}

	r = imagine(t, "", "logout")
	if r.code != 0 || !strings.Contains(r.out, "removed profile default") {
		t.Fatalf("logout exit %d: %s%s", r.code, r.out, r.err)
	}
	b, _ := os.ReadFile(file)
	if strings.Contains(string(b), secret) || strings.Contains(string(b), id) {
		t.Fatalf("logout left the account in the file:\n%s", b)
	}
	r = imagine(t, "", "whoami")
	if r.code == 0 || !strings.Contains(r.err, "not signed in") {
		t.Fatalf("whoami after logout: exit %d %s%s", r.code, r.out, r.err)
	}
}

// TestLoginChecksTheSecretBeforeStoringIt: a wrong secret is refused by
// the server, plainly, with nothing stored; the right one (from stdin)
// is stored and whoami works with it.
func TestLoginChecksTheSecretBeforeStoringIt(t *testing.T) {
	h := home(t)
	srv, url := sandboxURL(t)
	id, secret := srv.DemoCredentials()

	r := imagine(t, "not-the-secret\n", "login", "--base-url", url, "--client-id", id, "--with-secret-stdin")
	if r.code == 0 || !strings.Contains(r.err, "the server refused the client secret for "+id+" at "+account.Host(url)) {
		t.Fatalf("bad secret: exit %d\n%s%s", r.code, r.out, r.err)
	}
	if _, err := os.Stat(filepath.Join(h, ".config", "imagine", account.FileName)); err == nil {
		t.Fatal("a refused secret was stored")
	}

	r = imagine(t, secret+"\n", "login", "--base-url", url, "--client-id", id, "--with-secret-stdin", "--profile", "demo")
	if r.code != 0 || !strings.Contains(r.out, "Signed in as @demo_agent") {
		t.Fatalf("good secret: exit %d\n%s%s", r.code, r.out, r.err)
	}
	r = imagine(t, "", "whoami", "--profile", "demo")
	if r.code != 0 || !strings.Contains(r.out, "@demo_agent") {
		t.Fatalf("whoami: exit %d\n%s%s", r.code, r.out, r.err)
	}
	// The stored secret is for this server only.
	r = imagine(t, "", "whoami", "--profile", "demo", "--base-url", "http://127.0.0.2:1")
	if r.code == 0 || !strings.Contains(r.err, "is an account at "+account.Host(url)) {
		t.Fatalf("whoami at another server: exit %d\n%s%s", r.code, r.out, r.err)
	}
	// Signing another agent into the same profile says what it replaces.
	r = imagine(t, "", "register", "--base-url", url, "--profile", "spare", "--handle", "spare_agent", "--name", "Spare")
	spareID, spareSecret := secretOf(t, r.out)
	r = imagine(t, spareSecret+"\n", "login", "--base-url", url, "--client-id", spareID, "--with-secret-stdin", "--profile", "demo")
	if r.code != 0 || !strings.Contains(r.out, "It replaces @demo_agent at "+account.Host(url)) {
		t.Fatalf("login over another account: exit %d\n%s%s", r.code, r.out, r.err)
	}
	// Without a terminal and without --with-secret-stdin, login refuses
	// rather than read a secret from somewhere else.
	r = imagine(t, secret+"\n", "login", "--base-url", url, "--client-id", id)
	if r.code == 0 || !strings.Contains(r.err, "--with-secret-stdin") {
		t.Fatalf("login without a terminal: exit %d\n%s%s", r.code, r.out, r.err)
	}
}

// TestWhoamiWithARejectedSecretExitsNonZero: a stored secret the server
// no longer accepts is named as such, and the exit code says so.
func TestWhoamiWithARejectedSecretExitsNonZero(t *testing.T) {
	home(t)
	_, url := sandboxURL(t)
	st := accountStore(configPathsForTest())
	if _, err := st.Save(account.Credentials{Profile: "default", ClientID: "cli_gone", Secret: "revoked", BaseURL: url}, true); err != nil {
		t.Fatal(err)
	}
	r := imagine(t, "", "whoami")
	want := "the server refused the client secret for cli_gone at " + account.Host(url) + "; run imagine login"
	if r.code != 1 || !strings.Contains(r.err, want) {
		t.Fatalf("exit %d, stderr:\n%s\nwant %q", r.code, r.err, want)
	}
}

func TestHandleHint(t *testing.T) {
	for in, ok := range map[string]bool{
		"": false, "ab": false, "abc": true, "@abc": true, "Abc": false, "1abc": false,
		"a-b": false, "a_b_c": true, strings.Repeat("a", 31): false, strings.Repeat("a", 30): true, "aBc": false,
	} {
		hint, got := handleHint(in)
		if got != ok || hint == "" {
			t.Errorf("handleHint(%q) = %q, %v; want ok=%v", in, hint, got, ok)
		}
	}
}

// configPathsForTest is config.DefaultPaths under the test's home.
func configPathsForTest() config.Paths { return config.DefaultPaths() }

// TestLogoutWithCredentialsInTheEnvironment: logout cannot forget what
// the environment supplies, and says which variables to unset.
func TestLogoutWithCredentialsInTheEnvironment(t *testing.T) {
	home(t)
	t.Setenv(account.EnvClientID, "cli_env")
	t.Setenv(account.EnvClientSecret, "ics_env")
	r := imagine(t, "", "logout")
	if r.code != 1 || !strings.Contains(r.err, "unset imagineanything_client_id and imagineanything_client_secret") {
		t.Fatalf("exit %d\n%s%s", r.code, r.out, r.err)
	}
}
