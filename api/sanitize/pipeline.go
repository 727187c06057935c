package sanitize

import (
	"unicode"
	"unicode/utf8"
)

// The cleaner is a chain of streaming stages, each a method that hands the
// runes it keeps to the next one. Every stage decides only from what earlier
// stages kept (removed text is invisible to it), and no stage produces
// anything an earlier stage would change, which is what makes cleaning
// idempotent. Each stage holds at most a few runes of look-ahead, so the
// whole run is linear in the input.
//
//	stage 1 scan   A2 escape sequences, A1 invalid UTF-8     (escape.go)
//	stage 2 rune2  A3 controls and separators, A5, A6, A12
//	stage 3 rune3  A7 tag characters
//	stage 4 rune4  A8 joiners
//	stage 5 rune5  A9 combining marks
//	stage 6 rune6  A3 tabs, A4 white space; writes the output
//
// Joiners are decided before marks are counted so that dropping a joiner
// between two runs of marks cannot leave a run longer than the cap.

// mode selects the field context.
type mode uint8

// Field contexts.
const (
	modeLine     mode = iota // single line
	modeBlock                // multi-line body
	modeIdentity             // single line, private use replaced (A12)
)

// Tag-sequence states of stage 3.
const (
	tagNone    uint8 = iota // a tag character here is dropped
	tagAfter                // the last rune was U+1F3F4: a flag may follow
	tagCollect              // collecting the tags of a possible flag
)

// cleaner holds the state of one cleaning run. It lives on the stack.
type cleaner struct {
	mode  mode
	flags Flags
	out   writer

	lastInvalid bool // stage 1: the last rune handed on was U+FFFD for invalid bytes
	afterCR     bool // stage 2: the last kept rune was a carriage return

	tagState uint8   // stage 3
	tagN     int     // stage 3: tags collected
	tagBuf   [6]rune // stage 3: tags of a possible flag

	joiner      rune // stage 4: pending joiner, 0 when none
	joinerLeft  bool // stage 4: the pending joiner follows a base
	lastNonMark rune // stage 4: last non-mark rune handed on

	marks int // stage 5: marks in the current run

	keep     int  // stage 6: output length up to the last non-space rune
	lineText bool // stage 6 (Block): the current line has a non-space rune
	blank    int  // stage 6 (Block): blank lines in a row
	col      int  // stage 6 (Block): columns of the line up to colFrom
	colFrom  int  // stage 6 (Block): output offset col was counted to
}

// run cleans s, which is already cut to the field's raw cap.
func (c *cleaner) run(s string) string {
	c.out.src = s
	c.scan(s)
	c.finish()
	return c.out.String()
}

// finish resolves the look-ahead of every stage at the end of the input.
func (c *cleaner) finish() {
	if c.afterCR {
		c.flags.ControlsRemoved = true
	}
	if c.tagState == tagCollect {
		c.dropTags()
	}
	if c.joiner != 0 {
		c.joiner = 0
		c.flags.HiddenTextRemoved = true
	}
	c.out.truncate(c.keep)
}

// resting reports whether no stage holds look-ahead state that the next
// rune would resolve (a carriage return, collected flag tags, a joiner).
func (c *cleaner) resting() bool {
	return !c.afterCR && c.tagState != tagCollect && c.joiner == 0
}

// plainRun writes a run of printable non-space ASCII while the cleaner is
// resting: every stage would pass each byte on, so only the state the last
// byte leaves behind is recorded.
func (c *cleaner) plainRun(t string) {
	c.lastInvalid = false
	c.tagState = tagNone
	c.lastNonMark = rune(t[len(t)-1])
	c.marks = 0
	c.out.writeString(t)
	c.keep = c.out.len()
	c.lineText = true
}

// asciiSpace handles an ASCII space while the cleaner is resting.
func (c *cleaner) asciiSpace() {
	c.lastInvalid = false
	c.tagState = tagNone
	c.lastNonMark = ' '
	c.marks = 0
	if c.mode == modeBlock {
		c.blockRune(' ')
		return
	}
	c.lineRune(' ')
}

