package me

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"imagine/api"
	"imagine/internal/tuitest"
	"imagine/views"
	"imagine/views/composer"
)

func sizes() [][2]int { return [][2]int{{80, 24}, {120, 40}} }

func each(t *testing.T, fn func(t *testing.T, w, h int)) {
	for _, sz := range sizes() {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) { fn(t, sz[0], sz[1]) })
	}
}

// frame checks the frame's shape and returns it without colour.
func frame(t *testing.T, m *Model, w, h int) string {
	t.Helper()
	view := m.View()
	tuitest.CheckFrame(t, view, w, h)
	tuitest.CheckOnlySGR(t, view)
	return ansi.Strip(view)
}

func TestGoldenProfile(t *testing.T) {
	each(t, func(t *testing.T, w, h int) {
		hs := newHarness(t, w, h)
		golden.RequireEqual(t, []byte(frame(t, hs.m, w, h)))
	})
}

func TestGoldenAXP(t *testing.T) {
	each(t, func(t *testing.T, w, h int) {
		hs := newHarness(t, w, h)
		hs.keys("s", "s", "j")
		got := frame(t, hs.m, w, h)
		if !strings.Contains(got, "70% to level 4") || !strings.Contains(got, "▌") {
			t.Fatalf("AXP section without its bar or selection:\n%s", got)
		}
		golden.RequireEqual(t, []byte(got))
	})
}

func TestGoldenAnalytics(t *testing.T) {
	each(t, func(t *testing.T, w, h int) {
		hs := newHarness(t, w, h)
		hs.keys("s")
		golden.RequireEqual(t, []byte(frame(t, hs.m, w, h)))
	})
}

// The pane reads nothing until it is on screen, then only on r: no poll.
func TestReadsOnComingIntoViewAndROnly(t *testing.T) {
	hs := newHarness(t, 80, 24)
	if hs.m.PollInterval() != 0 {
		t.Fatalf("PollInterval = %v, want 0", hs.m.PollInterval())
	}
	before := len(hs.api.calls)
	hs.run(hs.m.Update(views.ShownMsg{}))
	if len(hs.api.calls) != before {
		t.Fatalf("coming back into view a moment later read again: %v", hs.api.calls[before:])
	}
	hs.m.SetFocused(false)
	if hs.m.Refresh(t.Context()) != nil {
		t.Fatal("a hidden Profile pane fetches")
	}
	hs.m.SetFocused(true)
	hs.m.ForceRefresh()
	hs.run(hs.m.Refresh(t.Context()))
	if len(hs.api.calls) == before {
		t.Fatal("r read nothing")
	}
}

func TestEditBioShowsIt(t *testing.T) {
	hs := newHarness(t, 120, 40)
	hs.keys("e", "tab", "ctrl+u")
	// the bio is a textarea: select all and type over it
	for range 40 {
		hs.keys("backspace")
	}
	hs.typeText("A brand new bio")
	hs.keys("tab", "tab", "enter")
	if hs.m.form != nil {
		t.Fatalf("form still open:\n%s", ansi.Strip(hs.m.View()))
	}
	if !strings.Contains(hs.api.me.Bio, "A brand new bio") {
		t.Fatalf("bio sent %q", hs.api.me.Bio)
	}
	if got := ansi.Strip(hs.m.View()); !strings.Contains(got, "A brand new bio") {
		t.Fatalf("new bio not shown:\n%s", got)
	}
}

func TestWebhookHTTPIsRefusedBesideTheField(t *testing.T) {
	hs := newHarness(t, 80, 24)
	hs.keys("w")
	hs.typeText("http://hooks.example.com/in")
	hs.keys("enter")
	got := ansi.Strip(hs.m.View())
	if !strings.Contains(got, "Webhook URL (https only) — an https:// address only") {
		t.Fatalf("refusal not beside the field:\n%s", got)
	}
	if !strings.Contains(got, "http://hooks.example.com/in") {
		t.Fatalf("typed URL not kept:\n%s", got)
	}
	for _, c := range hs.api.calls {
		if strings.HasPrefix(c, "set webhook") {
			t.Fatalf("an http URL was sent: %v", hs.api.calls)
		}
	}
}

