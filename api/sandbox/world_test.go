package sandbox_test

import (
	"bytes"
	"net/http"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"imagine/api/sandbox"
)

func TestSameSeedSameWorld(t *testing.T) {
	a := newFixture(t, sandbox.Options{Seed: 7, NoRateLimit: true})
	b := newFixture(t, sandbox.Options{Seed: 7, NoRateLimit: true})
	c := newFixture(t, sandbox.Options{Seed: 8, NoRateLimit: true})
	for _, path := range []string{"/api/posts?limit=100", "/api/agents?limit=100", "/api/agents/demo_agent/following?limit=100"} {
		ra, rb := a.do("GET", path, "", nil), b.do("GET", path, "", nil)
		if !bytes.Equal(ra.raw, rb.raw) {
			t.Errorf("%s differs between two servers with seed 7", path)
		}
		if path == "/api/posts?limit=100" && bytes.Equal(ra.raw, c.do("GET", path, "", nil).raw) {
			t.Errorf("%s is identical for seeds 7 and 8", path)
		}
	}
	// Walking deeper pages with cursors gives the same history too.
	pa, pb := a.walkPosts("/api/posts", "", 100), b.walkPosts("/api/posts", "", 100)
	if len(pa) != len(pb) {
		t.Fatalf("post counts differ: %d vs %d", len(pa), len(pb))
	}
	for i := range pa {
		if pa[i].ID != pb[i].ID || pa[i].Content != pb[i].Content || pa[i].LikeCount != pb[i].LikeCount {
			t.Fatalf("post %d differs", i)
		}
	}
	da, _ := a.s.DemoCredentials()
	db, _ := b.s.DemoCredentials()
	if da != db {
		t.Error("demo credentials differ for the same seed")
	}
}

// worldText gathers every post, name and bio of a world.
type worldText struct {
	posts []wirePost
	names []string
	bios  []string
	types map[string]int
}

func readWorld(t *testing.T, f *fixture) worldText {
	t.Helper()
	w := worldText{posts: f.walkPosts("/api/posts", "", 100), types: map[string]int{}}
	var agents struct {
		Agents []struct {
			Name, AgentType string
			Bio             *string
			Verified        bool
		}
	}
	f.do("GET", "/api/agents?limit=100", "", nil).want(t, http.StatusOK, "").decode(t, &agents)
	for _, a := range agents.Agents {
		w.names = append(w.names, a.Name)
		if a.Bio != nil {
			w.bios = append(w.bios, *a.Bio)
		}
		w.types[a.AgentType]++
		if a.Verified {
			w.types["verified"]++
		}
	}
	return w
}

func anyContains(xs []string, pred func(string) bool) bool {
	for _, x := range xs {
		if pred(x) {
			return true
		}
	}
	return false
}

func has(sub string) func(string) bool {
	return func(s string) bool { return strings.Contains(s, sub) }
}

func hasRunes(table *unicode.RangeTable) func(string) bool {
	return func(s string) bool { return strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(table, r) }) }
}

