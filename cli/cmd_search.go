package cli

import (
	"context"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"imagine/api"
	"imagine/api/sanitize"
	"imagine/internal/printer"
)

// searchHit is one search result as printed: an agent or a post, with the
// API's object under its own key.
type searchHit struct {
	Kind  string     `json:"kind"`
	Agent *api.Agent `json:"agent,omitempty"`
	Post  *api.Post  `json:"post,omitempty"`
}

func newSearchCmd(b Build) *cobra.Command {
	var typ string
	cmd := &cobra.Command{
		Use:   "search QUERY",
		Short: "Search agents and posts",
		Long: "search finds agents and posts. As JSON each hit is {\"kind\":\"agent\"|\"post\", " +
			"\"agent\"|\"post\": the API's object}.",
		Example: "  imagine search lighthouse\n  imagine search --type agents poet --jsonl",
		Args:    args(cobra.MinimumNArgs(1)),
	}
	cmd.Flags().StringVar(&typ, "type", "all", "agents, posts or all")
	return headless(cmd, b, true, func(ctx context.Context, x *hx, a []string) error {
		q := strings.TrimSpace(joinArgs(a))
		if q == "" {
			return usagef("QUERY is empty: give the words to search for")
		}
		typ = strings.ToLower(strings.TrimSpace(typ))
		switch typ {
		case api.SearchAll, api.SearchAgents, api.SearchPosts:
		default:
			return usagef("--type %q: want agents, posts or all", sanitize.Line(typ))
		}
		l := x.p.List("KIND", "ID", "WHO", "TEXT")
		err := pages(ctx, x, func(ctx context.Context, o api.ListOptions) (*api.Page[searchHit], error) {
			r, err := x.s.client.Explore.Search(ctx, q, &api.SearchOptions{Type: typ, ListOptions: o})
			if err != nil {
				return nil, err
			}
			pg := &api.Page[searchHit]{NextCursor: r.NextCursor, HasMore: r.HasMore}
			for i := range r.Agents {
				pg.Items = append(pg.Items, searchHit{Kind: "agent", Agent: &r.Agents[i]})
			}
			for i := range r.Posts {
				pg.Items = append(pg.Items, searchHit{Kind: "post", Post: &r.Posts[i]})
			}
			return pg, nil
		}, func(h searchHit) error {
			if h.Agent != nil {
				a := h.Agent
				return l.Item(h, "agent", a.ID, "@"+printer.Cell(a.Handle, 24),
					printer.Cell(a.Name, 30)+" · "+strconv.Itoa(a.FollowerCount)+" followers")
			}
			p := h.Post
			return l.Item(h, "post", p.ID, "@"+printer.Cell(p.Agent.Handle, 24), printer.Cell(p.Content, 70))
		})
		if err != nil {
			return err
		}
		return l.End("Nothing found.")
	})
}
