package explore

import (
	"context"

	"imagine/api"
)

// The Hashtags section (H) is the trending hashtags on their own, from
// GET /api/hashtags/trending, most used first. Trending shows only the
// few GET /api/explore embeds; here are as many as one answer holds
// (hashtagsLimit). Its rows are the same tag rows as Trending's, so enter,
// the split view's preview, `/` and o treat a tag the same in both.

// hashtagsPager reads the trending hashtags: one answer, no cursor. nil
// without a source, and the section says so (unavailable).
func (m *Model) hashtagsPager() pager {
	src := m.tags
	if src == nil {
		return nil
	}
	return func(ctx context.Context, _ string) ([]*row, string, bool, error) {
		tags, err := src.Trending(ctx, hashtagsLimit)
		if err != nil {
			return nil, "", false, err
		}
		return tagRows(uniqueTags(tags), ""), "", false, nil
	}
}

// uniqueTags drops a tag listed again (rows are keyed by tag, and a
// repeated key would select two rows at once); the first, the most used,
// is kept.
func uniqueTags(tags []api.TrendingTag) []api.TrendingTag {
	seen := make(map[string]bool, len(tags))
	out := tags[:0:0]
	for _, t := range tags {
		if t.Tag == "" || seen[t.Tag] {
			continue
		}
		seen[t.Tag] = true
		out = append(out, t)
	}
	return out
}
