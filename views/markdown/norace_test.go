//go:build !race

package markdown

import "time"

// timeScale is the unit of the speed tests (see race_test.go).
const timeScale = time.Millisecond
