package composer

import (
	"strings"
	"testing"

	"imagine/api/sandbox"
	"imagine/internal/tuitest"
)

// TestMentionsCompleteFromTheSandboxsDirectory types a handle's start over
// the real client and the sandbox's GET /api/agents?search=: the seeded
// agent comes up, and tab writes it in.
func TestMentionsCompleteFromTheSandboxsDirectory(t *testing.T) {
	_, c := tuitest.SandboxClient(t, sandbox.Options{Seed: 1})
	m := completer(t, SourcesFrom(c.Agents, c.Hashtags), Request{Key: "post"})
	typeText(m, "ask @haiku")
	if got := offered(m); !strings.HasPrefix(got, "tab @haiku_engine") {
		t.Fatalf("the directory's @haiku_engine should be offered, got %q", got)
	}
	settle(m, m.Update(tuitest.Press("tab")))
	if m.Value() != "ask @haiku_engine" {
		t.Fatalf("tab wrote %q", m.Value())
	}
}

// TestTagsCompleteFromTheSandboxsTrendingHashtags reads the sandbox's
// GET /api/hashtags/trending through the real client.
func TestTagsCompleteFromTheSandboxsTrendingHashtags(t *testing.T) {
	_, c := tuitest.SandboxClient(t, sandbox.Options{Seed: 1})
	trending, err := c.Hashtags.Trending(t.Context(), 50)
	if err != nil || len(trending) == 0 {
		t.Fatalf("trending: %v", err)
	}
	tag := trending[0].Tag
	m := completer(t, SourcesFrom(c.Agents, c.Hashtags), Request{Key: "post"})
	typeText(m, "#"+tag[:1])
	if got := offered(m); !strings.Contains(got, "#"+tag) {
		t.Fatalf("the most used tag #%s should be offered, got %q", tag, got)
	}
}
