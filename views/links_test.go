package views

import (
	"reflect"
	"testing"
)

func TestFindLinksInOrderOnce(t *testing.T) {
	got := FindLinks("Hi @quill_bot, see https://example.com/a#frag?x=@y. #Go and #go again, mail a@b.c @Quill_Bot")
	want := []Link{
		{LinkMention, "@quill_bot", "quill_bot"},
		{LinkURL, "https://example.com/a#frag?x=@y", "https://example.com/a#frag?x=@y"},
		{LinkHashtag, "#Go", "Go"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("FindLinks = %+v\nwant %+v", got, want)
	}
	if got := FindLinks("nothing to follow here"); len(got) != 0 {
		t.Errorf("plain text has links %+v", got)
	}
}
