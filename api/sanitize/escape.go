package sanitize

import "unicode/utf8"

// This file is stage 1 of the cleaner: rule A2 (escape-sequence removal) and
// rule A1 (invalid UTF-8). It follows the DEC/VT500 parser as implemented by
// the transition table of github.com/charmbracelet/x/ansi (which is what
// ansi.Strip uses), restated here because this package may only import the
// standard library. Bytes that a terminal would treat as part of a control
// sequence are dropped; everything a terminal would print or execute is
// handed on to the rune stages, where A3 drops the executed C0 controls.
//
// Deliberate differences from ansi.Strip, all of which remove at least as
// much sequence text and never keep an escape byte:
//   - Valid multi-byte UTF-8 is decoded first, so a continuation byte such as
//     0x9B or 0x9C inside a character is never read as a raw C1 introducer or
//     terminator, and an invalid lead byte cannot swallow a following ESC.
//     Inside string sequences (OSC, DCS, SOS, PM, APC) characters are part of
//     the payload and are removed with it.
//   - SOS/PM/APC payloads are consumed like OSC/DCS payloads up to ST (ESC \ or
//     raw 0x9C), instead of being aborted by the first non-ASCII byte.
//   - A CSI with a parameter byte after an intermediate byte is ignored up to
//     its final byte (the DEC CSI-ignore state) instead of returning to the
//     ground state early.
//
// A1: a byte that is not part of valid UTF-8 and not a sequence introducer
// becomes U+FFFD when ansi.Strip would have kept it (raw C1 controls that the
// parser executes, and broken lead bytes C2–F4); stray continuation bytes
// A0–BF and the never-valid bytes C0, C1, F5–FF are dropped, as ansi.Strip
// does. A run of such bytes with nothing kept in between gives one U+FFFD.

// pstate is a parser state.
type pstate uint8

// Parser states. The order matters: states from sOSC on are string states.
const (
	sGround    pstate = iota
	sEsc              // after ESC
	sEscInt           // ESC followed by intermediate bytes 0x20–0x2F
	sCSI              // CSI entry or parameters
	sCSIInt           // CSI intermediate bytes
	sCSIIgnore        // malformed CSI, consumed up to its final byte
	sDCSEntry         // after ESC P or 0x90
	sDCSParam         // DCS parameters
	sDCSInt           // DCS intermediate bytes
	sOSC              // OSC payload, ends at BEL or ST
	sString           // DCS, SOS, PM or APC payload, ends at ST
)

// scan runs stage 1 over s and hands every kept rune to stage 2.
func (c *cleaner) scan(s string) {
	st := sGround
	for i := 0; i < len(s); {
		b := s[i]
		switch {
		case b >= utf8.RuneSelf && st >= sOSC:
			st, i = stringHigh(s, i, st)
		case b >= utf8.RuneSelf:
			st, i = c.high(s, i)
		case st == sGround:
			i++
			switch {
			case b == esc:
				st = c.enter(sEsc)
			case b == ' ' && c.resting():
				c.asciiSpace()
			case b > ' ' && b < del && c.resting():
				// No stage holds look-ahead, so every stage would just pass
				// a run of printable ASCII on: copy it in bulk.
				j := i
				for j < len(s) && s[j] > ' ' && s[j] < del {
					j++
				}
				c.plainRun(s[i-1 : j])
				i = j
			default:
				c.emit(rune(b))
			}
		case st >= sOSC:
			i++
			st = stringByte(st, b)
		default:
			i++
			st = c.seqByte(st, b)
		}
	}
}

// enter starts a sequence and records that controls were removed.
func (c *cleaner) enter(st pstate) pstate {
	c.flags.ControlsRemoved = true
	return st
}

// emit hands a kept rune to stage 2.
func (c *cleaner) emit(r rune) {
	c.lastInvalid = false
	c.rune2(r)
}

