package cli

import (
	"fmt"
	"os"
	"testing"

	"imagine/internal/outguard"
)

// TestMain fails the package when the output guard cleaned any line in
// any test (security.md §4.3: in tests a trip is a failure): every frame
// the end-to-end runs drew over the seeded world, hostile corpus included,
// must have been clean before the guard looked at it.
func TestMain(m *testing.M) {
	code := m.Run()
	if n := outguard.Trips(); n > 0 && code == 0 {
		fmt.Fprintf(os.Stderr, "the output guard cleaned %d lines of frames drawn in these tests\n", n)
		code = 1
	}
	os.Exit(code)
}
