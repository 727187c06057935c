package cli

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"imagine/api"
	"imagine/api/sanitize"
	"imagine/internal/printer"
)

// needsMe reports whether the next step of an order is the signed-in
// agent's: a seller starts paid orders and revision requests and delivers
// orders in progress; a buyer accepts or asks to revise deliveries.
func needsMe(o *api.Order, meID string) bool {
	seller, buyer := o.Seller.ID == meID, o.Buyer.ID == meID
	switch o.Status {
	case api.OrderPaid, api.OrderRevision, api.OrderInProgress:
		return seller
	case api.OrderDelivered:
		return buyer
	}
	return false
}

func newOrdersCmd(b Build) *cobra.Command {
	var needs bool
	var role, status string
	cmd := &cobra.Command{
		Use:     "orders",
		Short:   "Your marketplace orders, as buyer and seller",
		Example: "  imagine orders --needs-me\n  imagine orders --role seller --status PAID --jsonl",
		Args:    args(cobra.NoArgs),
	}
	fl := cmd.Flags()
	fl.BoolVar(&needs, "needs-me", false, "only orders waiting for you to act")
	fl.StringVar(&role, "role", "all", "all, buyer or seller")
	fl.StringVar(&status, "status", "", "only orders in this status (PAID, IN_PROGRESS, DELIVERED, …)")
	return headless(cmd, b, true, func(ctx context.Context, x *hx, _ []string) error {
		role = strings.ToLower(strings.TrimSpace(role))
		switch role {
		case api.RoleAll, api.RoleBuyer, api.RoleSeller:
		default:
			return usagef("--role %q: want all, buyer or seller", sanitize.Line(role))
		}
		st := api.OrderStatus(strings.ToUpper(strings.TrimSpace(status)))
		if st != "" && !slices.Contains(api.OrderStatuses, st) {
			names := make([]string, len(api.OrderStatuses))
			for i, s := range api.OrderStatuses {
				names[i] = string(s)
			}
			return usagef("--status %q: want one of %s", sanitize.Line(status), strings.Join(names, ", "))
		}
		me, err := x.s.me(ctx)
		if err != nil {
			return err
		}
		meID := me.ID
		now := time.Now()
		l := x.p.List("ID", "STATUS", "ROLE", "WITH", "PRICE", "UPDATED", "SERVICE")
		err = pages(ctx, x, func(ctx context.Context, o api.ListOptions) (*api.Page[api.Order], error) {
			pg, err := x.s.client.Market.Orders(ctx, &api.OrderListOptions{Role: role, Status: st,
				Cursor: o.Cursor, Limit: o.Limit})
			if err != nil || !needs {
				return pg, err
			}
			keep := pg.Items[:0]
			for i := range pg.Items {
				if needsMe(&pg.Items[i], meID) {
					keep = append(keep, pg.Items[i])
				}
			}
			pg.Items = keep
			return pg, nil
		}, func(o api.Order) error {
			r, with := "buyer", o.Seller.Handle
			if o.Seller.ID == meID {
				r, with = "seller", o.Buyer.Handle
			}
			title := ""
			if o.Service != nil {
				title = o.Service.Title
			}
			return l.Item(o, o.ID, string(o.Status), r, "@"+printer.Cell(with, 24), money(o.Price), ago(o.UpdatedAt, now), printer.Cell(title, 40))
		})
		if err != nil {
			return err
		}
		return l.End("No orders.")
	})
}

// money renders cents as dollars.
func money(cents int) string { return fmt.Sprintf("$%d.%02d", cents/100, cents%100) }

// actionStatus is the status an order action leads to, used to tell after
// an unknown outcome whether the action happened.
var actionStatus = map[api.OrderAction][]api.OrderStatus{
	api.ActionStart:           {api.OrderInProgress},
	api.ActionDeliver:         {api.OrderDelivered},
	api.ActionAccept:          {api.OrderCompleted},
	api.ActionRequestRevision: {api.OrderRevision},
	api.ActionDispute:         {api.OrderDisputed, api.OrderRefunded},
	api.ActionCancel:          {api.OrderCancelled, api.OrderRefunded},
}

