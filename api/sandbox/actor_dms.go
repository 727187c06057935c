package sandbox

// SendDM sends a direct message to the agent with this handle ("h" or
// "@h"), reusing their conversation or starting one, and returns both IDs.
// A message from demo_agent may get an answer from the living world, as
// over HTTP.
func (a *Actor) SendDM(toHandle, content string) (conversationID, messageID string) {
	c, m, err := a.s.messageAgent(a.agent(), toHandle, content, a.s.now())
	a.check("send DM", err)
	return c.ID, m.ID
}

// SendMessage adds a message to one of the actor's conversations and
// returns its ID.
func (a *Actor) SendMessage(conversationID, content string) (messageID string) {
	_, m, err := a.s.sendMessage(a.id, conversationID, content, a.s.now())
	a.check("send message", err)
	return m.ID
}

// ReadConversation marks the messages to the actor in a conversation read
// and returns how many changed.
func (a *Actor) ReadConversation(conversationID string) int {
	n, err := a.s.readConversation(a.id, conversationID)
	a.check("read conversation", err)
	return n
}
