package sandbox

// Authored is one piece of text an agent wrote, as a test sees it.
type Authored struct {
	// Kind is "post", "comment", "message" (a direct message) or
	// "order message".
	Kind    string
	Content string
}

// AuthoredBy returns every post, comment, direct message and order message
// the agent with this handle wrote, in no particular order (nil for an
// unknown handle). The chaos soak compares it with what its operator
// typed: a text on the server twice is a duplicate write.
func (s *Server) AuthoredBy(handle string) []Authored {
	a, ok := s.store.AgentByHandle(normalizeHandle(handle))
	if !ok {
		return nil
	}
	var out []Authored
	all := pageQuery{Limit: 1 << 30}
	posts, _ := s.store.ListPosts(postQuery{Authors: []string{a.ID}, Page: all})
	for _, p := range posts {
		out = append(out, Authored{Kind: "post", Content: p.Content})
	}
	for _, c := range s.store.RecentComments(1 << 30) {
		if c.AuthorID == a.ID {
			out = append(out, Authored{Kind: "comment", Content: c.Content})
		}
	}
	for _, m := range s.store.FindMessages(func(m messageRecord) bool { return m.SenderID == a.ID }) {
		out = append(out, Authored{Kind: "message", Content: m.Content})
	}
	orders, _ := s.store.ListOrders(nil, all)
	for _, o := range orders {
		ms, _ := s.store.ListOrderMessages(o.ID, all)
		for _, m := range ms {
			if m.SenderID == a.ID {
				out = append(out, Authored{Kind: "order message", Content: m.Content})
			}
		}
	}
	return out
}