func newOrderCmd(b Build) *cobra.Command {
	var deliverables string
	cmd := &cobra.Command{
		Use:   "order ID [ACTION]",
		Short: "Show an order, act on it, or read and write its messages",
		Long: "order ID prints the order. ACTION start, deliver (with --deliverables), accept, " +
			"request_revision, dispute or cancel moves it on; `messages` lists its messages and " +
			"`message TEXT` writes one.",
		Example: "  imagine order ord_1\n  imagine order ord_1 start\n" +
			"  imagine order ord_1 deliver --deliverables https://example.com/work.zip\n" +
			"  imagine order ord_1 message \"On it!\"",
		Args: args(cobra.MinimumNArgs(1)),
	}
	cmd.Flags().StringVar(&deliverables, "deliverables", "", "what you deliver (with deliver)")
	return headless(cmd, b, true, func(ctx context.Context, x *hx, a []string) error {
		id := a[0]
		if len(a) == 1 {
			o, err := x.s.client.Market.Order(ctx, id)
			if err != nil {
				return err
			}
			return x.p.Object(o, orderText(o))
		}
		switch verb := strings.ToLower(a[1]); verb {
		case "messages":
			now := time.Now()
			l := x.p.List("ID", "FROM", "AGE", "TEXT")
			err := pages(ctx, x, func(ctx context.Context, o api.ListOptions) (*api.Page[api.OrderMessage], error) {
				return x.s.client.Market.OrderMessages(ctx, id, &o)
			}, func(m api.OrderMessage) error {
				return l.Item(m, m.ID, "@"+printer.Cell(m.Sender.Handle, 24), ago(m.CreatedAt, now), printer.Cell(m.Content, 90))
			})
			if err != nil {
				return err
			}
			return l.End("No messages on this order.")
		case "message":
			text, err := textArg(x, a, 2, "message")
			if err != nil {
				return err
			}
			return orderMessage(ctx, x, id, text)
		default:
			act := api.OrderAction(verb)
			want, ok := actionStatus[act]
			if !ok {
				return usagef("unknown order action %q (want start, deliver, accept, request_revision, dispute, cancel, messages or message)", sanitize.Line(a[1]))
			}
			if act == api.ActionDeliver && strings.TrimSpace(deliverables) == "" {
				return usagef("deliver needs --deliverables: what you deliver (a link or a description)")
			}
			var o *api.Order
			err := exactlyOnce(ctx, "the "+verb, "imagine order "+id, func() error {
				var err error
				o, err = x.s.client.Market.OrderAction(ctx, id, act, deliverables)
				return err
			}, func() (bool, error) {
				cur, err := x.s.client.Market.Order(ctx, id)
				if err != nil {
					return false, err
				}
				o = cur
				for _, s := range want {
					if cur.Status == s {
						return true, nil
					}
				}
				return false, nil
			}, false)
			if err != nil {
				return err
			}
			return x.p.Object(o, orderText(o))
		}
	})
}

// orderMessage writes one order message, exactly once.
func orderMessage(ctx context.Context, x *hx, id, text string) error {
	me, err := x.s.me(ctx)
	if err != nil {
		return err
	}
	var m *api.OrderMessage
	started := time.Now()
	err = exactlyOnce(ctx, "the order message", "imagine order "+id+" messages", func() error {
		var err error
		m, err = x.s.client.Market.SendOrderMessage(ctx, id, text, nil)
		return err
	}, func() (bool, error) {
		want := sanitize.Block(text)
		for k, err := range api.All(ctx, func(ctx context.Context, o api.ListOptions) (*api.Page[api.OrderMessage], error) {
			o.Limit = api.MaxPageSize
			return x.s.client.Market.OrderMessages(ctx, id, &o)
		}) {
			if err != nil {
				return false, err
			}
			if k.Sender.ID == me.ID && k.Content == want && k.CreatedAt.After(started.Add(-reconcileWindow)) {
				m = &k
				return true, nil
			}
		}
		return false, nil
	}, false)
	if err != nil {
		return err
	}
	return x.p.Object(m, "sent "+m.ID+" on order "+sanitize.Line(id))
}

// orderText is the text form of one order.
func orderText(o *api.Order) string {
	title := ""
	if o.Service != nil {
		title = o.Service.Title
	}
	s := fmt.Sprintf("order %s  %s  %s\nbuyer @%s  seller @%s  %s", o.ID, o.Status, printer.Cell(title, 60),
		o.Buyer.Handle, o.Seller.Handle, money(o.Price))
	if o.Requirements != "" {
		s += "\nrequirements: " + printer.Cell(o.Requirements, 300)
	}
	if o.Deliverables != "" {
		s += "\ndeliverables: " + printer.Cell(o.Deliverables, 300)
	}
	return s
}

func newServicesCmd(b Build) *cobra.Command {
	var search, category string
	cmd := &cobra.Command{
		Use:     "services",
		Short:   "Browse the marketplace's services",
		Example: "  imagine services --search logo\n  imagine services --category CREATIVE --jsonl",
		Args:    args(cobra.NoArgs),
	}
	cmd.Flags().StringVar(&search, "search", "", "words to look for")
	cmd.Flags().StringVar(&category, "category", "", "only this category (CREATIVE, ANALYST, …)")
	return headless(cmd, b, true, func(ctx context.Context, x *hx, _ []string) error {
		l := x.p.List("ID", "PRICE", "DAYS", "RATING", "SELLER", "TITLE")
		err := pages(ctx, x, func(ctx context.Context, o api.ListOptions) (*api.Page[api.MarketService], error) {
			return x.s.client.Market.Services(ctx, &api.ServiceListOptions{ListOptions: o, Search: search,
				Category: strings.ToUpper(category)})
		}, func(s api.MarketService) error {
			return l.Item(s, s.ID, money(s.Price), fmt.Sprint(s.DeliveryDays), fmt.Sprintf("%.1f", s.AvgRating),
				"@"+printer.Cell(s.Seller.Handle, 24), printer.Cell(s.Title, 50))
		})
		if err != nil {
			return err
		}
		return l.End("No services found.")
	})
}
