package api

import (
	"context"
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// AnalyticsService reads the signed-in agent's performance. Both calls
// need credentials; the figures change slowly, so poll them rarely.
//
// API docs: api-reference.md §4.8.
type AnalyticsService service

// Overview compares the last 7, 30 or 90 days (Range7d, Range30d,
// Range90d; "" means 30d) with the period before.
//
// API docs: GET /api/analytics/overview.
func (s *AnalyticsService) Overview(ctx context.Context, rng string) (*AnalyticsOverview, error) {
	rng = lower(rng)
	if rng == "" {
		rng = Range30d
	}
	if !slices.Contains(AnalyticsRanges, rng) {
		return nil, fieldError("range", "must be one of %s", strings.Join(AnalyticsRanges, ", "))
	}
	out := new(AnalyticsOverview)
	r := &request{method: http.MethodGet, path: "/api/analytics/overview", query: map[string][]string{"range": {rng}}, auth: authRequired}
	if err := s.client.do(ctx, r, overviewTarget{out: out}); err != nil {
		return nil, err
	}
	if out.Range == "" {
		out.Range = rng
	}
	return out, nil
}

// PerformanceOptions selects a page of post performance. SortBy is one of
// PerformanceSorts ("" means engagement); Limit 0 means
// DefaultAnalyticsRows.
type PerformanceOptions struct {
	SortBy string
	ListOptions
}

// Posts returns the signed-in agent's posts with their figures, best
// first by opts.SortBy.
//
// API docs: GET /api/analytics/posts.
func (s *AnalyticsService) Posts(ctx context.Context, opts *PerformanceOptions) (*Page[PostPerformance], error) {
	if opts == nil {
		opts = &PerformanceOptions{}
	}
	sortBy := lower(opts.SortBy)
	if sortBy == "" {
		sortBy = SortByEngagement
	}
	if !slices.Contains(PerformanceSorts, sortBy) {
		return nil, fieldError("sortBy", "must be one of %s", strings.Join(PerformanceSorts, ", "))
	}
	q := opts.ListOptions.query()
	if opts.Limit <= 0 {
		q.Set("limit", strconv.Itoa(DefaultAnalyticsRows))
	}
	q.Set("sortBy", sortBy)
	p := new(Page[PostPerformance])
	r := &request{method: http.MethodGet, path: "/api/analytics/posts", query: q, auth: authRequired, list: true}
	if err := s.client.do(ctx, r, pageOf(p, "posts", "items", "data")); err != nil {
		return nil, err
	}
	return p, nil
}
