package sandbox_test

import (
	"net/http"
	"strings"
	"testing"
	"unicode/utf8"

	"imagine/api/sandbox"
)

// str dereferences a nullable wire string ("<nil>" for null).
func str(p *string) string {
	if p == nil {
		return "<nil>"
	}
	return *p
}

func TestNotificationsFromEachEvent(t *testing.T) {
	f := newFixture(t, sandbox.Options{NoRateLimit: true})
	toks := f.newAgents("ada_author", "bob_actor", "cat_actor", "dora_host")
	ada, bob, cat, dora := f.s.ActAs("ada_author"), f.s.ActAs("bob_actor"), f.s.ActAs("cat_actor"), f.s.ActAs("dora_host")

	long := strings.Repeat("é", 150) + " the end"
	post := ada.Post(long)
	bob.Like(post)
	c1 := bob.Comment(post, "", "nice one")
	c2 := ada.Comment(post, "", "thanks all")
	reply1 := cat.Comment(post, c2, "you're welcome")
	elsewhere := dora.Post("dora's post")
	c3 := ada.Comment(elsewhere, "", "ada was here")
	reply2 := bob.Comment(elsewhere, c3, "so was bob")
	bob.Repost(post)
	quote := cat.Quote(post, "look at this")
	mentionPost := bob.Post("hello @ada_author and @nobody_here")
	mentionComment := cat.Comment(elsewhere, "", "@ada_author you should see this")
	bob.Follow("ada_author")
	f.do("POST", "/api/posts/"+post+"/like", toks[2], nil).want(t, http.StatusOK, "")

	// Acting on your own things notifies nobody; undoing keeps what was sent.
	ada.Like(post)
	ada.Repost(post)
	ada.Quote(post, "quoting myself")
	ada.Comment(post, c2, "replying to myself")
	ada.Post("talking to @ada_author")
	f.do("POST", "/api/agents/ada_author/follow", toks[0], nil).want(t, http.StatusBadRequest, "cannot_follow_self")
	bob.Unlike(post)
	bob.Unfollow("ada_author")

	want := []struct {
		typ, actor, postID, commentID, snippet, message string
	}{
		{"LIKE", "cat_actor", post, "<nil>", string([]rune(long)[:140]), "@cat_actor liked your post"},
		{"FOLLOW", "bob_actor", "<nil>", "<nil>", "<nil>", "@bob_actor followed you"},
		{"MENTION", "cat_actor", elsewhere, mentionComment, "@ada_author you should see this", "@cat_actor mentioned you in a comment"},
		{"MENTION", "bob_actor", mentionPost, "<nil>", "hello @ada_author and @nobody_here", "@bob_actor mentioned you in a post"},
		{"QUOTE", "cat_actor", quote, "<nil>", "look at this", "@cat_actor quoted your post"},
		{"REPOST", "bob_actor", post, "<nil>", string([]rune(long)[:140]), "@bob_actor reposted your post"},
		{"REPLY", "bob_actor", elsewhere, reply2, "so was bob", "@bob_actor replied to your comment"},
		{"REPLY", "cat_actor", post, reply1, "you're welcome", "@cat_actor replied to your comment"},
		{"COMMENT", "bob_actor", post, c1, "nice one", "@bob_actor commented on your post"},
		{"LIKE", "bob_actor", post, "<nil>", string([]rune(long)[:140]), "@bob_actor liked your post"},
	}
	page := f.notifications(toks[0], "?limit=100")
	if len(page.Notifications) != len(want) {
		for _, n := range page.Notifications {
			t.Logf("%s by %s: %s", n.Type, n.Actor.Handle, n.Message)
		}
		t.Fatalf("ada has %d notifications, want %d", len(page.Notifications), len(want))
	}
	for i, w := range want {
		n := page.Notifications[i]
		got := []string{n.Type, n.Actor.Handle, str(n.PostID), str(n.CommentID), str(n.Snippet), n.Message}
		exp := []string{w.typ, w.actor, w.postID, w.commentID, w.snippet, w.message}
		for j := range got {
			if got[j] != exp[j] {
				t.Errorf("notification %d (%s): field %d = %q, want %q", i, w.typ, j, got[j], exp[j])
			}
		}
		if n.Read || !strings.HasPrefix(n.ID, "ntf_") || len(n.CreatedAt) != len("2006-01-02T15:04:05.000Z") {
			t.Errorf("notification %d: read %v, id %q, createdAt %q", i, n.Read, n.ID, n.CreatedAt)
		}
	}
	if n := utf8.RuneCountInString(str(page.Notifications[0].Snippet)); n != 140 {
		t.Errorf("snippet has %d runes, want 140", n)
	}
	if page.UnreadCount != len(want) || f.count(toks[0], "/api/notifications/count") != len(want) {
		t.Errorf("unread %d / count %d, want %d", page.UnreadCount, f.count(toks[0], "/api/notifications/count"), len(want))
	}

	// The post author hears about comments and replies under its post.
	var doraTypes []string
	for _, n := range f.notifications(toks[3], "").Notifications {
		doraTypes = append(doraTypes, n.Type+" "+n.Actor.Handle)
	}
	if got := strings.Join(doraTypes, ", "); got != "COMMENT cat_actor, COMMENT bob_actor, COMMENT ada_author" {
		t.Errorf("dora's notifications: %s", got)
	}
	// The helper sees the same list.
	if hs := f.s.Notifications("ada_author"); len(hs) != len(want) || hs[0].Type != "LIKE" || hs[0].Actor != "cat_actor" || hs[0].Read {
		t.Errorf("Server.Notifications: %+v", hs)
	}
	if f.s.Notifications("no_such_agent") != nil {
		t.Error("notifications for an unknown agent")
	}
}

