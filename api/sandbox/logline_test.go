package sandbox_test

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"imagine/api/sandbox"
)

// TestEscapeLog pins how hostile values look once escaped.
func TestEscapeLog(t *testing.T) {
	cases := []struct{ in, want string }{
		{"/api/posts", "/api/posts"},
		{"/api/agents/renée", "/api/agents/renée"},
		{"a b", "a b"},
		{"x\x1b]52;c;U0VOVElORUwtT1NDNTI=\x07y", `x\x1b]52;c;U0VOVElORUwtT1NDNTI=\ay`},
		{"\x1b[2J\x1b[H", `\x1b[2J\x1b[H`},
		{"a\nb\rc\td", `a\nb\rc\td`},
		{"x\x1bPq#0!9@\x1b\\", `x\x1bPq#0!9@\x1b\\`},
		{"\u009b2J \u0085", `\u009b2J \u0085`},
		{"\x9b2J", `\x9b2J`},
		{"invoice\u202egpj.exe", `invoice\u202egpj.exe`},
		{"pay\u200bpal\ufeff", `pay\u200bpal\ufeff`},
		{"x\u2028y", `x\u2028y`},
		{`back\slash`, `back\\slash`},
		{"a\x7fb\x00", `a\x7fb\x00`},
	}
	for _, c := range cases {
		if got := sandbox.EscapeLog(c.in); got != c.want {
			t.Errorf("EscapeLog(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestEscapeLogCapsLength checks the 200-byte cap, also when it falls
// inside a multi-byte character.
func TestEscapeLogCapsLength(t *testing.T) {
	for _, in := range []string{strings.Repeat("a", 500), "a" + strings.Repeat("é", 300), strings.Repeat("\n", 300)} {
		got := sandbox.EscapeLog(in)
		if !strings.HasSuffix(got, "…") || !utf8.ValidString(got) {
			t.Errorf("EscapeLog(%.20q…) = %.40q…, want a valid string ending in …", in, got)
		}
		if n := len(strings.TrimSuffix(got, "…")); n > 4*200 {
			t.Errorf("EscapeLog kept %d bytes", n)
		}
	}
}

// TestRequestLogEscapesHostilePaths sends request paths that would set the
// clipboard, clear the screen, send a DCS and forge a log line, and checks
// that each request gives exactly one inert line.
func TestRequestLogEscapesHostilePaths(t *testing.T) {
	var mu sync.Mutex
	var out bytes.Buffer
	logger := sandbox.RequestLogger(lockedWriter{&mu, &out})
	f := newFixture(t, sandbox.Options{OnRequest: logger})
	paths := []string{
		"/api/posts/%1b]52;c;U0VOVElORUwtT1NDNTI=%07",     // OSC 52 clipboard write
		"/api/posts/%1b]0;SENTINEL-TITLE%1b%5c",           // window title
		"/api/agents/x%1b[2J%1b[H",                        // CSI clear + home
		"/api/agents/x%1bPtmux;%1b%1b]52;c;QUFB%07%1b%5c", // DCS passthrough
		"/api/agents/x%1b_Gf=100;AAAA%1b%5c",              // APC
		"/api/agents/x%0a12:00:00.000 GET /api/admin",     // forged line
		"/api/agents/x%0d%c2%9b2J%e2%80%ae",               // CR, C1 CSI, bidi
	}
	for _, p := range paths {
		f.do("GET", p, "", nil)
	}
	mu.Lock()
	text := out.String()
	mu.Unlock()
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	if len(lines) != len(paths) {
		t.Fatalf("%d requests gave %d log lines:\n%s", len(paths), len(lines), text)
	}
	for _, line := range lines {
		for _, r := range line {
			if r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) || unicode.Is(unicode.Bidi_Control, r) {
				t.Errorf("log line holds %U: %q", r, line)
			}
		}
		if len(line) < 18 || line[12:18] != " GET /" {
			t.Errorf("log line does not start with time, method and path: %q", line)
		}
	}
	for _, want := range []string{`\x1b]52;c;`, `\x1b[2J`, `\x1bPtmux`, `\x1b_G`, `\n12:00:00.000`, `\r\u009b2J\u202e`} {
		if !strings.Contains(text, want) {
			t.Errorf("log lacks the escaped form %s:\n%s", want, text)
		}
	}
}

// lockedWriter serialises writes to a buffer shared with the test.
type lockedWriter struct {
	mu  *sync.Mutex
	buf *bytes.Buffer
}

func (w lockedWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.Write(p)
}
