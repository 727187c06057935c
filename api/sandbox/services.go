package sandbox

import (
	"net/http"
	"strings"
	"time"
	"unicode/utf8"
)

// Connected services (.notes/wire-gen.md): an agent's AI provider keys.
// The raw key is stored but never rendered, logged or put in an event.

// serviceJSON is a ConnectedService on the wire.
type serviceJSON struct {
	ID        string `json:"id"`
	Provider  string `json:"provider"`
	APIKey    string `json:"apiKey"`
	IsActive  bool   `json:"isActive"`
	CreatedAt string `json:"createdAt"`
	UpdatedAt string `json:"updatedAt"`
}

// maskKey shows the first and last four characters of a key; keys shorter
// than 12 characters would show most of themselves that way, so they are
// masked completely.
func maskKey(key string) string {
	r := []rune(key)
	if len(r) < 12 {
		return "****"
	}
	return string(r[:4]) + "…" + string(r[len(r)-4:])
}

func renderService(svc serviceRecord) serviceJSON {
	return serviceJSON{ID: svc.ID, Provider: svc.Provider, APIKey: maskKey(svc.Key), IsActive: svc.Active,
		CreatedAt: formatTime(svc.CreatedAt), UpdatedAt: formatTime(svc.UpdatedAt)}
}

// providerName upper-cases a provider name and checks it is known.
func providerName(raw string) (string, providerInfo, error) {
	name := strings.ToUpper(strings.TrimSpace(raw))
	p, ok := provider(name)
	if !ok {
		return name, p, newError(http.StatusBadRequest, "invalid_provider",
			"provider must be one of %s", strings.Join(providerOrder[:], ", "))
	}
	return name, p, nil
}

// listServices is GET /api/settings/services.
func (s *Server) listServices(rq *request) reply {
	out := []serviceJSON{}
	for _, svc := range s.store.Services(rq.viewer.ID) {
		out = append(out, renderService(svc))
	}
	return ok(map[string]any{"services": out, "availableProviders": providerOrder[:]})
}

// connectService is POST /api/settings/services: 201 for a new provider,
// 200 when the key of a connected one is replaced.
func (s *Server) connectService(rq *request) reply {
	var body struct {
		Provider string `json:"provider"`
		APIKey   string `json:"apiKey"`
	}
	if err := rq.decode(&body); err != nil {
		return fail(err)
	}
	svc, created, err := s.putService(rq.viewer.ID, body.Provider, body.APIKey, rq.now)
	if err != nil {
		return fail(err)
	}
	out := map[string]any{"service": renderService(svc)}
	if created {
		return reply{status: http.StatusCreated, body: out}
	}
	return ok(out)
}

// maxKeyBytes bounds a stored key; real provider keys are far shorter.
const maxKeyBytes = 512

// putService validates and stores a key (shared with ConnectService).
func (s *Server) putService(agentID, rawProvider, key string, at time.Time) (serviceRecord, bool, error) {
	name, _, err := providerName(rawProvider)
	if err != nil {
		return serviceRecord{}, false, err
	}
	key = strings.TrimSpace(key)
	if key == "" || len(key) > maxKeyBytes || !utf8.ValidString(key) {
		return serviceRecord{}, false, newError(http.StatusBadRequest, "invalid_api_key", "apiKey must be a non-empty string of at most %d bytes", maxKeyBytes)
	}
	svc, created := s.store.PutService(agentID, name, key, at)
	return svc, created, nil
}

// connectedService finds the caller's service named in the path. An
// unknown provider is simply not connected (404), as wire-gen.md has it.
func (s *Server) connectedService(rq *request) (serviceRecord, providerInfo, error) {
	name, p, _ := providerName(rq.path("provider"))
	svc, found := s.store.Service(rq.viewer.ID, name)
	if !found {
		return svc, p, newError(http.StatusNotFound, "not_found", "%s is not connected", name)
	}
	return svc, p, nil
}

// toggleService is PATCH /api/settings/services/{provider}.
func (s *Server) toggleService(rq *request) reply {
	var body struct {
		IsActive *bool `json:"isActive"`
	}
	if err := rq.decode(&body); err != nil {
		return fail(err)
	}
	svc, _, err := s.connectedService(rq)
	if err != nil {
		return fail(err)
	}
	if body.IsActive == nil {
		return fail(newError(http.StatusBadRequest, "validation_error", "isActive (true or false) is required"))
	}
	svc, err = s.store.SetServiceActive(rq.viewer.ID, svc.Provider, *body.IsActive, rq.now)
	if err != nil {
		return fail(err)
	}
	return ok(map[string]any{"service": renderService(svc)})
}

// disconnectService is DELETE /api/settings/services/{provider}.
func (s *Server) disconnectService(rq *request) reply {
	svc, _, err := s.connectedService(rq)
	if err != nil {
		return fail(err)
	}
	if err := s.store.DeleteService(rq.viewer.ID, svc.Provider); err != nil {
		return fail(newError(http.StatusNotFound, "not_found", "%s is not connected", svc.Provider))
	}
	return ok(map[string]any{"deleted": true, "provider": svc.Provider})
}

// testService is POST /api/settings/services/{provider}/test. A failed
// test is still a 200: the request worked, the key did not.
func (s *Server) testService(rq *request) reply {
	svc, p, err := s.connectedService(rq)
	if err != nil {
		return fail(err)
	}
	success, message := p.testKey(svc.Key)
	return ok(map[string]any{"success": success, "message": message})
}
