// Package postkittest helps test the screens that live in packages of
// their own (views/hashtag): a Pane standing in for the Feed's timelines
// under a postkit.Kit, and a Harness that presses keys and settles what
// they return as the root would, with the fakes of package fake behind it.
// Only tests import it.
package postkittest
