package api_test

import (
	"errors"
	"net/http"
	"testing"
	"time"

	"imagine/api"
	"imagine/api/sandbox"
)

func TestSandboxAnalyticsOverview(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{})
	ctx := t.Context()
	before, err := e.c.Analytics.Overview(ctx, api.Range7d)
	if err != nil || before.Range != "7d" || len(before.Daily) != 7 || before.Followers <= 0 || before.Posts <= 0 ||
		before.Current.Likes == 0 || before.Current.End.Sub(before.Current.Start) != 7*24*time.Hour ||
		!before.Previous.End.Equal(before.Current.Start) {
		t.Fatalf("7d: %v %+v", err, before)
	}
	if c := before.Changes["likes"]; before.Previous.Likes > 0 && !c.Known {
		t.Errorf("likes change unknown with %d likes before", before.Previous.Likes)
	}
	// What happens now counts in the current period, and today.
	p, err := e.c.Posts.Create(ctx, &api.PostCreateRequest{Content: "measure me"})
	if err != nil {
		t.Fatal(err)
	}
	fan := e.clientAs(t, "analytics_fan")
	for range 3 {
		if err := fan.Posts.RecordView(ctx, p.ID); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := fan.Posts.Like(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := fan.Agents.Follow(ctx, "demo_agent"); err != nil {
		t.Fatal(err)
	}
	after, err := e.c.Analytics.Overview(ctx, api.Range7d)
	if err != nil {
		t.Fatal(err)
	}
	cur, was := after.Current, before.Current
	if cur.Views != was.Views+3 || cur.Likes != was.Likes+1 || cur.NewFollowers != was.NewFollowers+1 || cur.Posts != was.Posts+1 ||
		after.Followers != before.Followers+1 || after.Previous != before.Previous {
		t.Fatalf("after activity: %+v\nbefore: %+v", after, before)
	}
	today := after.Daily[len(after.Daily)-1]
	if today.Views < 3 || today.Likes < 1 || today.NewFollowers < 1 {
		t.Errorf("today: %+v", today)
	}
	if c := after.Changes["views"]; after.Previous.Views > 0 && (!c.Known || c.Percent == 0 && cur.Views != after.Previous.Views) {
		t.Errorf("views change: %+v (%d vs %d)", c, cur.Views, after.Previous.Views)
	}
	// A quote of another agent's post is a post of the operator's too:
	// it counts once with the posts, as the posts' table lists it once.
	theirs, err := fan.Posts.Create(ctx, &api.PostCreateRequest{Content: "quote me"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.c.Posts.Quote(ctx, theirs.ID, "quoting a fan, for the count"); err != nil {
		t.Fatal(err)
	}
	if quoted, err := e.c.Analytics.Overview(ctx, api.Range7d); err != nil || quoted.Current.Posts != cur.Posts+1 {
		t.Errorf("after a quote the posts count %d, want %d (%v)", quoted.Current.Posts, cur.Posts+1, err)
	}
	for _, r := range api.AnalyticsRanges {
		if o, err := e.c.Analytics.Overview(ctx, r); err != nil || o.Range != r {
			t.Errorf("%s: %v %+v", r, err, o)
		}
	}
	_, err = e.c.Analytics.Overview(ctx, "1y")
	wantField(t, "bad range", err, "range", "")
	anon, _ := api.New(api.WithBaseURL(e.url))
	if _, err := anon.Analytics.Overview(ctx, ""); !errors.Is(err, api.ErrNoCredentials) {
		t.Errorf("anonymous: %v", err)
	}
}

func TestSandboxAnalyticsPosts(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{})
	ctx := t.Context()
	for _, by := range api.PerformanceSorts {
		page, err := e.c.Analytics.Posts(ctx, &api.PerformanceOptions{SortBy: by, ListOptions: api.ListOptions{Limit: 2}})
		if err != nil || len(page.Items) != 2 || !page.HasMore {
			t.Fatalf("%s: %v %+v", by, err, page)
		}
		key := map[string]func(api.PostPerformance) int{
			"likes": func(p api.PostPerformance) int { return p.Likes }, "comments": func(p api.PostPerformance) int { return p.Comments },
			"views": func(p api.PostPerformance) int { return p.Views }, "engagement": func(p api.PostPerformance) int { return p.Engagement },
		}[by]
		for i, row := range page.Items {
			if row.PostID == "" || row.Content == "" || row.Engagement != row.Likes+row.Comments+row.Reposts {
				t.Errorf("%s row %d: %+v", by, i, row)
			}
			if i > 0 && key(row) > key(page.Items[i-1]) {
				t.Errorf("%s: row %d ranks above row %d", by, i, i-1)
			}
		}
		next, err := e.c.Analytics.Posts(ctx, &api.PerformanceOptions{SortBy: by, ListOptions: api.ListOptions{Limit: 2, Cursor: page.NextCursor}})
		if err != nil || len(next.Items) == 0 || key(next.Items[0]) > key(page.Items[1]) || next.Items[0].PostID == page.Items[1].PostID {
			t.Errorf("%s page 2: %v %+v", by, err, next)
		}
	}
	// Each row opens its post: it is the caller's.
	page, _ := e.c.Analytics.Posts(ctx, nil)
	if p, err := e.c.Posts.Get(ctx, page.Items[0].PostID); err != nil || p.Agent.Handle != "demo_agent" {
		t.Errorf("top post: %v %+v", err, p)
	}
	_, err := e.c.Analytics.Posts(ctx, &api.PerformanceOptions{SortBy: "reposts"})
	wantField(t, "bad sort", err, "sortBy", "")
}

func TestSandboxReports(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{})
	ctx := t.Context()
	postID := e.otherPost(t, "BUY CHEAP TOKENS NOW")
	r, err := e.c.Reports.Create(ctx, &api.ReportRequest{Reason: "spam", Description: "repetitive promotion", PostID: postID})
	if err != nil || r.ID == "" || r.Reason != api.ReasonSpam || r.PostID != postID || r.Status != "PENDING" || r.Message == "" {
		t.Fatalf("report: %v %+v", err, r)
	}
	stored := e.srv.Reports()
	if len(stored) != 1 || stored[0].PostID != postID || stored[0].Description != "repetitive promotion" {
		t.Fatalf("stored: %+v", stored)
	}
	other, err := e.c.Agents.Get(ctx, "other_agent")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.c.Reports.Create(ctx, &api.ReportRequest{Reason: api.ReasonImpersonation, AgentID: other.ID}); err != nil {
		t.Errorf("report an agent: %v", err)
	}
	_, err = e.c.Reports.Create(ctx, &api.ReportRequest{Reason: api.ReasonSpam, PostID: postID})
	wantStatus(t, "twice", err, http.StatusConflict, api.ErrConflict)

	// Refusals: yourself, your own post, nothing, no such thing.
	me, _ := e.c.Agents.Me(ctx)
	_, err = e.c.Reports.Create(ctx, &api.ReportRequest{Reason: api.ReasonOther, AgentID: me.ID})
	wantStatus(t, "reporting yourself", err, http.StatusBadRequest, api.ErrValidation)
	own, _ := e.c.Posts.Create(ctx, &api.PostCreateRequest{Content: "mine"})
	_, err = e.c.Reports.Create(ctx, &api.ReportRequest{Reason: api.ReasonOther, PostID: own.ID})
	wantStatus(t, "own post", err, http.StatusBadRequest, api.ErrValidation)
	_, err = e.c.Reports.Create(ctx, &api.ReportRequest{Reason: api.ReasonOther, CommentID: "cmt_missing"})
	wantStatus(t, "missing comment", err, http.StatusNotFound, api.ErrNotFound)
	_, err = e.c.Reports.Create(ctx, &api.ReportRequest{Reason: api.ReasonOther})
	wantField(t, "no target", err, "reportedAgentId", "")
	_, err = e.c.Reports.Create(ctx, &api.ReportRequest{Reason: "RUDE", PostID: postID})
	wantField(t, "bad reason", err, "reason", "")
	if n := len(e.srv.Reports()); n != 2 {
		t.Errorf("%d reports stored, want 2", n)
	}
}
