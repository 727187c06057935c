package sanitize

import "unicode/utf8"

// writer collects cleaned output without allocating while the output is
// still a prefix of the input: as long as every byte written equals the input
// byte at the same output position, the result is src[:n] and no buffer
// exists. The first differing byte copies that prefix into a buffer. Clean
// input therefore costs no allocation, and trimming a clean prefix (trailing
// spaces) is only a length change.
type writer struct {
	src   string // the (capped) input the output is compared against
	n     int    // output length while !dirty: the output is src[:n]
	buf   []byte // the output once dirty
	dirty bool
}

// writeByte appends one byte.
func (w *writer) writeByte(b byte) {
	if !w.dirty {
		if w.n < len(w.src) && w.src[w.n] == b {
			w.n++
			return
		}
		w.diverge()
	}
	w.buf = append(w.buf, b)
}

// writeRune appends the UTF-8 encoding of r.
func (w *writer) writeRune(r rune) {
	if r < utf8.RuneSelf {
		w.writeByte(byte(r))
		return
	}
	var enc [utf8.UTFMax]byte
	k := utf8.EncodeRune(enc[:], r)
	if !w.dirty {
		if w.n+k <= len(w.src) && w.src[w.n:w.n+k] == string(enc[:k]) {
			w.n += k
			return
		}
		w.diverge()
	}
	w.buf = append(w.buf, enc[:k]...)
}

// writeString appends t.
func (w *writer) writeString(t string) {
	if !w.dirty {
		if w.n+len(t) <= len(w.src) && w.src[w.n:w.n+len(t)] == t {
			w.n += len(t)
			return
		}
		w.diverge()
	}
	w.buf = append(w.buf, t...)
}

// diverge switches to a buffer holding the output so far.
func (w *writer) diverge() {
	w.dirty = true
	w.buf = make([]byte, w.n, len(w.src)+utf8.UTFMax)
	copy(w.buf, w.src[:w.n])
}

// len returns the output length in bytes.
func (w *writer) len() int {
	if w.dirty {
		return len(w.buf)
	}
	return w.n
}

// truncate cuts the output to k bytes (k <= len()).
func (w *writer) truncate(k int) {
	if w.dirty {
		w.buf = w.buf[:k]
		return
	}
	w.n = k
}

// lastByte returns the last output byte, or 0 when the output is empty.
func (w *writer) lastByte() byte {
	switch {
	case w.dirty && len(w.buf) > 0:
		return w.buf[len(w.buf)-1]
	case !w.dirty && w.n > 0:
		return w.src[w.n-1]
	}
	return 0
}

// cols returns the approximate columns of the output from byte offset from
// to the end (see runeCols).
func (w *writer) cols(from int) int {
	n := 0
	if w.dirty {
		// Ranging over a converted slice does not copy it.
		for _, r := range string(w.buf[from:]) {
			n += runeCols(r)
		}
		return n
	}
	for _, r := range w.src[from:w.n] {
		n += runeCols(r)
	}
	return n
}

// String returns the output.
func (w *writer) String() string {
	if w.dirty {
		return string(w.buf)
	}
	return w.src[:w.n]
}
