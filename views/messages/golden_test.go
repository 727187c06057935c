package messages

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

// Goldens: regenerate with `go test ./views/messages/ -update`. They are
// ANSI-stripped; TestGoldenListColour keeps the escape codes.

// sizes are the terminal sizes every golden is taken at.
func sizes() [][2]int { return [][2]int{{80, 24}, {160, 48}} }

// checkFrame asserts what every frame must satisfy (exact height, no line
// wider than the pane) and that no line is wider than the pane by wcwidth
// either, as terminals that count that way would draw it.
func checkFrame(t *testing.T, view string, w, h int) {
	t.Helper()
	tuitest.CheckFrame(t, view, w, h)
	for i, l := range strings.Split(view, "\n") {
		if sw := ansi.StringWidthWc(ansi.Strip(l)); sw > w {
			t.Errorf("line %d is %d cells wide by wcwidth (> %d): %q", i, sw, w, ansi.Strip(l))
		}
	}
}

func TestGoldenList(t *testing.T) {
	for _, sz := range sizes() {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			srv := standardServer()
			dave := agent("dave", "Dave, a very long display name that will not fit in a narrow pane at all")
			dave.Verified = true
			srv.addConv("c4", dave, 12, theirs("d1", dave, "A long preview line that runs past the edge of the pane so it must be cut with an ellipsis at the end.", 9*24*time.Hour))
			srv.addConv("c5", agent("erin", "Erin"), 0)
			hs := newHarness(t, sz[0], sz[1], srv, "")
			hs.keys("j")
			view := hs.m.View()
			checkFrame(t, view, sz[0], sz[1])
			golden.RequireEqual(t, []byte(ansi.Strip(view)))
		})
	}
}

func TestGoldenListColour(t *testing.T) {
	hs := newHarness(t, 80, 12, standardServer(), "")
	golden.RequireEqual(t, []byte(hs.m.View()))
}

// outboxFixture opens atlas's conversation with one unsent message in each
// state: refused, unconfirmed, waiting for the network, being sent.
func outboxFixture(t *testing.T, w, h int) *harness {
	hs := newHarness(t, w, h, standardServer(), "")
	hs.keys("enter")
	at := hs.clock
	add := func(text string, st entryState, reason string, sending bool) {
		hs.m.box.entries = append(hs.m.box.entries, &outboxEntry{
			ID: fmt.Sprintf("o-%d", len(hs.m.box.entries)), ConvID: "c1", PeerHandle: "atlas_ai", PeerID: "a-atlas_ai",
			Text: text, CreatedAt: at, State: st, Reason: reason, Sending: sending, Attempts: []time.Time{at},
		})
	}
	add("This one was refused by the server.", stateFailed, "message rejected by the server", false)
	add("This one may have arrived; it is checked before any resend.", stateUnknown, "no answer from the server", false)
	add("Written offline, waiting for the network.", stateQueued, "offline: the server cannot be reached", false)
	add("And this one is on its way right now.", stateQueued, "", true)
	hs.m.refreshRows("c1")
	hs.m.open.toBottom = true
	return hs
}

func TestGoldenThreadWithOutbox(t *testing.T) {
	for _, sz := range sizes() {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			hs := outboxFixture(t, sz[0], sz[1])
			view := hs.m.View()
			checkFrame(t, view, sz[0], sz[1])
			v := ansi.Strip(view)
			for _, want := range []string{"not sent: message rejected", "not confirmed", "waiting to send · offline", "sending…"} {
				if !strings.Contains(v, want) {
					t.Errorf("frame lacks %q", want)
				}
			}
			golden.RequireEqual(t, []byte(v))
		})
	}
}

func TestGoldenReplyComposer(t *testing.T) {
	for _, sz := range sizes() {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			hs := newHarness(t, sz[0], sz[1], standardServer(), "")
			hs.keys("enter", "n")
			hs.write("Sure, send them over. #release")
			view := hs.m.View()
			checkFrame(t, view, sz[0], sz[1])
			golden.RequireEqual(t, []byte(ansi.Strip(view)))
		})
	}
}

