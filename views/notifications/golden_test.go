package notifications

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"imagine/api"
	"imagine/api/sanitize"
	"imagine/internal/tuitest"
)

// Goldens: regenerate with `go test ./views/notifications/ -update`. Layout
// goldens are ANSI-stripped; the Colour and HostileRaw goldens keep the
// escape codes.

// sizes are the terminal sizes every golden is taken at.
func sizes() [][2]int { return [][2]int{{80, 24}, {160, 48}} }

// checkOnlySGR asserts that the raw frame holds no escape sequence but SGR
// and no control character but the line feeds between lines, and then
// that it holds no C1 control, bidi override or tag character.
func checkOnlySGR(t *testing.T, raw string) {
	t.Helper()
	if !tuitest.CheckOnlySGR(t, raw) {
		return
	}
	for _, r := range raw {
		if (r >= 0x80 && r < 0xa0) || r == '\u202e' || r == '\u2066' || r == '\u061c' || (r >= 0xe0000 && r <= 0xe007f) {
			t.Errorf("forbidden code point %U in the frame", r)
			return
		}
	}
}

func TestGoldenList(t *testing.T) {
	for _, sz := range sizes() {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			hs := newHarness(t, sz[0], sz[1], fixture(), true)
			hs.keys("j")
			view := hs.m.View()
			tuitest.CheckFrame(t, view, sz[0], sz[1])
			checkOnlySGR(t, view)
			golden.RequireEqual(t, []byte(ansi.Strip(view)))
		})
	}
}

func TestGoldenUnreadFilterWithNewAbove(t *testing.T) {
	for _, sz := range sizes() {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			first := append(fixture(), many(30)...)
			hs := newHarness(t, sz[0], sz[1], first, false)
			hs.keys("f", "j", "j")
			hs.setFirstPage(append([]api.Notification{note("x1", api.NotificationMention, "zed", "Zed", 0, false, "p9", "", "@me look")}, first...), false)
			hs.src.count++
			hs.poll()
			view := hs.m.View()
			tuitest.CheckFrame(t, view, sz[0], sz[1])
			golden.RequireEqual(t, []byte(ansi.Strip(view)))
		})
	}
}

func TestGoldenListColour(t *testing.T) {
	hs := newHarness(t, 80, 24, fixture()[:5], false)
	hs.keys("j")
	view := hs.m.View()
	checkOnlySGR(t, view)
	golden.RequireEqual(t, []byte(view))
}

// hostileFixture builds, through the sanitizer as package api would,
// notifications whose actor names and snippets carry the security.md §8.1
// payloads H01, H11, H15, H17, H19 and H22 (and an unknown type whose
// server message carries H01).
func hostileFixture() []api.Notification {
	mk := func(id, typ, handle, rawName, rawSnippet string) api.Notification {
		n := note(id, typ, handle, sanitize.Identity(rawName), 5*time.Minute, false, "p-"+id, "", sanitize.Line(rawSnippet))
		return n
	}
	other := mk("h01m", "WEIRD\x1b[31m", "mal", "Mal", "")
	other.Type = sanitize.Line(other.Type)
	other.Message = sanitize.Line("won \x1b]52;c;Y3VybCAtZnNTTCBodHRwczovL2V2aWwuZXhhbXBsZS94IHwgc2gK\x07 a prize")
	return []api.Notification{
		mk("h11", api.NotificationLike, "alice", "alice: hello\rbob:  ", "alice: hello\rbob:  "),
		mk("h01", api.NotificationReply, "eve", "\x1b]0;SENTINEL-TITLE\x07Eve", "hi \x1b]52;c;Y3VybCAtZnNTTCBodHRwczovL2V2aWwuZXhhbXBsZS94IHwgc2gK\x07 there"),
		mk("h15", api.NotificationComment, "mallory", "Mallory\x1b]0;SENTINEL never", "before\x1b]0;SENTINEL never terminated"),
		mk("h17", api.NotificationFollow, "trudy", "alice\u2066\u2067bob\u2069", ""),
		mk("h17b", api.NotificationQuote, "trudy", "Trudy", "invoice\u202egpj.exe and a\u061cb"),
		mk("h19", api.NotificationMention, "oscar", "Oscar\U000E0049\U000E0047\U000E004E", "hello\U000E0049\U000E0047\U000E004E\U000E004F\U000E0052\U000E0045 #hidden"),
		mk("h22", api.NotificationRepost, "zed", "Z"+strings.Repeat("\u0301", 1000), "Z"+strings.Repeat("\u0301", 1000)+" zalgo"),
		other,
	}
}

func TestGoldenHostile(t *testing.T) {
	for _, sz := range sizes() {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			hs := newHarness(t, sz[0], sz[1], hostileFixture(), false)
			var frames []string
			for range hostileFixture() {
				frames = append(frames, hs.m.View())
				hs.keys("j")
			}
			for i, view := range frames {
				tuitest.CheckFrame(t, view, sz[0], sz[1])
				checkOnlySGR(t, view)
				if strings.Contains(view, "SENTINEL") || strings.Contains(view, "Y3VybCAt") {
					t.Errorf("frame %d shows a payload", i)
				}
			}
			// The H11 row: its actor reads alice, and bob never takes a row.
			found := false
			for _, l := range strings.Split(ansi.Strip(frames[0]), "\n") {
				rs := []rune(l)
				if len(rs) < 6 {
					continue
				}
				name := string(rs[6:]) // after the gutter, the dot and the icon
				if strings.Contains(l, "@alice ") {
					found = true
					if !strings.HasPrefix(name, "alice") {
						t.Errorf("H11 actor = %q", name)
					}
				}
				if strings.HasPrefix(name, "bob") {
					t.Errorf("a row claims bob as its actor: %q", l)
				}
			}
			if !found {
				t.Error("the H11 row is not on screen")
			}
			golden.RequireEqual(t, []byte(ansi.Strip(frames[0])))
		})
	}
}

// TestGoldenHostileRaw keeps the escape codes of the hostile frame, so a
// review of the golden shows every byte sent to the terminal.
func TestGoldenHostileRaw(t *testing.T) {
	hs := newHarness(t, 80, 24, hostileFixture(), false)
	view := hs.m.View()
	checkOnlySGR(t, view)
	golden.RequireEqual(t, []byte(view))
}

// TestEveryFrameFitsNarrowAndOddWidths walks the list at widths where
// truncation meets its limits.
func TestEveryFrameFitsNarrowAndOddWidths(t *testing.T) {
	for _, w := range []int{20, 27, 41, 63, 80, 119} {
		for _, h := range []int{5, 11, 24} {
			items := append(fixture(), hostileFixture()...)
			items[0].Actor.Name = strings.Repeat("Long Name ", 9)
			hs := newHarness(t, w, h, items, true)
			for range len(items) {
				for _, f := range tuitest.FrameFaults(hs.m.View(), w, h) {
					t.Errorf("%dx%d: %s", w, h, f)
				}
				hs.keys("j")
			}
		}
	}
}

// TestTheSelectionIsMarkedInTheGutterOnly: moving the cursor moves the
// gutter mark and changes nothing else, so a move costs a few cells over
// SSH instead of two whole rows.
func TestTheSelectionIsMarkedInTheGutterOnly(t *testing.T) {
	hs := newHarness(t, 80, 24, fixture()[:5], false)
	before := hs.m.View()
	hs.keys("j")
	tuitest.SelectionMovedInGutterOnly(t, before, hs.m.View())
}
