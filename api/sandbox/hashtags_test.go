package sandbox_test

import (
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"imagine/api/sandbox"
)

// tagPage is GET /api/hashtags/{tag} as tests read it.
type tagPage struct {
	Tag        string     `json:"tag"`
	Posts      []wirePost `json:"posts"`
	NextCursor *string    `json:"nextCursor"`
	HasMore    bool       `json:"hasMore"`
}

func (p tagPage) ids() []string {
	var out []string
	for _, x := range p.Posts {
		out = append(out, x.ID)
	}
	return out
}

func TestHashtagPostsNewestFirstWithCursorPages(t *testing.T) {
	f := newFixture(t, sandbox.Options{NoRateLimit: true})
	a := f.s.ActAs("tag_tester")
	var want []string
	for i := range 5 {
		want = append(want, a.Post([]string{"#ZeBrA one", "two #zebra", "three #Zebra!", "four (#zebra)", "five #ZEBRA"}[i]))
	}
	a.Post("no tag here, zebra")
	a.Post("a#zebra is not a tag")
	slices.Reverse(want)

	// Case-insensitive, with or without "#" (sent as %23).
	for _, path := range []string{"/api/hashtags/zebra?limit=2", "/api/hashtags/ZEBRA?limit=2", "/api/hashtags/%23zebra?limit=2"} {
		var p tagPage
		f.do("GET", path, "", nil).want(t, http.StatusOK, "").decode(t, &p)
		if got := strings.Join(p.ids(), " "); got != strings.Join(want[:2], " ") || !p.HasMore || p.NextCursor == nil || p.Tag != "zebra" {
			t.Fatalf("%s: %s more=%v cursor=%v tag=%q, want %v", path, got, p.HasMore, p.NextCursor, p.Tag, want[:2])
		}
	}
	var got []string
	cursor := ""
	for range 5 {
		var p tagPage
		f.do("GET", "/api/hashtags/zebra?limit=2"+cursor, "", nil).want(t, http.StatusOK, "").decode(t, &p)
		got = append(got, p.ids()...)
		if !p.HasMore {
			if p.NextCursor != nil {
				t.Errorf("last page has cursor %q", *p.NextCursor)
			}
			break
		}
		cursor = "&cursor=" + *p.NextCursor
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("pages = %v, want %v", got, want)
	}
	// With a token, the posts say what the caller did to them.
	tok := f.demoToken()
	f.do("POST", "/api/posts/"+want[0]+"/like", tok, nil).want(t, http.StatusOK, "")
	var p tagPage
	f.do("GET", "/api/hashtags/zebra?limit=1", tok, nil).want(t, http.StatusOK, "").decode(t, &p)
	if len(p.Posts) != 1 || !p.Posts[0].IsLiked {
		t.Errorf("liked flag missing: %+v", p.Posts)
	}
}

func TestHashtagUnknownIsAnEmptyPage(t *testing.T) {
	f := newFixture(t, sandbox.Options{})
	var p tagPage
	f.do("GET", "/api/hashtags/nobody_uses_this_tag", "", nil).want(t, http.StatusOK, "").decode(t, &p)
	if len(p.Posts) != 0 || p.HasMore || p.NextCursor != nil {
		t.Errorf("unknown tag: %+v", p)
	}
	if !strings.Contains(string(f.do("GET", "/api/hashtags/nobody_uses_this_tag", "", nil).raw), `"posts":[]`) {
		t.Error("an empty page must carry an empty array, not null")
	}
}

func TestHashtagBadRequests(t *testing.T) {
	f := newFixture(t, sandbox.Options{})
	for _, tc := range []struct{ path, code string }{
		{"/api/hashtags/zebra?limit=abc", "invalid_limit"},
		{"/api/hashtags/zebra?limit=1.5", "invalid_limit"},
		{"/api/hashtags/zebra?cursor=bm90LWEtY3Vyc29y", "invalid_cursor"},
		{"/api/hashtags/%23", "invalid_hashtag"},
		{"/api/hashtags/a%20b", "invalid_hashtag"},
		{"/api/hashtags/" + strings.Repeat("x", 101), "invalid_hashtag"},
		{"/api/hashtags/trending?limit=ten", "invalid_limit"},
	} {
		f.do("GET", tc.path, "", nil).want(t, http.StatusBadRequest, tc.code)
	}
	// A cursor of the public timeline is refused here.
	var tl struct {
		NextCursor string `json:"nextCursor"`
	}
	f.do("GET", "/api/posts?limit=1", "", nil).want(t, http.StatusOK, "").decode(t, &tl)
	f.do("GET", "/api/hashtags/ai?cursor="+tl.NextCursor, "", nil).want(t, http.StatusBadRequest, "invalid_cursor")
	// A limit above the maximum is read as the maximum; below 1 is a 400,
	// as on every list.
	f.do("GET", "/api/hashtags/ai?limit=1000", "", nil).want(t, http.StatusOK, "")
	for _, q := range []string{"limit=0", "limit=-3"} {
		f.do("GET", "/api/hashtags/ai?"+q, "", nil).want(t, http.StatusBadRequest, "invalid_limit")
	}
}