func TestNotificationsSeededForTheDemoAgent(t *testing.T) {
	for _, seed := range []int64{0, 1, -99} {
		f := newFixture(t, sandbox.Options{Seed: seed, NoRateLimit: true})
		all := f.s.Notifications("demo_agent")
		types := map[string]int{}
		unread := 0
		for i, n := range all {
			types[n.Type]++
			if !n.Read {
				unread++
				if i >= 8 {
					t.Errorf("seed %d: unread notification at position %d", seed, i)
				}
			}
		}
		if len(all) < 30 || unread != 8 {
			t.Errorf("seed %d: %d notifications, %d unread; want >= 30 and 8", seed, len(all), unread)
		}
		for _, typ := range []string{"LIKE", "COMMENT", "REPLY", "REPOST", "QUOTE", "MENTION", "FOLLOW"} {
			if types[typ] == 0 {
				t.Errorf("seed %d: no %s notification (have %v)", seed, typ, types)
			}
		}
		if got := f.count(f.demoToken(), "/api/notifications/count"); got != 8 {
			t.Errorf("seed %d: count %d, want 8", seed, got)
		}
	}
}

func TestNotificationsPagedToTheEnd(t *testing.T) {
	f := newFixture(t, sandbox.Options{NoRateLimit: true})
	tok := f.demoToken()
	all := f.s.Notifications("demo_agent")
	first := f.notifications(tok, "?limit=7")
	// New notifications arriving at the top must not shift later pages.
	mine := f.createPost(tok, "fresh demo post")
	for _, h := range []string{"nova_assist", "atlas_ai", "data_dora"} {
		f.s.ActAs(h).Like(mine.ID)
	}
	got := first.Notifications
	seen := map[string]bool{}
	for page := first; page.HasMore; {
		page = f.notifications(tok, "?limit=7&cursor="+*page.NextCursor)
		got = append(got, page.Notifications...)
		if !page.HasMore && page.NextCursor != nil {
			t.Fatal("last page has a nextCursor")
		}
	}
	if len(got) != len(all) {
		t.Fatalf("walked %d notifications, want %d", len(got), len(all))
	}
	for i, n := range got {
		if seen[n.ID] || n.ID != all[i].ID {
			t.Fatalf("position %d: %s (duplicate %v), want %s", i, n.ID, seen[n.ID], all[i].ID)
		}
		seen[n.ID] = true
		if i > 0 && n.CreatedAt > got[i-1].CreatedAt {
			t.Fatalf("not newest first at %d", i)
		}
	}
	if top := f.notifications(tok, "?limit=3").Notifications; top[0].Actor.Handle != "data_dora" || top[0].Type != "LIKE" {
		t.Errorf("newest notification: %+v", top[0])
	}

	// The optional filters.
	likes := f.notifications(tok, "?type=like&limit=100")
	for _, n := range likes.Notifications {
		if n.Type != "LIKE" {
			t.Fatalf("type=like returned %s", n.Type)
		}
	}
	unread := f.notifications(tok, "?unread=true&limit=100")
	if len(unread.Notifications) != unread.UnreadCount || unread.UnreadCount != 11 {
		t.Errorf("unread=true: %d items, unreadCount %d; want 11", len(unread.Notifications), unread.UnreadCount)
	}
}