func TestWebhookSecretIsShownOnceAndGoneAfterLeaving(t *testing.T) {
	hs := newHarness(t, 120, 40)
	hs.keys("w")
	hs.typeText("https://hooks.example.com/in")
	hs.keys("enter")
	secret := hs.api.newHook.Reveal()
	if got := ansi.Strip(hs.m.View()); !strings.Contains(got, secret) || !strings.Contains(got, "shown once") {
		t.Fatalf("new secret not shown:\n%s", got)
	}
	if strings.Contains(fmt.Sprintf("%v %+v", hs.out, hs.m.webhook), secret) {
		t.Fatal("the secret shows in printed messages or the kept webhook")
	}
	// Leaving the section forgets it.
	hs.keys("s", "S")
	if got := ansi.Strip(hs.m.View()); strings.Contains(got, secret) || !strings.Contains(got, "hooks.example.com") {
		t.Fatalf("after leaving the section:\n%s", got)
	}
	// So does leaving the pane, after a new one was made (W, confirmed).
	hs.keys("W")
	c, ok := tuitest.Find[views.ConfirmMsg](hs.out)
	if !ok {
		t.Fatal("W did not ask to confirm")
	}
	hs.out = nil
	hs.run(c.Yes)
	if got := ansi.Strip(hs.m.View()); !strings.Contains(got, secret) {
		t.Fatalf("regenerated secret not shown:\n%s", got)
	}
	hs.m.SetFocused(false)
	hs.m.SetFocused(true)
	hs.run(hs.m.Update(views.ShownMsg{}))
	if got := ansi.Strip(hs.m.View()); strings.Contains(got, secret) {
		t.Fatalf("secret still shown after leaving the pane:\n%s", got)
	}
}

func TestOversizeAvatarIsRefusedBeforeUpload(t *testing.T) {
	hs := newHarness(t, 80, 24)
	big := filepath.Join(t.TempDir(), "big.png")
	// A PNG header then zeros, one byte over the limit.
	data := append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), make([]byte, api.MaxAvatarBytes)...)
	if err := os.WriteFile(big, data, 0o600); err != nil {
		t.Fatal(err)
	}
	hs.keys("a")
	if !hs.m.comp.IsOpen() || !hs.m.CapturesInput() {
		t.Fatal("a did not open the file picker")
	}
	hs.keys("esc") // the picker closes as it does once a file is chosen
	hs.run(hs.m.Update(composer.PickedMsg{ID: composerID, Key: "avatar", Path: big}))
	if hs.api.uploads != 0 {
		t.Fatal("an oversize avatar was uploaded")
	}
	if got := ansi.Strip(hs.m.View()); !strings.Contains(got, "over the avatar limit") {
		t.Fatalf("refusal not shown:\n%s", got)
	}
	small := filepath.Join(t.TempDir(), "small.png")
	if err := os.WriteFile(small, data[:2048], 0o600); err != nil {
		t.Fatal(err)
	}
	hs.run(hs.m.Update(composer.PickedMsg{ID: composerID, Key: "avatar", Path: small}))
	if hs.api.uploads != 1 {
		t.Fatalf("a valid avatar was not uploaded (%d)", hs.api.uploads)
	}
}

func TestAnalyticsRangeSortAndOpen(t *testing.T) {
	hs := newHarness(t, 120, 40)
	hs.keys("s", "t", "O")
	if hs.m.rng != api.Range30d || hs.api.perfSort != api.SortByLikes {
		t.Fatalf("range %s sort %s", hs.m.rng, hs.api.perfSort)
	}
	if got := ansi.Strip(hs.m.View()); !strings.Contains(got, "Last 30 days") || !strings.Contains(got, "Your posts by likes") {
		t.Fatalf("analytics after t, O:\n%s", got)
	}
	hs.out = nil
	hs.keys("j", "enter")
	open, ok := tuitest.Find[views.OpenPostMsg](hs.out)
	if !ok || open.PostID != "p1" {
		t.Fatalf("enter on the second row: %+v %v", open, ok)
	}
}

func TestListsPageOpenAndReport(t *testing.T) {
	hs := newHarness(t, 80, 24)
	hs.keys("s", "s", "s", "s") // Followers
	if len(hs.m.follower.items) != 30 {
		t.Fatalf("%d followers", len(hs.m.follower.items))
	}
	hs.keys("G")
	if len(hs.m.follower.items) != 60 {
		t.Fatalf("the end of the list did not read the next page: %d", len(hs.m.follower.items))
	}
	hs.out = nil
	hs.keys("enter", "!")
	if o, ok := tuitest.Find[views.OpenProfileMsg](hs.out); !ok || o.Handle != "agent_29" {
		t.Fatalf("enter: %+v", hs.out)
	}
	if r, ok := tuitest.Find[views.ReportMsg](hs.out); !ok || r.Kind != views.ReportAgent || r.ID != "a29" {
		t.Fatalf("!: %+v", hs.out)
	}
	hs.keys("S", "S", "S", "S")
	hs.out = nil
	hs.keys("!")
	if _, ok := tuitest.Find[views.ReportMsg](hs.out); ok {
		t.Fatal("! on your own profile reported something")
	}
}
