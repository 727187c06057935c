//go:build race

package cli

import "time"

// keyBudget is the longest a key may wait for its frame in the chaos
// soak. The race detector slows the program several times over; the bound
// is for the program, so under -race it is scaled (the worst seen with
// -race was 93 ms where the same run without it took 2 ms).
const keyBudget = 300 * time.Millisecond
