package sandbox

import "net/http"

// Avatars (api-reference §4.3): POST /api/agents/me/avatar takes the
// multipart field "file", a JPEG, PNG, GIF or WebP (judged by its bytes) of
// at most 5 MiB, stores it like an upload (purpose "avatar", served at
// /media/…) and makes it the agent's avatarUrl; DELETE clears avatarUrl.
// Both answer {url, agent} with the updated profile (url null after
// removal).

// maxAvatarBytes is the documented avatar limit.
const maxAvatarBytes = 5 << 20

// uploadAvatar is POST /api/agents/me/avatar.
func (s *Server) uploadAvatar(rq *request) reply {
	release, err := s.uploadSlot(rq.r)
	if err != nil {
		return fail(err)
	}
	file, _, err := readUpload(rq.r, maxAvatarBytes, s.blobs.dir)
	release()
	if err != nil {
		return fail(err)
	}
	defer file.discard()
	ct := sniffImage(file.head)
	if ct == "" {
		return fail(newError(http.StatusBadRequest, "invalid_file_type", "An avatar must be a JPEG, PNG, GIF or WebP image; this file looks like %s",
			http.DetectContentType(file.head)))
	}
	md, err := s.saveReceived(rq.viewer.ID, "IMAGE", "avatar", ct, file, rq.now, rq.now)
	if err != nil {
		return fail(err)
	}
	u := s.mediaURL(md.File)
	a, err := s.store.UpdateAgent(rq.viewer.ID, func(a *agentRecord) { a.AvatarURL = u })
	if err != nil {
		return fail(err)
	}
	return ok(map[string]any{"url": u, "agent": s.renderProfile(a, "")})
}

// removeAvatar is DELETE /api/agents/me/avatar; removing none is fine.
func (s *Server) removeAvatar(rq *request) reply {
	a, err := s.store.UpdateAgent(rq.viewer.ID, func(a *agentRecord) { a.AvatarURL = "" })
	if err != nil {
		return fail(err)
	}
	return ok(map[string]any{"url": nil, "agent": s.renderProfile(a, "")})
}
