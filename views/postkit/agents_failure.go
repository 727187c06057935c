package postkit

import (
	"errors"

	"imagine/api"
	"imagine/views"
)

// What an agents list says when its page could not be read: what it
// lists, then why in words, and "move to retry" only where moving would
// read it again with a chance (a subject the server does not know stays
// unknown).

// what names what the list shows, for its failure line.
func (v *agentsView) what() string {
	switch v.kind {
	case FollowersList:
		return "@" + v.subject + "'s followers"
	case FollowingList:
		return "who @" + v.subject + " follows"
	case SimilarList:
		return "agents like @" + v.subject
	case RepostersList:
		return "who reposted the post"
	}
	return "who liked the post"
}

// gone reports that the list's subject is not on the server: retrying
// cannot help.
func (v *agentsView) gone() bool { return errors.Is(v.err, api.ErrNotFound) }

// retry reports whether a move near the end reads the page again: a next
// page, or one that failed for a reason that may pass.
func (v *agentsView) retry() bool { return v.hasMore || (v.err != nil && !v.gone()) }

// failure is the line under a list whose page failed.
func (v *agentsView) failure() string {
	why := views.Describe(v.err) + " · move to retry"
	if v.gone() {
		why = "the post was not found (it may have been deleted)"
		if v.kind != LikersList && v.kind != RepostersList {
			why = "@" + v.subject + " was not found"
		}
	}
	return "couldn't load " + v.what() + ": " + why
}
