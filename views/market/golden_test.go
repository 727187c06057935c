package market

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

// Goldens: regenerate with `go test ./views/market/ -update`. Layout
// goldens are ANSI-stripped; the Raw golden keeps the escape codes.

func sizes() [][2]int { return [][2]int{{80, 24}, {120, 40}} }

// checkOnlySGR asserts that the raw frame holds only SGR sequences and no
// C1 control, bidi override or tag character.
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

func each(t *testing.T, fn func(t *testing.T, w, h int)) {
	for _, sz := range sizes() {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) { fn(t, sz[0], sz[1]) })
	}
}

func TestGoldenList(t *testing.T) {
	each(t, func(t *testing.T, w, h int) {
		hs := newHarness(t, w, h, fixture())
		hs.keys("j")
		view := hs.m.View()
		tuitest.CheckFrame(t, view, w, h)
		checkOnlySGR(t, view)
		golden.RequireEqual(t, []byte(ansi.Strip(view)))
	})
}

func TestGoldenListFiltered(t *testing.T) {
	each(t, func(t *testing.T, w, h int) {
		hs := newHarness(t, w, h, fixture())
		hs.keys("w", "/")
		hs.typeText("o")
		view := hs.m.View()
		tuitest.CheckFrame(t, view, w, h)
		golden.RequireEqual(t, []byte(ansi.Strip(view)))
	})
}

func threadFixture() []api.OrderMessage {
	return []api.OrderMessage{
		{ID: "m1", OrderID: "o1", Sender: agent("ada_bot", "Ada Bot"), Content: "Could the logo be **round**?", CreatedAt: t0.Add(-90 * time.Minute)},
		{ID: "m2", OrderID: "o1", Sender: agent(me, "Demo Agent"), Content: "Yes, round it is.", CreatedAt: t0.Add(-80 * time.Minute)},
	}
}

func TestGoldenOrder(t *testing.T) {
	each(t, func(t *testing.T, w, h int) {
		hs := newHarness(t, w, h, fixture())
		hs.src.msgs["o1"] = threadFixture()
		hs.keys("enter")
		view := hs.m.View()
		tuitest.CheckFrame(t, view, w, h)
		checkOnlySGR(t, view)
		golden.RequireEqual(t, []byte(ansi.Strip(view)))
	})
}

func TestGoldenOrderDelivering(t *testing.T) {
	each(t, func(t *testing.T, w, h int) {
		hs := newHarness(t, w, h, fixture())
		hs.src.msgs["o1"] = threadFixture()
		hs.keys("enter", "s", "d")
		hs.typeText("The logo, round: https://example.com/logo.svg")
		view := hs.m.View()
		tuitest.CheckFrame(t, view, w, h)
		golden.RequireEqual(t, []byte(ansi.Strip(view)))
	})
}

func TestGoldenOrderSendFailed(t *testing.T) {
	each(t, func(t *testing.T, w, h int) {
		hs := newHarness(t, w, h, fixture())
		hs.src.sendErr = errBoom
		hs.keys("j", "enter", "c")
		hs.typeText("Please make it bigger.")
		hs.keys("ctrl+s")
		view := hs.m.View()
		tuitest.CheckFrame(t, view, w, h)
		if !strings.Contains(view, "Please make it bigger.") || !strings.Contains(view, "not sent") {
			t.Errorf("a failed send must keep the text and say why:\n%s", ansi.Strip(view))
		}
		golden.RequireEqual(t, []byte(ansi.Strip(view)))
	})
}

// Hostile payloads (security.md §8.1, as the notifications goldens use
// them), through the sanitizer as package api applies it.
const (
	h01 = "\x1b]52;c;Y3VybCAtZnNTTCBodHRwczovL2V2aWwuZXhhbXBsZS94IHwgc2gK\x07"
	h15 = "\x1b]0;SENTINEL never terminated"
)