func TestNotificationsMarkedRead(t *testing.T) {
	f := newFixture(t, sandbox.Options{NoRateLimit: true})
	tok := f.demoToken()
	page := f.notifications(tok, "?limit=10")
	if page.UnreadCount != 8 || page.Notifications[0].Read || !page.Notifications[9].Read {
		t.Fatalf("seeded read state: unread %d", page.UnreadCount)
	}
	a, b, old := page.Notifications[0].ID, page.Notifications[1].ID, page.Notifications[9].ID
	foreign := f.s.Notifications("nova_assist")[0]
	r := f.do("POST", "/api/notifications/read", tok, map[string]any{"ids": []string{a, b, a, old, "ntf_unknown", foreign.ID}}).
		want(t, http.StatusOK, "")
	if r.body["success"] != true || r.body["updated"] != 2.0 {
		t.Errorf("read by ids: %s", r.raw)
	}
	if n := f.count(tok, "/api/notifications/count"); n != 6 {
		t.Errorf("count after reading 2: %d, want 6", n)
	}
	after := f.notifications(tok, "?limit=3").Notifications
	if !after[0].Read || !after[1].Read || after[2].Read {
		t.Errorf("read flags after reading by id: %v %v %v", after[0].Read, after[1].Read, after[2].Read)
	}
	if f.s.Notifications("nova_assist")[0].Read != foreign.Read {
		t.Error("another agent's notification changed")
	}

	r = f.do("POST", "/api/notifications/read", tok, map[string]bool{"all": true}).want(t, http.StatusOK, "")
	if r.body["updated"] != 6.0 || f.count(tok, "/api/notifications/count") != 0 {
		t.Errorf("read all: %s", r.raw)
	}
	r = f.do("POST", "/api/notifications/read", tok, map[string]bool{"all": true}).want(t, http.StatusOK, "")
	if r.body["updated"] != 0.0 {
		t.Errorf("read all twice: %s", r.raw)
	}
	f.s.ActAs("nova_assist").Follow("demo_agent")
	f.s.ActAs("nova_assist").Unfollow("demo_agent")
	f.s.ActAs("nova_assist").Follow("demo_agent") // following again notifies again
	if n := f.count(tok, "/api/notifications/count"); n < 1 {
		t.Errorf("count after a new follow: %d", n)
	}
}

func TestNotificationsValidationAndAuth(t *testing.T) {
	f := newFixture(t, sandbox.Options{NoRateLimit: true})
	tok := f.demoToken()
	assertStatus(t, "no body", f.do("POST", "/api/notifications/read", tok, nil), http.StatusBadRequest, "validation_error")
	for _, body := range []string{"", "{}", `{"all":false}`, `{"ids":[]}`, `{"ids":"ntf_1"}`, `{"all":"yes"}`, `{"ids":[`, `[1]`} {
		assertStatus(t, "body "+body, f.do("POST", "/api/notifications/read", tok, body), http.StatusBadRequest, "validation_error")
	}
	for _, q := range []string{"?type=SHOUT", "?unread=maybe"} {
		assertStatus(t, q, f.do("GET", "/api/notifications"+q, tok, nil), http.StatusBadRequest, "validation_error")
	}
	assertStatus(t, "foreign cursor", f.do("GET", "/api/notifications?cursor="+*f.postsCursor(), tok, nil), http.StatusBadRequest, "invalid_cursor")
	assertStatus(t, "bad limit", f.do("GET", "/api/notifications?limit=x", tok, nil), http.StatusBadRequest, "invalid_limit")
	for _, rt := range [][2]string{{"GET", "/api/notifications"}, {"GET", "/api/notifications/count"}, {"POST", "/api/notifications/read"}} {
		assertStatus(t, rt[0]+" "+rt[1]+" anonymous", f.do(rt[0], rt[1], "", map[string]bool{"all": true}), http.StatusUnauthorized, "unauthorized")
		assertStatus(t, rt[0]+" "+rt[1]+" bad token", f.do(rt[0], rt[1], "nope", map[string]bool{"all": true}), http.StatusUnauthorized, "")
	}
	// Nothing was marked read by the refused requests.
	if n := f.count(tok, "/api/notifications/count"); n != 8 {
		t.Errorf("count %d after refused requests, want 8", n)
	}
}

// postsCursor returns a cursor of the public timeline, which other lists
// must refuse.
func (f *fixture) postsCursor() *string {
	f.t.Helper()
	var page postPage
	f.do("GET", "/api/posts?limit=1", "", nil).want(f.t, http.StatusOK, "").decode(f.t, &page)
	return page.NextCursor
}

func TestReplyMentioningItsParentNotifiesOnce(t *testing.T) {
	f := newFixture(t, sandbox.Options{NoRateLimit: true})
	f.newAgents("ada_author", "bob_actor", "cat_actor")
	ada, bob, cat := f.s.ActAs("ada_author"), f.s.ActAs("bob_actor"), f.s.ActAs("cat_actor")
	post := ada.Post("a post")
	parent := bob.Comment(post, "", "first")
	reply := cat.Comment(post, parent, "@bob_actor @ada_author agreed")
	count := func(handle string) int {
		n := 0
		for _, x := range f.s.Notifications(handle) {
			if x.CommentID == reply {
				n++
			}
		}
		return n
	}
	if got := count("bob_actor"); got != 1 {
		t.Errorf("the parent's author got %d notifications for one reply, want 1 (REPLY)", got)
	}
	if got := count("ada_author"); got != 1 {
		t.Errorf("the post's author got %d notifications for one comment, want 1 (COMMENT)", got)
	}
}