// hostileServer builds, through the sanitizer as package api would,
// conversations whose names and messages carry the security.md §8.1
// payloads H01, H11, H15, H17, H19 and H22.
func hostileServer() *fakeServer {
	srv := newFakeServer()
	mk := func(handle, rawName string) api.Agent { return agent(handle, sanitize.Identity(rawName)) }
	msg := func(id string, from api.Agent, raw string, age time.Duration) api.Message {
		return theirs(id, from, sanitize.Block(raw), age)
	}
	alice := mk("alice", "alice: hello\rbob:  ")
	eve := mk("eve", "\x1b]0;SENTINEL-TITLE\x07Eve")
	mallory := mk("mallory", "Mallory\x1b]0;SENTINEL never")
	trudy := mk("trudy", "alice\u2066\u2067bob\u2069")
	oscar := mk("oscar", "Oscar\U000E0049\U000E0047\U000E004E\U000E004F\U000E0052\U000E0045")
	zed := mk("zed", "Z"+strings.Repeat("\u0301", 1000))
	me := mine("x7", sanitize.Block("my reply: invoice\u202egpj.exe \x1b[2J\x1b[Hdone"), 20*time.Minute)
	srv.addConv("h11", alice, 1,
		msg("x1", alice, "alice: hello\rbob:  ", 30*time.Minute),
		msg("x2", alice, "hi \x1b]52;c;Y3VybCAtZnNTTCBodHRwczovL2V2aWwuZXhhbXBsZS94IHwgc2gK\x07 there", 29*time.Minute),
		msg("x3", alice, "before\x1b]0;SENTINEL never terminated", 28*time.Minute),
		msg("x4", alice, "invoice\u202egpj.exe and a\u061cb", 27*time.Minute),
		msg("x5", alice, "hello\U000E0049\U000E0047\U000E004E\U000E004F\U000E0052\U000E0045 #hidden", 26*time.Minute),
		msg("x6", alice, "Z"+strings.Repeat("\u0301", 1000)+" zalgo", 25*time.Minute),
		me)
	srv.addConv("h01", eve, 0, msg("e1", eve, "hi \x1b]52;c;Y3VybCAtZnNTTCBodHRwczovL2V2aWwuZXhhbXBsZS94IHwgc2gK\x07 there", 40*time.Minute))
	srv.addConv("h15", mallory, 0, msg("m1", mallory, "before\x1b]0;SENTINEL never terminated", 50*time.Minute))
	srv.addConv("h17", trudy, 0, msg("t1", trudy, "invoice\u202egpj.exe and a\u061cb", time.Hour))
	srv.addConv("h19", oscar, 0, msg("o1", oscar, "hello\U000E0049\U000E0047\U000E004E #hidden", 2*time.Hour))
	srv.addConv("h22", zed, 2, msg("z1", zed, "Z"+strings.Repeat("\u0301", 1000)+" zalgo", 3*time.Hour))
	return srv
}

// checkHostile asserts a frame carries no payload and no author row
// claims bob.
func checkHostile(t *testing.T, view string, w, h int) {
	t.Helper()
	checkFrame(t, view, w, h)
	for _, bad := range []string{"\x1b]", "\x1bP", "\x1b_", "\x1b^", "\x1bX", "\x1b[2J", "\r", "\x07", "\u202e", "\u2066", "\u061c", "SENTINEL", "Y3VybCAt", "\U000E0049"} {
		if strings.Contains(view, bad) {
			t.Errorf("frame contains %q", bad)
		}
	}
	for _, l := range strings.Split(ansi.Strip(view), "\n") {
		row := strings.TrimLeft(l, "▌ ")
		if strings.HasPrefix(row, "bob") {
			t.Errorf("a row starts with bob: %q", row)
		}
	}
}

func TestGoldenHostile(t *testing.T) {
	for _, sz := range sizes() {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			hs := newHarness(t, sz[0], sz[1], hostileServer(), "")
			list := hs.m.View()
			checkHostile(t, list, sz[0], sz[1])
			row := strings.TrimLeft(lineWith(ansi.Strip(list), "@alice"), "▌ ")
			if !strings.HasPrefix(row, "alice: hello bob: @alice") {
				t.Errorf("H11 row = %q, want alice first", row)
			}
			hs.settle(hs.m.Update(openMsg("alice")))
			thread := hs.m.View()
			checkHostile(t, thread, sz[0], sz[1])
			if head := ansi.Strip(strings.SplitN(thread, "\n", 2)[0]); !strings.HasPrefix(head, "Messages › alice: hello bob: @alice") {
				t.Errorf("H11 thread header = %q", head)
			}
			golden.RequireEqual(t, []byte(ansi.Strip(list)+"\n"+strings.Repeat("=", sz[0])+"\n"+ansi.Strip(thread)))
		})
	}
}

// TestEveryScreenFitsNarrowAndOddWidths walks every screen at widths where
// wrapping, truncation and alignment meet their limits.
func TestEveryScreenFitsNarrowAndOddWidths(t *testing.T) {
	for _, w := range []int{20, 27, 41, 63, 80, 119} {
		for _, h := range []int{5, 11, 24} {
			hs := newHarness(t, w, h, hostileServer(), "")
			check := func(step string) {
				t.Helper()
				for _, f := range tuitest.FrameFaults(hs.m.View(), w, h) {
					t.Errorf("%dx%d %s: %s", w, h, step, f)
				}
			}
			for range 6 {
				check("list")
				hs.keys("j")
			}
			hs.keys("g", "enter")
			for range 8 {
				check("thread")
				hs.keys("k")
			}
			hs.keys("n")
			check("composer")
			hs.keys("esc", "esc", "n")
			check("prompt")
		}
	}
}

// TestTheSelectionIsMarkedInTheGutterOnly: moving the cursor in the
// conversation list and in a thread moves the gutter mark and changes
// nothing else.
func TestTheSelectionIsMarkedInTheGutterOnly(t *testing.T) {
	hs := newHarness(t, 80, 24, standardServer(), "")
	before := hs.m.View()
	hs.keys("j")
	tuitest.SelectionMovedInGutterOnly(t, before, hs.m.View())
	hs.keys("k", "enter")
	before = hs.m.View()
	hs.keys("k")
	tuitest.SelectionMovedInGutterOnly(t, before, hs.m.View())
}
