package sanitize

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// keeper is a decoded item with a *Removed field and kept fields.
type keeper struct {
	Name    string   `json:"name" clean:"identity,keep"`
	Content string   `json:"content" clean:"block,keep"`
	Other   string   `json:"other"`
	Removed *Removed `json:"removed,omitempty"`
}

// TestRemovedRecordsHiddenText: bidi, zero-width, tags and escape sequences
// set the marker and leave an escaped original; clean items stay nil.
func TestRemovedRecordsHiddenText(t *testing.T) {
	k := keeper{
		Name:    "ev\u202eil",
		Content: "hi\u200b there\x1b]52;c;QUJD\x07\nline two \U000e0069\U000e0067\U000e006e",
		Other:   "x\u202ey",
	}
	Struct(&k)
	if k.Removed == nil || !k.Removed.Flags.HiddenTextRemoved || !k.Removed.Flags.ControlsRemoved {
		t.Fatalf("Removed = %+v", k.Removed)
	}
	if k.Name != "evil" || k.Content != "hi there\nline two" {
		t.Errorf("cleaned to %q, %q", k.Name, k.Content)
	}
	want := "name: ev\\u202eil\n" +
		"content: hi\\u200b there\\x1b]52;c;QUJD\\a\\n\n" +
		"line two \\U000e0069\\U000e0067\\U000e006e [tag text: \"ign\"]"
	if k.Removed.Raw != want {
		t.Errorf("Raw =\n%s\nwant\n%s", k.Removed.Raw, want)
	}
	if got := k.Removed.Lines(); len(got) != 3 {
		t.Errorf("Lines = %q", got)
	}
	for _, r := range k.Removed.Raw {
		if r != '\n' && (r < 0x20 || r == 0x7f || isBidi(r) || isInvisible(r) || isTag(r)) {
			t.Errorf("Raw holds %U", r)
		}
	}
	// Cleaning again (a cache reload) keeps the record unchanged.
	before := *k.Removed
	Struct(&k)
	if *k.Removed != before {
		t.Errorf("second Struct changed Removed to %+v", *k.Removed)
	}

	clean := keeper{Name: "alice", Content: "hello\nworld", Other: "x\u202ey"}
	Struct(&clean)
	if clean.Removed != nil {
		t.Errorf("clean item got %+v", clean.Removed)
	}
	cut := keeper{Content: strings.Repeat("a", BlockCap+10)}
	Struct(&cut)
	if cut.Removed != nil {
		t.Errorf("a cut alone set the marker: %+v", cut.Removed.Flags)
	}
}

// TestRemovedCapped: a huge hostile field keeps at most RawCap bytes (plus
// the note), valid UTF-8.
func TestRemovedCapped(t *testing.T) {
	k := keeper{Content: strings.Repeat("\u202e\x1b[2J€", 50000)}
	Struct(&k)
	if k.Removed == nil {
		t.Fatal("no Removed")
	}
	if n := len(k.Removed.Raw); n > RawCap+64 {
		t.Errorf("Raw is %d bytes", n)
	}
	if !utf8.ValidString(k.Removed.Raw) || !strings.Contains(k.Removed.Raw, "more bytes)") {
		t.Errorf("Raw tail %q", k.Removed.Raw[len(k.Removed.Raw)-40:])
	}
}

// TestEscapeInvalidAndMarks: invalid bytes, C1, marks and joiners escape.
func TestEscapeInvalidAndMarks(t *testing.T) {
	var b strings.Builder
	Escape(&b, "a\xffb\u0085c\u0301d\u200de\\f\t", RawCap)
	if got, want := b.String(), `a\xffb\u0085c\u0301d\u200de\\f\t`; got != want {
		t.Errorf("Escape = %q, want %q", got, want)
	}
}

// TestRemovedTagFloodCapped: a long run of tag characters is capped too.
func TestRemovedTagFloodCapped(t *testing.T) {
	k := keeper{Content: "x" + strings.Repeat("\U000e0041", 20000)}
	Struct(&k)
	if k.Removed == nil || len(k.Removed.Raw) > 2*RawCap {
		t.Fatalf("Raw is %d bytes", len(k.Removed.Raw))
	}
}

// FuzzRemoved: whatever the input, a record holds only printable text
// (no control, bidi, invisible, tag, mark or joiner character), valid
// UTF-8, bounded, and survives cleaning again unchanged.
func FuzzRemoved(f *testing.F) {
	for _, s := range []string{"a\u202eb", "\x1b]52;c;QQ==\x07", "x\U000e0041\U000e007f", "\xff\x9b2J", "t\tab\r\n \n", "🏴\U000e0067\U000e0062\U000e007f"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := keeper{Name: s, Content: s}
		Struct(&k)
		if k.Removed == nil {
			return
		}
		raw := k.Removed.Raw
		if !utf8.ValidString(raw) || len(raw) > 2*RawCap {
			t.Fatalf("bad Raw (%d bytes) %q", len(raw), raw)
		}
		for _, r := range raw {
			if r == '\n' {
				continue
			}
			if r < 0x20 || (r >= 0x7f && r < 0xa0) || isBidi(r) || isInvisible(r) || isTag(r) || isMark(r) || r == zwj || r == zwnj {
				t.Fatalf("Raw holds %U: %q", r, raw)
			}
		}
		before := *k.Removed
		Struct(&k)
		if *k.Removed != before {
			t.Fatalf("cleaning again changed Raw:\n%q\n%q", before.Raw, k.Removed.Raw)
		}
	})
}
