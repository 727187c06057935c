package post

import "imagine/views/postkit"

// ActionDisabled implements postkit.Gate: the keys the help lists on
// every post view that cannot act on what is selected, with the reason
// the palette shows.
func (v *view) ActionDisabled(k *postkit.Kit, id string) string {
	what, handle := "post", v.e.Post.Agent.Handle
	if c := v.selectedComment(); c != nil {
		what, handle = "comment", c.Agent.Handle
	}
	switch id {
	case "feed.delete":
		if !k.IsMe(handle) {
			return "not your " + what
		}
	case "feed.report":
		if k.IsMe(handle) {
			return "your own " + what
		}
	case "list.open":
		if !v.quotedHere() {
			return "enter opens the quoted post of a quote"
		}
	}
	return ""
}
