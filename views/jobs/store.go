package jobs

import (
	"slices"
	"strings"

	"imagine/api"
)

const (
	// maxLookups is how many history pages may miss a job that left the
	// pending list before the pane stops looking for it and drops it.
	maxLookups = 3
	// keepCompleted bounds the completed jobs the live view keeps; the
	// older ones are in the history.
	keepCompleted = 20
)

// entry is one job held by the live view.
type entry struct {
	job api.GenerationJob
	// lookups counts the history pages that did not hold the job after it
	// left the pending list.
	lookups int
	// retrying is set while a retry of this job is in flight.
	retrying bool
}

// active reports whether the job is still moving through its stages.
func (e *entry) active() bool { return isActive(e.job.Status) }

// isActive reports whether status is one a job runs through.
func isActive(status string) bool {
	switch status {
	case api.JobPending, api.JobGenerating, api.JobUploading:
		return true
	}
	return false
}

// store is the live view's jobs, newest first.
type store struct {
	entries []*entry
	byID    map[string]*entry
	loaded  bool // a pending list arrived
}

func newStore() store { return store{byID: map[string]*entry{}} }

// activeCount is the number of generation slots in use.
func (s *store) activeCount() int {
	n := 0
	for _, e := range s.entries {
		if e.active() {
			n++
		}
	}
	return n
}

// watched lists the active jobs: the ones whose leaving the pending list
// means they finished.
func (s *store) watched() []string {
	var ids []string
	for _, e := range s.entries {
		if e.active() {
			ids = append(ids, e.job.ID)
		}
	}
	return ids
}

// add inserts (or replaces) a job.
func (s *store) add(j api.GenerationJob) *entry {
	if e := s.byID[j.ID]; e != nil {
		e.job = j
		return e
	}
	e := &entry{job: j}
	s.byID[j.ID] = e
	s.entries = append(s.entries, e)
	return e
}

func (s *store) remove(id string) {
	if s.byID[id] == nil {
		return
	}
	delete(s.byID, id)
	s.entries = slices.DeleteFunc(s.entries, func(e *entry) bool { return e.job.ID == id })
}

// merge applies a pending list and, when one was read (looked), a history
// page. It returns the jobs that finished (completed or failed) in the
// pane's sight: an active job that turned failed, an active job that left
// the list and the history shows finished, or (after the first list) a job
// never seen that is already failed.
func (s *store) merge(pending []api.GenerationJob, looked bool, history *api.Page[api.GenerationJob]) []api.GenerationJob {
	first := !s.loaded
	s.loaded = true
	var done []api.GenerationJob
	seen := make(map[string]bool, len(pending))
	for _, j := range pending {
		if j.ID == "" {
			continue
		}
		seen[j.ID] = true
		e := s.byID[j.ID]
		if e == nil {
			s.add(j)
			if !first && j.Status == api.JobFailed {
				done = append(done, j)
			}
			continue
		}
		was := e.active()
		e.job, e.lookups = j, 0
		if was && !isActive(j.Status) {
			done = append(done, j)
		}
	}
	var past map[string]api.GenerationJob
	if history != nil {
		past = make(map[string]api.GenerationJob, len(history.Items))
		for _, j := range history.Items {
			past[j.ID] = j
		}
	}
	for _, e := range slices.Clone(s.entries) {
		id := e.job.ID
		if seen[id] {
			continue
		}
		switch {
		case e.active():
			if j, ok := past[id]; ok {
				e.job, e.lookups = j, 0
				if !isActive(j.Status) {
					done = append(done, j)
				}
				continue
			}
			if looked {
				if e.lookups++; e.lookups >= maxLookups {
					s.remove(id)
				}
			}
		case e.job.Status == api.JobFailed:
			// No longer offered for retry (dismissed, or older than a day).
			s.remove(id)
		}
	}
	s.trimCompleted()
	s.sort()
	return done
}

// trimCompleted keeps the newest keepCompleted completed jobs.
func (s *store) trimCompleted() {
	n := 0
	for _, e := range s.newestFirst() {
		if e.job.Status != api.JobCompleted {
			continue
		}
		if n++; n > keepCompleted {
			s.remove(e.job.ID)
		}
	}
}

func (s *store) newestFirst() []*entry {
	out := slices.Clone(s.entries)
	slices.SortStableFunc(out, newer)
	return out
}

// sort orders the entries newest first (ties by ID, so the order is
// stable across polls).
func (s *store) sort() { slices.SortStableFunc(s.entries, newer) }

func newer(a, b *entry) int {
	if c := b.job.CreatedAt.Compare(a.job.CreatedAt); c != 0 {
		return c
	}
	return strings.Compare(b.job.ID, a.job.ID)
}

// index is the position of the job id in the entries, or -1.
func (s *store) index(id string) int {
	return slices.IndexFunc(s.entries, func(e *entry) bool { return e.job.ID == id })
}
