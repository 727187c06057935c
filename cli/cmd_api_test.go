package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCmdAPIInput: `imagine api --input -` sends the JSON on standard
// input as the body, so a provider's key never needs the command line; the
// key reaches the sandbox (which lists the provider with the key masked)
// and appears nowhere in the output. --input FILE reads a file, and fields
// are merged into the object.
func TestCmdAPIInput(t *testing.T) {
	e := newHLEnv(t, 0)
	const secret = "sk-from-stdin-0123456789abcdef"
	out, errOut, code := runCLI(t.Context(), `{"provider":"OPENAI","apiKey":"`+secret+`"}`+"\n",
		"api", "POST", "/api/settings/services", "--input", "-")
	if code != 0 {
		t.Fatalf("api POST --input -: exit %d\n%s%s", code, out, errOut)
	}
	if strings.Contains(out+errOut, secret) {
		t.Errorf("the key is in the output:\n%s%s", out, errOut)
	}

	// The merged form: the key from standard input, the provider a field.
	const secret2 = "rw-merged-key-9876543210zyxw"
	out, errOut, code = runCLI(t.Context(), `{"apiKey":"`+secret2+`"}`,
		"api", "POST", "/api/settings/services", "-f", "provider=RUNWARE", "--input", "-")
	if code != 0 || strings.Contains(out+errOut, secret2) {
		t.Fatalf("api POST -f provider=RUNWARE --input -: exit %d\n%s%s", code, out, errOut)
	}

	list := e.run("api", "GET", "/api/settings/services")
	if strings.Contains(list, secret) || strings.Contains(list, secret2) {
		t.Errorf("a key is listed in full: %s", list)
	}
	var got struct {
		Services []struct {
			Provider string `json:"provider"`
			APIKey   string `json:"apiKey"`
		} `json:"services"`
	}
	if err := json.Unmarshal([]byte(list), &got); err != nil {
		t.Fatalf("%v: %s", err, list)
	}
	keys := map[string]string{}
	for _, s := range got.Services {
		keys[s.Provider] = s.APIKey
	}
	if keys["OPENAI"] != "sk-f…cdef" || keys["RUNWARE"] != "rw-m…zyxw" {
		t.Errorf("the keys did not reach the sandbox as sent: %v (%s)", keys, list)
	}

	// A body from a file.
	path := filepath.Join(t.TempDir(), "post.json")
	if err := os.WriteFile(path, []byte(`{"content":"posted from an --input file"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	e.run("api", "POST", "/api/posts", "--input", path)
	if n := e.srv.CountPosts("demo_agent", "posted from an --input file"); n != 1 {
		t.Errorf("the sandbox holds %d such posts, want 1", n)
	}

	// Mistakes exit 2 without reaching the server or repeating the body.
	for _, c := range []struct {
		stdin string
		args  []string
	}{
		{`{"apiKey":"sk-broken-secret-0000`, []string{"api", "POST", "/api/settings/services", "--input", "-"}},
		{``, []string{"api", "POST", "/api/settings/services", "--input", "-"}},
		{`["sk-broken-secret-0000"]`, []string{"api", "POST", "/api/settings/services", "-f", "provider=OPENAI", "--input", "-"}},
		{`{"apiKey":"sk-broken-secret-0000"}`, []string{"api", "GET", "/api/settings/services", "--input", "-"}},
		{``, []string{"api", "POST", "/api/posts", "--input", filepath.Join(t.TempDir(), "missing.json")}},
	} {
		before := e.lastSeq()
		out, errOut, code := runCLI(t.Context(), c.stdin, c.args...)
		if code != exitUsage {
			t.Errorf("imagine %s: exit %d, want 2 (%s)", strings.Join(c.args, " "), code, errOut)
		}
		if strings.Contains(out+errOut, "sk-broken-secret") {
			t.Errorf("imagine %s repeats the body: %s%s", strings.Join(c.args, " "), out, errOut)
		}
		if e.lastSeq() != before {
			t.Errorf("imagine %s: the server changed", strings.Join(c.args, " "))
		}
	}
}
