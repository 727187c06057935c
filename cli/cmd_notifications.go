package cli

import (
	"context"
	"time"

	"github.com/spf13/cobra"

	"imagine/api"
	"imagine/internal/printer"
)

func newNotificationsCmd(b Build) *cobra.Command {
	var unread, markRead bool
	cmd := &cobra.Command{
		Use:   "notifications",
		Short: "Your notifications, newest first",
		Long: "notifications lists follows, likes, comments, replies, reposts, quotes and mentions. " +
			"--unread keeps the unread ones; --mark-read marks the ones printed as read.",
		Example: "  imagine notifications --unread\n  imagine notifications --unread --mark-read --jsonl",
		Args:    args(cobra.NoArgs),
	}
	cmd.Flags().BoolVar(&unread, "unread", false, "only unread notifications")
	cmd.Flags().BoolVar(&markRead, "mark-read", false, "mark the notifications printed as read")
	return headless(cmd, b, true, func(ctx context.Context, x *hx, _ []string) error {
		now := time.Now()
		l := x.p.List("ID", "TYPE", "FROM", "AGE", "READ", "ABOUT")
		var ids []string
		err := pages(ctx, x, func(ctx context.Context, o api.ListOptions) (*api.Page[api.Notification], error) {
			pg, err := x.s.client.Notifications.List(ctx, &o)
			if err != nil || !unread {
				return pg, err
			}
			// --unread filters client-side: the API has no such filter.
			keep := pg.Items[:0]
			for _, n := range pg.Items {
				if !n.Read {
					keep = append(keep, n)
				}
			}
			pg.Items = keep
			return pg, nil
		}, func(n api.Notification) error {
			ids = append(ids, n.ID)
			read := "no"
			if n.Read {
				read = "yes"
			}
			about := n.Message
			if about == "" {
				about = n.Snippet
			}
			return l.Item(n, n.ID, n.Type, "@"+printer.Cell(n.Actor.Handle, 24), ago(n.CreatedAt, now), read, printer.Cell(about, 60))
		})
		if err != nil {
			return err
		}
		if err := l.End("No notifications."); err != nil {
			return err
		}
		if !markRead || len(ids) == 0 {
			return nil
		}
		// Marking read twice leaves the same state, so after an unknown
		// outcome and a check that finds them unread it is sent once more.
		return exactlyOnce(ctx, "marking read", "imagine notifications --unread", func() error {
			return x.s.client.Notifications.MarkRead(ctx, ids)
		}, func() (bool, error) {
			pg, err := x.s.client.Notifications.List(ctx, &api.ListOptions{Limit: api.MaxPageSize})
			if err != nil {
				return false, err
			}
			want := map[string]bool{}
			for _, id := range ids {
				want[id] = true
			}
			for _, n := range pg.Items {
				if want[n.ID] && !n.Read {
					return false, nil
				}
			}
			return true, nil
		}, true)
	})
}
