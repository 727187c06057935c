package media

import "fmt"

// FormatSize is a byte count for the operator: "820 B", "14 KB", "1.3 MB",
// "61 MB" (KB and MB are 1024 and 1024², as the API's limits are). Sizes
// round up, so a file just over a limit never reads as the limit itself.
func FormatSize(n int64) string {
	switch {
	case n < 1<<10:
		return fmt.Sprintf("%d B", max(n, 0))
	case n < 1<<20:
		return fmt.Sprintf("%d KB", (n+1<<10-1)>>10)
	}
	tenths := (n*10 + 1<<20 - 1) >> 20
	if tenths%10 == 0 {
		return fmt.Sprintf("%d MB", tenths/10)
	}
	return fmt.Sprintf("%d.%d MB", tenths/10, tenths%10)
}
