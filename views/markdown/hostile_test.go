package markdown

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"imagine/api/sanitize"
	"imagine/theme"
)

// hostileDocs are markdown payloads: security.md §8.2 M01–M12 and the
// shapes that make glamour slow or huge. Most are given raw, not
// sanitized: Render cleans again, so raw controls must not get through
// either.
func hostileDocs() map[string]string {
	nestedList := ""
	for i := range 40 {
		nestedList += strings.Repeat("  ", i) + "- item\n"
	}
	return map[string]string{
		"entity osc52":       "hello &#27;]52;c;U0VOVElORUwtT1NDNTI=&#7; world",
		"entity csi":         "&#x1b;[2J &#X1B;[31mRED &#0000027;[31m &#13;x &#x9b;31m",
		"entity split":       "~~&**#27;**[31mFAKE~~",
		"entity double":      "&amp;#27;[31m",
		"entity code":        "`&#27;[31m` and\n```\n&#27;[31m\n```",
		"entity escaped":     "\\&#27;[31m and \\\\&#27;[31m",
		"entity html":        "<div>&#27;[2J</div>\n\nafter a <span>&#27;[2J</span>",
		"entity heading":     "# &#27;[2J head\n\n| &#27;[2J |\n|---|\n| x &#27;]0;t&#7; |\n\n- [ ] &#27;[2J",
		"entity link":        "[&#27;[2J](https://e.example/&#27;) ![&#27;[2J](https://i.example/&#27;.png)",
		"raw osc in text":    "hi \x1b]52;c;U0VOVElORUwtT1NDNTI=\x07 there",
		"raw osc in code":    "```\n\x1b]0;title\x07\x1bP+q544e\x1b\\\n```",
		"link control url":   "[click](https://e.example/\x07\x1b]52;c;QUFB\x07) and <https://x.example/\x1b[2J>",
		"link control text":  "[a\x1b]8;;https://evil.example\x07b](https://ok.example)",
		"osc 8 raw":          "\x1b]8;;https://evil.example\x07https://bank.example\x1b]8;;\x07",
		"deceptive label":    "[https://bank.example](https://evil.example)",
		"schemes":            "[x](javascript:alert(1)) [x](file:///etc/passwd) [x](ssh://h) <https://user:pw@evil.example>",
		"idn":                "[x](https://p\u0430ypal.com/login)",
		"bidi zero width":    "**in\u202evoice**\u200b gpj.exe `\u2066x\u2069` [pay\u200bpal](https://pay\u200bpal.example) \U000E0049\U000E0047",
		"c1":                 "a\u009b31mRED \u009d0;x\u009c",
		"deep quotes":        strings.Repeat(">", 80) + " x",
		"deep quotes spaced": strings.Repeat("> ", 80) + "x",
		"deep list":          nestedList,
		"nested fences":      strings.Repeat("````\n```\n", 1000),
		"open fences":        strings.Repeat("```\n", 2500),
		"list 10k":           strings.Repeat("- item\n", 10000),
		"ordered 10k":        strings.Repeat("1. item\n", 10000),
		"long word":          strings.Repeat("x", 20000),
		"long line":          "*" + strings.Repeat("word ", 4000) + "*",
		"emphasis runs":      strings.Repeat("**a", 3000),
		"links run":          strings.Repeat("[a](b)", 2000),
		"table 400":          "| a | b | c | d | e | f | g | h |\n|---|---|---|---|---|---|---|---|\n" + strings.Repeat("| 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 |\n", 400),
		"html flood":         strings.Repeat("<b>x</b>", 1500),
		"wide table cell":    "| " + strings.Repeat("全", 300) + " |\n|---|\n| x |",
		"emoji":              "**👨\u200d👩\u200d👧\u200d👦 ❤\ufe0f 👍🏽** 1\ufe0f\u20e3 " + strings.Repeat("🇯🇵", 50),
		"zalgo":              "*Z" + strings.Repeat("\u0301", 1000) + "*",
		"sixty k":            strings.Repeat("m", 64<<10+1),
		"blank":              "\n\n   \n",
	}
}

