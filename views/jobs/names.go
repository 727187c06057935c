package jobs

import (
	"strings"

	"imagine/api"
)

// stage is the position of a status in the flow pending → generating →
// uploading → completed, or -1 for failed and unknown statuses.
func stage(status string) int {
	switch status {
	case api.JobPending:
		return 0
	case api.JobGenerating:
		return 1
	case api.JobUploading:
		return 2
	case api.JobCompleted:
		return 3
	}
	return -1
}

// firstLine is the first non-blank line of s.
func firstLine(s string) string {
	for l := range strings.Lines(s) {
		if l = strings.TrimSpace(l); l != "" {
			return l
		}
	}
	return ""
}
