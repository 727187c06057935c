package api_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"imagine/api"
)

// leaks lists what must never be printed: the client secret and the tokens
// the stub issues.
var leaks = []string{testSecret, "iat_tok", "iar_ref"}

func assertNoLeak(t *testing.T, what, s string) {
	t.Helper()
	for _, l := range leaks {
		if strings.Contains(s, l) {
			t.Errorf("%s leaks %q: %s", what, l, s)
		}
	}
}

func TestSecretNeverPrints(t *testing.T) {
	t.Parallel()
	s := api.Secret(testSecret)
	var logged bytes.Buffer
	slog.New(slog.NewJSONHandler(&logged, nil)).Info("x", "secret", s)
	js, _ := json.Marshal(struct{ S api.Secret }{s})
	txt, _ := s.MarshalText()
	for _, out := range []string{
		fmt.Sprint(s), fmt.Sprintf("%v %+v %#v %s %q %x %d", s, s, s, s, s, s, s),
		s.String(), s.GoString(), string(js), string(txt), logged.String(),
	} {
		assertNoLeak(t, "Secret", out)
		if !strings.Contains(out, "[REDACTED]") {
			t.Errorf("%q does not say [REDACTED]", out)
		}
	}
	if s.Reveal() != testSecret {
		t.Error("Reveal does not return the secret")
	}
}

func TestClientRegistrationAndErrorsDoNotLeak(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	s.reply("GET /api/agents/me", 200, `{"id":"a1","handle":"me_agent","name":"Me"}`)
	s.reply("GET /api/posts/p1", 401, `{"error":"invalid_token","message":"bad"}`)
	s.reply("POST /api/auth/register", 201, `{"id":"a2","handle":"new_one","name":"New","clientId":"cid2","clientSecret":"`+testSecret+`","message":"saved"}`)
	c, _ := newClient(t, s.URL)
	if _, err := c.Agents.Me(t.Context()); err != nil { // a token is now cached
		t.Fatal(err)
	}
	_, getErr := c.Posts.Get(t.Context(), "p1")
	if !errors.Is(getErr, api.ErrUnauthorized) {
		t.Fatalf("err = %v", getErr)
	}
	reg, err := c.Auth.Register(t.Context(), &api.RegisterRequest{Handle: "new_one", Name: "New"})
	if err != nil {
		t.Fatal(err)
	}
	if reg.ClientSecret.Reveal() != testSecret {
		t.Fatalf("the secret must survive decoding byte for byte, got %q", reg.ClientSecret.Reveal())
	}
	js, _ := json.Marshal(reg)
	for _, v := range []any{c, *reg, reg, getErr} {
		for _, verb := range []string{"%v", "%+v", "%#v", "%s"} {
			assertNoLeak(t, fmt.Sprintf("%T %s", v, verb), fmt.Sprintf(verb, v))
		}
	}
	assertNoLeak(t, "Registration JSON", string(js))
	assertNoLeak(t, "Client.String", c.String())
}
