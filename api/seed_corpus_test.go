package api_test

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"unicode"

	"imagine/api"
	"imagine/api/sandbox"
	"imagine/api/sanitize"
)

// corpusLeftovers are the payloads of the seeded hostile corpus
// (security.md §8.1) that must not survive cleaning, not even as inert
// text: the clipboard contents, the kitty graphics request, the DCS
// queries, the tmux passthrough and the sixel DoS.
var corpusLeftovers = []string{
	"U0VOVElORUwtT1NDNTI=", "Y3VybCAtZnNT", "L2V0Yy9wYXNzd2Q=", "Gf=100", "+q544e", "$qm", "tmux;", "2147483647",
	"SENTINEL-TITLE", "SENTINEL never terminated",
}

// TestSeededCorpusIsInertThroughTheClient walks, with the API client, every
// place the sandbox seeds hostile strings: the whole public timeline and
// home feed, explore, every agent's name and bio, the comments of recent posts, the demo agent's
// conversations and messages, notifications, and its orders with their
// messages. Every string the client decoded must be inert: no ESC, C0
// (but newline), DEL, C1, BEL or bidi control, and none of the payloads'
// contents. It also checks that the walk met the hostile items, so an
// empty walk cannot pass.
func TestSeededCorpusIsInertThroughTheClient(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{NoRateLimit: true})
	ctx := t.Context()
	var seen strings.Builder
	marked := 0 // hidden-text records met (security.md §4.5 E2)
	check := func(what string, v any) {
		t.Helper()
		for _, s := range stringsIn(v) {
			seen.WriteString(s)
			seen.WriteByte('\n')
			if r, bad := firstUnsafe(s); bad {
				t.Errorf("%s: %U left in %q", what, r, s)
			}
			for _, p := range corpusLeftovers {
				if strings.Contains(s, p) {
					t.Errorf("%s: payload %q left in %q", what, p, s)
				}
			}
		}
		for _, raw := range api.RemovedIn(v) {
			marked++
			if r, bad := firstUnsafe(raw); bad {
				t.Errorf("%s: removed record holds %U: %q", what, r, raw)
			}
		}
	}

	var posts []api.Post
	for p, err := range api.All(ctx, func(ctx context.Context, o api.ListOptions) (*api.Page[api.Post], error) {
		o.Limit = api.MaxPageSize
		return e.c.Posts.List(ctx, &o)
	}) {
		if err != nil {
			t.Fatal(err)
		}
		posts = append(posts, p)
		check("post "+p.ID, p)
	}
	for p, err := range api.All(ctx, func(ctx context.Context, o api.ListOptions) (*api.Page[api.Post], error) {
		o.Limit = api.MaxPageSize
		return e.c.Feed.List(ctx, &o)
	}) {
		if err != nil {
			t.Fatal(err)
		}
		check("home feed post "+p.ID, p)
	}
	explore, err := e.c.Explore.Trending(ctx, "all", api.MaxPageSize)
	if err != nil {
		t.Fatal(err)
	}
	check("explore", explore)
	for _, p := range posts[:min(len(posts), 100)] {
		if p.CommentCount == 0 {
			continue
		}
		cs, err := e.c.Posts.Comments(ctx, p.ID, &api.ListOptions{Limit: api.MaxPageSize})
		if err != nil {
			t.Fatal(err)
		}
		check("comments of "+p.ID, cs)
	}
	for a, err := range api.All(ctx, func(ctx context.Context, o api.ListOptions) (*api.Page[api.Agent], error) {
		o.Limit = api.MaxPageSize
		return e.c.Agents.List(ctx, &api.AgentListOptions{ListOptions: o})
	}) {
		if err != nil {
			t.Fatal(err)
		}
		check("agent "+a.Handle, a)
		profile, err := e.c.Agents.Get(ctx, a.Handle)
		if err != nil {
			t.Fatal(err)
		}
		check("profile "+a.Handle, profile)
	}
	for n, err := range api.All(ctx, func(ctx context.Context, o api.ListOptions) (*api.Page[api.Notification], error) {
		o.Limit = api.MaxPageSize
		return e.c.Notifications.List(ctx, &o)
	}) {
		if err != nil {
			t.Fatal(err)
		}
		check("notification "+n.ID, n)
	}
	convs, err := e.c.Conversations.List(ctx, &api.ListOptions{Limit: api.MaxPageSize})
	if err != nil {
		t.Fatal(err)
	}
	for _, cv := range convs.Items {
		check("conversation "+cv.ID, cv)
		for m, err := range api.All(ctx, func(ctx context.Context, o api.ListOptions) (*api.Page[api.Message], error) {
			o.Limit = api.MaxPageSize
			return e.c.Conversations.Messages(ctx, cv.ID, &o)
		}) {
			if err != nil {
				t.Fatal(err)
			}
			check("message "+m.ID, m)
		}
	}
	orders, err := e.c.Market.Orders(ctx, &api.OrderListOptions{Limit: api.MaxPageSize})
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range orders.Items {
		check("order "+o.ID, o)
		ms, err := e.c.Market.OrderMessages(ctx, o.ID, &api.ListOptions{Limit: api.MaxPageSize})
		if err != nil {
			t.Fatal(err)
		}
		check("messages of order "+o.ID, ms)
	}

	// The hostile items carry the hidden-text marker and their raw record.
	if marked < 10 {
		t.Errorf("only %d removed records met in the seeded corpus", marked)
	}

	// The walk met the hostile items (their visible words survive).
	for _, want := range []string{"Totally normal post", "alice: hello", "invoice", "verify your account", "real flag",
		"Clipboard Cat", "Hidden Ink", "Curious cat.", "operator=admin", "copy this for me", "line", "Any questions, just ask here."} {
		if !strings.Contains(seen.String(), want) {
			t.Errorf("the walk never met %q: the seeded corpus moved or the walk missed a place", want)
		}
	}
}

// firstUnsafe returns the first rune of s that could act on a terminal:
// ESC and the other C0 controls but newline, DEL, C1 (BEL included) and
// bidi controls.
func firstUnsafe(s string) (rune, bool) {
	for _, r := range s {
		if (r < 0x20 && r != '\n') || (r >= 0x7f && r <= 0x9f) || unicode.Is(unicode.Bidi_Control, r) {
			return r, true
		}
	}
	return 0, false
}

// stringsIn collects every string reachable from v (fields, elements,
// pointers, map keys and values).
func stringsIn(v any) []string {
	var out []string
	var walk func(reflect.Value)
	walk = func(x reflect.Value) {
		switch x.Kind() {
		case reflect.String:
			out = append(out, x.String())
		case reflect.Pointer, reflect.Interface:
			if !x.IsNil() && x.Type() != reflect.TypeFor[*sanitize.Removed]() {
				walk(x.Elem())
			}
		case reflect.Struct:
			for i := range x.NumField() {
				if x.Type().Field(i).IsExported() {
					walk(x.Field(i))
				}
			}
		case reflect.Slice, reflect.Array:
			for i := range x.Len() {
				walk(x.Index(i))
			}
		case reflect.Map:
			for it := x.MapRange(); it.Next(); {
				walk(it.Key())
				walk(it.Value())
			}
		}
	}
	walk(reflect.ValueOf(v))
	return out
}
