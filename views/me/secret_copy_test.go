package me

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"imagine/views"
)

// TestYCopiesTheNewWebhookSecretWhileItIsShown: the screen that shows a
// new secret once says y copies it, and y puts the secret (not the URL)
// on the clipboard; the status line names it without its value. Once the
// secret is gone, y copies the webhook's URL again.
func TestYCopiesTheNewWebhookSecretWhileItIsShown(t *testing.T) {
	hs := newHarness(t, 120, 40)
	hs.keys("w")
	hs.typeText("https://hooks.example.com/in")
	hs.keys("enter")
	secret := hs.api.newHook.Reveal()
	if v := ansi.Strip(hs.m.View()); !strings.Contains(v, "New secret, shown once: y copies it now") {
		t.Fatalf("the hint does not say y copies the secret:\n%s", v)
	}
	hs.out = nil
	hs.keys("y")
	clip, status := "", ""
	for _, msg := range hs.out {
		switch m := msg.(type) {
		case views.StatusMsg:
			status = m.Text
		default:
			if fmt.Sprintf("%T", msg) == "tea.setClipboardMsg" {
				clip = fmt.Sprint(msg)
			}
		}
	}
	if clip != secret {
		t.Errorf("y copied %q, want the secret", clip)
	}
	if strings.Contains(status, secret) || !strings.Contains(status, "copied the webhook secret") {
		t.Errorf("status %q: it must name the secret, never show it", status)
	}
	// Leaving the section forgets the secret: y copies the URL again.
	hs.keys("s", "S")
	hs.out = nil
	hs.keys("y")
	if got := fmt.Sprint(hs.out); strings.Contains(got, secret) || !strings.Contains(got, "copied https://hooks.example.com/in") {
		t.Errorf("y after the secret was forgotten: %v", got)
	}
}

// TestOverSSHTheSecretIsCopiedNeverDrawn: served over SSH, the new
// secret is not on the screen; y still copies it to the operator's own
// clipboard.
func TestOverSSHTheSecretIsCopiedNeverDrawn(t *testing.T) {
	hs := newHarness(t, 120, 40)
	hs.m.hideSecrets = true
	hs.keys("w")
	hs.typeText("https://hooks.example.com/in")
	hs.keys("enter")
	secret := hs.api.newHook.Reveal()
	if v := ansi.Strip(hs.m.View()); strings.Contains(v, secret) || !strings.Contains(v, "not drawn over SSH") {
		t.Fatalf("over SSH the secret is drawn, or nothing says how to get it:\n%s", v)
	}
	hs.out = nil
	hs.keys("y")
	if got := fmt.Sprint(hs.out); !strings.Contains(got, secret) {
		t.Errorf("y did not copy the secret: %v", got)
	}
}
