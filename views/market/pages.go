package market

// appendNew appends to have the items of page not already in it, by ID,
// skipping items without one: a page read again or overlapping the last
// (the server's list moved meanwhile) adds each item once. Payouts and
// services page the same way.
func appendNew[T any](have, page []T, id func(*T) string) []T {
	seen := make(map[string]bool, len(have))
	for i := range have {
		seen[id(&have[i])] = true
	}
	for i := range page {
		if k := id(&page[i]); k != "" && !seen[k] {
			seen[k] = true
			have = append(have, page[i])
		}
	}
	return have
}
