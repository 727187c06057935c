package post

import (
	"strings"
	"testing"
	"time"

	"imagine/api"
	"imagine/internal/tuitest"
	"imagine/views"
)

// TestBangReportsTheSelectedCommentOrThePost: ! on the post view reports
// the comment under the cursor, or the post on the post itself; one's own
// comment is refused with the reason.
func TestBangReportsTheSelectedCommentOrThePost(t *testing.T) {
	hs := newHarness(t, 80, 24, []api.Post{post("p1", "alice", "Root post", time.Hour)}, false)
	threadFixture(hs)
	hs.keys("enter")
	r, ok := tuitest.Find[views.ReportMsg](hs.keys("!"))
	if !ok || r.Kind != views.ReportPost || r.ID != "p1" || r.Label != "the post by @alice" {
		t.Fatalf("! on the post asked %+v (%v)", r, ok)
	}
	hs.keys("j") // c1 by bob
	r, ok = tuitest.Find[views.ReportMsg](hs.keys("!"))
	if !ok || r.Kind != views.ReportComment || r.ID != "c1" || !strings.Contains(r.Label, "@bob") {
		t.Fatalf("! on bob's comment asked %+v (%v)", r, ok)
	}
	hs.keys("j", "j", "j") // c5, mine
	msgs := hs.keys("!")
	if _, asked := tuitest.Find[views.ReportMsg](msgs); asked {
		t.Fatal("reporting my own comment was asked for")
	}
	if st, _ := tuitest.Find[views.StatusMsg](msgs); !strings.Contains(st.Text, "yours") {
		t.Errorf("status = %+v", st)
	}
}
