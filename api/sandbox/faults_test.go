package sandbox_test

import (
	"bytes"
	"net/http"
	"strings"
	"testing"
	"time"

	"imagine/api/sandbox"
)

func TestParseFaults(t *testing.T) {
	good := []struct {
		spec string
		want sandbox.Faults
	}{
		{"", sandbox.Faults{}},
		{"latency=1s", sandbox.Faults{LatencyMin: time.Second, LatencyMax: time.Second}},
		{"latency=50ms-2s,error=0.05,ratelimit=0.02,drop=0.01",
			sandbox.Faults{LatencyMin: 50 * time.Millisecond, LatencyMax: 2 * time.Second, Error: 0.05, RateLimit: 0.02, Drop: 0.01}},
		{" drop = 1 ", sandbox.Faults{Drop: 1}},
		{"ERROR=0.5,ratelimit=0.5", sandbox.Faults{Error: 0.5, RateLimit: 0.5}},
	}
	for _, tc := range good {
		got, err := sandbox.ParseFaults(tc.spec)
		if err != nil || got != tc.want {
			t.Errorf("ParseFaults(%q) = %+v, %v; want %+v", tc.spec, got, err, tc.want)
			continue
		}
		again, err := sandbox.ParseFaults(got.String())
		if err != nil || again != got {
			t.Errorf("String() of %q = %q does not parse back", tc.spec, got.String())
		}
	}
	for _, spec := range []string{
		"latency=2s-1s", "latency=fast", "latency=-1s", "error=2", "error=-0.1", "error=NaN", "bogus=1",
		"error", "error=", "=0.1", "error=0.6,drop=0.6", "error=0.1,error=0.2", "drop=0.1;error=0.1",
	} {
		if _, err := sandbox.ParseFaults(spec); err == nil {
			t.Errorf("ParseFaults(%q) accepted a bad spec", spec)
		} else if !strings.Contains(err.Error(), spec) {
			t.Errorf("ParseFaults(%q) error %q does not quote the spec", spec, err)
		}
	}
}

func TestInjectOnceStatus(t *testing.T) {
	f := newFixture(t, sandbox.Options{})
	tok := f.demoToken()
	before := f.firstPost("/api/posts", "").ID

	f.s.InjectOnce("POST", "/api/posts", sandbox.Fault{Status: 500})
	f.do("POST", "/api/posts", tok, map[string]string{"content": "refused"}).want(t, http.StatusInternalServerError, "internal_error")
	if got := f.firstPost("/api/posts", "").ID; got != before {
		t.Fatal("a write refused by a fault was stored")
	}
	f.createPost(tok, "accepted")

	f.s.InjectOnce("", "/api/feed", sandbox.Fault{Status: 429, RetryAfter: 3 * time.Second})
	r := f.do("GET", "/api/feed", tok, nil).want(t, http.StatusTooManyRequests, "rate_limited")
	if r.header.Get("Retry-After") != "3" || r.body["retry_after"] != 3.0 || r.header.Get("X-RateLimit-Remaining") != "0" || r.header.Get("X-RateLimit-Reset") == "" {
		t.Errorf("injected 429: %v %s", r.header, r.raw)
	}
	f.s.InjectOnce("GET", "/api/feed", sandbox.Fault{Status: 401})
	f.do("GET", "/api/feed", tok, nil).want(t, http.StatusUnauthorized, "invalid_token")
	f.do("GET", "/api/feed", tok, nil).want(t, http.StatusOK, "")
	if st := f.s.Stats(); st.Faults != 3 {
		t.Errorf("Stats.Faults = %d, want 3", st.Faults)
	}
}

// rawPost sends a create-post request with client c and returns the
// transport error, if any.
func (f *fixture) rawPost(c *http.Client, token, content string) error {
	return f.send(c, "POST", "/api/posts", token, `{"content":"`+content+`"}`)
}

