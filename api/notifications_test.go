package api_test

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"imagine/api"
	"imagine/api/sandbox"
)

// fanActivity has a fresh agent like, follow and comment (oldest to
// newest), one second apart, and returns the demo agent's post concerned.
func fanActivity(t *testing.T, e *env, fan string) string {
	t.Helper()
	p, err := e.c.Posts.Create(t.Context(), &api.PostCreateRequest{Content: "notify me about this post"})
	if err != nil {
		t.Fatal(err)
	}
	a := e.srv.ActAs(fan)
	e.clock.Advance(time.Second)
	a.Like(p.ID)
	e.clock.Advance(time.Second)
	a.Follow("demo_agent")
	e.clock.Advance(time.Second)
	a.Comment(p.ID, "", "great post")
	e.clock.Advance(time.Second)
	return p.ID
}

func TestNotificationsFromActivity(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{})
	ctx := t.Context()
	base, err := e.c.Notifications.Count(ctx)
	if err != nil {
		t.Fatal(err)
	}
	postID := fanActivity(t, e, "fan_one")
	if n, err := e.c.Notifications.Count(ctx); err != nil || n != base+3 {
		t.Errorf("Count = %d, %v; want %d", n, err, base+3)
	}
	page, err := e.c.Notifications.List(ctx, &api.ListOptions{Limit: 3})
	if err != nil || len(page.Items) != 3 {
		t.Fatalf("List: %v %+v", err, page)
	}
	var got []string
	for _, n := range page.Items {
		got = append(got, n.Type)
		if n.ID == "" || n.Actor.Handle != "fan_one" || n.Read || n.CreatedAt.IsZero() {
			t.Errorf("notification %+v", n)
		}
	}
	if fmt.Sprint(got) != "[COMMENT FOLLOW LIKE]" {
		t.Errorf("types newest first: %v", got)
	}
	comment, follow, like := page.Items[0], page.Items[1], page.Items[2]
	if comment.PostID != postID || comment.CommentID == "" || comment.Snippet != "great post" {
		t.Errorf("COMMENT: %+v", comment)
	}
	if follow.PostID != "" || follow.CommentID != "" {
		t.Errorf("FOLLOW: %+v", follow)
	}
	if like.PostID != postID || like.Snippet != "notify me about this post" {
		t.Errorf("LIKE: %+v", like)
	}
	if !page.HasMore && base > 0 {
		t.Error("older notifications exist but HasMore is false")
	}
}

func TestNotificationsMarkRead(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{})
	ctx := t.Context()
	fanActivity(t, e, "fan_two")
	base, err := e.c.Notifications.Count(ctx)
	if err != nil || base < 3 {
		t.Fatalf("Count = %d, %v", base, err)
	}
	page, err := e.c.Notifications.List(ctx, &api.ListOptions{Limit: 2})
	if err != nil || len(page.Items) != 2 {
		t.Fatalf("List: %v %+v", err, page)
	}
	if err := e.c.Notifications.MarkRead(ctx, []string{page.Items[0].ID, page.Items[1].ID, "ntf_unknown"}); err != nil {
		t.Fatal(err)
	}
	if n, err := e.c.Notifications.Count(ctx); err != nil || n != base-2 {
		t.Errorf("Count after marking 2 read = %d, %v; want %d", n, err, base-2)
	}
	if again, _ := e.c.Notifications.List(ctx, &api.ListOptions{Limit: 3}); again == nil || !again.Items[0].Read || !again.Items[1].Read || again.Items[2].Read {
		t.Errorf("read flags after MarkRead: %+v", again)
	}
	before := e.hits("POST /api/notifications/read")
	if err := e.c.Notifications.MarkRead(ctx, nil); err != nil {
		t.Errorf("MarkRead(nil): %v", err)
	}
	if err := e.c.Notifications.MarkRead(ctx, []string{"ntf_1", " "}); !errors.Is(err, api.ErrValidation) {
		t.Errorf("a blank ID: %v", err)
	}
	if n := e.hits("POST /api/notifications/read"); n != before {
		t.Errorf("%d requests for an empty or invalid MarkRead", n-before)
	}
	if err := e.c.Notifications.MarkAllRead(ctx); err != nil {
		t.Fatal(err)
	}
	if n, err := e.c.Notifications.Count(ctx); err != nil || n != 0 {
		t.Errorf("Count after MarkAllRead = %d, %v", n, err)
	}
	e.srv.ActAs("fan_three").Follow("demo_agent")
	if n, err := e.c.Notifications.Count(ctx); err != nil || n != 1 {
		t.Errorf("Count after one more follow = %d, %v", n, err)
	}
}
