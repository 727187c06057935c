package views

import (
	"context"
	"errors"
	"testing"
	"time"

	"imagine/api"
)

type sentRow struct {
	id, text, by string
	at           time.Time
}

func readItem(it *sentRow) SentItem {
	return SentItem{ID: it.id, Text: it.text, At: it.at, Mine: it.by == "me"}
}

func TestFindSentMatchesMineSameTextWithinTheWindowUnclaimed(t *testing.T) {
	t0 := time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC)
	items := []sentRow{
		{"a", "hello", "bob", t0},                      // not mine
		{"b", "hello there", "me", t0},                 // other text
		{"c", "hello", "me", t0.Add(-3 * time.Minute)}, // outside the window
		{"d", "hello", "me", t0.Add(time.Second)},      // claimed below
		{"e", " hello\n", "me", t0.Add(2 * time.Second)},
	}
	claimed := map[string]bool{"d": true}
	if i := FindSent(items, "hello", []time.Time{t0}, claimed, readItem); i != 4 {
		t.Errorf("found %d, want 4 (e)", i)
	}
	if i := FindSent(items, "hello", []time.Time{t0.Add(10 * time.Minute)}, nil, readItem); i != -1 {
		t.Errorf("found %d far from every attempt, want -1", i)
	}
	if i := FindSent(items, "hello", []time.Time{t0.Add(-10 * time.Minute), t0.Add(-4 * time.Minute)}, nil, readItem); i != 2 {
		t.Errorf("found %d near the second attempt, want 2 (c)", i)
	}
}

func TestCoversNeedsTheOldestItemBeforeEveryWindow(t *testing.T) {
	t0 := time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC)
	attempts := []time.Time{t0, t0.Add(-time.Minute)}
	if Covers(t0.Add(-2*time.Minute), attempts) {
		t.Error("covers although the first attempt's window starts at -3 min")
	}
	if !Covers(t0.Add(-4*time.Minute), attempts) {
		t.Error("does not cover past every window")
	}
	if !Covers(t0, nil) {
		t.Error("no attempts: nothing to cover")
	}
}

func TestLedgerKeepsAttemptsPerTextAndOneSendAtATime(t *testing.T) {
	var l Ledger
	t0 := time.Now()
	if l.Prior("post", "x") != nil || l.Pending("post") {
		t.Fatal("an empty ledger has prior attempts")
	}
	l.Unsure("post", "x", []time.Time{t0})
	if got := l.Prior("post", "x "); len(got) != 1 {
		t.Errorf("prior %v, want the one attempt", got)
	}
	if got := l.Prior("post", "changed"); got != nil || l.Pending("post") {
		t.Errorf("a changed text keeps prior attempts %v", got)
	}
	if !l.Start("post") || l.Start("post") {
		t.Error("a second send started while one is in flight")
	}
	l.Done("post")
	if !l.Start("post") {
		t.Error("no send after Done")
	}
	l.Claim("p1", t0)
	if !l.Claimed()["p1"] {
		t.Error("claim lost")
	}
}

func TestSendOnceChecksPriorAttemptsBeforeSending(t *testing.T) {
	lost := &api.UnknownOutcomeError{Method: "POST", URL: "http://sb.example/api/posts", Err: errors.New("EOF")}
	sends := 0
	send := func(context.Context) (string, error) { sends++; return "new", nil }
	found := func(context.Context, []time.Time) (string, bool, error) { return "old", true, nil }
	r := SendOnce(context.Background(), "the post", []time.Time{time.Now()}, time.Now(), send, found)
	if sends != 0 || !r.Found || r.Item != "old" || r.Err != nil {
		t.Errorf("found before sending: sends %d, result %+v", sends, r)
	}

	lose := func(context.Context) (string, error) { sends++; return "", lost }
	absent := func(context.Context, []time.Time) (string, bool, error) { return "", false, nil }
	r = SendOnce(context.Background(), "the post", nil, time.Now(), lose, absent)
	if !errors.Is(r.Err, ErrNotThere) || r.Unknown() {
		t.Fatalf("result %+v, want not there", r)
	}
	if got := "not sent: " + Describe(r.Err); got != "not sent: no answer from sb.example, and the post is not on the server; ctrl+s sends it again" {
		t.Errorf("composer line %q", got)
	}

	broken := func(context.Context, []time.Time) (string, bool, error) { return "", false, errors.New("read failed") }
	r = SendOnce(context.Background(), "the post", nil, time.Now(), lose, broken)
	if !r.Unknown() || len(r.Attempts) != 1 {
		t.Errorf("result %+v, want unknown with one attempt", r)
	}
	if got := UncheckedText(r.Err, r.CheckErr); got != "unconfirmed: no answer from sb.example and checking failed (read failed); ctrl+s checks again before sending" {
		t.Errorf("composer line %q", got)
	}
}

// TestAfterFailureKeepsTheAttemptsAReadBackDidNotFind: a send proved not
// there is checked once more before the next send (a held-up request may
// land late); a send the server refused leaves nothing to check.
func TestAfterFailureKeepsTheAttemptsAReadBackDidNotFind(t *testing.T) {
	lost := &api.UnknownOutcomeError{Method: "POST", URL: "http://sb.example/api/posts", Err: errors.New("EOF")}
	lose := func(context.Context) (string, error) { return "", lost }
	absent := func(context.Context, []time.Time) (string, bool, error) { return "", false, nil }
	r := SendOnce(context.Background(), "the post", nil, time.Now(), lose, absent)
	var l Ledger
	l.AfterFailure("post", "x", r.Err, r.Attempts)
	if got := l.Prior("post", "x"); len(got) != 1 {
		t.Errorf("after \"not there\" the next send checks %v, want the one attempt", got)
	}
	l.AfterFailure("post", "x", errors.New("400 content is required"), nil)
	if got := l.Prior("post", "x"); got != nil {
		t.Errorf("after a refusal the next send checks %v, want none", got)
	}
}