// try sends a request with the fixture's client and returns the transport
// error, if any.
func (f *fixture) try(method, path, body string) error {
	return f.send(f.c, method, path, "", body)
}

func (f *fixture) send(c *http.Client, method, path, token, body string) error {
	req, err := http.NewRequest(method, f.url+path, bytes.NewReader([]byte(body)))
	if err != nil {
		return err
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	req.Header.Set("Content-Type", "application/json")
	res, err := c.Do(req)
	if err == nil {
		res.Body.Close()
	}
	return err
}

func TestInjectOnceAfterProcessing(t *testing.T) {
	f := newFixture(t, sandbox.Options{})
	tok := f.demoToken()

	f.s.InjectOnce("POST", "/api/posts", sandbox.Fault{Delay: 5 * time.Second, AfterProcessing: true})
	impatient := &http.Client{Timeout: 150 * time.Millisecond}
	if err := f.rawPost(impatient, tok, "slow but stored"); err == nil {
		t.Fatal("the client got an answer despite the delay")
	}
	if got := f.firstPost("/api/posts", "").Content; got != "slow but stored" {
		t.Errorf("newest post %q: the delayed write was not stored", got)
	}

	f.s.InjectOnce("POST", "/api/posts", sandbox.Fault{Drop: true, AfterProcessing: true})
	if err := f.rawPost(f.c, tok, "dropped but stored"); err == nil {
		t.Fatal("a dropped connection produced an answer")
	}
	if got := f.firstPost("/api/posts", "").Content; got != "dropped but stored" {
		t.Errorf("newest post %q: the dropped write was not stored", got)
	}

	f.s.InjectOnce("POST", "/api/posts", sandbox.Fault{Drop: true})
	if err := f.rawPost(f.c, tok, "dropped before processing"); err == nil {
		t.Fatal("a dropped connection produced an answer")
	}
	if got := f.firstPost("/api/posts", "").Content; got != "dropped but stored" {
		t.Errorf("newest post %q: a write dropped before processing was stored", got)
	}
}

func TestRandomFaults(t *testing.T) {
	errs := newFixture(t, sandbox.Options{Faults: sandbox.Faults{Error: 1}})
	for range 5 {
		r := errs.do("GET", "/api/posts", "", nil)
		if r.status != 500 && r.status != 503 {
			t.Fatalf("error=1 gave %d", r.status)
		}
	}
	limited := newFixture(t, sandbox.Options{Faults: sandbox.Faults{RateLimit: 1}})
	r := limited.do("GET", "/api/posts", "", nil).want(t, http.StatusTooManyRequests, "rate_limited")
	if r.header.Get("Retry-After") == "" || r.body["retry_after"] == nil {
		t.Errorf("spurious 429 lacks retry information: %v %s", r.header, r.raw)
	}

	drops := newFixture(t, sandbox.Options{Faults: sandbox.Faults{Drop: 1}})
	if err := drops.try("GET", "/api/posts", ""); err == nil {
		t.Error("drop=1: a read got an answer")
	}
	if err := drops.try("POST", "/api/auth/register", `{"handle":"after_drop","name":"After Drop"}`); err == nil {
		t.Error("drop=1: a write got an answer")
	}
	if id, _ := drops.s.Credentials("after_drop"); id == "" {
		t.Error("drop=1: the dropped write was not processed first")
	}
	if st := drops.s.Stats(); st.Faults != 2 || st.Requests != 2 {
		t.Errorf("stats after two drops: %+v", st)
	}

	slow := newFixture(t, sandbox.Options{Faults: sandbox.Faults{LatencyMin: 40 * time.Millisecond, LatencyMax: 40 * time.Millisecond}})
	start := time.Now()
	slow.do("GET", "/api/posts?limit=1", "", nil).want(t, http.StatusOK, "")
	if d := time.Since(start); d < 40*time.Millisecond {
		t.Errorf("latency=40ms answered in %v", d)
	}
}
