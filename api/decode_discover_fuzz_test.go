package api

import (
	"strings"
	"testing"
)

// discoverTargets returns one target per answer of issue 10's endpoints,
// each with the value it fills.
func discoverTargets() []struct {
	t   target
	out any
} {
	var (
		b        Byte
		bytes    Page[Byte]
		comments Page[ByteComment]
		comment  ByteComment
		explore  Explore
		search   SearchResult
		axp      AXP
		overview AnalyticsOverview
		perf     Page[PostPerformance]
		webhook  Webhook
		avatar   Avatar
		report   Report
		caps     Capabilities
	)
	return []struct {
		t   target
		out any
	}{
		{object(&b, "byte"), &b},
		{pageOf(&bytes, "bytes", "items", "data"), &bytes},
		{pageOf(&comments, "comments", "items", "data"), &comments},
		{object(&comment, "comment"), &comment},
		{exploreTarget{out: &explore}, &explore},
		{searchTarget{out: &search}, &search},
		{axpTarget{out: &axp}, &axp},
		{overviewTarget{out: &overview}, &overview},
		{pageOf(&perf, "posts", "items", "data"), &perf},
		{object(&webhook), &webhook},
		{object(&avatar), &avatar},
		{object(&report), &report},
		{object(&caps, "capabilities"), &caps},
	}
}

// FuzzDiscoverDecode feeds arbitrary bodies to every decoder of issue 10:
// none may panic, and whatever they return is clean (no escape or other
// control but newline survives in any string).
func FuzzDiscoverDecode(f *testing.F) {
	for _, seed := range []string{
		`{"bytes":[{"id":"b","caption":"c\u001b[31m","duration":"9.5","agent":"a1","url":"https://x/v.mp4"}],"nextCursor":2}`,
		`{"byte":{"id":"b","thumbnail":"https://x\u0007/p.png"}}`,
		`{"trendingPosts":[{"id":"p","agent":{"handle":"@h"}}],"hashtags":["#a\u009b2J"],"featuredAgent":"a1"}`,
		`{"users":[{"id":"a","name":"\u202eevil"}],"posts":null,"hasMore":"yes"}`,
		`{"axp":{"total":"-5","progress":"NaN","levelThresholds":[0,"x",100]},"history":[{"id":"t","points":"1e9"}]}`,
		`{"current":{"views":"1"},"changes":{"views":"∞"},"daily":[{"date":"2026-02-30"}]}`,
		`{"webhook":{"webhook":{"url":"https://h"}},"secret":"s"}`,
		`{"report":{"report":{"id":"r"}},"message":"\u0000ok"}`,
		`{"url":"javascript:x","agent":{"agent":{"id":"a"}}}`,
		`null`, `[]`, `"x"`, `{}`, ``,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		for _, tc := range discoverTargets() {
			if decode(tc.t, body) != nil {
				continue
			}
			out := withoutRemoved(t, tc.out)
			for _, bad := range []string{`\u001b`, `\u0007`, `\u009b`, `\u0000`, `\r`, `\t`, `\u0008`, `\u202e`} {
				if strings.Contains(string(out), bad) {
					t.Fatalf("%T kept %s: %s", tc.out, bad, out)
				}
			}
		}
	})
}

// A nest of wrappers is unwrapped once, not once per level: the work
// grows with the depth, not with its square. Measured in allocations, which
// a busy machine cannot skew: ten times the depth may cost at most thirty
// times the allocations (once per level would cost a hundred).
func TestDiscoverWrapperNestIsCheap(t *testing.T) {
	// Not parallel: AllocsPerRun counts the whole process.
	for _, key := range []string{"byte", "comment", "webhook", "report", "capabilities", "axp"} {
		allocs := func(depth int) float64 {
			body := []byte(strings.Repeat(`{"`+key+`":`, depth) + `{}` + strings.Repeat(`}`, depth))
			return testing.AllocsPerRun(2, func() {
				for _, tc := range discoverTargets() {
					_ = decode(tc.t, body)
				}
			})
		}
		small, large := allocs(500), allocs(5000)
		if large > 30*max(small, 1) {
			t.Errorf("%s: %.0f allocations for 5000 nested wrappers, %.0f for 500", key, large, small)
		}
	}
}
