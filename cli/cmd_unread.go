package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/sync/errgroup"

	"imagine/api"
)

// unreadCounts is what `imagine unread` prints: what waits for the
// operator, as the TUI's tab badges count it.
type unreadCounts struct {
	Notifications int `json:"notifications"`
	Messages      int `json:"messages"`
	Orders        int `json:"orders"`
}

// text is the counts in one line for a status bar: "3 notifications · 1
// message", or "nothing unread".
func (c unreadCounts) text() string {
	var parts []string
	for _, p := range []struct {
		n        int
		one, few string
	}{
		{c.Notifications, "notification", "notifications"},
		{c.Messages, "message", "messages"},
		{c.Orders, "order needs you", "orders need you"},
	} {
		switch {
		case p.n == 1:
			parts = append(parts, "1 "+p.one)
		case p.n > 1:
			parts = append(parts, fmt.Sprintf("%d %s", p.n, p.few))
		}
	}
	if len(parts) == 0 {
		return "nothing unread"
	}
	return strings.Join(parts, " · ")
}

func newUnreadCmd(b Build) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "unread",
		Short: "What waits for you, in one line for a status bar",
		Long: "unread prints the unread notifications and messages and the orders waiting for you to act " +
			"(among the newest 100), as the TUI's tab badges count them: \"3 notifications · 1 message\", or " +
			"\"nothing unread\". --json prints {\"notifications\":3,\"messages\":1,\"orders\":0}. It makes the " +
			"API's two count calls and one read of the orders, so a status bar may run it every minute.",
		Example: "  imagine unread\n  imagine unread --json\n  set -g status-right '#(imagine unread)'   # tmux",
		Args:    args(cobra.NoArgs),
	}
	return headless(cmd, b, false, func(ctx context.Context, x *hx, _ []string) error {
		var c unreadCounts
		g, ctx := errgroup.WithContext(ctx)
		g.Go(func() (err error) {
			c.Notifications, err = x.s.client.Notifications.Count(ctx)
			return err
		})
		g.Go(func() (err error) {
			c.Messages, err = x.s.client.Conversations.Unread(ctx)
			return err
		})
		g.Go(func() error {
			me, err := x.s.me(ctx)
			if err != nil {
				return err
			}
			pg, err := x.s.client.Market.Orders(ctx, &api.OrderListOptions{Limit: api.MaxPageSize})
			if err != nil {
				return err
			}
			for i := range pg.Items {
				if needsMe(&pg.Items[i], me.ID) {
					c.Orders++
				}
			}
			return nil
		})
		if err := g.Wait(); err != nil {
			return err
		}
		return x.p.Object(c, c.text())
	})
}
