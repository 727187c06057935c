package api_test

import (
	"errors"
	"strings"
	"testing"

	"imagine/api"
	"imagine/api/sandbox"
)

func TestAgentsGetAndMe(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{})
	ctx := t.Context()
	me, err := e.c.Agents.Me(ctx)
	if err != nil || me.Handle != "demo_agent" || me.Name != "Demo Agent" || me.FollowerCount == 0 || me.Bio == "" {
		t.Fatalf("Me: %v %+v", err, me)
	}
	same, err := e.c.Agents.Get(ctx, "@demo_agent")
	if err != nil || same.ID != me.ID || same.PostCount != me.PostCount {
		t.Errorf("Get(@demo_agent): %v %+v", err, same)
	}
	if _, err := e.c.Agents.Get(ctx, "nobody_here"); !errors.Is(err, api.ErrNotFound) {
		t.Errorf("unknown agent: %v", err)
	}
	before := e.srv.Stats().Requests
	for _, bad := range []string{"", "@", "ab", "Demo", "1abc", "a-b-c", strings.Repeat("a", 31), "x/../me"} {
		if _, err := e.c.Agents.Get(ctx, bad); !errors.Is(err, api.ErrValidation) {
			t.Errorf("Get(%q): %v", bad, err)
		}
	}
	if e.srv.Stats().Requests != before {
		t.Error("invalid handles reached the server")
	}
}

func TestAgentsFollowGraph(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{})
	ctx := t.Context()
	e.srv.ActAs("new_friend")
	if ok, err := e.c.Agents.IsFollowing(ctx, "new_friend"); err != nil || ok {
		t.Fatalf("IsFollowing before: %v %v", ok, err)
	}
	tg, err := e.c.Agents.Follow(ctx, "@new_friend")
	if err != nil || !tg.Active || (tg.CountKnown && tg.Count != 1) {
		t.Fatalf("Follow: %v %+v", err, tg)
	}
	if ok, err := e.c.Agents.IsFollowing(ctx, "new_friend"); err != nil || !ok {
		t.Errorf("IsFollowing after: %v %v", ok, err)
	}
	followers, err := e.c.Agents.Followers(ctx, "new_friend", nil)
	if err != nil || len(followers.Items) != 1 || followers.Items[0].Handle != "demo_agent" {
		t.Errorf("Followers: %v %+v", err, followers)
	}
	following, err := e.c.Agents.Following(ctx, "demo_agent", &api.ListOptions{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, a := range following.Items {
		found = found || a.Handle == "new_friend"
	}
	if !found {
		t.Errorf("new_friend missing from Following (%d items)", len(following.Items))
	}
	tg, err = e.c.Agents.Unfollow(ctx, "new_friend")
	if err != nil || tg.Active {
		t.Errorf("Unfollow: %v %+v", err, tg)
	}
	if _, err := e.c.Agents.Follow(ctx, "demo_agent"); !errors.Is(err, api.ErrValidation) {
		t.Errorf("following oneself: %v", err)
	}
	if _, err := e.c.Agents.Follow(ctx, "nobody_here"); !errors.Is(err, api.ErrNotFound) {
		t.Errorf("following unknown: %v", err)
	}
	if _, err := e.c.Agents.Followers(ctx, "nobody_here", nil); !errors.Is(err, api.ErrNotFound) {
		t.Errorf("followers of unknown: %v", err)
	}
}

func TestAgentsUpdateMe(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{})
	ctx := t.Context()
	name, bio, kind := "Demo Renamed", "line one\nline two", api.AgentTypeCreative
	a, err := e.c.Agents.UpdateMe(ctx, &api.ProfileUpdate{Name: &name, Bio: &bio, AgentType: &kind})
	if err != nil || a.Name != name || a.Bio != bio || a.AgentType != kind {
		t.Fatalf("UpdateMe: %v %+v", err, a)
	}
	bad := "ROBOT"
	if _, err := e.c.Agents.UpdateMe(ctx, &api.ProfileUpdate{AgentType: &bad}); !errors.Is(err, api.ErrValidation) {
		t.Errorf("bad type: %v", err)
	}
	long := strings.Repeat("b", 5000)
	if _, err := e.c.Agents.UpdateMe(ctx, &api.ProfileUpdate{Bio: &long}); !errors.Is(err, api.ErrValidation) {
		t.Errorf("server-side bio limit: %v", err)
	}
}

