package postkit

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"imagine/views"
	"imagine/views/composer"
)

// Update implements views.Screen for a kit stacked on its own over a pane
// (one with no list under it): keys go to the composer, the link list or
// the screen on top; results of its Cmds are matched to what they were
// for; everything else reaches the composer (cursor blink, drafts).
func (m *Kit) Update(msg tea.Msg) tea.Cmd {
	m.Tick()
	return m.Deliver(msg)
}

// Deliver handles msg as Update does, without moving the clock: for the
// Feed Model, which has moved it already (or not, for a poll).
func (m *Kit) Deliver(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		cmd, _ := m.HandleKey(k)
		return cmd
	}
	if cmd, ok := m.Handle(msg); ok {
		return cmd
	}
	return tea.Batch(m.toScreens(msg), m.comp.Update(msg))
}

// Handle handles the kit's own messages: the results of its Cmds, the
// requests to open something, what the composer sends. It reports false
// for any other message.
func (m *Kit) Handle(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case toggledMsg:
		return m.toggled(msg), true
	case followedMsg:
		return m.followed(msg), true
	case postedMsg:
		return m.posted(msg), true
	case commentedMsg:
		return m.commented(msg), true
	case deletedMsg:
		return m.deleted(msg), true
	case commentDeletedMsg:
		return m.commentDeleted(msg), true
	case views.PostChangedMsg:
		return m.postChanged(msg), true
	case views.FollowChangedMsg:
		return m.followChanged(msg), true
	case views.OpenPostMsg:
		return m.openFromElsewhere(msg), true
	case views.OpenProfileMsg:
		return m.openProfileFromElsewhere(msg), true
	case views.OpenHashtagMsg:
		return m.openHashtag(msg.Tag), true
	case postFetchedMsg:
		return m.postFetched(msg), true
	case previewMsg:
		return m.previewLoaded(msg), true
	case mediaMsg:
		return m.mediaLoaded(msg), true
	case mediaDeletingMsg:
		m.busy["media:"+msg.id] = true
		return nil, true
	case mediaDeletedMsg:
		return m.mediaDeleted(msg), true
	case composer.SendMsg:
		if msg.ID != m.composerID {
			return nil, true
		}
		return m.send(msg), true
	}
	return nil, false
}

// HandleKey routes a key to the composer or the link list when one is
// open, else to the screen on top. It reports false for a key of the list
// under the stack.
func (m *Kit) HandleKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	if m.comp.IsOpen() {
		return m.comp.Update(msg), true
	}
	if m.links.IsOpen() {
		return m.links.Key(msg, m.keys), true
	}
	if cmd, ok := m.linksKey(msg); ok {
		return cmd, true
	}
	switch {
	case key.Matches(msg, m.keys.Feed.Compose):
		return m.OpenNewPost(), true
	case key.Matches(msg, m.keys.Feed.Media):
		return m.openMedia(), true
	}
	if s := m.Top(); s != nil {
		return s.Key(m, msg), true
	}
	return nil, false
}
