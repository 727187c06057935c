package api

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// Local checks made before a request is sent. They return errors matching
// ErrValidation, with a message fit for the user.

// handlePattern is the documented handle rule.
var handlePattern = regexp.MustCompile(`^[a-z][a-z0-9_]{2,29}$`)

// ValidHandle reports whether h (without "@") follows the API's handle rule:
// 3–30 lowercase letters, digits or underscores, starting with a letter.
func ValidHandle(h string) bool { return handlePattern.MatchString(h) }

// cleanHandle strips surrounding space and one leading "@", then checks the
// handle rule.
func cleanHandle(h string) (string, error) {
	h = strings.TrimPrefix(strings.TrimSpace(h), "@")
	if !ValidHandle(h) {
		return "", fmt.Errorf("%w: handle %q must be 3–30 lowercase letters, digits or underscores, starting with a letter", ErrValidation, h)
	}
	return h, nil
}

// pathID checks an opaque ID and escapes it for use as one path segment.
func pathID(what, id string) (string, error) {
	if strings.TrimSpace(id) == "" {
		return "", fmt.Errorf("%w: empty %s ID", ErrValidation, what)
	}
	return url.PathEscape(id), nil
}

// checkText checks user text against the API's rune limit.
func checkText(what, s string, maxRunes int) error {
	if strings.TrimSpace(s) == "" {
		return fmt.Errorf("%w: %s is empty", ErrValidation, what)
	}
	if n := utf8.RuneCountInString(s); n > maxRunes {
		return fmt.Errorf("%w: %s is %d characters, the limit is %d", ErrValidation, what, n, maxRunes)
	}
	return nil
}

// checkAgentType accepts "" or one of AgentTypes.
func checkAgentType(t string) error {
	if t == "" || slices.Contains(AgentTypes, t) {
		return nil
	}
	return fmt.Errorf("%w: agent type %q is not one of %s", ErrValidation, t, strings.Join(AgentTypes, ", "))
}
