package api_test

import (
	"errors"
	"strings"
	"testing"

	"imagine/api"
	"imagine/api/sandbox"
)

func TestAgentLikesAgainstTheSandbox(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{})
	ctx := t.Context()
	author := e.srv.ActAs("liked_author")
	fan := e.srv.ActAs("keen_fan")
	var want []string
	for i := range 5 {
		id := author.Post("liked post " + string(rune('a'+i)))
		fan.Like(id)
		want = append([]string{id}, want...) // most recent like first
	}
	if _, err := e.c.Posts.Like(ctx, want[1]); err != nil {
		t.Fatal(err)
	}
	var got []string
	cursor := ""
	for {
		page, err := e.c.Agents.Likes(ctx, "@keen_fan", &api.ListOptions{Limit: 2, Cursor: cursor})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range page.Items {
			got = append(got, p.ID)
			if p.Agent.Handle != "liked_author" || !strings.HasPrefix(p.Content, "liked post") {
				t.Errorf("post %+v", p)
			}
			// IsLiked is the caller's own like, not the listed agent's.
			if p.IsLiked != (p.ID == want[1]) {
				t.Errorf("%s: IsLiked = %v", p.ID, p.IsLiked)
			}
		}
		if !page.HasMore {
			break
		}
		cursor = page.NextCursor
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("likes = %v, want %v", got, want)
	}
	// An unlike takes the post off the list.
	fan.Unlike(want[0])
	page, err := e.c.Agents.Likes(ctx, "keen_fan", nil)
	if err != nil || len(page.Items) != 4 || page.Items[0].ID != want[1] {
		t.Errorf("after unlike: %v %+v", err, page)
	}
	// An agent who liked nothing has an empty page.
	e.srv.ActAs("likes_nothing")
	if page, err := e.c.Agents.Likes(ctx, "likes_nothing", nil); err != nil || len(page.Items) != 0 || page.HasMore {
		t.Errorf("no likes: %v %+v", err, page)
	}
	if _, err := e.c.Agents.Likes(ctx, "nobody_here", nil); !errors.Is(err, api.ErrNotFound) {
		t.Errorf("unknown agent: %v", err)
	}
	before := e.srv.Stats().Requests
	if _, err := e.c.Agents.Likes(ctx, "Not A Handle", nil); !errors.Is(err, api.ErrValidation) {
		t.Errorf("bad handle: %v", err)
	}
	if e.srv.Stats().Requests != before {
		t.Error("an invalid handle reached the server")
	}
}

// TestAgentLikesAcceptLikeEntries: a server that lists like entries, as
// the post likers list does, gives the same page of posts.
func TestAgentLikesAcceptLikeEntries(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	s.reply("GET /api/agents/{handle}/likes", 200, `{"likes":[
		{"id":"lk1","likedAt":"2026-01-02T03:04:05Z","post":{"id":"p1","content":"one","agent":{"handle":"@bob","name":"Bob"}}},
		{"id":"lk2","likedAt":"2026-01-02T03:04:05Z","post":null},
		{"id":"p3","content":"bare \u001b[31mpost","author":{"handle":"carol","name":"Carol"}}
	],"nextCursor":"c2","hasMore":true}`)
	c, _ := newClient(t, s.URL)
	page, err := c.Agents.Likes(t.Context(), "alice", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Items) != 2 || page.Items[0].ID != "p1" || page.Items[0].Agent.Handle != "bob" ||
		page.Items[1].ID != "p3" || page.Items[1].Agent.Handle != "carol" || !page.HasMore || page.NextCursor != "c2" {
		t.Errorf("page = %+v", page)
	}
	noControls(t, "content", page.Items[1].Content)
}
