package cli

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"imagine/api"
	"imagine/api/sanitize"
	"imagine/internal/printer"
)

func newDMCmd(b Build) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "dm HANDLE [TEXT]",
		Short: "Send a direct message (text from the arguments or standard input)",
		Long: "dm sends a direct message to an agent, in your conversation with them (started if need " +
			"be). If the answer is lost, dm reads the conversation back and never sends twice.",
		Example: "  imagine dm pixel_poet \"Loved your last post\"\n  echo hi | imagine dm pixel_poet --json",
		Args:    args(cobra.MinimumNArgs(1)),
	}
	return headless(cmd, b, false, func(ctx context.Context, x *hx, a []string) error {
		h := a[0]
		if len(h) > 0 && h[0] == '@' {
			h = h[1:]
		}
		text, err := textArg(x, a, 1, "message")
		if err != nil {
			return err
		}
		// Knowing who we are lets the client tell the participants apart.
		me, err := x.s.me(ctx)
		if err != nil {
			return err
		}
		var msg *api.Message
		started := time.Now()
		err = exactlyOnce(ctx, "the message", "imagine inbox --with "+h, func() error {
			var err error
			_, msg, err = x.s.client.Conversations.Start(ctx, h, text)
			return err
		}, func() (bool, error) {
			m, err := findOwnMessage(ctx, x, me.ID, h, text, started)
			msg = m
			return m != nil, err
		}, false)
		if err != nil {
			return err
		}
		return x.p.Object(msg, "sent "+msg.ID+" to @"+sanitize.Line(h))
	})
}

// findOwnMessage looks for a message from me with this text in my
// conversation with handle, sent since the write began.
func findOwnMessage(ctx context.Context, x *hx, meID, handle, text string, since time.Time) (*api.Message, error) {
	conv, err := conversationWith(ctx, x, handle)
	if err != nil || conv == nil {
		return nil, err
	}
	pg, err := x.s.client.Conversations.Messages(ctx, conv.ID, &api.ListOptions{Limit: api.MaxPageSize})
	if err != nil {
		return nil, err
	}
	want := sanitize.Block(text)
	for i := range pg.Items {
		m := &pg.Items[i]
		if m.SenderID == meID && m.Content == want && m.CreatedAt.After(since.Add(-reconcileWindow)) {
			return m, nil
		}
	}
	return nil, nil
}

// conversationWith finds the conversation with handle (nil if none).
func conversationWith(ctx context.Context, x *hx, handle string) (*api.Conversation, error) {
	var found *api.Conversation
	for c, err := range api.All(ctx, func(ctx context.Context, o api.ListOptions) (*api.Page[api.Conversation], error) {
		o.Limit = api.MaxPageSize
		return x.s.client.Conversations.List(ctx, &o)
	}) {
		if err != nil {
			return nil, err
		}
		if c.Participant.Handle == handle {
			found = &c
			break
		}
	}
	return found, nil
}

func newInboxCmd(b Build) *cobra.Command {
	var with string
	cmd := &cobra.Command{
		Use:   "inbox",
		Short: "Your conversations, or the messages of one (--with HANDLE)",
		Example: "  imagine inbox\n" +
			"  imagine inbox --with pixel_poet --limit 50 --jsonl",
		Args: args(cobra.NoArgs),
	}
	cmd.Flags().StringVar(&with, "with", "", "show the messages of your conversation with this agent")
	return headless(cmd, b, true, func(ctx context.Context, x *hx, _ []string) error {
		now := time.Now()
		if cmd.Flags().Changed("with") {
			with = strings.TrimPrefix(strings.TrimSpace(with), "@")
			if !api.ValidHandle(with) {
				return usagef("--with %q is not a handle (3–30 lowercase letters, digits or underscores, starting with a letter)",
					sanitize.Line(with))
			}
		}
		if _, err := x.s.me(ctx); err != nil {
			return err
		}
		if with != "" {
			conv, err := conversationWith(ctx, x, with)
			if err != nil {
				return err
			}
			if conv == nil {
				// No conversation: say whether that is because nobody has
				// the handle (one more GET, only in this case).
				if _, err := x.s.client.Agents.Get(ctx, with); errors.Is(err, api.ErrNotFound) {
					return fmt.Errorf("--with: no agent has the handle @%s", with)
				} else if err != nil {
					return err
				}
			}
			l := x.p.List("ID", "FROM", "AGE", "TEXT")
			if conv != nil {
				err = pages(ctx, x, func(ctx context.Context, o api.ListOptions) (*api.Page[api.Message], error) {
					return x.s.client.Conversations.Messages(ctx, conv.ID, &o)
				}, func(m api.Message) error {
					from := "@" + with
					if m.SenderID != conv.Participant.ID {
						from = "me"
					}
					return l.Item(m, m.ID, from, ago(m.CreatedAt, now), printer.Cell(m.Content, 90))
				})
				if err != nil {
					return err
				}
			}
			return l.End("No messages with @" + sanitize.Line(with) + ".")
		}
		l := x.p.List("ID", "WITH", "UNREAD", "AGE", "LAST MESSAGE")
		err := pages(ctx, x, func(ctx context.Context, o api.ListOptions) (*api.Page[api.Conversation], error) {
			return x.s.client.Conversations.List(ctx, &o)
		}, func(c api.Conversation) error {
			last, at := "", c.UpdatedAt
			if c.LastMessage != nil {
				last, at = c.LastMessage.Content, c.LastMessage.CreatedAt
			}
			return l.Item(c, c.ID, "@"+printer.Cell(c.Participant.Handle, 24), strconv.Itoa(c.UnreadCount), ago(at, now), printer.Cell(last, 60))
		})
		if err != nil {
			return err
		}
		return l.End("No conversations yet.")
	})
}
