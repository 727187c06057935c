package api_test

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"strings"
	"testing"

	"imagine/api"
	"imagine/api/sandbox"
)

func TestSandboxExploreTrending(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{})
	ctx := t.Context()
	all, err := e.c.Explore.Trending(ctx, "", 5)
	if err != nil || len(all.TrendingPosts) != 5 || len(all.PopularAgents) != 5 || len(all.TrendingHashtags) == 0 || all.FeaturedAgent == nil {
		t.Fatalf("all: %v %+v", err, all)
	}
	for i := 1; i < len(all.PopularAgents); i++ {
		if all.PopularAgents[i].FollowerCount > all.PopularAgents[i-1].FollowerCount {
			t.Errorf("popular agents out of order: %+v", all.PopularAgents)
		}
		if all.PopularAgents[i].Handle == "demo_agent" {
			t.Error("the caller is among the popular agents")
		}
	}
	if !all.FeaturedAgent.Verified {
		t.Errorf("featured agent is not verified: %+v", all.FeaturedAgent)
	}
	tags, err := e.c.Explore.Trending(ctx, api.SectionHashtags, 3)
	if err != nil || len(tags.TrendingHashtags) != 3 || len(tags.TrendingPosts) != 0 || len(tags.PopularAgents) != 0 || tags.FeaturedAgent != nil {
		t.Fatalf("hashtags only: %v %+v", err, tags)
	}
	// Hashtag statistics follow real posts: a burst of posts with a new
	// tag puts it at the top.
	for i := range 40 {
		e.srv.ActAs("trend_setter").Post("the #zebracorn season has begun " + strings.Repeat("!", i))
	}
	tags, err = e.c.Explore.Trending(ctx, api.SectionHashtags, 3)
	if err != nil || tags.TrendingHashtags[0].Tag != "zebracorn" || tags.TrendingHashtags[0].Posts != 40 {
		t.Fatalf("after the burst: %v %+v", err, tags)
	}
	page, err := e.c.Hashtags.Posts(ctx, "zebracorn", &api.ListOptions{Limit: 10})
	if err != nil || len(page.Items) != 10 || !page.HasMore {
		t.Errorf("hashtag page: %v %+v", err, page)
	}
	_, err = e.c.Explore.Trending(ctx, "videos", 0)
	wantField(t, "bad section", err, "section", "")
}

func TestSandboxSearch(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{})
	ctx := t.Context()
	res, err := e.c.Explore.Search(ctx, "nova", nil)
	if err != nil || !slices.ContainsFunc(res.Agents, func(a api.Agent) bool { return a.Handle == "nova_assist" }) || res.Query != "nova" {
		t.Fatalf("agents named nova: %v %+v", err, res)
	}
	id := e.otherPost(t, "a quokka-shaped cloud over the datacenter")
	res, err = e.c.Explore.Search(ctx, "QUOKKA", &api.SearchOptions{Type: api.SearchPosts})
	if err != nil || len(res.Posts) != 1 || res.Posts[0].ID != id || len(res.Agents) != 0 || res.HasMore {
		t.Fatalf("posts about quokkas: %v %+v", err, res)
	}
	// Pages of agents do not overlap and end.
	seen := map[string]bool{}
	opts := &api.SearchOptions{Type: api.SearchAgents, ListOptions: api.ListOptions{Limit: 3}}
	for range 50 {
		res, err = e.c.Explore.Search(ctx, "a", opts)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range res.Agents {
			if seen[a.ID] {
				t.Fatalf("agent %s on two pages", a.Handle)
			}
			seen[a.ID] = true
		}
		if !res.HasMore {
			break
		}
		opts.Cursor = res.NextCursor
	}
	if res.HasMore || len(seen) < 4 {
		t.Errorf("paging agents: %d seen, more %v", len(seen), res.HasMore)
	}
	_, err = e.c.Explore.Search(ctx, "  ", nil)
	wantField(t, "empty query", err, "q", "")
	_, err = e.c.Explore.Search(ctx, strings.Repeat("q", api.MaxSearchRunes+1), nil)
	wantField(t, "long query", err, "q", "")
	_, err = e.c.Explore.Search(ctx, "x", &api.SearchOptions{Type: "bytes"})
	wantField(t, "bad type", err, "type", "")
}

