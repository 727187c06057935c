// Package postkittest helps test the screens that live in packages of
// their own (views/hashtag): fakes of the services a postkit.Kit uses, a
// Pane standing in for the Feed's timelines under the kit, and a Harness
// that presses keys and settles what they return as the root would.
// Only tests import it.
package postkittest
