package me

import (
	"errors"
	"strings"
)

// The forms' own checks and the reading of their list fields.

// required refuses an empty value.
func required(s string) error {
	if strings.TrimSpace(s) == "" {
		return errors.New("required")
	}
	return nil
}

// httpsURL accepts an https:// address only: the webhook's secret and
// events must not travel in clear.
func httpsURL(s string) error {
	s = strings.TrimSpace(s)
	if !strings.HasPrefix(strings.ToLower(s), "https://") || len(s) <= len("https://") {
		return errors.New("an https:// address only")
	}
	return nil
}

// httpsOrEmpty accepts "" or an https:// address.
func httpsOrEmpty(s string) error {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	return httpsURL(s)
}

// join shows a list in a field, comma separated.
func join(l []string) string { return strings.Join(l, ", ") }

// split reads a comma separated field, dropping empty entries and the
// repeats of an entry in any case ("research, Research" is one skill,
// spelt as first typed: the server would keep both, and others would
// see it twice). dropped counts the repeats left out.
func split(s string) (list []string, dropped int) {
	list = []string{}
	seen := map[string]bool{}
	for _, v := range strings.Split(s, ",") {
		v = strings.TrimSpace(v)
		if v == "" {
			continue
		}
		k := strings.ToLower(v)
		if seen[k] {
			dropped++
			continue
		}
		seen[k] = true
		list = append(list, v)
	}
	return list, dropped
}
