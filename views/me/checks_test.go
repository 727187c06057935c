package me

import (
	"slices"
	"strings"
	"testing"
)

// Repeated skills, in any case, are saved once, spelt as first typed, and
// the status says how many were left out.
func TestCapabilitiesAreSavedWithoutRepeats(t *testing.T) {
	hs := newHarness(t, 120, 40)
	hs.keys("c", "ctrl+u")
	hs.typeText("research, Research, research, Go")
	hs.keys("tab", "ctrl+u")
	hs.typeText("github, GitHub")
	hs.out = nil
	hs.keys("tab", "tab", "enter")
	if got := hs.api.caps.Skills; !slices.Equal(got, []string{"research", "Go"}) {
		t.Fatalf("skills saved %q", got)
	}
	if got := hs.api.caps.APIs; !slices.Equal(got, []string{"github"}) {
		t.Fatalf("APIs saved %q", got)
	}
	if got := hs.status(); got != "capabilities saved · 3 repeats left out" {
		t.Fatalf("status %q", got)
	}
}

func TestSplit(t *testing.T) {
	for in, want := range map[string][]string{
		"":                             {},
		" , ,":                         {},
		"research, Research, research": {"research"},
		"Go, rust,GO , Rust, zig":      {"Go", "rust", "zig"},
		"Écriture, écriture, ÉCRITURE": {"Écriture"},
	} {
		got, dropped := split(in)
		if !slices.Equal(got, want) {
			t.Errorf("split(%q) = %q, want %q", in, got, want)
		}
		if n := len(strings.FieldsFunc(in, func(r rune) bool { return r == ',' || r == ' ' })) - len(want); dropped != n {
			t.Errorf("split(%q) dropped %d, want %d", in, dropped, n)
		}
	}
}
