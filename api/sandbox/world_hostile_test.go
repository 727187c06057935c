package sandbox_test

import (
	"net/http"
	"strings"
	"testing"

	"imagine/api/sandbox"
)

// corpusClasses names the escape-sequence families of security.md §8.1 by
// their introducers.
var corpusClasses = map[string]string{
	"DCS": "\x1bP", "APC": "\x1b_", "PM": "\x1b^", "SOS": "\x1bX", "OSC": "\x1b]", "CSI": "\x1b[",
}

// TestHostileCorpusSeeded checks that the seeded world carries the whole
// hostile corpus of security.md §8.1 (all but H13, H16 and H30, which
// JSON or the API's length limits cannot carry) in posts, and the string
// sequences Bubble Tea passes through (DCS, APC, PM, SOS) in display
// names, bios, direct messages and order messages too, the latter at the
// end of a line or of the text.
func TestHostileCorpusSeeded(t *testing.T) {
	f := newFixture(t, sandbox.Options{NoRateLimit: true})
	tok := f.demoToken()
	w := readWorld(t, f)
	var posts strings.Builder
	for _, p := range w.posts {
		posts.WriteString(p.Content + "\n\x00")
	}
	corpus := map[string]string{
		"H01 OSC 52 (BEL)": "\x1b]52;c;Y3VybCAtZnNT", "H02 OSC 52 (ST)": "\x1b]52;c;U0VOVElORUwtT1NDNTI=\x1b\\",
		"H03 OSC 52 read": "\x1b]52;c;?\x07", "H04 OSC 8": "\x1b]8;;https://evil.example/login\x07",
		"H05 title": "\x1b]0;SENTINEL-TITLE\x07", "H05 title (ST)": "\x1b]2;x\x1b\\",
		"H06 queries": "\x1b[6n", "H07 DECRQSS": "\x1bP$qm\x1b\\", "H07 XTGETTCAP": "\x1bP+q544e\x1b\\",
		"H07 tmux": "\x1bPtmux;", "H08 kitty APC": "\x1b_Gf=100", "H08 PM": "\x1b^pm\x1b\\", "H08 SOS": "\x1bXsos\x1b\\",
		"H08 sixel": "\x1bPq#0", "H09 clear": "\x1b[2J", "H09 conceal": "\x1b[8m", "H10 RIS": "\x1bc", "H10 charset": "\x1b(0",
		"H11 CR": "\rbob:", "H12 backspace": "\b\b\b", "H12 NUL": "\x00b", "H12 DEL": "\x7f", "H12 BEL flood": strings.Repeat("\x07", 20),
		"H12 VT FF": "\x0bb\x0c", "H14 C1": "\u009b", "H14 NEL-free C1 OSC": "\u009d", "H15 unterminated": "\x1b]0;SENTINEL never terminated\n\x00",
		"H17 bidi": "\u202e", "H18 zero width": "\u200b", "H19 tags": "\U000E0049", "H20 flag": "🏴\U000E0067\U000E0062\U000E0073",
		"H21 fake flag": "\U000E0020", "H22 zalgo": strings.Repeat("\u0301", 100), "H24 family": "👨\u200d👩\u200d👧\u200d👦",
		"H25 keycap": "1\ufe0f\u20e3", "H27 tab": "\ta\t", "H28 line separator": "\u2028", "H31 private use": "\ue000verified",
	}
	for id, payload := range corpus {
		if !strings.Contains(posts.String(), payload) {
			t.Errorf("no seeded post carries %s (%q)", id, payload)
		}
	}
	// Bubble Tea leaks DCS, APC, PM and SOS at line ends: each family must
	// end a line or a text somewhere in posts.
	for _, family := range []string{"DCS", "APC", "PM", "SOS"} {
		if !endsALine(posts.String(), corpusClasses[family]) {
			t.Errorf("no seeded post ends a line with a %s string", family)
		}
	}

	var dms strings.Builder
	for _, c := range f.conversations(tok, 100) {
		for _, m := range f.messagesPage(tok, c.ID, "?limit=100").Messages {
			dms.WriteString(m.Content + "\n\x00")
		}
	}
	var orderMsgs strings.Builder
	var orders struct {
		Orders []struct {
			ID string `json:"id"`
		} `json:"orders"`
	}
	f.do("GET", "/api/marketplace/orders?limit=100", tok, nil).want(t, http.StatusOK, "").decode(t, &orders)
	for _, o := range orders.Orders {
		var page struct {
			Messages []struct {
				Content string `json:"content"`
			} `json:"messages"`
		}
		f.do("GET", "/api/marketplace/orders/"+o.ID+"/messages?limit=100", tok, nil).want(t, http.StatusOK, "").decode(t, &page)
		for _, m := range page.Messages {
			orderMsgs.WriteString(m.Content + "\n\x00")
		}
	}
	carriers := []struct {
		what     string
		text     string
		families []string
	}{
		{"display names", strings.Join(w.names, "\n\x00") + "\n\x00", []string{"DCS", "APC", "PM", "SOS"}},
		{"bios", strings.Join(w.bios, "\n\x00") + "\n\x00", []string{"DCS", "PM", "SOS", "OSC"}},
		{"direct messages", dms.String(), []string{"DCS", "APC", "PM", "SOS", "OSC", "CSI"}},
		{"order messages", orderMsgs.String(), []string{"DCS", "PM"}},
	}
	for _, c := range carriers {
		for _, family := range c.families {
			if !endsALine(c.text, corpusClasses[family]) && !strings.Contains(c.text, corpusClasses[family]) {
				t.Errorf("no seeded %s carry a %s string", c.what, family)
			}
		}
		for _, family := range []string{"DCS", "APC", "PM", "SOS"} {
			if contains(c.families, family) && !endsALine(c.text, corpusClasses[family]) {
				t.Errorf("no seeded %s end a line with a %s string", c.what, family)
			}
		}
	}
	if !strings.Contains(strings.Join(w.bios, "\n"), "\n2026-01-01 INFO operator=admin login ok") {
		t.Error("no seeded bio carries the H29 forged log line")
	}
}

// endsALine reports whether some string sequence starting with intro is
// followed, after its ST terminator, by the end of a line or of a text
// (texts are joined with "\n\x00"; a CR also ends a line).
func endsALine(text, intro string) bool {
	for rest := text; ; {
		i := strings.Index(rest, intro)
		if i < 0 {
			return false
		}
		rest = rest[i+len(intro):]
		st := strings.Index(rest, "\x1b\\")
		if st < 0 {
			return false
		}
		after := rest[st+2:]
		// Further string sequences may follow before the line ends.
		for strings.HasPrefix(after, "\x1bP") || strings.HasPrefix(after, "\x1b_") || strings.HasPrefix(after, "\x1b^") || strings.HasPrefix(after, "\x1bX") {
			end := strings.Index(after, "\x1b\\")
			if end < 0 {
				break
			}
			after = after[end+2:]
		}
		if strings.HasPrefix(after, "\n") || strings.HasPrefix(after, "\r") {
			return true
		}
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