// rune2 applies A3 (controls and line separators), A5 (bidi controls), A6
// (invisible characters) and, for identity fields, A12 (private use).
func (c *cleaner) rune2(r rune) {
	if c.afterCR {
		c.afterCR = false
		if r == '\n' {
			return // CR LF: the CR already became the line break
		}
		c.flags.ControlsRemoved = true // a lone CR could overwrite the line (T9)
	}
	switch {
	case r == '\r':
		c.afterCR = true
		r = '\n'
	case r == '\n':
	case r == '\t':
		if c.mode != modeBlock {
			r = ' '
		}
	case r == 0x85 || r == 0x2028 || r == 0x2029: // NEL, LS, PS
		r = '\n'
	case r < 0x20 || (r >= del && r <= 0x9f):
		c.flags.ControlsRemoved = true
		return
	case r < utf8.RuneSelf:
	case isBidi(r) || isInvisible(r):
		c.flags.HiddenTextRemoved = true
		return
	case c.mode == modeIdentity && unicode.Is(unicode.Co, r):
		r = utf8.RuneError
	}
	if r == '\n' && c.mode != modeBlock {
		r = ' '
	}
	c.rune3(r)
}

// rune3 applies A7: tag characters are dropped unless they form a
// well-formed emoji tag sequence, U+1F3F4 then 2–6 tag digits or lowercase
// letters then U+E007F. The tags are held back until the cancel tag shows
// the sequence is complete.
func (c *cleaner) rune3(r rune) {
	if !isTag(r) {
		if c.tagState == tagCollect {
			c.dropTags()
		}
		c.tagState = tagNone
		if r == blackFlag {
			c.tagState = tagAfter
		}
		c.rune4(r)
		return
	}
	switch {
	case c.tagState == tagNone:
		c.flags.HiddenTextRemoved = true
	case r == cancelTag && c.tagN >= 2:
		for _, t := range c.tagBuf[:c.tagN] {
			c.rune4(t)
		}
		c.rune4(r)
		c.tagN = 0
		c.tagState = tagNone
	case isFlagTag(r) && c.tagN < len(c.tagBuf):
		c.tagBuf[c.tagN] = r
		c.tagN++
		c.tagState = tagCollect
	default:
		c.dropTags()
		c.flags.HiddenTextRemoved = true
		c.tagState = tagNone
	}
}

// dropTags discards the collected tags of an incomplete flag.
func (c *cleaner) dropTags() {
	if c.tagN > 0 {
		c.flags.HiddenTextRemoved = true
	}
	c.tagN = 0
}

// rune4 applies A8: a run of joiners (U+200D, U+200C) becomes its first
// joiner, kept only between two base characters (see isBase); marks after
// the left base ride along with it.
func (c *cleaner) rune4(r rune) {
	if r == zwj || r == zwnj {
		if c.joiner != 0 {
			c.flags.HiddenTextRemoved = true
			return
		}
		c.joiner = r
		c.joinerLeft = isBase(c.lastNonMark)
		return
	}
	mark := isMark(r)
	if c.joiner != 0 {
		if c.joinerLeft && !mark && isBase(r) {
			c.rune5(c.joiner, false)
		} else {
			c.flags.HiddenTextRemoved = true
		}
		c.joiner = 0
	}
	if !mark {
		c.lastNonMark = r
	}
	c.rune5(r, mark)
}

// rune5 applies A9: at most maxMarks combining marks in a row.
func (c *cleaner) rune5(r rune, mark bool) {
	if !mark {
		c.marks = 0
	} else if c.marks++; c.marks > maxMarks {
		return
	}
	if c.mode == modeBlock {
		c.blockRune(r)
		return
	}
	c.lineRune(r)
}

// lineRune writes r for a single-line field: leading white space is dropped,
// runs of ASCII spaces collapse to one, trailing white space is cut by
// finish (A3, A4).
func (c *cleaner) lineRune(r rune) {
	if isSpace(r) {
		if c.keep == 0 || (r == ' ' && c.out.lastByte() == ' ') {
			return
		}
		c.out.writeRune(r)
		return
	}
	c.out.writeRune(r)
	c.keep = c.out.len()
}

// blockRune writes r for a multi-line field: trailing white space of each
// line is cut, at most maxBlank blank lines are kept in a row, tabs expand
// to spaces up to the next tab stop (A3, A4).
func (c *cleaner) blockRune(r rune) {
	switch {
	case r == '\n':
		c.out.truncate(c.keep)
		if c.lineText {
			c.blank = 0
		} else if c.blank++; c.blank > maxBlank {
			c.newLine()
			return
		}
		c.out.writeByte('\n')
		c.newLine()
	case r == '\t':
		c.col += c.out.cols(c.colFrom)
		n := tabStop - c.col%tabStop
		for range n {
			c.out.writeByte(' ')
		}
		c.col += n
		c.colFrom = c.out.len()
	case isSpace(r):
		c.out.writeRune(r)
	default:
		c.out.writeRune(r)
		c.keep = c.out.len()
		c.lineText = true
	}
}

// newLine resets the per-line state of stage 6.
func (c *cleaner) newLine() {
	c.keep = c.out.len()
	c.lineText = false
	c.col = 0
	c.colFrom = c.keep
}
