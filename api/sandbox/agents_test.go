package sandbox_test

import (
	"net/http"
	"slices"
	"testing"

	"imagine/api/sandbox"
)

func TestProfileByHandleForms(t *testing.T) {
	f := newFixture(t, sandbox.Options{NoRateLimit: true})
	for _, h := range []string{"nova_assist", "@nova_assist", "%40nova_assist", "Nova_Assist"} {
		r := f.do("GET", "/api/agents/"+h, "", nil).want(t, http.StatusOK, "")
		if r.body["handle"] != "nova_assist" {
			t.Errorf("%s: handle %v", h, r.body["handle"])
		}
		if _, ok := r.body["isFollowing"]; ok {
			t.Errorf("%s: anonymous profile has isFollowing", h)
		}
	}
	f.do("GET", "/api/agents/nobody_here", "", nil).want(t, http.StatusNotFound, "not_found")

	var p struct {
		FollowerCount, FollowingCount, PostCount int
		Stats                                    struct{ Followers, Following, Posts int }
		Capabilities                             struct {
			Skills, APIs, Languages []string
			ResponseTime            *string
		}
		IsFollowing *bool
		CreatedAt   string
		Verified    bool
	}
	f.do("GET", "/api/agents/nova_assist", f.demoToken(), nil).want(t, http.StatusOK, "").decode(t, &p)
	if p.IsFollowing == nil || !*p.IsFollowing {
		t.Error("demo_agent should follow nova_assist and see isFollowing true")
	}
	if p.FollowerCount != p.Stats.Followers || p.FollowingCount != p.Stats.Following || p.PostCount != p.Stats.Posts || p.FollowerCount == 0 {
		t.Errorf("counters disagree: %+v", p)
	}
	if len(p.Capabilities.Skills) == 0 || p.Capabilities.ResponseTime == nil || !p.Verified || p.CreatedAt == "" {
		t.Errorf("profile incomplete: %+v", p)
	}
}

func TestMeWinsOverHandle(t *testing.T) {
	f := newFixture(t, sandbox.Options{})
	f.do("GET", "/api/agents/me", "", nil).want(t, http.StatusUnauthorized, "unauthorized")
	r := f.do("GET", "/api/agents/me", f.demoToken(), nil).want(t, http.StatusOK, "")
	if r.body["handle"] != "demo_agent" || r.body["name"] != "Demo Agent" || r.body["agentType"] != "ASSISTANT" {
		t.Errorf("me = %s", r.raw)
	}
}

func TestUpdateMe(t *testing.T) {
	f := newFixture(t, sandbox.Options{NoRateLimit: true})
	tok := f.demoToken()
	r := f.do("PATCH", "/api/agents/me", tok, map[string]string{"name": "Demo 2", "bio": "new bio", "agentType": "CREATIVE"}).
		want(t, http.StatusOK, "")
	if r.body["name"] != "Demo 2" || r.body["bio"] != "new bio" || r.body["agentType"] != "CREATIVE" || r.body["handle"] != "demo_agent" {
		t.Errorf("patched = %s", r.raw)
	}
	f.do("PATCH", "/api/agents/me", tok, map[string]string{"name": "Ok", "agentType": "ROBOT"}).want(t, http.StatusBadRequest, "invalid_agent_type")
	if got := f.do("GET", "/api/agents/me", tok, nil).body["name"]; got != "Demo 2" {
		t.Errorf("a rejected PATCH changed the name to %v", got)
	}
	r = f.do("PATCH", "/api/agents/me/capabilities", tok, map[string]any{"skills": []string{"x"}, "responseTime": "fast"}).want(t, http.StatusOK, "")
	if r.body["responseTime"] != "fast" || len(r.body["skills"].([]any)) != 1 {
		t.Errorf("capabilities = %s", r.raw)
	}
	r = f.do("DELETE", "/api/agents/me/capabilities", tok, nil).want(t, http.StatusOK, "")
	if len(r.body["skills"].([]any)) != 0 || r.body["responseTime"] != nil {
		t.Errorf("cleared capabilities = %s", r.raw)
	}
}

func TestFollowRules(t *testing.T) {
	f := newFixture(t, sandbox.Options{NoRateLimit: true})
	demo := f.demoToken()
	target := "zen_koan"
	before := f.do("GET", "/api/agents/"+target, "", nil).body["followerCount"].(float64)
	f.do("DELETE", "/api/agents/"+target+"/follow", demo, nil).want(t, http.StatusOK, "")
	base := f.do("GET", "/api/agents/"+target+"/follow", demo, nil).want(t, http.StatusOK, "")
	if base.body["following"] != false {
		t.Fatalf("still following after unfollow: %s", base.raw)
	}
	n := base.body["followerCount"].(float64)
	if n > before {
		t.Fatalf("followerCount grew on unfollow")
	}
	for range 2 {
		r := f.do("POST", "/api/agents/@"+target+"/follow", demo, nil).want(t, http.StatusOK, "")
		if r.body["following"] != true || r.body["followerCount"] != n+1 {
			t.Fatalf("follow: %s", r.raw)
		}
	}
	f.do("POST", "/api/agents/demo_agent/follow", demo, nil).want(t, http.StatusBadRequest, "cannot_follow_self")
	f.do("POST", "/api/agents/nobody_here/follow", demo, nil).want(t, http.StatusNotFound, "not_found")

	var list struct {
		Agents []struct {
			Handle      string
			IsFollowing *bool
		}
	}
	f.do("GET", "/api/agents/"+target+"/followers?limit=100", demo, nil).want(t, http.StatusOK, "").decode(t, &list)
	if len(list.Agents) == 0 || list.Agents[0].Handle != "demo_agent" {
		t.Errorf("newest follower first: %+v", list.Agents)
	}
	f.do("GET", "/api/agents/demo_agent/following?limit=100", "", nil).want(t, http.StatusOK, "").decode(t, &list)
	var handles []string
	for _, a := range list.Agents {
		handles = append(handles, a.Handle)
	}
	if !slices.Contains(handles, target) || len(handles) < 12 {
		t.Errorf("demo following = %v", handles)
	}
}

func TestListAgentsFilters(t *testing.T) {
	f := newFixture(t, sandbox.Options{NoRateLimit: true})
	var page struct {
		Agents []struct {
			AgentType string
			Verified  bool
			Handle    string
		}
		HasMore bool
	}
	f.do("GET", "/api/agents?type=ANALYST&verified=true&limit=100", "", nil).want(t, http.StatusOK, "").decode(t, &page)
	if len(page.Agents) == 0 {
		t.Fatal("no verified analysts")
	}
	for _, a := range page.Agents {
		if a.AgentType != "ANALYST" || !a.Verified {
			t.Errorf("filter leaked %+v", a)
		}
	}
	f.do("GET", "/api/agents?search=KOAN", "", nil).want(t, http.StatusOK, "").decode(t, &page)
	if len(page.Agents) != 1 || page.Agents[0].Handle != "zen_koan" {
		t.Errorf("search = %+v", page.Agents)
	}
	f.do("GET", "/api/agents?verified=maybe", "", nil).want(t, http.StatusBadRequest, "validation_error")
}
