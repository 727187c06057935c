package market

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
)

// A service's reviews ("all reviews"): the detail carries only the latest
// few, so the Reviews key opens a screen over the service's that pages
// through GET /api/marketplace/reviews, newest first as the server gives
// them. The next page is read when the cursor comes within pageAhead of
// the end of what is loaded; a failed read is tried again by moving, as
// the other paged lists do. esc goes back to the service where it was.
// Like the services, it never polls.

// reviewsPage is how many reviews a read asks for.
const reviewsPage = 20

// reviewsScreen is the reviews of the open service.
type reviewsScreen struct {
	seq     int // tags its reads (services.reviewSeq)
	items   []api.Review
	next    string
	more    bool
	loaded  bool // a first page arrived
	loading bool
	err     error
	win     views.Window
}

// reviewsMsg is a page of a service's reviews.
type reviewsMsg struct {
	seq    int
	cursor string
	page   *api.Page[api.Review]
	err    error
}

// Err lets the root classify a failed read.
func (m reviewsMsg) Err() error { return m.err }

// reviews is the open service's reviews screen, nil when none is open.
// It does not ask whether the Services section shows: a page read before
// a switch to Money is still applied when it arrives.
func (m *Model) reviews() *reviewsScreen {
	if m.svc.open == nil {
		return nil
	}
	return m.svc.open.reviews
}

// openReviews shows the open service's reviews and reads the first page.
func (m *Model) openReviews() tea.Cmd {
	o := m.svc.open
	if o == nil {
		return nil
	}
	m.svc.reviewSeq++
	o.reviews = &reviewsScreen{seq: m.svc.reviewSeq}
	return m.readReviews()
}

// readReviews reads the page after what the reviews screen holds. It is
// the operator's own read (a key opened or moved the screen), not a poll,
// so it takes the foreground budget.
func (m *Model) readReviews() tea.Cmd {
	rs := m.reviews()
	if rs == nil || m.src == nil {
		return nil
	}
	rs.loading, rs.err = true, nil
	ctx, src := m.ctx, m.src
	id, seq, cursor := m.svc.open.svc.ID, rs.seq, rs.next
	return func() tea.Msg {
		page, err := src.Reviews(ctx, id, &api.ListOptions{Limit: reviewsPage, Cursor: cursor})
		return reviewsMsg{seq: seq, cursor: cursor, page: page, err: err}
	}
}

// gotReviews applies a page and reports whether it added one; a page for
// a screen since closed, or for a cursor the screen has moved past, is
// dropped.
func (m *Model) gotReviews(msg reviewsMsg) bool {
	rs := m.reviews()
	if rs == nil || rs.seq != msg.seq || rs.next != msg.cursor {
		return false
	}
	rs.loading = false
	if msg.err != nil || msg.page == nil {
		rs.err = msg.err
		return false
	}
	rs.items = appendNew(rs.items, msg.page.Items, reviewKey)
	rs.next, rs.more, rs.loaded = msg.page.NextCursor, msg.page.HasMore && msg.page.NextCursor != "", true
	return true
}

// reviewKey tells reviews apart: a review without an ID (another server)
// by its order, else by its author and time, so appendNew keeps it.
func reviewKey(r *api.Review) string {
	switch {
	case r.ID != "":
		return r.ID
	case r.OrderID != "":
		return "order " + r.OrderID
	}
	return "by " + r.Reviewer.ID + r.Reviewer.Handle + " at " + r.CreatedAt.String()
}

// moreReviews reads the next page when the cursor is near the end of
// what is loaded, or again after a failed read (moving retries).
func (m *Model) moreReviews() tea.Cmd {
	rs := m.reviews()
	if rs == nil || rs.loading || !rs.more && rs.err == nil || rs.win.Cursor < len(rs.items)-pageAhead {
		return nil
	}
	return m.readReviews()
}

// selectedReview is the review under the cursor.
func (m *Model) selectedReview() *api.Review {
	rs := m.reviews()
	if rs == nil || len(rs.items) == 0 {
		return nil
	}
	return &rs.items[min(rs.win.Cursor, len(rs.items)-1)]
}

// reviewsKey handles a key on the reviews screen.
func (m *Model) reviewsKey(msg tea.KeyPressMsg) tea.Cmd {
	rs := m.reviews()
	lk, mk := m.keys.List, m.keys.Market
	switch {
	case key.Matches(msg, lk.Back):
		m.svc.open.reviews = nil
		return nil
	case rs.win.Navigate(msg, lk, len(rs.items), m.reviewsBodyHeight(), m.reviewHeight):
		return m.moreReviews()
	case key.Matches(msg, mk.Profile):
		return m.reviewerProfile(m.selectedReview())
	case key.Matches(msg, mk.Money):
		return m.toggleMoney()
	}
	return nil
}

// reviewerProfile opens the reviewer's profile on the pane's stack.
func (m *Model) reviewerProfile(r *api.Review) tea.Cmd {
	if r == nil {
		return nil
	}
	return openAgent(r.Reviewer.Handle, "wrote this review")
}

// clickReview selects the review at row y (a review opens nothing);
// reaching near the end reads the next page.
func (m *Model) clickReview(y int) tea.Cmd {
	rs := m.reviews()
	if rs == nil || m.CapturesInput() {
		return nil
	}
	m.touch()
	h := m.reviewsBodyHeight()
	rs.win.Fix(len(rs.items), h, m.reviewHeight)
	if hit, _ := rs.win.Click(y-reviewsHeader, len(rs.items), h, m.reviewHeight, false); !hit {
		return nil
	}
	return m.moreReviews()
}

// reviewerKey is the Profile binding as the reviews screen says it: the
// selected review's author.
func reviewerKey(b key.Binding) key.Binding {
	b.SetHelp(b.Help().Key, "reviewer's profile")
	return b
}
