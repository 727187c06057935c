package composer

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"

	"imagine/api"
	"imagine/internal/tuitest"
	"imagine/keymap"
	"imagine/theme"
)

// directory is an AgentFinder over a fixed list of agents, matching as
// the API's search does (a handle or a name containing the query), that
// records the queries it was asked.
type directory struct {
	mu      sync.Mutex
	agents  []api.Agent
	asked   []string
	failing bool
	partial bool // answers say more matches exist
}

func (d *directory) find(_ context.Context, q string) ([]api.Agent, bool, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.asked = append(d.asked, q)
	if d.failing {
		return nil, false, errors.New("503 Service Unavailable")
	}
	var out []api.Agent
	for _, a := range d.agents {
		if strings.Contains(a.Handle, strings.ToLower(q)) || strings.Contains(strings.ToLower(a.Name), strings.ToLower(q)) {
			out = append(out, a)
		}
	}
	return out, !d.partial, nil
}

func (d *directory) queries() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]string(nil), d.asked...)
}

func newDirectory() *directory {
	return &directory{agents: []api.Agent{
		{Handle: "nova_assist", Name: "Nova"},
		{Handle: "banter_bot", Name: "Banter Bot"},
		{Handle: "nora", Name: "Nora"},
		{Handle: "data_dora", Name: "Data Dora"},
		{Handle: "north_star", Name: "Polaris"},
	}}
}

// completer is a composer completing from src, open on req.
func completer(t *testing.T, src Sources, req Request) *Model {
	t.Helper()
	m := New(Options{
		ID: "test", Keys: keymap.Default(), Styles: theme.New(true, false), Context: t.Context(),
		Debounce: time.Millisecond, CompleteRest: time.Millisecond, Complete: src,
	})
	m.SetSize(80, 24)
	settle(m, m.Open(req))
	return m
}

// mentionComposer is a composer with d as its directory, open on req.
func mentionComposer(t *testing.T, d *directory, req Request) *Model {
	t.Helper()
	return completer(t, Sources{Agents: d.find}, req)
}

// offered is the completion line as shown (handles, tags or emoji), or
// "" when none shows; the footer's "tab complete …" hint is not it.
func offered(m *Model) string {
	for _, l := range strings.Split(ansi.Strip(m.View()), "\n") {
		if l = strings.TrimSpace(l); strings.HasPrefix(l, "tab ") && !strings.HasPrefix(l, "tab complete") {
			return l
		}
	}
	return ""
}

func TestTypingAHandleOffersTheAgentsItMayNameAndTabWritesOneIn(t *testing.T) {
	d := newDirectory()
	m := mentionComposer(t, d, Request{Key: "post"})
	typeText(m, "thanks @no")
	if got, want := offered(m), "tab @nora · @north_star · @nova_assist"; got != want {
		t.Fatalf("offered %q, want %q (handles starting with the query, shortest first)", got, want)
	}
	settle(m, m.Update(tuitest.Press("tab")))
	if m.Value() != "thanks @nora" {
		t.Fatalf("tab should write the first in: %q", m.Value())
	}
	settle(m, m.Update(tuitest.Press("tab")))
	settle(m, m.Update(tuitest.Press("tab")))
	if m.Value() != "thanks @nova_assist" {
		t.Fatalf("tab again should put the next in its place: %q", m.Value())
	}
	settle(m, m.Update(tuitest.Press("shift+tab")))
	if m.Value() != "thanks @north_star" {
		t.Fatalf("shift+tab should go back one: %q", m.Value())
	}
	typeText(m, " for the help")
	if m.Value() != "thanks @north_star for the help" || offered(m) != "" {
		t.Fatalf("typing on keeps the choice and ends the completion: %q, %q", m.Value(), offered(m))
	}
	if m.Count() != len("thanks @north_star for the help") {
		t.Errorf("the counter should count what tab wrote: %d", m.Count())
	}
}

func TestTheRequestsHandlesComeFirstAndAnAtAloneOffersThem(t *testing.T) {
	d := newDirectory()
	m := mentionComposer(t, d, Request{Key: "comment-p1", Mentions: []string{"@data_dora", "nova_assist"}})
	typeText(m, "@")
	if got, want := offered(m), "tab @data_dora · @nova_assist"; got != want {
		t.Fatalf("an @ alone should offer the request's handles: %q, want %q", got, want)
	}
	if len(d.queries()) != 0 {
		t.Errorf("an @ alone asks the directory nothing, asked %v", d.queries())
	}
	typeText(m, "n")
	// The request's nova_assist first, then the directory's by length.
	if got, want := offered(m), "tab @nova_assist · @nora · @north_star"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}

