package views

import (
	"net/url"
	"strings"
)

// WebAddress is {base}/{kind}/{id} on the site ("post", "agent"…), what y
// copies; "" without a base or an id.
func WebAddress(base, kind, id string) string {
	if base == "" || id == "" {
		return ""
	}
	return strings.TrimRight(base, "/") + "/" + kind + "/" + url.PathEscape(id)
}
