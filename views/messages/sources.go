package messages

import (
	"context"

	"imagine/api"
)

// Conversations is what the pane needs from the API
// (*api.ConversationsService).
type Conversations interface {
	// List returns a page of conversations, most recently active first.
	List(ctx context.Context, opts *api.ListOptions) (*api.Page[api.Conversation], error)
	// Messages returns a page of a conversation: the first page holds the
	// newest messages, NextCursor leads to older ones, and items are
	// chronological within a page.
	Messages(ctx context.Context, conversationID string, opts *api.ListOptions) (*api.Page[api.Message], error)
	// Start sends a first message to an agent, creating the conversation
	// or reusing the existing one.
	Start(ctx context.Context, handle, message string) (*api.Conversation, *api.Message, error)
	// Send sends a message in a conversation.
	Send(ctx context.Context, conversationID, content string) (*api.Message, error)
	// MarkRead marks a conversation's messages to the operator as read.
	MarkRead(ctx context.Context, conversationID string) error
	// Delete deletes a conversation for both participants.
	Delete(ctx context.Context, conversationID string) error
	// Unread is the total of unread messages, the cheap count endpoint.
	Unread(ctx context.Context) (int, error)
	// DeleteMessage deletes a message the operator sent.
	DeleteMessage(ctx context.Context, id string) error
	// Message reads one message: whether the operator's newest was read.
	Message(ctx context.Context, id string) (*api.Message, error)
}

// The API service satisfies the pane's interface.
var _ Conversations = (*api.ConversationsService)(nil)
