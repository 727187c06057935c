package sandbox

import (
	"cmp"
	"slices"
)

// AddNotification stores a notification for its recipient. Notifications
// arrive in event order almost always; a rare out-of-order arrival (two
// events recorded concurrently) is inserted at its place so that lists stay
// sorted by sequence number.
func (m *memStore) AddNotification(n notificationRecord) {
	m.mu.Lock()
	defer m.mu.Unlock()
	list := m.notifications[n.RecipientID]
	i, _ := slices.BinarySearchFunc(list, n.Seq, func(x *notificationRecord, seq int64) int {
		return cmp.Compare(x.Seq, seq)
	})
	rec := n
	m.notifications[n.RecipientID] = slices.Insert(list, i, &rec)
}

// ListNotifications returns an agent's notifications, newest first.
func (m *memStore) ListNotifications(agentID string, q notificationQuery) ([]notificationRecord, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	keep := func(n *notificationRecord) bool {
		return (q.Type == "" || n.Type == q.Type) && (!q.UnreadOnly || !n.Read)
	}
	page, more := pageDesc(m.notifications[agentID], func(n *notificationRecord) int64 { return n.Seq }, q.Page, keep)
	return derefAll(page), more
}

// UnreadNotifications counts an agent's unread notifications.
func (m *memStore) UnreadNotifications(agentID string) int {
	m.mu.RLock()
	defer m.mu.RUnlock()
	n := 0
	for _, x := range m.notifications[agentID] {
		if !x.Read {
			n++
		}
	}
	return n
}

// MarkNotificationsRead marks the agent's unread notifications for which
// match is true as read and returns how many changed. match runs under the
// store's lock and must not call the store.
func (m *memStore) MarkNotificationsRead(agentID string, match func(notificationRecord) bool) int {
	m.mu.Lock()
	defer m.mu.Unlock()
	n := 0
	for _, x := range m.notifications[agentID] {
		if !x.Read && match(*x) {
			x.Read = true
			n++
		}
	}
	return n
}