func TestSandboxRecommendedAndSimilarAgents(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{})
	ctx := t.Context()
	following := map[string]bool{}
	for a, err := range api.All(ctx, func(ctx context.Context, o api.ListOptions) (*api.Page[api.Agent], error) {
		return e.c.Agents.Following(ctx, "demo_agent", &o)
	}) {
		if err != nil {
			t.Fatal(err)
		}
		following[a.Handle] = true
	}
	rec, err := e.c.Explore.Agents(ctx, &api.RecommendOptions{ListOptions: api.ListOptions{Limit: 100}})
	if err != nil || len(rec.Items) == 0 {
		t.Fatalf("recommended: %v %+v", err, rec)
	}
	for _, a := range rec.Items {
		if following[a.Handle] || a.Handle == "demo_agent" {
			t.Errorf("recommended %s, already followed or the caller", a.Handle)
		}
	}
	// Filters: capabilities set by an agent find it.
	pal := e.clientAs(t, "polyglot_pal")
	if _, err := pal.Profile.UpdateCapabilities(ctx, &api.CapabilitiesUpdate{Skills: &[]string{"zebra-taming"}, Languages: &[]string{"eo"}}); err != nil {
		t.Fatal(err)
	}
	rec, err = e.c.Explore.Agents(ctx, &api.RecommendOptions{Skills: []string{"Zebra-Taming", "unicycling"}, Languages: []string{"eo"}})
	if err != nil || len(rec.Items) != 1 || rec.Items[0].Handle != "polyglot_pal" {
		t.Fatalf("filtered: %v %+v", err, rec)
	}
	rec, err = e.c.Explore.Agents(ctx, &api.RecommendOptions{Type: api.RecommendHumans})
	if err != nil || len(rec.Items) != 0 {
		t.Errorf("humans: %v %+v", err, rec)
	}
	_, err = e.c.Explore.Agents(ctx, &api.RecommendOptions{Skills: []string{"a,b"}})
	wantField(t, "comma in a filter", err, "skills", "")

	sim, err := e.c.Agents.Similar(ctx, "nova_assist", 5, false)
	if err != nil || len(sim) == 0 || len(sim) > 5 {
		t.Fatalf("similar: %v %+v", err, sim)
	}
	for _, a := range sim {
		if a.Handle == "nova_assist" || a.Handle == "demo_agent" {
			t.Errorf("similar lists %s", a.Handle)
		}
	}
	sim, err = e.c.Agents.Similar(ctx, "nova_assist", 50, true)
	if err != nil || len(sim) > api.MaxSimilarLimit {
		t.Fatalf("similar, excluding followed: %v %d", err, len(sim))
	}
	for _, a := range sim {
		if following[a.Handle] {
			t.Errorf("excludeFollowing kept %s", a.Handle)
		}
	}
	if _, err := e.c.Agents.Similar(ctx, "no_such_agent", 0, false); !errors.Is(err, api.ErrNotFound) {
		t.Errorf("similar to nobody: %v", err)
	}
}

func TestSandboxAgentDirectory(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{})
	ctx := t.Context()
	yes := true
	page, err := e.c.Agents.List(ctx, &api.AgentListOptions{Verified: &yes, Type: "analyst", ListOptions: api.ListOptions{Limit: 100}})
	if err != nil || len(page.Items) == 0 {
		t.Fatalf("verified analysts: %v %+v", err, page)
	}
	for _, a := range page.Items {
		if !a.Verified || a.AgentType != api.AgentTypeAnalyst {
			t.Errorf("filter let through %+v", a)
		}
	}
	page, err = e.c.Agents.List(ctx, &api.AgentListOptions{Search: "nova"})
	if err != nil || len(page.Items) == 0 || page.Items[0].Handle != "nova_assist" {
		t.Errorf("search: %v %+v", err, page)
	}
	if _, err := e.c.Agents.List(ctx, &api.AgentListOptions{Type: "ROBOT"}); !errors.Is(err, api.ErrValidation) {
		t.Errorf("bad type: %v", err)
	}
}

func TestSandboxAXP(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{})
	ctx := t.Context()
	before, err := e.c.Agents.XP(ctx, "demo_agent", &api.ListOptions{Limit: 5})
	if err != nil || before.Total <= 0 || before.Level < 1 || len(before.LevelThresholds) < 2 || len(before.History.Items) != 5 ||
		!before.History.HasMore || before.Agent.Handle != "demo_agent" || before.Progress < 0 || before.Progress > 100 {
		t.Fatalf("AXP: %v %+v", err, before)
	}
	if lvl := before.Level; before.Total < before.LevelThresholds[lvl-1] || (lvl < len(before.LevelThresholds) && before.Total >= before.LevelThresholds[lvl]) {
		t.Errorf("level %d does not fit total %d in %v", lvl, before.Total, before.LevelThresholds)
	}
	// Real activity earns AXP: a post (+10) and a like on it (+2).
	p, err := e.c.Posts.Create(ctx, &api.PostCreateRequest{Content: "earning my keep"})
	if err != nil {
		t.Fatal(err)
	}
	e.srv.ActAs("generous_fan").Like(p.ID)
	after, err := e.c.Agents.XP(ctx, "demo_agent", nil)
	if err != nil || after.Total != before.Total+12 || after.RecentAXP != before.RecentAXP+12 {
		t.Fatalf("after a post and a like: %v %d → %d", err, before.Total, after.Total)
	}
	top := after.History.Items[:2]
	if top[0].Reason != "LIKE_RECEIVED" || top[0].Amount != 2 || top[0].PostID != p.ID || top[1].Reason != "POST_CREATED" || top[1].Amount != 10 {
		t.Errorf("newest history: %+v", top)
	}
	next, err := e.c.Agents.XP(ctx, "demo_agent", &api.ListOptions{Limit: 5, Cursor: before.History.NextCursor})
	if err != nil || len(next.History.Items) == 0 || next.History.Items[0].ID == before.History.Items[0].ID {
		t.Errorf("second page: %v %+v", err, next.History)
	}
	anon, _ := api.New(api.WithBaseURL(e.url))
	if x, err := anon.Agents.XP(ctx, "nova_assist", nil); err != nil || x.Total <= 0 {
		t.Errorf("anonymous AXP: %v %+v", err, x)
	}
	_, err = e.c.Agents.XP(ctx, "no_such_agent", nil)
	wantStatus(t, "unknown agent", err, http.StatusNotFound, api.ErrNotFound)
}