func TestHostileMarkdownIsBoundedAndInert(t *testing.T) {
	for _, th := range themes() {
		r := New(th.st)
		for name, doc := range hostileDocs() {
			for _, w := range []int{1, 7, 20, 80, 160} {
				lines := r.Render(doc, w) // its cost: BenchmarkHostileMarkdown
				checkLines(t, lines, w)
				out := strings.Join(lines, "\n")
				for _, bad := range []string{"\x1b]", "\x1bP", "\x1b_", "\x1b^", "\x1bX", "\x1b[2J", "\x1b[31mRED", "\x07", "\r", "\u202e", "\u200b", "\u009b", "\U000E0049"} {
					if strings.Contains(out, bad) {
						t.Errorf("%s at %d (%s) holds %q", name, w, th.name, bad)
					}
				}
			}
		}
	}
}

func TestHostileEntitiesShowLiterally(t *testing.T) {
	r := New(theme.New(true, false))
	for _, c := range []struct{ in, want string }{
		{"hello &#27;]52;c;QQ==&#7; world", "hello &#27;]52;c;QQ==&#7; world"},
		{"~~&**#27;**[31mFAKE~~", "&#27;[31mFAKE"},
		{"&amp;#27;[31m", "&amp;#27;[31m"},
		{"`&#27;[31m` x", "&#27;[31m x"},
		{"**AT&T** and \\&x", "AT&T and &x"},
	} {
		got := ansi.Strip(strings.Join(r.Render(c.in, 80), "\n"))
		if got != c.want {
			t.Errorf("%q renders %q, want %q", c.in, got, c.want)
		}
	}
}

func TestTooDeepOrCostlyFallsBackToPlain(t *testing.T) {
	for name, doc := range map[string]string{
		"quotes":   strings.Repeat(">", 80) + " x",
		"list":     hostileDocs()["deep list"],
		"emphasis": strings.Repeat("**a", 3000),
		"list 10k": strings.Repeat("- item\n", 10000),
	} {
		r := New(theme.New(true, false))
		lines := r.Render(doc, 80)
		if r.Renders != 0 {
			t.Errorf("%s: glamour was called", name)
		}
		if len(lines) == 0 {
			t.Errorf("%s: nothing shown", name)
		}
	}
}

func TestLongTextEndsWithAMarker(t *testing.T) {
	r := New(theme.New(true, false))
	for _, doc := range []string{strings.Repeat("- item\n", 10000), strings.Repeat("word ", 5000)} {
		lines := r.Render(doc, 20)
		if len(lines) != MaxLines {
			t.Fatalf("%d lines, want %d", len(lines), MaxLines)
		}
		if last := ansi.Strip(lines[len(lines)-1]); !strings.HasPrefix(last, "… the rest") {
			t.Fatalf("last line %q, want the cut marker", last)
		}
	}
}

func TestInputIsCapped(t *testing.T) {
	r := New(theme.New(true, false))
	lines := r.Render(strings.Repeat("ab ", MaxRunes), 1000)
	got := 0
	for _, l := range lines {
		got += len(strings.ReplaceAll(ansi.Strip(l), " ", ""))
	}
	if want := 2 * MaxRunes / 3; got > want+2 {
		t.Fatalf("%d letters shown, want at most %d", got, want)
	}
}

// TestRenderIsSanitized checks that text cleaned at decode and raw text
// render the same: Render cleans again.
func TestRenderIsSanitized(t *testing.T) {
	r := New(theme.New(true, false))
	for name, doc := range hostileDocs() {
		a := strings.Join(r.Render(doc, 60), "\n")
		b := strings.Join(r.Render(sanitize.Block(doc), 60), "\n")
		if a != b {
			t.Errorf("%s: raw and sanitized input render differently", name)
		}
	}
}