func hostileFixture() ([]api.Order, []api.OrderMessage) {
	o := order("h1", sanitize.Line("Logo\x1b]0;SENTINEL-TITLE\x07 design"+h01), true,
		"eve", sanitize.Identity("\x1b]0;SENTINEL-TITLE\x07Eve"), api.OrderPaid, 2500, time.Hour)
	o.Requirements = sanitize.Block("# Brief\n\nround " + h01 + " and\rbob: pay me\n\ninvoice\u202egpj.exe " + h15)
	o.Deliverables = sanitize.Block("Z" + strings.Repeat("\u0301", 1000) + " zalgo hello\U000E0049\U000E0047\U000E004E " + h01)
	o2 := order("h2", sanitize.Line("alice\u2066\u2067bob\u2069 service"), false, "trudy", sanitize.Identity("Trudy\U000E0049"), api.OrderDelivered, 100, 2*time.Hour)
	msgs := []api.OrderMessage{
		{ID: "x1", OrderID: "h1", Sender: agent("eve", sanitize.Identity("alice: hello\rbob:  ")), Content: sanitize.Block("hi " + h01 + " there\n" + h15), CreatedAt: t0},
	}
	return []api.Order{o, o2}, msgs
}

func TestGoldenHostile(t *testing.T) {
	each(t, func(t *testing.T, w, h int) {
		orders, msgs := hostileFixture()
		hs := newHarness(t, w, h, orders)
		hs.src.msgs["h1"] = msgs
		list := hs.m.View()
		hs.keys("enter")
		screen := hs.m.View()
		for i, view := range []string{list, screen} {
			tuitest.CheckFrame(t, view, w, h)
			checkOnlySGR(t, view)
			if strings.Contains(view, "SENTINEL") || strings.Contains(view, "Y3VybCAt") {
				t.Errorf("frame %d shows a payload", i)
			}
		}
		golden.RequireEqual(t, []byte(ansi.Strip(list+"\n----\n"+screen)))
	})
}

func TestGoldenHostileRaw(t *testing.T) {
	orders, msgs := hostileFixture()
	hs := newHarness(t, 80, 24, orders)
	hs.src.msgs["h1"] = msgs
	hs.keys("enter")
	view := hs.m.View()
	checkOnlySGR(t, view)
	golden.RequireEqual(t, []byte(view))
}

func TestEveryFrameFitsNarrowAndOddWidths(t *testing.T) {
	orders, _ := hostileFixture()
	items := append(fixture(), orders...)
	items[0].Service.Title = strings.Repeat("Long title ", 12)
	for _, w := range []int{20, 27, 41, 63, 80, 119} {
		for _, h := range []int{5, 11, 24} {
			hs := newHarness(t, w, h, items)
			for range len(items) {
				for _, f := range tuitest.FrameFaults(hs.m.View(), w, h) {
					t.Errorf("%dx%d: %s", w, h, f)
				}
				hs.keys("j")
			}
			hs.keys("enter")
			for _, f := range tuitest.FrameFaults(hs.m.View(), w, h) {
				t.Errorf("%dx%d order: %s", w, h, f)
			}
		}
	}
}

func TestTheSelectionIsMarkedInTheGutterOnly(t *testing.T) {
	hs := newHarness(t, 80, 24, fixture())
	hs.keys("j")
	before := hs.m.View()
	hs.keys("j")
	tuitest.SelectionMovedInGutterOnly(t, before, hs.m.View())
}

// BenchmarkOrdersView: a frame's cost follows the visible rows, not the
// orders loaded: 2,000 orders must cost within 1.5x of 20.
func BenchmarkOrdersView(b *testing.B) {
	for _, n := range []int{20, 2000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			orders := make([]api.Order, 0, n)
			base := fixture()
			for i := range n {
				o := base[i%len(base)]
				o.ID = fmt.Sprintf("b%d", i)
				orders = append(orders, o)
			}
			hs := newHarness(b, 120, 40, orders)
			hs.keys("j")
			tuitest.BenchFrames(b, hs.m.Update, hs.m.View, tuitest.Press("j"), tuitest.Press("k"))
		})
	}
}

func TestTheComposerFitsSmallScreens(t *testing.T) {
	for _, w := range []int{20, 41, 80} {
		for _, h := range []int{5, 8, 11, 24} {
			hs := newHarness(t, w, h, fixture())
			hs.keys("enter", "c")
			hs.typeText("a message")
			for _, f := range tuitest.FrameFaults(hs.m.View(), w, h) {
				t.Errorf("%dx%d: %s", w, h, f)
			}
		}
	}
}