func TestNamesMatchAfterHandles(t *testing.T) {
	m := mentionComposer(t, newDirectory(), Request{Key: "post"})
	typeText(m, "@pol")
	if got, want := offered(m), "tab @north_star"; got != want {
		t.Fatalf("an agent whose name starts with the query is offered: %q, want %q", got, want)
	}
}

func TestEscHidesTheListBeforeItClosesTheComposer(t *testing.T) {
	m := mentionComposer(t, newDirectory(), Request{Key: "post"})
	typeText(m, "hi @nov")
	if offered(m) == "" {
		t.Fatal("premise: @nov offers @nova_assist")
	}
	settle(m, m.Update(tuitest.Press("esc")))
	if !m.IsOpen() || offered(m) != "" {
		t.Fatalf("esc should hide the list and keep the composer (open=%v, offered %q)", m.IsOpen(), offered(m))
	}
	typeText(m, "a")
	if offered(m) != "" {
		t.Error("typing on after esc keeps the list hidden for that word")
	}
	settle(m, m.Update(tuitest.Press("tab")))
	if m.Value() != "hi @nova" {
		t.Errorf("with the list hidden tab completes nothing: %q", m.Value())
	}
	settle(m, m.Update(tuitest.Press("esc")))
	if m.IsOpen() {
		t.Error("the next esc closes the composer")
	}
}

func TestTheDirectoryIsAskedOncePerRestingQueryAndItsAnswerNarrowsLocally(t *testing.T) {
	d := newDirectory()
	m := mentionComposer(t, d, Request{Key: "post"})
	typeText(m, "@n")
	typeText(m, "o")
	typeText(m, "v")
	// "n" was answered in full: "no" and "nov" are narrowed from it
	// without asking again.
	if got := d.queries(); len(got) != 1 || got[0] != "n" {
		t.Fatalf("asked %v, want [n]", got)
	}
	if got := offered(m); got != "tab @nova_assist" {
		t.Fatalf("offered %q", got)
	}
}

func TestAFailedLookupOffersTheRequestsHandlesAndSaysNothing(t *testing.T) {
	d := newDirectory()
	d.failing = true
	m := mentionComposer(t, d, Request{Key: "dm-1", Mentions: []string{"nova_assist"}})
	typeText(m, "@no")
	if got := offered(m); got != "tab @nova_assist" {
		t.Fatalf("offered %q", got)
	}
	if m.Problem() != "" {
		t.Errorf("a failed lookup is not the composer's problem: %q", m.Problem())
	}
}

func TestAStaleAnswerIsKeptButNotShownForAnotherWord(t *testing.T) {
	m := mentionComposer(t, newDirectory(), Request{Key: "post"})
	// The answer for "ban" arrives after the operator moved on to "@no".
	typeText(m, "@no")
	settle(m, m.Update(agentsFoundMsg{id: "test", query: "ban", agents: []api.Agent{{Handle: "banter_bot"}}}))
	if got := offered(m); strings.Contains(got, "banter") {
		t.Fatalf("an answer for another word showed: %q", got)
	}
}

func TestAnAnswerThatWasNotEverythingIsAskedAgainForALongerQuery(t *testing.T) {
	d := newDirectory()
	d.partial = true
	m := mentionComposer(t, d, Request{Key: "post"})
	typeText(m, "@n")
	typeText(m, "o")
	if got := d.queries(); len(got) != 2 || got[1] != "no" {
		t.Fatalf("asked %v, want [n no]: the answer for n had more matches than it held", got)
	}
}

// trending is a TagFinder over fixed tags that counts its reads.
type trending struct {
	mu      sync.Mutex
	tags    []string
	reads   int
	failing bool
}

func (tr *trending) find(context.Context) ([]string, error) {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	tr.reads++
	if tr.failing {
		return nil, errors.New("503 Service Unavailable")
	}
	return tr.tags, nil
}

// tagComposer is a composer with tr as its trending tags, open on req.
func tagComposer(t *testing.T, tr *trending, req Request) *Model {
	t.Helper()
	return completer(t, Sources{Tags: tr.find}, req)
}

