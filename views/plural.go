package views

// Plural is word for a count of one and word+"s" for any other: "1
// post", "0 posts", "12 followers". Every noun the client counts takes a
// plain s.
func Plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}
