package ui

import (
	"strconv"
	"strings"
)

// chromeMemo keeps the last rendering of a piece of chrome (the tab bar,
// the key hints, the status line) with the inputs it was drawn from.
// They are redrawn on every message, while they change only with a badge,
// a focus switch, a status or a resize; drawing them means styling and
// measuring each part, which is most of what a frame costs when a list
// move renders nothing new.
type chromeMemo struct {
	key  string
	line string
}

// get returns the line drawn for key, drawing it when key changed.
func (c *chromeMemo) get(key string, draw func() string) string {
	if c.line != "" && key == c.key {
		return c.line
	}
	c.key, c.line = key, draw()
	return c.line
}

// chrome holds the memos of the root's own lines. styleGen is bumped when
// the theme changes, which every key includes.
type chrome struct {
	tabs, footer, status chromeMemo
	styleGen             int
}

// chromeKey joins the inputs of a line into one comparable key.
type chromeKey struct{ b strings.Builder }

// int adds a number.
func (k *chromeKey) int(n int) *chromeKey {
	k.b.WriteString(strconv.Itoa(n))
	k.b.WriteByte(0)
	return k
}

// str adds a string.
func (k *chromeKey) str(s string) *chromeKey {
	k.b.WriteString(s)
	k.b.WriteByte(0)
	return k
}

// bool adds a flag.
func (k *chromeKey) bool(v bool) *chromeKey {
	if v {
		return k.str("1")
	}
	return k.str("0")
}

// String is the key.
func (k *chromeKey) String() string { return k.b.String() }
