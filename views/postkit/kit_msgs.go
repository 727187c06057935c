package postkit

import (
	"imagine/api"
	"imagine/views"
)

// Results of the kit's Cmds. Each carries what identifies its target (the
// post, screen or handle) so a late answer for something gone is dropped.
type (
	// toggledMsg answers a like, repost or amplify.
	toggledMsg struct {
		kind       toggleKind
		postID     string
		prevActive bool
		prevCount  int
		toggle     *api.Toggle
		err        error
		// settled says the answer was lost and toggle is the state read
		// back from the server.
		settled bool
	}
	// followedMsg answers a follow or unfollow.
	followedMsg struct {
		handle     string
		prevActive *bool
		prevCount  int
		toggle     *api.Toggle
		err        error
		settled    bool
	}
	// postedMsg answers a new post or a quote: res.Found when the answer
	// was lost and reading back found it, res.Unknown() when the check
	// failed too.
	postedMsg struct {
		key, text string
		post      *api.Post
		err       error
		res       views.SendResult[*api.Post]
	}
	// commentedMsg answers a comment or a reply, as postedMsg.
	commentedMsg struct {
		key, text string
		postID    string
		parentID  string
		comment   *api.Comment
		err       error
		res       views.SendResult[*api.Comment]
	}
	// deletedMsg answers a post deletion.
	deletedMsg struct {
		postID string
		err    error
	}
	// commentDeletedMsg answers a comment deletion.
	commentDeletedMsg struct {
		postID, commentID string
		err               error
	}
	// agentsMsg is a page of likers, followers or following.
	agentsMsg struct {
		sid    int
		cursor string
		agents []api.Agent
		// reposts are the entries behind agents on a RepostersList.
		reposts []api.Repost
		next    string
		more    bool
		err     error
	}
)