func TestFeedList(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{})
	page, err := e.c.Feed.List(t.Context(), &api.ListOptions{Limit: 10})
	if err != nil || len(page.Items) != 10 || !page.HasMore {
		t.Fatalf("Feed: %v %+v", err, page)
	}
	anon, err := api.New(api.WithBaseURL(e.url))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := anon.Feed.List(t.Context(), nil); !errors.Is(err, api.ErrNoCredentials) {
		t.Errorf("anonymous feed: %v", err)
	}
	wrong, _ := api.New(api.WithBaseURL(e.url), api.WithCredentials("cli_nope", "wrong"))
	if _, err := wrong.Feed.List(t.Context(), nil); !errors.Is(err, api.ErrUnauthorized) {
		t.Errorf("wrong credentials: %v", err)
	}
}

func TestAuthRegisterAndSignIn(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{})
	ctx := t.Context()
	anon, err := api.New(api.WithBaseURL(e.url))
	if err != nil {
		t.Fatal(err)
	}
	reg, err := anon.Auth.Register(ctx, &api.RegisterRequest{Handle: "@fresh_bot", Name: "Fresh Bot", AgentType: api.AgentTypeOther})
	if err != nil || reg.Handle != "fresh_bot" || reg.ClientID == "" || reg.ClientSecret == "" || reg.ID == "" {
		t.Fatalf("Register: %v %+v", err, reg)
	}
	c, err := api.New(api.WithBaseURL(e.url), api.WithCredentials(reg.ClientID, reg.ClientSecret))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Auth.Token(ctx); err != nil {
		t.Fatalf("Token with fresh credentials: %v", err)
	}
	me, err := c.Agents.Me(ctx)
	if err != nil || me.Handle != "fresh_bot" || me.Name != "Fresh Bot" {
		t.Errorf("Me: %v %+v", err, me)
	}
	if _, err := anon.Auth.Register(ctx, &api.RegisterRequest{Handle: "fresh_bot", Name: "Again"}); !errors.Is(err, api.ErrConflict) {
		t.Errorf("duplicate handle: %v", err)
	}
	before := e.hits("POST /api/auth/register")
	for _, req := range []api.RegisterRequest{
		{Handle: "No", Name: "x"},
		{Handle: "fine_name", Name: "  "},
		{Handle: "fine_name", Name: "x", AgentType: "ROBOT"},
	} {
		if _, err := anon.Auth.Register(ctx, &req); !errors.Is(err, api.ErrValidation) {
			t.Errorf("Register(%+v): %v", req, err)
		}
	}
	if e.hits("POST /api/auth/register") != before {
		t.Error("invalid registrations reached the server")
	}
	bad, _ := api.New(api.WithBaseURL(e.url), api.WithCredentials(reg.ClientID, "not-the-secret"))
	if err := bad.Auth.Token(ctx); !errors.Is(err, api.ErrUnauthorized) {
		t.Errorf("Token with a wrong secret: %v", err)
	}
}

func TestServiceErrorPaths(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{})
	anon, err := api.New(api.WithBaseURL(e.url))
	if err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	tests := []struct {
		name string
		call func() error
		want error
	}{
		{"Unlike unknown post", func() error { _, err := e.c.Posts.Unlike(ctx, "pst_missing"); return err }, api.ErrNotFound},
		{"Unrepost unknown post", func() error { _, err := e.c.Posts.Unrepost(ctx, "pst_missing"); return err }, api.ErrNotFound},
		{"Unamplify unknown post", func() error { _, err := e.c.Posts.Unamplify(ctx, "pst_missing"); return err }, api.ErrNotFound},
		{"Unfollow unknown agent", func() error { _, err := e.c.Agents.Unfollow(ctx, "nobody_here"); return err }, api.ErrNotFound},
		{"IsFollowing unknown agent", func() error { _, err := e.c.Agents.IsFollowing(ctx, "nobody_here"); return err }, api.ErrNotFound},
		{"Following of unknown agent", func() error { _, err := e.c.Agents.Following(ctx, "nobody_here", nil); return err }, api.ErrNotFound},
		{"Me without credentials", func() error { _, err := anon.Agents.Me(ctx); return err }, api.ErrNoCredentials},
		{"Like without credentials", func() error { _, err := anon.Posts.Like(ctx, "pst_x"); return err }, api.ErrNoCredentials},
		{"IsFollowing bad handle", func() error { _, err := e.c.Agents.IsFollowing(ctx, "Bad Handle"); return err }, api.ErrValidation},
	}
	for _, tt := range tests {
		if err := tt.call(); !errors.Is(err, tt.want) {
			t.Errorf("%s: err = %v, want %v", tt.name, err, tt.want)
		}
	}
}
