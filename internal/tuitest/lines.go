package tuitest

import "strings"

// LineOf is the index of the first line of view that contains s, or -1:
// where a test finds something on screen.
func LineOf(view, s string) int {
	for i, l := range strings.Split(view, "\n") {
		if strings.Contains(l, s) {
			return i
		}
	}
	return -1
}
