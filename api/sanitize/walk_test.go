package sanitize

import (
	"testing"
	"time"
)

// The types below mirror the shapes of package api (which cannot be imported
// here: it imports this package).

type secret string

type agent struct {
	ID     string `clean:"raw"`
	Handle string
	Name   string `clean:"identity"`
	Bio    string `clean:"block"`
	Skills []string
	Seen   time.Time
}

type post struct {
	ID       string `clean:"raw"`
	Content  string `clean:"block"`
	Agent    agent
	Hashtags []string
	Labels   []string `clean:"identity"`
	Counts   []int
	RepostOf *post
	Token    secret
	Tagged   secret `clean:"line"`
	Meta     map[string]string
	Extra    any
	private  string
}

type page[T any] struct {
	Items      []T
	NextCursor string
	HasMore    bool
}

type inner struct{ Text string }

type Embedding struct{ Title string }

type withEmbedded struct {
	inner
	*Embedding
	Note string
}

const dirty = "bad\x1b[2J\u202e name\r\n"

// TestStructCleansByTag: untagged strings as Line, tagged ones per tag, raw
// and named string types left alone, unexported fields untouched, slices,
// pointers, nested structs and maps followed.
func TestStructCleansByTag(t *testing.T) {
	p := &post{
		ID:       dirty,
		Content:  "hello\x1b]52;c;QUFB\x07\r\nworld\t!",
		Agent:    agent{ID: dirty, Handle: dirty, Name: "\ue000" + dirty, Bio: "a\r\nb", Skills: []string{dirty}},
		Hashtags: []string{dirty, "ok"},
		Labels:   []string{"\u3164"},
		Counts:   []int{1, 2},
		RepostOf: &post{Content: dirty, Agent: agent{Name: dirty}},
		Token:    secret(dirty),
		Tagged:   secret(dirty),
		Meta:     map[string]string{"k": dirty, "x\x1b[1m": "v"},
		Extra:    dirty,
		private:  dirty,
	}
	Struct(p)
	checks := []struct {
		field, got, want string
	}{
		{"ID (raw)", p.ID, dirty},
		{"Content (block)", p.Content, "hello\nworld   !"},
		{"Agent.ID (raw)", p.Agent.ID, dirty},
		{"Agent.Handle", p.Agent.Handle, "bad name"},
		{"Agent.Name (identity)", p.Agent.Name, "\ufffdbad name"},
		{"Agent.Bio (block)", p.Agent.Bio, "a\nb"},
		{"Agent.Skills[0]", p.Agent.Skills[0], "bad name"},
		{"Hashtags[0]", p.Hashtags[0], "bad name"},
		{"Hashtags[1]", p.Hashtags[1], "ok"},
		{"Labels[0] (identity)", p.Labels[0], BlankName},
		{"RepostOf.Content", p.RepostOf.Content, "bad name\n"},
		{"RepostOf.Agent.Name", p.RepostOf.Agent.Name, "bad name"},
		{"Token (named type)", string(p.Token), dirty},
		{"Tagged (named type, tagged)", string(p.Tagged), "bad name"},
		{"Meta[k]", p.Meta["k"], "bad name"},
		{"Meta[x] (key cleaned)", p.Meta["x"], "v"},
		{"Extra (interface)", p.Extra.(string), "bad name"},
		{"private", p.private, dirty},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
		}
	}
	if _, ok := p.Meta["x\x1b[1m"]; ok || len(p.Meta) != 2 {
		t.Errorf("dirty map key kept: %q", p.Meta)
	}
}

// TestStructGenericPage walks a generic page of posts.
func TestStructGenericPage(t *testing.T) {
	pg := &page[post]{
		Items:      []post{{Content: dirty}, {Agent: agent{Handle: dirty}}},
		NextCursor: dirty,
	}
	Struct(pg)
	if pg.Items[0].Content != "bad name\n" || pg.Items[1].Agent.Handle != "bad name" || pg.NextCursor != "bad name" {
		t.Errorf("page not cleaned: %+v", pg)
	}
	ptrs := &page[*agent]{Items: []*agent{{Name: dirty}, nil}}
	Struct(ptrs)
	if ptrs.Items[0].Name != "bad name" {
		t.Errorf("page of pointers not cleaned: %q", ptrs.Items[0].Name)
	}
}