func TestTrendingCountsRecentPosts(t *testing.T) {
	f := newFixture(t, sandbox.Options{NoRateLimit: true})
	a, b := f.s.ActAs("trend_one"), f.s.ActAs("trend_two")
	// An old burst of #oldnews, then, a week and a day later, recent posts.
	for range 9 {
		a.Post("#OldNews again")
	}
	f.s.Advance(8 * 24 * time.Hour)
	for range 4 {
		a.Post("#Quokka sighting #quokka (counted once)")
	}
	for range 3 {
		b.Post("#wombat and #QUOKKA")
	}
	b.Post("#wombat")
	b.Post("#numbat")

	type entry struct {
		Tag       string `json:"tag"`
		PostCount int    `json:"postCount"`
	}
	var out struct {
		Hashtags []entry `json:"hashtags"`
	}
	f.do("GET", "/api/hashtags/trending?limit=50", "", nil).want(t, http.StatusOK, "").decode(t, &out)
	counts := map[string]int{}
	rank := map[string]int{}
	for i, e := range out.Hashtags {
		counts[strings.ToLower(e.Tag)] = e.PostCount
		rank[strings.ToLower(e.Tag)] = i
	}
	if counts["quokka"] != 7 || counts["wombat"] != 4 || counts["numbat"] != 1 {
		t.Errorf("counts = %v", counts)
	}
	if _, old := counts["oldnews"]; old {
		t.Error("#oldnews is older than the window but trends")
	}
	if rank["quokka"] > rank["wombat"] || rank["wombat"] > rank["numbat"] {
		t.Errorf("order = %+v", out.Hashtags)
	}
	if out.Hashtags[rank["quokka"]].Tag != "QUOKKA" {
		t.Errorf("spelling = %q, want the latest one", out.Hashtags[rank["quokka"]].Tag)
	}
	for i := 1; i < len(out.Hashtags); i++ {
		if out.Hashtags[i].PostCount > out.Hashtags[i-1].PostCount {
			t.Fatalf("not most used first: %+v", out.Hashtags)
		}
	}
	f.do("GET", "/api/hashtags/trending?limit=2", "", nil).want(t, http.StatusOK, "").decode(t, &out)
	if len(out.Hashtags) != 2 {
		t.Errorf("limit=2 gave %d", len(out.Hashtags))
	}
	f.do("GET", "/api/hashtags/trending", "", nil).want(t, http.StatusOK, "").decode(t, &out)
	if len(out.Hashtags) > 10 {
		t.Errorf("default limit gave %d", len(out.Hashtags))
	}
}

func TestTrendingInTheSeededWorld(t *testing.T) {
	f := newFixture(t, sandbox.Options{})
	var out struct {
		Hashtags []struct {
			Tag       string `json:"tag"`
			PostCount int    `json:"postCount"`
		} `json:"hashtags"`
	}
	f.do("GET", "/api/hashtags/trending", "", nil).want(t, http.StatusOK, "").decode(t, &out)
	if len(out.Hashtags) == 0 || out.Hashtags[0].PostCount < 2 {
		t.Fatalf("the seeded world trends nothing: %+v", out.Hashtags)
	}
	// The top tag's page lists posts that carry it.
	var p tagPage
	f.do("GET", "/api/hashtags/"+out.Hashtags[0].Tag+"?limit=100", "", nil).want(t, http.StatusOK, "").decode(t, &p)
	if len(p.Posts) < out.Hashtags[0].PostCount {
		t.Errorf("#%s trends with %d posts but its page has %d", out.Hashtags[0].Tag, out.Hashtags[0].PostCount, len(p.Posts))
	}
	for _, x := range p.Posts {
		if !strings.Contains(strings.ToLower(x.Content), "#"+strings.ToLower(out.Hashtags[0].Tag)) {
			t.Errorf("post %s lacks the tag: %q", x.ID, x.Content)
		}
	}
}
