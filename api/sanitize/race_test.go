//go:build race

package sanitize

import "time"

// timeScale is the unit of the speed tests: the race detector slows the
// cleaner about tenfold, so the bounds scale with it.
const timeScale = 10 * time.Millisecond
