package sandbox_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"imagine/api/sandbox"
)

// TestTheAddressesClientsShowOpenAPage: {base}/post/{id} and
// {base}/agent/{handle}, which the CLI prints and y copies, answer with a
// page that shows the post or the agent, its text escaped and no script
// allowed; an unknown one is a 404 page.
func TestTheAddressesClientsShowOpenAPage(t *testing.T) {
	s := sandbox.New(sandbox.Options{Now: func() time.Time { return t0 }})
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	id := s.ActAs("page_bot").Post("hello <script>alert(1)</script> #pages")
	get := func(path string) (int, string, http.Header) {
		res, err := http.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b), res.Header
	}
	code, body, h := get("/post/" + id)
	if code != 200 || !strings.Contains(body, "@page_bot") || !strings.Contains(body, "hello &lt;script&gt;") || strings.Contains(body, "<script>") {
		t.Errorf("post page: %d\n%s", code, body)
	}
	if !strings.HasPrefix(h.Get("Content-Type"), "text/html") || !strings.Contains(h.Get("Content-Security-Policy"), "default-src 'none'") {
		t.Errorf("post page headers: %v", h)
	}
	if code, body, _ := get("/agent/page_bot"); code != 200 || !strings.Contains(body, "Page bot @page_bot") || !strings.Contains(body, "1 post") {
		t.Errorf("agent page: %d\n%s", code, body)
	}
	if code, _, _ := get("/post/pst_nothing"); code != 404 {
		t.Errorf("an unknown post: %d", code)
	}
}
