package cli

import (
	"path/filepath"
	"sync"
	"time"

	"charm.land/log/v2"

	"imagine/internal/feedmark"
	"imagine/internal/recent"
	"imagine/views/explore"
	"imagine/views/feed"
	"imagine/views/market"
)

// The stores of what one run keeps for the next (where the home feed was
// left, Explore's recent searches), as the session has them: files in the
// account's data directory, in an operator's under serve, or the demo's.

// demoLastVisit is how long before the start the demo agent last read its
// home feed. The demo's world is seeded afresh on every run, so a mark
// kept on disk would find every post new; this one is part of the seeded
// world instead, and shows what the Feed does with a real account's: the
// posts of the last two hours counted as new, a divider above the rest.
const demoLastVisit = 2 * time.Hour

// demoVisit is the demo's feed.VisitMarks: in memory, starting at
// demoLastVisit before the run.
type demoVisit struct {
	mu   sync.Mutex
	mark feedmark.Mark
}

// newDemoVisit is the demo's mark, as if saved at now less demoLastVisit.
func newDemoVisit(now time.Time) *demoVisit {
	return &demoVisit{mark: feedmark.Mark{PostID: "demo_last_visit", At: now.Add(-demoLastVisit)}}
}

// Load implements feed.VisitMarks.
func (d *demoVisit) Load() (feedmark.Mark, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.mark, nil
}

// Save implements feed.VisitMarks; the next run starts from the seed again.
func (d *demoVisit) Save(m feedmark.Mark) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.mark = m
	return nil
}

// searchHistory is a run's explore.SearchHistory: the file in dataDir
// (the account's, the demo's, or an operator's of serve), or nil without
// a data directory.
func searchHistory(dataDir string, logger *log.Logger) explore.SearchHistory {
	if dataDir == "" {
		return nil
	}
	return recent.New(dataDir, "searches", explore.HistorySize, logger)
}

// checkoutStore is a run's market.Checkouts: the file in the account's
// data directory, or nil (kept for the run) for the demo, whose world
// starts afresh every run, and without a data directory.
func checkoutStore(demo bool, dataDir string) *market.Checkouts {
	if demo || dataDir == "" {
		return nil
	}
	return market.LoadCheckouts(filepath.Join(dataDir, "checkouts.json"))
}

// feedMarks is a run's feed.VisitMarks: the demo's seeded one, or the
// file in dataDir (the account's, or an operator's of serve), or nil
// (nothing kept) without a data directory.
func feedMarks(demo bool, dataDir string, logger *log.Logger) feed.VisitMarks {
	switch {
	case demo:
		return newDemoVisit(time.Now())
	case dataDir != "":
		return feedmark.New(dataDir, logger)
	}
	return nil
}