// emitInvalid hands on U+FFFD for an invalid byte, once per run (A1).
func (c *cleaner) emitInvalid() {
	if !c.lastInvalid {
		c.lastInvalid = true
		c.rune2(utf8.RuneError)
	}
}

// high handles a byte >= 0x80 at s[i] outside string payloads (the DEC
// "anywhere" transitions): a valid character is printed and ends any
// sequence in progress, a raw C1 introducer starts a sequence, and other
// bytes are invalid UTF-8.
func (c *cleaner) high(s string, i int) (pstate, int) {
	r, n := utf8.DecodeRuneInString(s[i:])
	if n > 1 {
		c.emit(r)
		return sGround, i + n
	}
	b := s[i]
	switch b {
	case 0x90:
		return c.enter(sDCSEntry), i + 1
	case 0x98, 0x9e, 0x9f: // SOS, PM, APC
		return c.enter(sString), i + 1
	case 0x9b:
		return c.enter(sCSI), i + 1
	case 0x9d:
		return c.enter(sOSC), i + 1
	}
	if b <= 0x9f || (b >= 0xc2 && b <= 0xf4) {
		c.emitInvalid()
	}
	return sGround, i + 1
}

// stringHigh handles a byte >= 0x80 at s[i] inside a string payload: a valid
// character is payload, a raw 0x9C is ST, any other byte is payload.
func stringHigh(s string, i int, st pstate) (pstate, int) {
	if _, n := utf8.DecodeRuneInString(s[i:]); n > 1 {
		return st, i + n
	}
	if s[i] == 0x9c {
		return sGround, i + 1
	}
	return st, i + 1
}

// stringByte handles an ASCII byte inside a string payload. ESC ends the
// payload and starts a new sequence (ESC \ is ST), CAN and SUB abort it, BEL
// ends an OSC.
func stringByte(st pstate, b byte) pstate {
	switch {
	case b == esc:
		return sEsc
	case b == can || b == sub:
		return sGround
	case b == bel && st == sOSC:
		return sGround
	}
	return st
}

// seqByte handles an ASCII byte in the escape, CSI and DCS header states.
func (c *cleaner) seqByte(st pstate, b byte) pstate {
	dcs := st >= sDCSEntry
	switch {
	case b == esc:
		if st == sDCSEntry {
			// x/ansi lets ESC right after the DCS introducer into the
			// payload (tmux/screen passthrough).
			return sString
		}
		return sEsc
	case b == can || b == sub:
		// Abort. The control itself is executed, then dropped by A3.
		c.emit(rune(b))
		return sGround
	case b < 0x20:
		if !dcs {
			// C0 controls inside ESC and CSI sequences are executed.
			c.emit(rune(b))
			return st
		}
		if st == sDCSEntry && b >= 0x08 && b <= 0x0d {
			return sString
		}
		return st
	case b == del:
		return st
	}
	switch st {
	case sEsc:
		switch {
		case b <= 0x2f:
			return sEscInt
		case b == '[':
			return sCSI
		case b == ']':
			return sOSC
		case b == 'P':
			return sDCSEntry
		case b == 'X', b == '^', b == '_':
			return sString
		}
	case sEscInt:
		if b <= 0x2f {
			return sEscInt
		}
	case sCSI:
		if b <= 0x2f {
			return sCSIInt
		}
		if b <= 0x3f {
			return sCSI
		}
	case sCSIInt:
		if b <= 0x2f {
			return sCSIInt
		}
		if b <= 0x3f {
			return sCSIIgnore
		}
	case sCSIIgnore:
		if b <= 0x3f {
			return sCSIIgnore
		}
	case sDCSEntry, sDCSParam:
		if b <= 0x2f {
			return sDCSInt
		}
		if b <= 0x3f {
			return sDCSParam
		}
		return sString
	case sDCSInt:
		if b <= 0x2f {
			return sDCSInt
		}
		return sString
	}
	// A final byte (or any other byte that completes an ESC sequence).
	return sGround
}
