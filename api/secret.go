package api

import (
	"fmt"
	"io"
	"log/slog"
)

// redacted is what every printing path shows instead of a secret.
const redacted = "[REDACTED]"

// Secret is a credential: a client secret, an access token or a refresh
// token. Every way Go has of printing or encoding a value (fmt verbs
// including %#v, JSON, text marshalling, slog) shows "[REDACTED]" instead
// of the content, so a Secret can sit in structs that end up in logs, panics
// or test output without leaking. Reveal is the one explicit way to read it.
type Secret string

// Reveal returns the secret itself. Call it only where the value must leave
// the process: the token request body and the Authorization header, or when
// the caller stores a freshly issued client secret.
func (s Secret) Reveal() string { return string(s) }

// String implements fmt.Stringer; it never shows the secret.
func (s Secret) String() string { return redacted }

// GoString implements fmt.GoStringer; it never shows the secret.
func (s Secret) GoString() string { return redacted }

// Format implements fmt.Formatter so that every verb (%s, %v, %q, %x, %d …)
// prints "[REDACTED]".
func (s Secret) Format(f fmt.State, _ rune) { _, _ = io.WriteString(f, redacted) }

// MarshalJSON implements json.Marshaler; it encodes "[REDACTED]".
func (s Secret) MarshalJSON() ([]byte, error) { return []byte(`"` + redacted + `"`), nil }

// MarshalText implements encoding.TextMarshaler; it encodes "[REDACTED]".
func (s Secret) MarshalText() ([]byte, error) { return []byte(redacted), nil }

// LogValue implements slog.LogValuer; it logs "[REDACTED]".
func (s Secret) LogValue() slog.Value { return slog.StringValue(redacted) }
