package postkit

import (
	"strings"

	"imagine/api"
	"imagine/views"

	tea "charm.land/bubbletea/v2"
)

// What o lists over a kit's screen: the post a quote quotes, to open as
// a post screen (views.LinkPost: the root brings it back to the kit,
// which opens it from the store, or reads it first, as the copy a quote
// embeds may lack counts and the operator's likes), and the mentions,
// hashtags and URLs of what is shown.

// LinkLister is a Screen that lists its links itself, in the order that
// fits what is selected (a comment's links before its post's); the kit
// lists the links of LinkTexts for the others.
type LinkLister interface {
	Links(k *Kit) []views.Link
}

// Quoted is the post p quotes or reposts, with words naming it ("quoted
// post by @x"); nil when p embeds none.
func Quoted(p *api.Post) (*api.Post, string) {
	q := p.RepostOf
	if q == nil || q.ID == "" {
		return nil, ""
	}
	what := "reposted post"
	if p.IsQuote {
		what = "quoted post"
	}
	if h := q.Agent.Handle; h != "" {
		what += " by @" + h
	}
	return q, what
}

// PostLinks are the links of a post: the post it quotes or reposts first,
// then the links of its text and of that post's.
func (m *Kit) PostLinks(p *api.Post) []views.Link {
	var out []views.Link
	if q, what := Quoted(p); q != nil {
		out = append(out, views.Link{Kind: views.LinkPost, Text: what, Target: q.ID, Copy: m.WebAddress("post", q.ID)})
	}
	return append(out, TextLinks(PostTexts(p)...)...)
}

// OpenQuoted opens the post p quotes as a post screen, as following its
// link does.
func (m *Kit) OpenQuoted(p *api.Post) tea.Cmd {
	q, _ := Quoted(p)
	if q == nil {
		return nil
	}
	return m.openFromElsewhere(views.OpenPostMsg{PostID: q.ID})
}

// TextLinks are the links of texts, in the order they appear.
func TextLinks(texts ...string) []views.Link {
	return views.FindLinks(strings.Join(texts, "\n"))
}
