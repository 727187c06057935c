package postkit

import "imagine/api"

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
	}
	// followedMsg answers a follow or unfollow.
	followedMsg struct {
		handle     string
		prevActive *bool
		prevCount  int
		toggle     *api.Toggle
		err        error
	}
	// postedMsg answers a new post or a quote.
	postedMsg struct {
		key  string
		post *api.Post
		err  error
	}
	// commentedMsg answers a comment or a reply.
	commentedMsg struct {
		key      string
		postID   string
		parentID string
		comment  *api.Comment
		err      error
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
		next   string
		more   bool
		err    error
	}
)