func TestWorldShape(t *testing.T) {
	for _, seed := range []int64{0, 1, -99} {
		f := newFixture(t, sandbox.Options{Seed: seed, NoRateLimit: true})
		w := readWorld(t, f)
		if len(w.names) < 40 || len(w.posts) < 500 {
			t.Errorf("seed %d: %d agents, %d posts", seed, len(w.names), len(w.posts))
		}
		for _, typ := range []string{"ASSISTANT", "CHATBOT", "CREATIVE", "ANALYST", "AUTOMATION", "OTHER", "verified"} {
			if w.types[typ] < 2 {
				t.Errorf("seed %d: only %d agents of %s", seed, w.types[typ], typ)
			}
		}
		var contents []string
		quotes, mentions, long := 0, 0, 0
		for _, p := range w.posts {
			contents = append(contents, p.Content)
			if p.IsQuote {
				quotes++
			}
			mentions += len(p.Mentions)
			if n := utf8.RuneCountInString(p.Content); n >= 430 && n <= 500 {
				long++
			}
		}
		checks := []struct {
			what string
			ok   bool
		}{
			{"quotes", quotes >= 20},
			{"mentions of real handles", mentions >= 50},
			{"long posts near 500 runes", long >= 5},
			{"ZWJ family emoji", anyContains(contents, has("👨\u200d👩\u200d👧\u200d👦"))},
			{"skin tones", anyContains(contents, has("🏽")) || anyContains(contents, has("🏿"))},
			{"flags", anyContains(contents, has("🇯🇵")) || anyContains(contents, has("🇧🇷"))},
			{"CJK", anyContains(contents, hasRunes(unicode.Han)) || anyContains(contents, hasRunes(unicode.Hiragana))},
			{"Arabic or Hebrew", anyContains(contents, hasRunes(unicode.Arabic)) || anyContains(contents, hasRunes(unicode.Hebrew))},
			{"H01 OSC 52 post", anyContains(contents, has("\x1b]52;c;"))},
			{"H11 CR spoof post", anyContains(contents, has("\rbob:"))},
			{"H17 bidi override post", anyContains(contents, has("\u202e"))},
			{"H18 zero-width post", anyContains(contents, has("\u200b"))},
			{"H19 tag characters post", anyContains(contents, has("\U000E0049"))},
			{"H22 zalgo post", anyContains(contents, has(strings.Repeat("\u0301", 100)))},
			{"hostile display name", anyContains(w.names, has("\u202e")) && anyContains(w.names, has("\u200b"))},
			{"zalgo display name", anyContains(w.names, has("\u0338"))},
			{"hostile bio", anyContains(w.bios, has("\x1b]52;")) && anyContains(w.bios, has("\U000E0049"))},
			{"Arabic name", anyContains(w.names, hasRunes(unicode.Arabic))},
		}
		for _, c := range checks {
			if !c.ok {
				t.Errorf("seed %d: world lacks %s", seed, c.what)
			}
		}
	}
}

func TestDemoAgentCorner(t *testing.T) {
	f := newFixture(t, sandbox.Options{NoRateLimit: true})
	me := f.do("GET", "/api/agents/me", f.demoToken(), nil).want(t, http.StatusOK, "")
	following, followers, posts := me.body["followingCount"].(float64), me.body["followerCount"].(float64), me.body["postCount"].(float64)
	if following < 12 || following > 18 || followers < 10 || posts < 3 {
		t.Errorf("demo agent: following %v, followers %v, posts %v", following, followers, posts)
	}
	var liked, commented int
	for _, p := range f.walkPosts("/api/posts", "", 100) {
		if p.Agent.Handle == "demo_agent" && p.LikeCount > 0 {
			liked++
		}
		if p.Agent.Handle == "demo_agent" && p.CommentCount > 0 {
			commented++
		}
	}
	if liked < 3 || commented < 3 {
		t.Errorf("demo posts: %d liked, %d commented", liked, commented)
	}
	demoID := me.body["id"].(string)
	kinds := map[string]int{}
	for _, e := range f.s.Events(0) {
		if e.RecipientID == demoID {
			kinds[e.Type]++
		}
	}
	for _, k := range []string{sandbox.EventLike, sandbox.EventComment, sandbox.EventFollow} {
		if kinds[k] == 0 {
			t.Errorf("seeded history has no %s event for demo_agent (have %v)", k, kinds)
		}
	}
}

func TestSeededThreadsReachThreeLevels(t *testing.T) {
	f := newFixture(t, sandbox.Options{NoRateLimit: true})
	deepest := 0
	for _, p := range f.walkPosts("/api/posts", "", 100) {
		if p.CommentCount < 3 {
			continue
		}
		var list struct{ Comments []wireComment }
		f.do("GET", "/api/posts/"+p.ID+"/comments?limit=100", "", nil).want(t, http.StatusOK, "").decode(t, &list)
		depth := map[string]int{}
		for _, c := range list.Comments {
			d := 1
			if c.ParentID != nil {
				parent, ok := depth[*c.ParentID]
				if !ok {
					t.Fatalf("comment %s listed before its parent", c.ID)
				}
				d = parent + 1
			}
			depth[c.ID] = d
			deepest = max(deepest, d)
		}
		if deepest > 3 {
			t.Fatalf("thread deeper than 3 on %s", p.ID)
		}
	}
	if deepest != 3 {
		t.Errorf("deepest seeded thread has %d levels, want 3", deepest)
	}
}
