package feed

import (
	"slices"

	"imagine/api"
)

// pageRef is what a timeline keeps of a page for good: the cursor that
// fetched it ("" for the first page), so that it can be fetched again once
// its posts were dropped, and how many posts it put in the list. A few
// bytes a page, where the posts cost kilobytes.
type pageRef struct {
	cursor string
	n      int
}

// holes is 1 when the placeholder for dropped pages heads the entries.
func (tl *timeline) holes() int {
	if tl.lo > 0 {
		return 1
	}
	return 0
}

// tail is the cursor of the page after the held ones (a dropped page, or
// the next new one) and whether there is such a page.
func (tl *timeline) tail() (string, bool) {
	if tl.hi < len(tl.pages) {
		return tl.pages[tl.hi].cursor, true
	}
	return tl.next, tl.hasMore && tl.next != ""
}

// pageOf is the held page listing entries[i], or -1 for the placeholder.
func (tl *timeline) pageOf(i int) int {
	at := tl.holes()
	for k := tl.lo; k < tl.hi; k++ {
		at += tl.pages[k].n
		if i < at {
			return k
		}
	}
	return -1
}

// setN records that page k lists n posts.
func (tl *timeline) setN(k, n int) {
	tl.count += n - tl.pages[k].n
	tl.pages[k].n = n
}

// addTop counts n posts put above the first (held) page.
func (tl *timeline) addTop(n int) {
	if tl.hi == tl.lo {
		// Nothing is held yet (the first page is being fetched again):
		// the posts make a page of their own above it.
		tl.pages = slices.Insert(tl.pages, tl.lo, pageRef{})
		tl.hi++
	}
	tl.setN(tl.lo, tl.pages[tl.lo].n+n)
}

// addTail records that the page fetched with cursor added n posts at the
// end of the list. Its own next cursor is the freshest word on what
// follows, so it replaces the one remembered for the next page.
func (tl *timeline) addTail(cursor string, n int, page *api.Page[api.Post]) {
	if tl.hi == len(tl.pages) {
		tl.pages = append(tl.pages, pageRef{cursor: cursor})
	}
	tl.setN(tl.hi, n)
	tl.hi++
	switch {
	case !page.HasMore || page.NextCursor == "":
		tl.forgetFrom(tl.hi)
		tl.next, tl.hasMore = "", false
	case tl.hi < len(tl.pages):
		tl.pages[tl.hi].cursor = page.NextCursor
	default:
		tl.next, tl.hasMore = page.NextCursor, true
	}
}

// forgetFrom forgets the pages from k on (the server says there are none).
func (tl *timeline) forgetFrom(k int) {
	for _, p := range tl.pages[k:] {
		tl.count -= p.n
	}
	tl.pages = tl.pages[:k]
}

// prunePending drops from the new posts waiting behind the banner those a
// page brought into the list meanwhile (the first page fetched again).
func (tl *timeline) prunePending() {
	if len(tl.pending) == 0 || tl.lo > 0 {
		return
	}
	tl.pending = slices.DeleteFunc(tl.pending, func(p api.Post) bool { return tl.ids[p.ID] })
	if len(tl.pending) == 0 {
		tl.pending, tl.gap = nil, false
	}
}
