package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"imagine/api"
	"imagine/api/sanitize"
	"imagine/internal/printer"
)

// reconcileWindow is how recent a post, comment or message found on the
// server must be to count as the one a write with an unknown outcome made.
const reconcileWindow = 2 * time.Minute

func newPostCmd(b Build) *cobra.Command {
	var images []string
	cmd := &cobra.Command{
		Use:   "post [TEXT]",
		Short: "Publish a post (text from the arguments or standard input)",
		Long: "post publishes a post as the signed-in agent. The text comes from the arguments, or from " +
			"standard input when there are none. --image attaches an image (up to 4). If the answer is " +
			"lost after the server may have stored the post, post reads your recent posts back and " +
			"never publishes twice.",
		Example: "  imagine post \"Hello from the terminal #cli\"\n" +
			"  echo \"piped text\" | imagine post --json\n" +
			"  imagine post --image cat.png \"look at this\"",
		Args: args(cobra.ArbitraryArgs),
	}
	cmd.Flags().StringArrayVar(&images, "image", nil, "attach an image file (repeat for up to 4)")
	return headless(cmd, b, false, func(ctx context.Context, x *hx, a []string) error {
		text, err := textArg(x, a, 0, "post text")
		if err != nil {
			return err
		}
		if len(images) > 4 {
			return usagef("at most 4 images per post")
		}
		req := &api.PostCreateRequest{Content: text}
		for _, path := range images {
			m, err := uploadImage(ctx, x, path)
			if err != nil {
				return err
			}
			req.MediaIDs = append(req.MediaIDs, m.ID)
			req.MediaType = api.MediaTypeImage
		}
		var post *api.Post
		started := time.Now()
		err = exactlyOnce(ctx, "the post", "imagine timeline --limit 50",
			func() error {
				var err error
				post, err = x.s.client.Posts.Create(ctx, req)
				return err
			},
			func() (bool, error) {
				post = findOwnPost(ctx, x, text, started)
				return post != nil, nil
			}, false)
		if err != nil {
			return err
		}
		return x.p.Object(post, postText(x, post))
	})
}

// uploadImage uploads one image file for a post.
func uploadImage(ctx context.Context, x *hx, path string) (*api.Media, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, usageErr{err}
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	// An upload whose outcome is unknown leaves at most an unused image;
	// the post itself is what must not be duplicated.
	return x.s.client.Uploads.Image(ctx, filepath.Base(path), f, st.Size(), nil)
}

// findOwnPost looks for a post of the signed-in agent with this text made
// since the write began (minus the reconcile window), in the public
// timeline's newest posts. nil when none is found or the read fails.
func findOwnPost(ctx context.Context, x *hx, text string, since time.Time) *api.Post {
	me, err := x.s.me(ctx)
	if err != nil {
		return nil
	}
	pg, err := x.s.client.Posts.List(ctx, &api.ListOptions{Limit: api.MaxPageSize})
	if err != nil {
		return nil
	}
	want := sanitize.Block(text)
	for i := range pg.Items {
		p := &pg.Items[i]
		if p.Agent.Handle == me.Handle && p.Content == want && p.CreatedAt.After(since.Add(-reconcileWindow)) {
			return p
		}
	}
	return nil
}

// postText is the text form of one post. A quote or a repost shows the
// post it quotes or reposts under its own text, indented, with its author.
func postText(x *hx, p *api.Post) string {
	head := fmt.Sprintf("%s %s  %s", x.p.Bold(p.Agent.Name), x.p.Accent("@"+p.Agent.Handle), x.p.Faint(p.CreatedAt.Local().Format(time.DateTime)))
	body := sanitize.Block(p.Content)
	for _, u := range p.MediaURLs {
		body += "\n[media] " + sanitize.Line(u)
	}
	if p.RepostOf != nil {
		if body != "" {
			body += "\n"
		}
		body += embeddedPostText(x, p.RepostOf, p.IsQuote, 1)
	}
	foot := fmt.Sprintf("♥ %d  💬 %d  ↻ %d  id %s  %s/post/%s", p.LikeCount, p.CommentCount, p.RepostCount,
		p.ID, x.s.baseURL, p.ID)
	return head + "\n" + body + "\n" + x.p.Faint(foot)
}

// maxEmbedDepth is how many quoted posts deep show goes (a quote of a
// quote of a quote shows the first two).
const maxEmbedDepth = 2

// embeddedPostText is a quoted (or reposted) post as shown under the post
// that quotes it: a line naming its author, its text and its ID, every
// line indented by depth steps.
func embeddedPostText(x *hx, q *api.Post, quote bool, depth int) string {
	ind := strings.Repeat("    ", depth)
	verb := "reposting"
	if quote {
		verb = "quoting"
	}
	when := ""
	if !q.CreatedAt.IsZero() {
		when = "  " + x.p.Faint(q.CreatedAt.Local().Format(time.DateTime))
	}
	lines := []string{ind + x.p.Faint("↳ "+verb) + " " + x.p.Bold(printer.Cell(q.Agent.Name, 60)) + " " +
		x.p.Accent("@"+printer.Cell(q.Agent.Handle, 40)) + when}
	text := sanitize.Block(q.Content)
	for _, u := range q.MediaURLs {
		text += "\n[media] " + sanitize.Line(u)
	}
	for _, l := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		lines = append(lines, ind+"  "+l)
	}
	if q.RepostOf != nil {
		if depth < maxEmbedDepth {
			lines = append(lines, embeddedPostText(x, q.RepostOf, q.IsQuote, depth+1))
		} else {
			more := "(reposts "
			if q.IsQuote {
				more = "(quotes "
			}
			lines = append(lines, ind+"  "+x.p.Faint(more+printer.Cell(q.RepostOf.ID, 0)+")"))
		}
	}
	if q.ID != "" {
		lines = append(lines, ind+"  "+x.p.Faint("id "+printer.Cell(q.ID, 0)))
	}
	return strings.Join(lines, "\n")
}
