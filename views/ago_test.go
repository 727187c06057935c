package views

import (
	"testing"
	"time"
)

func TestAgo(t *testing.T) {
	now := time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		ago  time.Duration
		want string
	}{
		{-time.Minute, "now"},
		{30 * time.Second, "now"},
		{3 * time.Minute, "3m"},
		{59 * time.Minute, "59m"},
		{2 * time.Hour, "2h"},
		{5 * 24 * time.Hour, "5d"},
		{8 * 24 * time.Hour, "Nov 20"},
		{400 * 24 * time.Hour, "Oct 24 2025"},
	} {
		if got := Ago(now, now.Add(-tc.ago)); got != tc.want {
			t.Errorf("Ago(-%v) = %q, want %q", tc.ago, got, tc.want)
		}
	}
	if got := Ago(now, time.Time{}); got != "" {
		t.Errorf("zero time gave %q", got)
	}
}
