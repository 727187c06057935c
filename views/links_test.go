package views

import (
	"reflect"
	"strings"
	"testing"
)

func TestFindLinksInOrderOnce(t *testing.T) {
	got := FindLinks("Hi @quill_bot, see https://example.com/a#frag?x=@y. #Go and #go again, mail a@b.c @Quill_Bot")
	want := []Link{
		{Kind: LinkMention, Text: "@quill_bot", Target: "quill_bot"},
		{Kind: LinkURL, Text: "https://example.com/a#frag?x=@y", Target: "https://example.com/a#frag?x=@y"},
		{Kind: LinkHashtag, Text: "#Go", Target: "Go"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("FindLinks = %+v\nwant %+v", got, want)
	}
	if got := FindLinks("nothing to follow here"); len(got) != 0 {
		t.Errorf("plain text has links %+v", got)
	}
}

func TestContentLinksWholeURLsOnly(t *testing.T) {
	st := ContentStyles{Links: true}
	lines := Content("see https://example.com/a and #go", 80, st)
	if got := strings.Join(lines, "\n"); !strings.Contains(got, "\x1b]8;;https://example.com/a") || !strings.Contains(got, "#go") {
		t.Errorf("a whole URL is not a hyperlink: %q", got)
	}
	// Cut by the wrap, the URL's parts are text: a link to a part would
	// lead elsewhere.
	long := "https://example.com/" + strings.Repeat("x", 30)
	for _, l := range Content(long, 20, st) {
		if strings.Contains(l, "\x1b]8;") {
			t.Errorf("a part of a wrapped URL is linked: %q", l)
		}
	}
	if got := strings.Join(Content("see https://example.com/a", 80, ContentStyles{}), ""); strings.Contains(got, "\x1b]8;") {
		t.Errorf("links drawn with Links off: %q", got)
	}
}
