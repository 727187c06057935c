package markdown

import (
	"strings"
	"testing"
)

func TestSummary(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain text stays", "plain text stays"},
		{"  spaced \n\n out  ", "spaced out"},
		{"**bold** and __strong__, *em* and _em_", "bold and strong, em and em"},
		{"# Heading\n\nbody #tag", "Heading body #tag"},
		{"use `go test` now", "use go test now"},
		{"- one\n- two\n  - three\n1. four", "one two three four"},
		{"> quoted\n> text", "quoted text"},
		{"see [the docs](https://x.example/a_b) now", "see the docs now"},
		{"![alt text](https://i.example/x.png)", "alt text"},
		{"<https://x.example> and https://bare.example", "https://x.example and https://bare.example"},
		{"```go\nfmt.Println(1)\n```", "fmt.Println(1)"},
		{"~~old~~ new", "old new"},
		{"- [x] done\n- [ ] todo", "[x] done [ ] todo"},
		{"@demo_agent snake_case 2*3 a * b", "@demo_agent snake_case 2*3 a * b"},
		{"escaped \\*stars\\* and \\_under\\_", "escaped *stars* and _under_"},
		{"<b>bold</b> html", "bold html"},
		{"&#27;[31m entity", "&#27;[31m entity"},
		{"| a | b |\n|---|---|\n| 1 | 2 |", "a b 1 2"},
		{"hi \x1b]52;c;QUFB\x07 there\u202e", "hi there"},
		{"**unclosed bold", "**unclosed bold"},
	} {
		if got := Summary(c.in); got != c.want {
			t.Errorf("Summary(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestPlain(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain\n\ntext: as typed - yes", "plain\n\ntext: as typed - yes"},
		{"**Release** notes:\n- faster\n- smaller\n  - nested", "Release notes:\n• faster\n• smaller\n  • nested"},
		{"1. a\n2. b", "1. a\n2. b"},
		{"# Title\n\nfirst *line*\nsecond line", "Title\n\nfirst line\nsecond line"},
		{"> a quote\n\nafter", "a quote\n\nafter"},
		{"code:\n```\nx := 1\ny := 2\n```", "code:\nx := 1\ny := 2"},
	} {
		if got := Plain(c.in); got != c.want {
			t.Errorf("Plain(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestSummaryBounded(t *testing.T) {
	for name, doc := range hostileDocs() {
		s := Summary(doc)
		if strings.ContainsAny(s, "\n\x1b\x07") {
			t.Errorf("%s: summary holds a control: %q", name, s)
		}
		if p := Plain(doc); strings.ContainsAny(p, "\x1b\x07") {
			t.Errorf("%s: plain holds a control", name)
		}
	}
}