// TestStructEmbedded: fields promoted from embedded structs, exported or
// not, are cleaned.
func TestStructEmbedded(t *testing.T) {
	v := &withEmbedded{inner: inner{Text: dirty}, Embedding: &Embedding{Title: dirty}, Note: dirty}
	Struct(v)
	if v.Text != "bad name" || v.Title != "bad name" || v.Note != "bad name" {
		t.Errorf("embedded fields: %q %q %q", v.Text, v.Title, v.Note)
	}
}

// TestStructDecodedJSONShapes: untyped values as encoding/json produces them.
func TestStructDecodedJSONShapes(t *testing.T) {
	v := map[string]any{
		"name":  dirty,
		"list":  []any{dirty, 1.0, map[string]any{"deep": dirty}},
		"agent": agent{Handle: dirty},
	}
	Struct(v) // maps are references: cleaning works without a pointer
	list := v["list"].([]any)
	if v["name"] != "bad name" || list[0] != "bad name" || list[2].(map[string]any)["deep"] != "bad name" {
		t.Errorf("untyped values not cleaned: %q", v)
	}
	if v["agent"].(agent).Handle != "bad name" {
		t.Errorf("struct held in a map not cleaned: %q", v["agent"].(agent).Handle)
	}
	s := dirty
	Struct(&s)
	if s != "bad name" {
		t.Errorf("Struct(&string) = %q", s)
	}
	Struct(nil)
	Struct(post{Content: dirty}) // not settable: must not panic
}

// TestStructCycle: a cyclic value (never produced by decoding) terminates.
func TestStructCycle(t *testing.T) {
	a := &post{Content: dirty}
	a.RepostOf = a
	done := make(chan struct{})
	go func() {
		Struct(a)
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Struct did not terminate on a cyclic value")
	}
	if a.Content != "bad name\n" {
		t.Errorf("cyclic value not cleaned: %q", a.Content)
	}
}

// benchPost returns a clean post shaped like the API's.
func benchPost() *post {
	return &post{
		ID:       "post_8f14e45fceea167a5a36dedd4bea2543",
		Content:  "Shipping a new image model today.\nIt draws cats, mostly.\n\n#release #cats",
		Agent:    agent{ID: "agent_1", Handle: "pixel_bot", Name: "Pixel Bot", Bio: "I draw things.\nAsk me for cats."},
		Hashtags: []string{"release", "cats", "imagegen"},
	}
}

// TestStructCleanPostNoAllocations: walking an already clean post allocates
// nothing once the plan is cached.
func TestStructCleanPostNoAllocations(t *testing.T) {
	p := benchPost()
	Struct(p)
	if n := testing.AllocsPerRun(100, func() { Struct(p) }); n != 0 {
		t.Errorf("Struct on a clean post: %v allocations, want 0", n)
	}
}

// BenchmarkStruct measures cleaning a clean post (the common case) and a
// dirty one.
func BenchmarkStruct(b *testing.B) {
	b.Run("clean", func(b *testing.B) {
		p := benchPost()
		b.ReportAllocs()
		for b.Loop() {
			Struct(p)
		}
	})
	b.Run("dirty", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			p := benchPost()
			p.Content += "\x1b[2J\r"
			p.Agent.Name += "\u202e"
			p.Hashtags[0] += "\u200b"
			Struct(p)
		}
	})
}

// BenchmarkBlock measures Block on a clean and a hostile 16 KiB body.
func BenchmarkBlock(b *testing.B) {
	clean := ""
	for len(clean) < 16<<10 {
		clean += "A clean line of a post, with some words in it.\n"
	}
	hostile := ""
	for len(hostile) < 16<<10 {
		hostile += "x\x1b[31m\u202e\u200b\t\r\né\u200d\u0301\u0301 \x1b]52;c;QUFB\x07"
	}
	for _, c := range []struct{ name, in string }{{"clean", clean}, {"hostile", hostile}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.in)))
			b.ReportAllocs()
			for b.Loop() {
				Block(c.in)
			}
		})
	}
}
