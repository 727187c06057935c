package printer

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

type item struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

func list(t *testing.T, mode Mode, items ...item) string {
	t.Helper()
	var b bytes.Buffer
	p := &Printer{Out: &b, Mode: mode}
	l := p.List("ID", "TEXT")
	for _, it := range items {
		if err := l.Item(it, it.ID, Cell(it.Text, 10)); err != nil {
			t.Fatal(err)
		}
	}
	if err := l.End("none"); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestListModes(t *testing.T) {
	a, b := item{"1", "a <b> & c"}, item{"2", "x\x1b]52;c;SGVsbG8=\x07y"}
	var got []item
	out := list(t, JSON, a, b)
	if err := json.Unmarshal([]byte(out), &got); err != nil || len(got) != 2 || got[0] != a {
		t.Fatalf("JSON: %q %v", out, err)
	}
	if strings.Contains(out, `\u003c`) {
		t.Errorf("JSON escapes HTML: %s", out)
	}
	if out := list(t, JSON); out != "[]\n" {
		t.Errorf("empty JSON list: %q", out)
	}
	lines := strings.Split(strings.TrimSpace(list(t, JSONL, a, b)), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[1], `{"id":"2"`) {
		t.Errorf("JSONL: %q", lines)
	}
	text := list(t, Text, a, b)
	if strings.ContainsRune(text, 0x1b) || strings.ContainsRune(text, 0x07) {
		t.Errorf("a table cell kept a control: %q", text)
	}
	if !strings.HasPrefix(text, "ID  TEXT") {
		t.Errorf("table: %q", text)
	}
	if out := list(t, Text); out != "none\n" {
		t.Errorf("empty table: %q", out)
	}
}

func TestCellCaps(t *testing.T) {
	if got := Cell("abcdefghijk", 5); got != "abcd…" {
		t.Errorf("Cell cap: %q", got)
	}
	if got := Cell("two\nlines", 0); strings.Contains(got, "\n") {
		t.Errorf("Cell kept a line break: %q", got)
	}
}

func TestColourOnlyWhenAsked(t *testing.T) {
	p := &Printer{}
	if p.Bold("x") != "x" {
		t.Error("bold without colour")
	}
	p.Color = true
	if p.Bold("x") != "\x1b[1mx\x1b[0m" {
		t.Error("no bold with colour")
	}
	if New(&bytes.Buffer{}, Text).Color {
		t.Error("colour on a buffer")
	}
}
