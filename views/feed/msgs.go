package feed

import "imagine/api"

// Results of the timelines' Cmds. Each carries what identifies its target
// (the timeline, its generation, the page) so a late answer for something
// gone is dropped.
type (
	// pageMsg is a first page of a timeline (from Refresh or a switch).
	pageMsg struct {
		src  source
		page *api.Page[api.Post]
		err  error
	}
	// moreMsg is a following page of a timeline: pages[index], new or
	// fetched again.
	moreMsg struct {
		src    source
		gen    int
		index  int
		cursor string
		page   *api.Page[api.Post]
		err    error
	}
	// earlierMsg is a dropped page above a timeline's list, pages[index],
	// fetched again.
	earlierMsg struct {
		src    source
		gen    int
		index  int
		cursor string
		page   *api.Page[api.Post]
		err    error
	}
)

// Err exposes a failed refresh to the root, which backs off and shows
// offline or rate-limit state.
func (m pageMsg) Err() error { return m.err }
