package api_test

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"testing"
	"time"

	"imagine/api"
)

// rateLimited answers 429 with the headers and body set by h, then 200.
func rateLimited(set func(h http.Header) string) http.HandlerFunc {
	return sequence(func(w http.ResponseWriter, r *http.Request) {
		body := set(w.Header())
		jsonReply(429, body)(w, r)
	}, jsonReply(200, postJSON))
}

func TestRateLimitWaitSources(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		set  func(now time.Time, h http.Header) string
		want time.Duration
	}{
		{"Retry-After seconds", func(_ time.Time, h http.Header) string {
			h.Set("Retry-After", "2")
			h.Set("X-RateLimit-Reset", "50")
			return `{"retry_after":40}`
		}, 2 * time.Second},
		{"Retry-After HTTP date", func(now time.Time, h http.Header) string {
			h.Set("Retry-After", now.Add(3*time.Second).Format(http.TimeFormat))
			return `{}`
		}, 3 * time.Second},
		{"body retry_after when header is garbage", func(_ time.Time, h http.Header) string {
			h.Set("Retry-After", "abc")
			return `{"error":"rate_limited","retry_after":7}`
		}, 7 * time.Second},
		{"negative header ignored", func(_ time.Time, h http.Header) string {
			h.Set("Retry-After", "-5")
			return `{"retry_after":"4"}`
		}, 4 * time.Second},
		{"reset epoch seconds", func(now time.Time, h http.Header) string {
			h.Set("X-RateLimit-Reset", strconv.FormatInt(now.Add(5*time.Second).Unix(), 10))
			return ``
		}, 5 * time.Second},
		{"reset epoch milliseconds", func(now time.Time, h http.Header) string {
			h.Set("X-RateLimit-Reset", strconv.FormatInt(now.Add(5*time.Second).UnixMilli(), 10))
			return ``
		}, 5 * time.Second},
		{"reset delta seconds", func(_ time.Time, h http.Header) string {
			h.Set("X-RateLimit-Reset", "5")
			return ``
		}, 5 * time.Second},
		{"clamped up to 1 s", func(_ time.Time, h http.Header) string {
			h.Set("Retry-After", "0")
			return ``
		}, time.Second},
		{"default 60 s", func(_ time.Time, _ http.Header) string { return `not json` }, 60 * time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := newStub(t)
			var clock *fakeClock
			s.handle("GET /api/posts/p1", rateLimited(func(h http.Header) string { return tt.set(clock.Now(), h) }))
			c, clk := newClient(t, s.URL)
			clock = clk
			ctx, cancel := context.WithTimeout(t.Context(), 5*time.Minute)
			defer cancel()
			if _, err := c.Posts.Get(ctx, "p1"); err != nil {
				t.Fatalf("after waiting the call should succeed: %v", err)
			}
			slept := clock.Slept()
			if len(slept) != 1 || slept[0] < tt.want || slept[0] > tt.want+tt.want/10+time.Millisecond {
				t.Errorf("slept %v, want %v (+≤10%% jitter)", slept, tt.want)
			}
			if n := s.count("GET /api/posts/p1"); n != 2 {
				t.Errorf("%d requests, want 2", n)
			}
		})
	}
}

func TestRateLimitWaitBeyondDeadline(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	s.handle("GET /api/posts/p1", rateLimited(func(h http.Header) string {
		h.Set("Retry-After", "999999")
		h.Set("X-RateLimit-Limit", "100")
		h.Set("X-RateLimit-Remaining", "0")
		return `{}`
	}))
	c, clock := newClient(t, s.URL)
	_, err := c.Posts.Get(t.Context(), "p1") // default read deadline: 15 s
	var rl *api.RateLimitError
	if !errors.As(err, &rl) || !errors.Is(err, api.ErrRateLimited) {
		t.Fatalf("err = %v, want *RateLimitError", err)
	}
	if rl.Wait < 120*time.Second || rl.Wait > 132*time.Second || !rl.Until.Equal(clock.Now().Add(rl.Wait)) {
		t.Errorf("wait %v until %v: want the 120 s clamp", rl.Wait, rl.Until)
	}
	if rl.Rate.Limit != 100 || c.Rate().Limit != 100 {
		t.Errorf("rate not reported: %+v / %+v", rl.Rate, c.Rate())
	}
	if len(clock.Slept()) != 0 || s.count("GET /api/posts/p1") != 1 {
		t.Errorf("slept %v with %d requests; want an immediate error", clock.Slept(), s.count("GET /api/posts/p1"))
	}
}

func TestBackgroundFailsFastOn429(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	s.handle("GET /api/feed", rateLimited(func(h http.Header) string { h.Set("Retry-After", "1"); return "" }))
	c, clock := newClient(t, s.URL)
	_, err := c.Feed.List(api.Background(t.Context()), nil)
	if !errors.Is(err, api.ErrRateLimited) || len(clock.Slept()) != 0 || s.count("GET /api/feed") != 1 {
		t.Errorf("err %v, slept %v, %d requests", err, clock.Slept(), s.count("GET /api/feed"))
	}
}

