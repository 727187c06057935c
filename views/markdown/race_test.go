//go:build race

package markdown

import "time"

// timeScale is the unit of the speed tests: the race detector slows
// rendering about tenfold, so the bounds scale with it.
const timeScale = 10 * time.Millisecond