func TestTypingATagOffersThePostsTagsThenTheTrendingOnes(t *testing.T) {
	tr := &trending{tags: []string{"AI", "Agents", "Go", "agentops", "日本語"}}
	m := tagComposer(t, tr, Request{Key: "comment-p1", Hashtags: []string{"AgentEval"}})
	typeText(m, "so true #ag")
	if got, want := offered(m), "tab #AgentEval · #Agents · #agentops"; got != want {
		t.Fatalf("offered %q, want %q (the post's tag, then trending order)", got, want)
	}
	settle(m, m.Update(tuitest.Press("tab")))
	settle(m, m.Update(tuitest.Press("tab")))
	if m.Value() != "so true #Agents" {
		t.Fatalf("tab twice should write the second in: %q", m.Value())
	}
	typeText(m, " and #日")
	if got := offered(m); got != "tab #日本語" {
		t.Fatalf("a tag of letters of any script completes too: %q", got)
	}
	if tr.reads != 1 {
		t.Errorf("the trending tags should be read once, read %d times", tr.reads)
	}
}

func TestAFailedTrendingReadIsTriedAgainAtTheNextTag(t *testing.T) {
	tr := &trending{tags: []string{"Go"}, failing: true}
	m := tagComposer(t, tr, Request{Key: "post"})
	typeText(m, "#g")
	if got := offered(m); got != "" {
		t.Fatalf("nothing to offer yet: %q", got)
	}
	tr.failing = false
	typeText(m, " #g")
	if got := offered(m); got != "tab #Go" || tr.reads != 2 {
		t.Fatalf("offered %q after %d reads", got, tr.reads)
	}
}

func TestAnAtOrAHashInsideAWordCompletesNothing(t *testing.T) {
	m := completer(t, Sources{Agents: newDirectory().find, Tags: (&trending{tags: []string{"Go"}}).find}, Request{Key: "post"})
	for _, text := range []string{"write to nora@example", "@@no", "x@no", "C#g", "##g", "@#g", "#@no"} {
		m.ta.Reset()
		typeText(m, text)
		if got := offered(m); got != "" {
			t.Errorf("%q: offered %q", text, got)
		}
	}
}

func TestTheHelpScreenNamesTheCompletionKeysTheFooterKeepsForAWord(t *testing.T) {
	m := mentionComposer(t, newDirectory(), Request{Key: "post"})
	k := m.opts.Keys.Composer
	has := func(rows [][]key.Binding, b key.Binding) bool {
		for _, r := range rows {
			if slices.ContainsFunc(r, func(x key.Binding) bool { return x.Help() == b.Help() }) {
				return true
			}
		}
		return false
	}
	if has([][]key.Binding{m.ShortHelp()}, k.Complete) || !has(m.FullHelp(), k.Complete) || !has(m.FullHelp(), k.CompleteBack) {
		t.Fatal("with no word being completed, the footer leaves tab out and the help screen names it")
	}
	typeText(m, "@no")
	if !has([][]key.Binding{m.ShortHelp()}, k.Complete) {
		t.Fatal("while a word is completed, the footer names tab")
	}
}

func TestAColonAndTheStartOfAShortcodeOffersEmojiAndTabWritesTheEmoji(t *testing.T) {
	m := completer(t, Sources{}, Request{Key: "post"})
	typeText(m, "this is :fi")
	got := offered(m)
	if !strings.HasPrefix(got, "tab 🔥 fire · 🐟 fish") {
		t.Fatalf("offered %q, want the emoji whose codes start with fi, shortest first", got)
	}
	settle(m, m.Update(tuitest.Press("tab")))
	if m.Value() != "this is 🔥" {
		t.Fatalf("tab should write the emoji in place of the code typed: %q", m.Value())
	}
	settle(m, m.Update(tuitest.Press("tab")))
	if m.Value() != "this is 🐟" {
		t.Fatalf("tab again should put the next emoji in its place: %q", m.Value())
	}
	settle(m, m.Update(tuitest.Press("shift+tab")))
	typeText(m, " fine")
	if m.Value() != "this is 🔥 fine" || offered(m) != "" {
		t.Fatalf("typing on keeps the emoji and ends the completion: %q, %q", m.Value(), offered(m))
	}

	// A code typed in full is still offered, to be written as its emoji.
	m.ta.Reset()
	typeText(m, ":thumbsup")
	settle(m, m.Update(tuitest.Press("tab")))
	if m.Value() != "👍" {
		t.Errorf("a full code with tab: %q", m.Value())
	}
}

func TestAColonInPlainTextOffersNoEmoji(t *testing.T) {
	m := completer(t, Sources{}, Request{Key: "post"})
	for _, text := range []string{"at 12:30", "see https://fi", "Note:fi", "a :f", "::fi", ":zzzzzz"} {
		m.ta.Reset()
		typeText(m, text)
		if got := offered(m); got != "" {
			t.Errorf("%q: offered %q", text, got)
		}
	}
}
