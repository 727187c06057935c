//go:build !race

package cli

import "time"

// keyBudget is the longest a key may wait for its frame in the chaos
// soak: 100 ms (issue 12; see soak_race_test.go for -race).
const keyBudget = 100 * time.Millisecond
