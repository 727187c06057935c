package sanitize

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// markdownSeeds are rows M01–M12 of docs/security.md §8.2 as plain strings:
// Layer A sees them before the markdown renderer does.
func markdownSeeds() []string {
	nested := ""
	for i := range 40 {
		nested += strings.Repeat("  ", i) + "- item\n"
	}
	return []string{
		"hello &#27;]52;c;U0VOVElORUwtT1NDNTI=&#7; world",
		"&#x1b;[2J", "&#X1B;[31mRED", "&#0000027;[31m", "&#13;x",
		"~~&**#27;**[31mFAKE~~",
		"&amp;#27;[31m",
		"`&#27;[31m`", "```\n&#27;\n```",
		"<div>&#27;[2J</div>\n\nafter", "a <span>&#27;[2J</span>",
		"# &#27;[2J head", "| &#27;[2J |\n|---|\n| x |", "- [ ] &#27;[2J",
		"[https://bank.example](https://evil.example)",
		"[x](javascript:alert(1))", "[x](file:///etc/passwd)", "[x](ssh://h)", "<https://user:pw@evil.example>",
		"[x](https://p\u0430ypal.com/login)",
		strings.Repeat(">", 80) + " x", nested,
		strings.Repeat("m", 64<<10+1),
	}
}

// FuzzClean checks the A14 guarantees of Line, Block and Identity on
// arbitrary input: valid UTF-8, no forbidden code point, white-space rules,
// caps, idempotence, and that no text is invented (apart from spaces, line
// breaks, U+FFFD and the identity ellipsis, the output is a subsequence of
// the input).
//
// Seeds longer than maxSeed (H23, M12) are added as a prefix of that length:
// still past the Line cap, but small enough that the fuzzer spends its time
// mutating rather than minimising; the full inputs run in the table tests.
func FuzzClean(f *testing.F) {
	const maxSeed = 8 << 10
	for _, row := range hostileRows() {
		for _, tc := range row.cases {
			f.Add(prefix(tc.in, maxSeed))
		}
	}
	for _, s := range markdownSeeds() {
		f.Add(prefix(s, maxSeed))
	}
	f.Fuzz(func(t *testing.T, in string) {
		for _, cl := range cleaners {
			out := cl.fn(in)
			if why := violation(in, out, cl.mode); why != "" {
				t.Fatalf("%s(%q) = %q: %s", cl.name, in, out, why)
			}
			if again := cl.fn(out); again != out {
				t.Fatalf("%s not idempotent on %q:\n first %q\nsecond %q", cl.name, in, out, again)
			}
			if out != BlankName && !subsequence(out, in) {
				t.Fatalf("%s(%q) = %q invents text", cl.name, in, out)
			}
		}
	})
}

// subsequence reports whether the runes of out, ignoring spaces, line
// breaks, U+FFFD and "…", appear in order in in.
func subsequence(out, in string) bool {
	src := []rune(in)
	j := 0
	for _, r := range out {
		if r == ' ' || r == '\n' || r == '\ufffd' || r == '…' {
			continue
		}
		for j < len(src) && src[j] != r {
			j++
		}
		if j == len(src) {
			return false
		}
		j++
	}
	return true
}

// prefix returns s cut to at most n bytes at a character boundary.
func prefix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return cutBytes(s, n)
}

// soupTokens are the pieces that interact across stages: sequence
// introducers and terminators, joiners, marks, tags, flags, white space,
// invalid bytes and private use.
var soupTokens = []string{
	"\x1b", "[", "]", "P", "_", "\\", "\x07", "\x18", "\x9b", "\x9c", "\x9d", "\x90",
	"\u200d", "\u200c", "\u0301", "\ufe0f", "\u20e3", "é", "a", "1", "…", ".",
	" ", "  ", "\n", "\r", "\t", "\u00a0", "\u3000", "\u2028", "\u0085",
	"🏴", "\U000E0067", "\U000E0062", "\U000E007F", "\U000E0020", "👨", "🏽",
	"\ue000", "\U000F0000", "\xff", "\xe2", "\x85", "\xe2\x82", "\u2800", "\u202e", "\u200b",
}

// soup returns a pseudo-random string of n tokens.
func soup(rng *rand.Rand, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(soupTokens[rng.IntN(len(soupTokens))])
	}
	return b.String()
}

// soupRounds is the number of strings TestTokenSoup tries (raise it locally
// for a longer search).
const soupRounds = 20000

// TestTokenSoup checks the FuzzClean properties on strings built from
// soupTokens, which byte-level mutation rarely composes.
func TestTokenSoup(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range soupRounds {
		in := soup(rng, 1+rng.IntN(24))
		for _, cl := range cleaners {
			out := cl.fn(in)
			if why := violation(in, out, cl.mode); why != "" {
				t.Fatalf("%s(%q) = %q: %s", cl.name, in, out, why)
			}
			if again := cl.fn(out); again != out {
				t.Fatalf("%s not idempotent on %q:\n first %q\nsecond %q", cl.name, in, out, again)
			}
			if out != BlankName && !subsequence(out, in) {
				t.Fatalf("%s(%q) = %q invents text", cl.name, in, out)
			}
		}
	}
}
