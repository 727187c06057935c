package sandbox_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"imagine/api/sandbox"
)

// badParam is one query parameter value a route must refuse with 400.
type badParam struct {
	name, value, code string
}

// Bad values shared by every paginated list.
var (
	badLimits = []badParam{
		{"limit", "-5", "invalid_limit"}, {"limit", "0", "invalid_limit"},
		{"limit", "ten", "invalid_limit"}, {"limit", "1.5", "invalid_limit"},
		{"limit", "99999999999999999999", "invalid_limit"},
	}
	badCursors = []badParam{
		{"cursor", "not-a-cursor!", "invalid_cursor"}, {"cursor", "bm9wZQ", "invalid_cursor"},
		{"cursor", "cDow", "invalid_cursor"}, // "p:0"
		{"cursor", "eno1", "invalid_cursor"}, // a cursor of no list ("zz:5")
	}
)

// paged is the bad limits and cursors plus any route-specific values.
func paged(extra ...badParam) []badParam {
	return append(append(append([]badParam{}, badLimits...), badCursors...), extra...)
}

// TestEveryQueryParameterIsValidated walks every GET route of the table
// and sends each documented query parameter a bad value: a negative, zero
// or non-numeric limit, a forged cursor, an unknown enum value, a
// malformed boolean or number. Each must be a 400 with {"error",
// "message"}; the same route with no parameters must succeed, so the 400
// is the parameter's doing.
func TestEveryQueryParameterIsValidated(t *testing.T) {
	f := newFixture(t, sandbox.Options{NoRateLimit: true})
	tok := f.demoToken()
	post := f.createPost(tok, "a post to list things under")
	var bytesPage struct {
		Bytes []struct {
			ID string `json:"id"`
		} `json:"bytes"`
	}
	f.do("GET", "/api/bytes", tok, nil).want(t, http.StatusOK, "").decode(t, &bytesPage)
	var orders struct {
		Orders []struct {
			ID string `json:"id"`
		} `json:"orders"`
	}
	f.do("GET", "/api/marketplace/orders", tok, nil).want(t, http.StatusOK, "").decode(t, &orders)
	var services struct {
		Services []struct {
			ID string `json:"id"`
		} `json:"services"`
	}
	f.do("GET", "/api/marketplace/services", tok, nil).want(t, http.StatusOK, "").decode(t, &services)
	if len(bytesPage.Bytes) == 0 || len(orders.Orders) == 0 || len(services.Services) == 0 {
		t.Fatal("the seeded world has no Bytes, orders or services")
	}
	fill := strings.NewReplacer("{id}", post.ID, "{handle}", "nova_assist", "{tag}", "ai",
		"{conversation}", f.s.ConversationID("demo_agent", "nova_assist"),
		"{byte}", bytesPage.Bytes[0].ID, "{order}", orders.Orders[0].ID)

	// Query parameters per route (api-reference.md §4–§6); routes with no
	// query parameter are listed with nil and checked only for coverage.
	table := map[string]struct {
		base string // fixed query every request carries
		bad  []badParam
	}{
		"GET /api/posts":                     {"", paged()},
		"GET /api/posts/{id}":                {"", nil},
		"GET /api/posts/{id}/likes":          {"", paged()},
		"GET /api/posts/{id}/comments":       {"", paged()},
		"GET /api/posts/{id}/reposts":        {"", paged()},
		"GET /api/feed":                      {"", paged()},
		"GET /api/agents":                    {"", paged(badParam{"type", "ROBOT", "invalid_type"}, badParam{"verified", "yes", "validation_error"})},
		"GET /api/agents/me":                 {"", nil},
		"GET /api/agents/me/capabilities":    {"", nil},
		"GET /api/agents/me/webhook":         {"", nil},
		"GET /api/agents/{handle}":           {"", nil},
		"GET /api/agents/{handle}/follow":    {"", nil},
		"GET /api/agents/{handle}/followers": {"", paged()},
		"GET /api/agents/{handle}/following": {"", paged()},
		"GET /api/agents/{handle}/likes":     {"", paged()},
		"GET /api/agents/{handle}/similar":   {"", append(append([]badParam{}, badLimits...), badParam{"excludeFollowing", "maybe", "validation_error"})},
		"GET /api/agents/{handle}/xp":        {"", paged()},
		"GET /api/search": {"q=ai", paged(badParam{"type", "hashtags", "invalid_type"},
			badParam{"q", "", "query_required"}, badParam{"q", strings.Repeat("a", 201), "query_too_long"})},
		"GET /api/explore":            {"", append(append([]badParam{}, badLimits...), badParam{"section", "people", "invalid_section"})},
		"GET /api/explore/agents":     {"", paged(badParam{"type", "robots", "invalid_type"})},
		"GET /api/hashtags/trending":  {"", badLimits},
		"GET /api/hashtags/{tag}":     {"", paged()},
		"GET /api/analytics/overview": {"", []badParam{{"range", "1y", "invalid_range"}}},
		"GET /api/analytics/posts": {"", append(append([]badParam{}, badLimits...), badParam{"sortBy", "shares", "invalid_sort"},
			badParam{"cursor", "not-a-cursor!", "invalid_cursor"})},
		"GET /api/bytes":                       {"", paged()},
		"GET /api/bytes/{id}":                  {"", nil},
		"GET /api/bytes/{id}/comments":         {"", paged()},
		"GET /api/notifications":               {"", paged(badParam{"type", "POKE", "validation_error"}, badParam{"unread", "often", "validation_error"})},
		"GET /api/notifications/count":         {"", nil},
		"GET /api/conversations":               {"", paged()},
		"GET /api/conversations/unread":        {"", nil},
		"GET /api/conversations/{id}/messages": {"", paged()},
		"GET /api/messages/{id}":               {"", nil},
		"GET /api/settings/services":           {"", nil},
		"GET /api/generate/pending":            {"", nil},
		"GET /api/generate/history":            {"", paged()},
		"GET /api/generate/models": {"provider=OPENAI&type=image", []badParam{
			{"provider", "ACME", "invalid_provider"}, {"provider", "", "invalid_provider"}, {"type", "smell", "invalid_type"}}},
		"GET /api/generate/voices": {"provider=ELEVENLABS", []badParam{{"provider", "OPENAI", "invalid_provider"}, {"provider", "ACME", "invalid_provider"}}},
		"GET /api/upload":          {"", paged(badParam{"type", "PDF", "invalid_type"}, badParam{"purpose", "wallpaper", "invalid_purpose"})},
		"GET /api/marketplace/services": {"", paged(
			badParam{"category", "FOOD", "invalid_category"}, badParam{"featured", "sometimes", "validation_error"},
			badParam{"minPrice", "-1", "invalid_price"}, badParam{"maxPrice", "cheap", "invalid_price"},
			badParam{"sortBy", "name", "invalid_sortBy"}, badParam{"sortOrder", "up", "invalid_sortOrder"})},
		"GET /api/marketplace/services/{id}":        {"", nil},
		"GET /api/marketplace/orders":               {"", paged(badParam{"role", "broker", "invalid_role"}, badParam{"status", "LOST", "invalid_status"})},
		"GET /api/marketplace/orders/{id}":          {"", nil},
		"GET /api/marketplace/orders/{id}/messages": {"", paged()},
		"GET /api/marketplace/reviews":              {"serviceId=" + services.Services[0].ID, paged(badParam{"serviceId", "", "validation_error"})},
		"GET /api/marketplace/payouts":              {"", paged(badParam{"status", "LOST", "invalid_status"})},
		"GET /api/marketplace/connect":              {"", nil},
	}
	for _, pattern := range f.s.Routes() {
		if !strings.HasPrefix(pattern, "GET ") {
			continue
		}
		spec, listed := table[pattern]
		if !listed {
			t.Errorf("%s: no row in the parameter table; add its query parameters", pattern)
			continue
		}
		_, path, _ := strings.Cut(pattern, " ")
		switch {
		case strings.HasPrefix(path, "/api/bytes/"):
			path = strings.ReplaceAll(path, "{id}", "{byte}")
		case strings.HasPrefix(path, "/api/conversations/"):
			path = strings.ReplaceAll(path, "{id}", "{conversation}")
		case strings.HasPrefix(path, "/api/marketplace/orders/"):
			path = strings.ReplaceAll(path, "{id}", "{order}")
		case strings.HasPrefix(path, "/api/marketplace/services/"):
			path = strings.ReplaceAll(path, "{id}", services.Services[0].ID)
		case strings.HasPrefix(path, "/api/messages/"):
			continue // needs a message ID; it takes no query parameter
		}
		path = fill.Replace(path)
		if spec.base == "" && strings.Contains(pattern, "/api/generate/models") {
			t.Fatal("models needs a base query")
		}
		if spec.bad == nil {
			continue
		}
		base, err := url.ParseQuery(spec.base)
		if err != nil {
			t.Fatal(err)
		}
		f.do("GET", path+"?"+base.Encode(), tok, nil).want(t, http.StatusOK, "")
		for _, bp := range spec.bad {
			q := url.Values{}
			for k, v := range base {
				q[k] = v
			}
			q.Set(bp.name, bp.value)
			what := pattern + "?" + bp.name + "=" + bp.value
			if len(what) > 80 {
				what = what[:80] + "…"
			}
			wantErrorShape(t, what, f.do("GET", path+"?"+q.Encode(), tok, nil), http.StatusBadRequest, bp.code)
		}
	}
}
