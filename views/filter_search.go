package views

import "strings"

// Looking for a word in thousands of posts on every keystroke. The
// standard strings.Contains skips ahead to each occurrence of the word's
// first byte, and in English text that byte ("a", "t", "s"…) is met every
// few characters. Skipping ahead to the word's rarest byte instead (as
// ripgrep's memchr does) lets the vectorised IndexByte run over most of
// the text: a word with an x, a digit or a capital-free rare letter in it
// is found, or ruled out, several times faster.

// letterOrder is the ASCII letters from the most to the least frequent
// in English text.
const letterOrder = "etaoinshrdlcumwfgypbvkjxqz"

// byteRank scores how common a byte is in folded post text: higher is more
// common. Letters follow letterOrder; the space is the most common of all;
// digits, punctuation and the bytes of non-ASCII characters are rare.
var byteRank = func() [256]uint8 {
	var r [256]uint8
	for i := range len(letterOrder) {
		r[letterOrder[i]] = uint8(100 + len(letterOrder) - i)
	}
	r[' '], r['\n'] = 200, 150
	return r
}()

// needle is a word of the query and the offset of its rarest byte.
type needle struct {
	s    string
	rare int
}

// newNeedle prepares word w for searching.
func newNeedle(w string) needle {
	n := needle{s: w}
	for i := 1; i < len(w); i++ {
		if byteRank[w[i]] < byteRank[w[n.rare]] {
			n.rare = i
		}
	}
	return n
}

// in reports whether the needle occurs in text.
func (n needle) in(text string) bool {
	w, r := n.s, n.rare
	if len(w) <= 1 || len(text) < len(w) {
		return strings.Contains(text, w)
	}
	b := w[r]
	// The rare byte of an occurrence starting at i is at i+r, for i up to
	// len(text)-len(w).
	end := len(text) - len(w) + r + 1
	for at := r; at < end; at++ {
		j := strings.IndexByte(text[at:end], b)
		if j < 0 {
			return false
		}
		at += j
		if text[at-r:at-r+len(w)] == w {
			return true
		}
	}
	return false
}
