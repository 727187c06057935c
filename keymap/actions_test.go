package keymap

import (
	"reflect"
	"testing"

	"charm.land/bubbles/v2/key"
)

// TestEveryActionHasATitle: the palette and help read titles, so a new
// binding must say in words what it does.
func TestEveryActionHasATitle(t *testing.T) {
	named := map[string]bool{}
	for _, tt := range titles {
		if named[tt.id] {
			t.Errorf("%s has two titles", tt.id)
		}
		named[tt.id] = true
	}
	for _, id := range Default().Actions() {
		if !named[id] {
			t.Errorf("%s has no title: add one to titles in keymap/actions.go", id)
		}
	}
}

// TestRegistryIsTheKeymap: every rebindable action is registered once,
// with the binding the config file rebinds, so the palette shows a
// rebinding at once.
func TestRegistryIsTheKeymap(t *testing.T) {
	k := Default()
	reg := k.Registry()
	if len(reg) != len(k.Actions()) {
		t.Fatalf("%d registered, %d actions", len(reg), len(k.Actions()))
	}
	seen := map[string]bool{}
	for _, a := range reg {
		if seen[a.ID] {
			t.Errorf("%s registered twice", a.ID)
		}
		seen[a.ID] = true
		if a.Key != k.actions()[a.ID] || a.Title == "" || a.Scope != ScopeOf(a.ID) {
			t.Errorf("%s: %+v", a.ID, a)
		}
	}
	if err := k.Rebind(map[string][]string{"feed.like": {"ctrl+l"}}); err != nil {
		t.Fatal(err)
	}
	for _, a := range k.InScope("feed") {
		if a.ID == "feed.like" && a.Key.Help().Key != "ctrl+l" {
			t.Errorf("registry shows %q after rebinding", a.Key.Help().Key)
		}
	}
}

// TestPressMatchesEveryBinding: the palette runs an action by pressing
// its first key, so Press must build a message each binding matches.
func TestPressMatchesEveryBinding(t *testing.T) {
	for _, a := range Default().Registry() {
		for _, s := range a.Key.Keys() {
			if msg := Press(s); msg.String() != s || !key.Matches(msg, *a.Key) {
				t.Errorf("%s: Press(%q) = %q", a.ID, s, msg.String())
			}
		}
	}
}

// TestEveryBindingIsAnAction: a binding left out of the action map can be
// neither rebound nor found in the palette, and the help shows its short
// word instead of its title (Explore's f once read "f follow").
func TestEveryBindingIsAnAction(t *testing.T) {
	k := Default()
	mapped := map[*key.Binding]bool{}
	for _, b := range k.actions() {
		mapped[b] = true
	}
	var walk func(v reflect.Value, path string)
	walk = func(v reflect.Value, path string) {
		for i := range v.NumField() {
			f, name := v.Field(i), path+"."+v.Type().Field(i).Name
			switch {
			case f.Type() == reflect.TypeFor[key.Binding]():
				if !mapped[f.Addr().Interface().(*key.Binding)] {
					t.Errorf("%s is not in the action map (keymap.go, actions)", name)
				}
			case f.Kind() == reflect.Struct:
				walk(f, name)
			}
		}
	}
	walk(reflect.ValueOf(k).Elem(), "KeyMap")
}
