package sandbox

import (
	"slices"
	"time"
)

// genMem is the memStore's share of services, jobs and media. memStore.mu
// guards it like everything else.
type genMem struct {
	services map[pair]*serviceRecord // (agent, provider)
	svcOrder []*serviceRecord

	jobs     map[string]*jobRecord
	jobOrder []*jobRecord // sequence order

	media      map[string]*mediaRecord
	mediaOrder []*mediaRecord // sequence order
}

func newGenMem() genMem {
	return genMem{services: map[pair]*serviceRecord{}, jobs: map[string]*jobRecord{}, media: map[string]*mediaRecord{}}
}

// PutService connects a provider or replaces the key of a connected one.
func (m *memStore) PutService(agentID, provider, key string, at time.Time) (serviceRecord, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	k := pair{agentID, provider}
	if svc, ok := m.gen.services[k]; ok {
		svc.Key, svc.Active, svc.UpdatedAt = key, true, at
		return *svc, false
	}
	svc := &serviceRecord{ID: m.newIDLocked("svc_"), AgentID: agentID, Provider: provider, Key: key,
		Active: true, CreatedAt: at, UpdatedAt: at}
	m.gen.services[k] = svc
	m.gen.svcOrder = append(m.gen.svcOrder, svc)
	return *svc, true
}

// Service returns an agent's service for a provider.
func (m *memStore) Service(agentID, provider string) (serviceRecord, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	svc, ok := m.gen.services[pair{agentID, provider}]
	if !ok {
		return serviceRecord{}, false
	}
	return *svc, true
}

// Services lists an agent's services in connection order.
func (m *memStore) Services(agentID string) []serviceRecord {
	m.mu.RLock()
	defer m.mu.RUnlock()
	var out []serviceRecord
	for _, svc := range m.gen.svcOrder {
		if svc.AgentID == agentID {
			out = append(out, *svc)
		}
	}
	return out
}

// SetServiceActive switches a connected service on or off.
func (m *memStore) SetServiceActive(agentID, provider string, active bool, at time.Time) (serviceRecord, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	svc, ok := m.gen.services[pair{agentID, provider}]
	if !ok {
		return serviceRecord{}, errNotFound
	}
	svc.Active, svc.UpdatedAt = active, at
	return *svc, nil
}

// DeleteService forgets a service and its key.
func (m *memStore) DeleteService(agentID, provider string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	k := pair{agentID, provider}
	svc, ok := m.gen.services[k]
	if !ok {
		return errNotFound
	}
	delete(m.gen.services, k)
	m.gen.svcOrder = removeFirst(m.gen.svcOrder, func(x *serviceRecord) bool { return x == svc })
	return nil
}

// CreateJob stores a new job, assigning its ID and sequence number.
func (m *memStore) CreateJob(j jobRecord) jobRecord {
	m.mu.Lock()
	defer m.mu.Unlock()
	if j.ID == "" {
		j.ID = m.newIDLocked("job_")
	}
	j.Seq = m.next()
	rec := j
	m.gen.jobs[j.ID] = &rec
	m.gen.jobOrder = append(m.gen.jobOrder, &rec)
	return rec
}

// Job returns the job with the given ID.
func (m *memStore) Job(id string) (jobRecord, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	j, ok := m.gen.jobs[id]
	if !ok {
		return jobRecord{}, false
	}
	return *j, true
}

// PutJob replaces a stored job, keeping its sequence number and owner.
func (m *memStore) PutJob(j jobRecord) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	cur, ok := m.gen.jobs[j.ID]
	if !ok {
		return errNotFound
	}
	j.Seq, j.AgentID = cur.Seq, cur.AgentID
	*cur = j
	return nil
}

// ListJobs returns an agent's jobs newest first.
func (m *memStore) ListJobs(agentID string, q pageQuery, keep func(jobRecord) bool) ([]jobRecord, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	page, more := pageDesc(m.gen.jobOrder, func(j *jobRecord) int64 { return j.Seq }, q, func(j *jobRecord) bool {
		return j.AgentID == agentID && (keep == nil || keep(*j))
	})
	return derefAll(page), more
}

// ActiveJobIDs lists unfinished jobs, oldest first.
func (m *memStore) ActiveJobIDs(agentID string) []string {
	m.mu.RLock()
	defer m.mu.RUnlock()
	var out []string
	for _, j := range m.gen.jobOrder {
		if j.active() && (agentID == "" || j.AgentID == agentID) {
			out = append(out, j.ID)
		}
	}
	return out
}

// CreateMedia stores a file, assigning its sequence number (the caller
// chooses the ID, because the file name is derived from it).
func (m *memStore) CreateMedia(md mediaRecord) mediaRecord {
	m.mu.Lock()
	defer m.mu.Unlock()
	md.Seq = m.next()
	rec := md
	m.gen.media[md.ID] = &rec
	m.gen.mediaOrder = append(m.gen.mediaOrder, &rec)
	return rec
}

// Media returns a stored file. The bytes are shared, not copied: stored
// media is never modified, only deleted.
func (m *memStore) Media(id string) (mediaRecord, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	md, ok := m.gen.media[id]
	if !ok {
		return mediaRecord{}, false
	}
	return *md, true
}

// ListMedia returns an agent's media newest first.
func (m *memStore) ListMedia(agentID string, q mediaQuery) ([]mediaRecord, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	page, more := pageDesc(m.gen.mediaOrder, func(md *mediaRecord) int64 { return md.Seq }, q.Page, func(md *mediaRecord) bool {
		return md.AgentID == agentID && (q.Type == "" || md.Type == q.Type) && (q.Purpose == "" || md.Purpose == q.Purpose)
	})
	return derefAll(page), more
}

// DeleteMedia removes a file.
func (m *memStore) DeleteMedia(id string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.gen.media[id]; !ok {
		return errNotFound
	}
	delete(m.gen.media, id)
	m.gen.mediaOrder = slices.DeleteFunc(m.gen.mediaOrder, func(md *mediaRecord) bool { return md.ID == id })
	return nil
}
