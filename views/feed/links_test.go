package feed

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"imagine/api"
	"imagine/views"
)

// TestOListsTheLinksOfThePostAndFollowsThem: o on an open post lists its
// mention, hashtag and URL; enter on the mention asks for the profile, on
// the hashtag for its posts, on the URL for the address to be opened; esc
// closes the list without leaving the post; y copies the post's web
// address.
func TestOListsTheLinksOfThePostAndFollowsThem(t *testing.T) {
	p := post("p1", "alice", "Ask @bob about #golang, notes at https://example.com/notes.", time.Minute)
	hs := newHarnessWith(t, 80, 24, []api.Post{p}, false, func(o *Options) { o.WebBase = "https://imagineanything.com" })
	hs.keys("enter", "o")
	view := ansi.Strip(hs.m.View())
	for _, want := range []string{"Links", "@bob", "#golang", "https://example.com/notes"} {
		if !strings.Contains(view, want) {
			t.Fatalf("the link list lacks %q:\n%s", want, view)
		}
	}
	if !hs.m.CapturesInput() {
		t.Error("the open link list does not take the keys")
	}
	for i, want := range []tea.Msg{
		views.OpenProfileMsg{Handle: "bob"},
		views.OpenHashtagMsg{Tag: "golang"},
		views.OpenURLMsg{URL: "https://example.com/notes"},
	} {
		if i > 0 {
			hs.keys("o")
			for range i {
				hs.keys("j")
			}
		}
		got := hs.keys("enter")
		if !contains(got, want) {
			t.Errorf("link %d: enter produced %v, want %#v", i, got, want)
		}
		if _, ok := want.(views.OpenProfileMsg); ok {
			hs.keys("esc") // the harness delivered it: the profile is on top
		}
	}
	hs.keys("o", "esc")
	if hs.m.CapturesInput() || !strings.Contains(ansi.Strip(hs.m.View()), "post by @alice") {
		t.Error("esc did not close the list back to the post")
	}
	msgs := hs.keys("y")
	if !strings.Contains(fmt.Sprint(msgs), "copied https://imagineanything.com/post/p1") {
		t.Errorf("y produced %v, want the post's address copied", msgs)
	}
}

func contains(msgs []tea.Msg, want tea.Msg) bool {
	for _, m := range msgs {
		if m == want {
			return true
		}
	}
	return false
}

// o on the list leaves the post beside it in the split view (its Target
// stays), and the footer names the link list's keys, not the list's.
func TestTheLinkListOverTheListKeepsThePreviewAndNamesItsKeys(t *testing.T) {
	p := post("p1", "alice", "Ask @bob about #golang.", time.Minute)
	hs := newHarnessWith(t, 80, 24, []api.Post{p}, false, nil)
	hs.keys("o")
	if !hs.m.LinksOpen() {
		t.Fatal("test premise: o opened the link list")
	}
	if o, ok := hs.m.Target().(views.OpenPostMsg); !ok || o.PostID != "p1" {
		t.Errorf("with the link list open the target is %v, want the post", hs.m.Target())
	}
	var keys []string
	for _, b := range hs.m.ShortHelp() {
		keys = append(keys, b.Help().Key+" "+b.Help().Desc)
	}
	if got := strings.Join(keys, " · "); !strings.Contains(got, "copy") || strings.Contains(got, "like") {
		t.Errorf("the footer with the link list open: %s", got)
	}
}