func TestHoldUntilResetWhenRemainingLow(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	var sentAt []time.Time
	var clock *fakeClock
	s.handle("GET /api/posts/p1", func(w http.ResponseWriter, r *http.Request) {
		sentAt = append(sentAt, clock.Now())
		w.Header().Set("X-RateLimit-Limit", "100")
		w.Header().Set("X-RateLimit-Remaining", "1")
		w.Header().Set("X-RateLimit-Reset", "10")
		jsonReply(200, postJSON)(w, r)
	})
	c, clk := newClient(t, s.URL)
	clock = clk
	for range 2 {
		if _, err := c.Posts.Get(t.Context(), "p1"); err != nil {
			t.Fatal(err)
		}
	}
	if len(sentAt) != 2 || sentAt[1].Sub(sentAt[0]) < 10*time.Second {
		t.Errorf("second request sent %v after the first; want ≥ 10 s", sentAt[1].Sub(sentAt[0]))
	}
	if r := c.Rate(); r.Remaining != 1 || r.Limit != 100 || !r.Reset.After(sentAt[0]) {
		t.Errorf("Rate() = %+v", r)
	}
	// A background call during the hold fails without a request.
	s.handle("GET /api/feed", jsonReply(200, `{"posts":[]}`))
	if _, err := c.Feed.List(api.Background(t.Context()), nil); !errors.Is(err, api.ErrRateLimited) || s.count("GET /api/feed") != 0 {
		t.Errorf("background call during hold: err %v, %d requests", err, s.count("GET /api/feed"))
	}
}

func TestWriteBudgetPacesAndBackgroundRefuses(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	s.reply("POST /api/posts/p1/like", 200, `{"liked":true}`)
	c, clock := newClient(t, s.URL)
	for i := range 7 {
		if _, err := c.Posts.Like(t.Context(), "p1"); err != nil {
			t.Fatalf("like %d: %v", i, err)
		}
	}
	var total time.Duration
	for _, d := range clock.Slept() {
		total += d
	}
	// Burst 5, then one every 2.5 s: likes 6 and 7 wait 2.5 s each.
	if total < 4900*time.Millisecond || total > 5100*time.Millisecond {
		t.Errorf("slept %v in total, want ≈ 5 s", total)
	}
	if _, err := c.Posts.Like(api.Background(t.Context()), "p1"); !errors.Is(err, api.ErrRateLimited) {
		t.Errorf("background write over budget: err = %v", err)
	}
	if n := s.count("POST /api/posts/p1/like"); n != 7 {
		t.Errorf("%d likes reached the server, want 7 (the refused one must not)", n)
	}
}

// fullBudgets is a client over a stub that answers GET /api/posts/p1,
// with both read budgets full: 5 interactive, 10 background.
func fullBudgets(t *testing.T) (*stub, *api.Client, *fakeClock) {
	t.Helper()
	s := newStub(t)
	s.handle("GET /api/posts/p1", jsonReply(200, postJSON))
	c, clock := newClient(t, s.URL)
	clock.Advance(time.Hour)
	return s, c, clock
}

// TestInteractiveReadsBorrowWhatThePollsLeaveIdle: a run of the
// operator's own reads (a profile, its followers, a conversation) goes at
// once while the polls are idle, borrowing from their budget down to the
// reserve their next polls need; past that, reads are paced again, and the
// polls still go out at once.
func TestInteractiveReadsBorrowWhatThePollsLeaveIdle(t *testing.T) {
	t.Parallel()
	s, c, clock := fullBudgets(t)
	get := func(ctx context.Context) error { _, err := c.Posts.Get(ctx, "p1"); return err }

	// 5 of its own and 7 borrowed, leaving the pollers 3.
	if slept := pacedReads(t, func() error { return get(t.Context()) }, clock, 12); slept != 0 {
		t.Errorf("12 reads with the polls idle waited %v, want none", slept)
	}
	// The 13th finds both at their floor and waits for its own budget.
	if slept := pacedReads(t, func() error { return get(t.Context()) }, clock, 1); slept < time.Second {
		t.Errorf("the 13th read waited %v, want about 1.5 s", slept)
	}
	// The reserve is the pollers': their next three polls go out at once.
	for i := range 3 {
		if err := get(api.Background(t.Context())); err != nil {
			t.Fatalf("poll %d after the borrowing: %v", i, err)
		}
	}
	if n := s.count("GET /api/posts/p1"); n != 16 {
		t.Errorf("%d reads reached the server, want 16", n)
	}
}

// TestAPaceObserverHearsOfEveryWaitOfTheOperatorsRequests: a request that
// waits for the budget tells the observer of its context how long, so a
// screen can say why it is still loading; one that goes at once, and a
// poll, which gives up instead of waiting, tell it nothing.
func TestAPaceObserverHearsOfEveryWaitOfTheOperatorsRequests(t *testing.T) {
	t.Parallel()
	_, c, clock := fullBudgets(t)
	var heard []time.Duration
	ctx := api.WithPaceObserver(t.Context(), func(d time.Duration) { heard = append(heard, d) })
	for range 12 { // the burst, borrowed reads included: no wait
		if _, err := c.Posts.Get(ctx, "p1"); err != nil {
			t.Fatal(err)
		}
	}
	if len(heard) != 0 {
		t.Fatalf("reads that did not wait were heard: %v", heard)
	}
	for range 3 {
		_, _ = c.Posts.Get(api.Background(ctx), "p1") // polls: no waiting, nothing heard
	}
	if _, err := c.Posts.Get(ctx, "p1"); err != nil {
		t.Fatal(err)
	}
	slept := clock.Slept()
	if len(heard) != 1 || len(slept) == 0 || heard[0] != slept[len(slept)-1] {
		t.Errorf("heard %v, slept %v: want the one wait, as long as it was", heard, slept)
	}
}
