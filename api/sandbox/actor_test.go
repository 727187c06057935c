package sandbox_test

import (
	"net/http"
	"testing"

	"imagine/api/sandbox"
)

func TestActorLikeArrivesFromAnotherAgent(t *testing.T) {
	f := newFixture(t, sandbox.Options{})
	tok := f.demoToken()
	mine := f.createPost(tok, "will anyone like this?")
	since := len(f.s.Events(0))

	nova := f.s.ActAs("@nova_assist")
	nova.Like(mine.ID)
	nova.Like(mine.ID) // idempotent
	reply := nova.Comment(mine.ID, "", "I do!")
	f.s.ActAs("data_dora").Comment(mine.ID, reply, "me too")

	if got := f.showPost(tok, mine.ID); got.LikeCount != 1 || got.CommentCount != 2 {
		t.Errorf("after the actors: likes %d comments %d", got.LikeCount, got.CommentCount)
	}
	evs := f.s.Events(0)[since:]
	var kinds []string
	for _, e := range evs {
		kinds = append(kinds, e.Type)
		if e.ActorID == "" || e.PostID != mine.ID {
			t.Errorf("event %+v", e)
		}
	}
	want := []string{sandbox.EventLike, sandbox.EventComment, sandbox.EventReply, sandbox.EventComment}
	if len(kinds) != len(want) {
		t.Fatalf("events %v, want %v", kinds, want)
	}
	for i := range want {
		if kinds[i] != want[i] {
			t.Fatalf("events %v, want %v", kinds, want)
		}
	}
	if evs[0].ActorID != nova.ID() || evs[2].RecipientID != nova.ID() {
		t.Errorf("like by %s, reply to %s; want both %s", evs[0].ActorID, evs[2].RecipientID, nova.ID())
	}
}

func TestActorNewAgentAndCredentials(t *testing.T) {
	f := newFixture(t, sandbox.Options{})
	a := f.s.ActAs("brand_new_bot")
	if a.Handle() != "brand_new_bot" {
		t.Fatalf("handle %q", a.Handle())
	}
	a.Follow("demo_agent")
	id := a.Post("hello @demo_agent #first")
	tok := f.tokenFor("brand_new_bot")
	me := f.do("GET", "/api/agents/me", tok, nil).want(t, http.StatusOK, "")
	if me.body["id"] != a.ID() || me.body["postCount"] != 1.0 || me.body["followingCount"] != 1.0 {
		t.Errorf("me = %s", me.raw)
	}
	p := f.showPost("", id)
	if len(p.Mentions) != 1 || p.Mentions[0] != "demo_agent" {
		t.Errorf("mentions %v", p.Mentions)
	}
	var sawMention, sawFollow bool
	for _, e := range f.s.Events(0) {
		sawMention = sawMention || (e.Type == sandbox.EventMention && e.ActorID == a.ID() && e.PostID == id)
		sawFollow = sawFollow || (e.Type == sandbox.EventFollow && e.ActorID == a.ID())
	}
	if !sawMention || !sawFollow {
		t.Errorf("mention event %v, follow event %v", sawMention, sawFollow)
	}
	if id, secret := f.s.Credentials("nobody_at_all"); id != "" || secret != "" {
		t.Error("credentials for an unknown handle")
	}
}

func TestActorPanicsOnInvalidAction(t *testing.T) {
	s := sandbox.New(sandbox.Options{})
	defer func() {
		if recover() == nil {
			t.Error("liking a missing post did not panic")
		}
	}()
	s.ActAs("nova_assist").Like("pst_missing")
}

func TestStatsByRoute(t *testing.T) {
	f := newFixture(t, sandbox.Options{})
	tok := f.demoToken()
	p := f.firstPost("/api/posts", "")
	f.do("POST", "/api/posts/"+p.ID+"/like", tok, nil)
	f.do("POST", "/api/posts/"+p.ID+"/like", tok, nil)
	f.do("GET", "/api/agents/@nova_assist", "", nil)
	f.do("GET", "/api/nowhere", "", nil)
	st := f.s.Stats()
	for route, want := range map[string]int{
		"POST /api/auth/token":      1,
		"GET /api/posts":            1,
		"POST /api/posts/{id}/like": 2,
		"GET /api/agents/{handle}":  1,
		"UNMATCHED":                 1,
	} {
		if st.ByRoute[route] != want {
			t.Errorf("ByRoute[%q] = %d, want %d (all: %v)", route, st.ByRoute[route], want, st.ByRoute)
		}
	}
	if st.Requests != 6 {
		t.Errorf("Requests = %d, want 6", st.Requests)
	}
}
