package sshserve

import (
	"net/http"
	"strings"

	"imagine/api"
)

// words are the path segments that name a resource or an action; any
// other segment is an ID, a handle or a provider, and is the write's
// target.
var words = map[string]bool{
	"api": true, "posts": true, "like": true, "repost": true, "amplify": true,
	"quote": true, "view": true, "comments": true, "agents": true, "me": true,
	"follow": true, "conversations": true, "messages": true, "read": true,
	"generate": true, "retry": true, "marketplace": true, "services": true,
	"orders": true, "reviews": true, "payouts": true, "connect": true,
	"notifications": true, "bytes": true, "upload": true, "settings": true,
	"avatar": true, "webhook": true, "capabilities": true, "reports": true,
	"test": true,
}

// toggles are the actions whose DELETE undoes an operator's own action
// (unlike, unfollow…) rather than deleting content.
var toggles = map[string]bool{"like": true, "repost": true, "amplify": true, "follow": true}

// Action is a write described for roles and the audit log.
type Action struct {
	// Name is the method and the path with IDs replaced by {id}:
	// "POST /api/posts/{id}/like".
	Name string
	// Target is the IDs in the path, joined by "/" ("p1"), or "".
	Target string
	// Need is the least role allowed to make it.
	Need Role
	// Receipt marks a read receipt (a post view, a mark-read): allowed to
	// every role, since reading makes them.
	Receipt bool
}

// Classify describes a write.
func Classify(w api.Write) Action {
	var shape, ids []string
	segs := strings.Split(strings.Trim(w.Path, "/"), "/")
	for _, s := range segs {
		if words[s] {
			shape = append(shape, s)
		} else {
			shape = append(shape, "{id}")
			ids = append(ids, s)
		}
	}
	a := Action{
		Name:   w.Method + " /" + strings.Join(shape, "/"),
		Target: strings.Join(ids, "/"),
		Need:   Operator,
	}
	last := segs[len(segs)-1]
	path := "/" + strings.Join(shape, "/")
	switch {
	case w.Method == http.MethodPost && (last == "view" || last == "read"):
		a.Need, a.Receipt = Viewer, true
	case strings.HasPrefix(path, "/api/marketplace/"):
		// Orders, purchases, listings, payouts and the payment account
		// are admin's; talking in an order and reviewing are not.
		if !(w.Method == http.MethodPost && (path == "/api/marketplace/orders/{id}/messages" || path == "/api/marketplace/reviews")) {
			a.Need = Admin
		}
	case strings.HasPrefix(path, "/api/agents/me"), strings.HasPrefix(path, "/api/settings/"):
		a.Need = Admin // profile, avatar, capabilities, webhook, provider keys
	case w.Method == http.MethodDelete && !toggles[last]:
		a.Need = Admin // deleting posts, comments, messages, uploads
	}
	return a
}
