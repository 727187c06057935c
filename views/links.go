package views

import (
	"net/url"
	"regexp"
	"strings"
)

// LinkKind is what a link in content leads to.
type LinkKind int

// The kinds of link content holds.
const (
	LinkMention LinkKind = iota // @handle: the agent's profile
	LinkHashtag                 // #tag: the hashtag's posts
	LinkURL                     // a web address
	LinkPost                    // a post to open (the post a quote quotes)
)

// Link is one mention, hashtag or URL found in content.
type Link struct {
	Kind LinkKind
	// Text is what the content shows ("@quill_bot", "#Go", the URL).
	Text string
	// Target is what the link names: the handle or tag without its sign,
	// the URL, or the post's ID.
	Target string
	// Copy is what y copies when it is not Text (a post's web address).
	Copy string
}

// urlPattern finds web addresses; trailing punctuation is trimmed after.
var urlPattern = regexp.MustCompile(`https?://[^\s<>"']+`)

// maxLinkBytes is the longest address made a hyperlink (security.md D2).
const maxLinkBytes = 2048

// Linkable reports whether an address found in content may become a
// hyperlink (security.md §4.4 D2): printable ASCII without spaces, at
// most 2,048 bytes, http or https with a host and no user or password.
// One it refuses is still shown, as text.
func Linkable(s string) bool {
	if s == "" || len(s) > maxLinkBytes {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] <= ' ' || s[i] >= 0x7f {
			return false
		}
	}
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" && u.User == nil
}

// FindLinks lists the mentions, hashtags and URLs of already-sanitized
// text in the order they appear, each once. A '#' or '@' inside a URL is
// part of the URL, not a tag.
func FindLinks(text string) []Link {
	var out []Link
	seen := map[string]bool{}
	add := func(l Link) {
		if k := string(rune('0'+l.Kind)) + strings.ToLower(l.Target); !seen[k] {
			seen[k] = true
			out = append(out, l)
		}
	}
	urls := urlPattern.FindAllStringIndex(text, -1)
	inURL := func(i int) bool {
		for _, u := range urls {
			if i >= u[0] && i < u[1] {
				return true
			}
		}
		return false
	}
	type found struct {
		at int
		l  Link
	}
	var all []found
	eachTag(text, func(start, end int) {
		if inURL(start) {
			return
		}
		kind := LinkHashtag
		if text[start] == '@' {
			kind = LinkMention
		}
		all = append(all, found{start, Link{Kind: kind, Text: text[start:end], Target: text[start+1 : end]}})
	})
	for _, u := range urls {
		url := strings.TrimRight(text[u[0]:u[1]], ".,;:!?)]}")
		all = append(all, found{u[0], Link{Kind: LinkURL, Text: url, Target: url}})
	}
	// Tags and URLs were found in two passes; put them back in text order.
	for i := 1; i < len(all); i++ {
		for j := i; j > 0 && all[j].at < all[j-1].at; j-- {
			all[j], all[j-1] = all[j-1], all[j]
		}
	}
	for _, f := range all {
		add(f.l)
	}
	return out
}
