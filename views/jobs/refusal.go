package jobs

import (
	"encoding/json"
	"errors"
	"unicode"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
)

// Why a start or a retry failed, in words that blame the right side: the
// server refusing (an HTTP error answer), the request never leaving the
// client (a value that cannot be encoded, a local check), or no answer
// (offline, timed out; views.Describe says which). A provider that is not
// connected or is turned off is the most common refusal: it is said in
// the pane's words with the key that fixes it, not in the server's (which
// points at a web page).

// codeNotConnected is the server's error code for a job whose provider
// has no connected, turned-on service.
const codeNotConnected = "service_not_connected"

// notConnected reports the server's refusal for want of a connected,
// turned-on provider.
func notConnected(err error) bool {
	var ae *api.Error
	return errors.As(err, &ae) && ae.Code == codeNotConnected
}

// refusedByServer reports an error the server answered with.
func refusedByServer(err error) bool {
	var ae *api.Error
	return errors.As(err, &ae)
}

// unsent is a failure before the request left the client. Its text is
// the sentence the status bar shows (views.Describe shows an error that
// is not the API's as it is); the cause stays wrapped for the log.
type unsent struct {
	text string
	err  error
}

func (e *unsent) Error() string { return e.text }
func (e *unsent) Unwrap() error { return e.err }

// localFailure is err as an *unsent when the request never left the
// client, else nil.
func localFailure(err error) error {
	var uv *json.UnsupportedValueError
	var ut *json.UnsupportedTypeError
	var me *json.MarshalerError
	var fe *api.FieldError
	switch {
	case errors.As(err, &uv):
		return &unsent{"a value in the form cannot be sent (" + uv.Error() + ")", err}
	case errors.As(err, &ut), errors.As(err, &me):
		return &unsent{"a value in the form cannot be sent", err}
	case errors.As(err, &fe):
		return &unsent{problemText(fe), err}
	}
	return nil
}

// notConnectedText says that provider is not usable and which key opens
// the AI providers to connect or turn it on.
func (m *Model) notConnectedText(provider string) string {
	name := "the provider"
	if provider != "" {
		name = views.ProviderName(provider)
	}
	return name + " is not connected or is turned off · " + m.keys.Jobs.Services.Help().Key + " opens the AI providers"
}

// failed shows why action ("couldn't retry the job") failed, under the
// header and in the status bar, blaming the right side; noun is what the
// server would have refused ("the retry"), provider the job's, after
// what the banner adds (the key that reopens the form).
func (m *Model) failed(action, noun, provider string, err error, after string) tea.Cmd {
	var banner string
	cmd := views.Failed(action, err)
	switch local := localFailure(err); {
	case notConnected(err):
		// The server's own words point at a web page: the pane names the
		// key instead.
		text := m.notConnectedText(provider)
		banner = sentence(action) + ": " + text
		cmd = views.Status(views.LevelError, action+": "+text)
	case local != nil:
		banner = sentence(noun) + " was not sent: " + local.Error()
		cmd = views.Failed(action, local)
	case refusedByServer(err):
		banner = "The server refused " + noun + ": " + views.Describe(err)
	default:
		banner = sentence(action) + ": " + views.Describe(err)
	}
	m.setBanner(views.LevelError, banner+after)
	return cmd
}

// sentence is s with its first letter in upper case.
func sentence(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
