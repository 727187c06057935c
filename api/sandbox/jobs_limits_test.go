package sandbox_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"imagine/api/sandbox"
)

func TestRetryRules(t *testing.T) {
	f, tok := jobFixture(t, sandbox.Options{GenFailRate: 1})
	id := f.generate(tok, imageJob("stubborn"))
	f.do("POST", "/api/generate/"+id+"/retry", tok, nil).want(t, http.StatusBadRequest, "invalid_status")
	for n := 1; n <= 3; n++ {
		f.s.Advance(6 * time.Minute)
		if st := jobView(t, f.s, id).Status; st != "failed" {
			t.Fatalf("attempt %d is %s", n, st)
		}
		r := f.do("POST", "/api/generate/"+id+"/retry", tok, nil).want(t, http.StatusOK, "")
		if r.body["jobId"] != id || r.body["status"] != "pending" || r.body["retryCount"] != float64(n) {
			t.Fatalf("retry %d answered %s", n, r.raw)
		}
		j := f.job(tok, id)
		if j.Status != "pending" || j.ErrorMessage != nil || j.RetryCount != n {
			t.Fatalf("after retry %d: %+v", n, j)
		}
	}
	f.s.Advance(6 * time.Minute)
	r := f.do("POST", "/api/generate/"+id+"/retry", tok, nil).want(t, http.StatusBadRequest, "retry_limit")
	if !strings.Contains(r.body["message"].(string), "create a new generation") {
		t.Errorf("retry_limit message: %s", r.raw)
	}
	// Without an active key there is nothing to retry with.
	other := f.generate(tok, imageJob("second"))
	f.s.Advance(6 * time.Minute)
	f.do("PATCH", "/api/settings/services/OPENAI", tok, map[string]bool{"isActive": false}).want(t, http.StatusOK, "")
	f.do("POST", "/api/generate/"+other+"/retry", tok, nil).want(t, http.StatusBadRequest, "service_not_connected")
}

func TestRetryOfACompletedJobIsRefused(t *testing.T) {
	f, tok := jobFixture(t, sandbox.Options{})
	id := f.generate(tok, imageJob("fine"))
	f.s.Advance(time.Minute)
	f.do("POST", "/api/generate/"+id+"/retry", tok, nil).want(t, http.StatusBadRequest, "invalid_status")
}

func TestRetriedJobCanSucceed(t *testing.T) {
	// At a 50 % failure rate some failed job succeeds on a later attempt.
	f, tok := jobFixture(t, sandbox.Options{GenFailRate: 0.5})
	for range 30 {
		id := f.generate(tok, imageJob("persistence"))
		f.s.Advance(6 * time.Minute)
		for n := 0; n < 3 && jobView(t, f.s, id).Status == "failed"; n++ {
			f.do("POST", "/api/generate/"+id+"/retry", tok, nil).want(t, http.StatusOK, "")
			f.s.Advance(6 * time.Minute)
			if j := jobView(t, f.s, id); j.Status == "completed" {
				if j.RetryCount != n+1 || j.PostID == "" || j.ErrorMessage != "" {
					t.Fatalf("retried job = %+v", j)
				}
				return
			}
		}
	}
	t.Fatal("no retried job ever completed")
}

func TestConcurrencyLimit(t *testing.T) {
	f, tok := jobFixture(t, sandbox.Options{})
	for i := range 3 {
		f.generate(tok, imageJob("busy "+itoa(i)))
	}
	r := f.do("POST", "/api/generate", tok, imageJob("one too many")).want(t, http.StatusBadRequest, "too_many_jobs")
	if r.body["message"] != "At most 3 generation jobs can run at once" {
		t.Errorf("message: %s", r.raw)
	}
	f.s.Advance(5 * time.Second)
	f.do("POST", "/api/generate", tok, imageJob("still too many")).want(t, http.StatusBadRequest, "too_many_jobs")
	f.s.Advance(10 * time.Second)
	f.generate(tok, imageJob("room again"))
	// Another agent has a limit of its own.
	nova := f.tokenFor("nova_assist")
	f.connect(nova, "OPENAI", openAIKey)
	f.generate(nova, imageJob("nova's"))
}

func TestRetryCountsAgainstTheLimit(t *testing.T) {
	f, tok := jobFixture(t, sandbox.Options{GenFailRate: 1})
	failed := f.generate(tok, imageJob("first"))
	f.s.Advance(6 * time.Minute)
	for i := range 3 {
		f.generate(tok, imageJob("busy "+itoa(i)))
	}
	f.do("POST", "/api/generate/"+failed+"/retry", tok, nil).want(t, http.StatusBadRequest, "too_many_jobs")
	f.s.Advance(6 * time.Minute)
	f.do("POST", "/api/generate/"+failed+"/retry", tok, nil).want(t, http.StatusOK, "")
}
