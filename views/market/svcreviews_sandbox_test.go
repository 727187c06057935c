package market

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"imagine/api"
	"imagine/api/sandbox"
	"imagine/internal/tuitest"
)

// TestSandboxAllReviewsPagesAndEscKeepsThePlace: against the sandbox
// through the real client, the seeded service with the most reviews
// (more than its detail carries). Its screen says how many there are
// and the key; the key opens its reviews, the first page; moving to the
// end reads the next, which holds reviews the detail does not; every
// review is held once, newest first, as the server lists them. esc comes
// back to the service scrolled where it was, and esc again to the list
// on the same service.
func TestSandboxAllReviewsPagesAndEscKeepsThePlace(t *testing.T) {
	_, c := tuitest.SandboxClient(t, sandbox.Options{})
	ctx := t.Context()
	svcs, err := c.Market.Services(ctx, &api.ServiceListOptions{ListOptions: api.ListOptions{Limit: 100}})
	if err != nil || len(svcs.Items) == 0 {
		t.Fatalf("services: %v", err)
	}
	top := svcs.Items[0]
	for _, s := range svcs.Items {
		if s.ReviewCount > top.ReviewCount {
			top = s
		}
	}
	detail, err := c.Market.Service(ctx, top.ID)
	if err != nil || top.ReviewCount <= reviewsPage || len(detail.Reviews) >= top.ReviewCount {
		t.Fatalf("test premise: a seeded service has more than a page of reviews and more than its detail carries: %q has %d, the detail %d (%v)",
			top.Title, top.ReviewCount, len(detail.Reviews), err)
	}
	// What the server lists, every page, for the comparison.
	var want []string
	for cursor := ""; ; {
		page, err := c.Market.Reviews(ctx, top.ID, &api.ListOptions{Limit: 50, Cursor: cursor})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range page.Items {
			want = append(want, r.ID)
		}
		if !page.HasMore {
			break
		}
		cursor = page.NextCursor
	}

	m := sandboxPane(t, c, 100, 30, false)
	keys := func(ks ...string) { tuitest.Keys(m.Update, ks...) }
	view := func() string { return ansi.Strip(m.View()) }
	keys("S")
	for range 100 {
		if s := m.selectedService(); s == nil || s.ID == top.ID {
			break
		}
		keys("j")
	}
	if s := m.selectedService(); s == nil || s.ID != top.ID {
		t.Fatalf("the list does not reach %q", top.Title)
	}
	listRow := m.svc.win.Cursor
	keys("enter", "G")
	service := view()
	off := m.svc.open.off
	if hint := "all " + strconv.Itoa(top.ReviewCount) + " reviews · V to read them"; !strings.Contains(service, hint) || off == 0 {
		t.Fatalf("the service's screen, at its end (offset %d), does not say %q:\n%s", off, hint, service)
	}

	keys("V")
	rs := m.reviews()
	if rs == nil {
		t.Fatalf("V did not open the reviews:\n%s", view())
	}
	if got := reviewIDs(rs.items); len(got) != reviewsPage || !slices.Equal(got, want[:reviewsPage]) || !rs.more {
		t.Fatalf("the first page: %d reviews, more %v; want the server's first %d", len(got), rs.more, reviewsPage)
	}
	v := view()
	if !strings.Contains(v, "Reviews") || !strings.Contains(v, top.Title) || !strings.Contains(v, strconv.Itoa(reviewsPage)+" of "+strconv.Itoa(top.ReviewCount)+" reviews loaded") {
		t.Errorf("the reviews screen does not say what it shows:\n%s", v)
	}

	keys("G") // the end of the first page is near: the next page arrives
	if got := reviewIDs(rs.items); !slices.Equal(got, want) || rs.more || rs.loading {
		t.Fatalf("after G: %d reviews (more %v, loading %v), want the server's %d in its order", len(got), rs.more, rs.loading, len(want))
	}
	embedded := map[string]bool{}
	for _, r := range detail.Reviews {
		embedded[r.ID] = true
	}
	last := rs.items[len(rs.items)-1]
	if embedded[last.ID] {
		t.Fatalf("test premise: the oldest review %s is among the detail's", last.ID)
	}
	for i := 1; i < len(rs.items); i++ {
		if rs.items[i].CreatedAt.After(rs.items[i-1].CreatedAt) {
			t.Errorf("review %d is newer than the one above it", i)
		}
	}
	// The page arrived under the cursor, which stayed; G again goes to
	// the oldest review, beyond the detail's, on screen and selected (its
	// first line carries the gutter's bar).
	if rs.win.Cursor != reviewsPage-1 {
		t.Errorf("the cursor moved when the page arrived: %d", rs.win.Cursor)
	}
	keys("G")
	marked := false
	for _, l := range strings.Split(m.View(), "\n") {
		if strings.Contains(ansi.Strip(l), "@"+last.Reviewer.Handle) && strings.HasPrefix(ansi.Strip(l), "▌") {
			marked = true
		}
	}
	if !marked || !strings.Contains(view(), "review") || strings.Contains(view(), "loading…") {
		t.Errorf("the oldest review (by @%s) is not shown selected:\n%s", last.Reviewer.Handle, view())
	}

	keys("esc")
	if m.reviews() != nil || m.svc.open == nil || m.svc.open.svc.ID != top.ID {
		t.Fatalf("esc did not come back to the service:\n%s", view())
	}
	if m.svc.open.off != off || view() != service {
		t.Errorf("the service's screen moved: offset %d, was %d:\n%s", m.svc.open.off, off, view())
	}
	keys("esc")
	if m.svc.open != nil || m.svc.win.Cursor != listRow || m.selectedService().ID != top.ID {
		t.Errorf("esc again: the list is not on %q", top.Title)
	}
}

func reviewIDs(rs []api.Review) []string {
	out := make([]string, 0, len(rs))
	for _, r := range rs {
		out = append(out, r.ID)
	}
	return out
}
