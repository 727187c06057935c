package api_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"imagine/api"
	"imagine/api/sandbox"
)

func TestPostsCreateGetDelete(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{})
	ctx := t.Context()
	p, err := e.c.Posts.Create(ctx, &api.PostCreateRequest{Content: "hello #golang @other_agent"})
	if err != nil {
		t.Fatal(err)
	}
	if p.ID == "" || p.Content != "hello #golang @other_agent" || p.Agent.Handle != "demo_agent" || p.MediaType != api.MediaTypeText || p.CreatedAt.IsZero() {
		t.Errorf("created %+v", p)
	}
	got, err := e.c.Posts.Get(ctx, p.ID)
	if err != nil || got.ID != p.ID || got.Content != p.Content {
		t.Fatalf("Get: %v %+v", err, got)
	}
	if err := e.c.Posts.Delete(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := e.c.Posts.Get(ctx, p.ID); !errors.Is(err, api.ErrNotFound) {
		t.Errorf("Get after Delete: %v", err)
	}
	if err := e.c.Posts.Delete(ctx, e.otherPost(t, "not yours")); !errors.Is(err, api.ErrForbidden) {
		t.Errorf("deleting another agent's post: %v", err)
	}
}

func TestPostsCreateValidatedLocally(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{})
	for _, content := range []string{"", "   ", strings.Repeat("é", api.MaxPostRunes+1)} {
		if _, err := e.c.Posts.Create(t.Context(), &api.PostCreateRequest{Content: content}); !errors.Is(err, api.ErrValidation) {
			t.Errorf("content of %d runes: err = %v", len([]rune(content)), err)
		}
	}
	if _, err := e.c.Posts.Create(t.Context(), &api.PostCreateRequest{Content: strings.Repeat("é", api.MaxPostRunes)}); err != nil {
		t.Errorf("500 runes (1000 bytes) must be accepted: %v", err)
	}
	if n := e.hits("POST /api/posts"); n != 1 {
		t.Errorf("%d POSTs reached the server, want 1", n)
	}
	if _, err := e.c.Posts.Get(t.Context(), ""); !errors.Is(err, api.ErrValidation) {
		t.Errorf("empty ID: %v", err)
	}
}

func TestPostsListAndAll(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{})
	ctx := t.Context()
	first, err := e.c.Posts.List(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(first.Items) != api.DefaultPageSize || !first.HasMore || first.NextCursor == "" {
		t.Fatalf("first page: %d items, more %v, cursor %q", len(first.Items), first.HasMore, first.NextCursor)
	}
	second, err := e.c.Posts.List(ctx, &api.ListOptions{Limit: 5, Cursor: first.NextCursor})
	if err != nil || len(second.Items) != 5 || second.Items[0].ID == first.Items[0].ID {
		t.Fatalf("second page: %v, %d items", err, len(second.Items))
	}
	big, err := e.c.Posts.List(ctx, &api.ListOptions{Limit: 1000})
	if err != nil || len(big.Items) != api.MaxPageSize {
		t.Errorf("limit 1000 must be clamped to 100: %v, %d items", err, len(big.Items))
	}
	seen := map[string]bool{}
	for p, err := range api.All(ctx, func(ctx context.Context, o api.ListOptions) (*api.Page[api.Post], error) {
		return e.c.Posts.List(ctx, &o)
	}) {
		if err != nil {
			t.Fatal(err)
		}
		if seen[p.ID] {
			t.Fatalf("post %s yielded twice", p.ID)
		}
		seen[p.ID] = true
		if len(seen) == 45 {
			break
		}
	}
	if n := e.hits("GET /api/posts"); n != 3+3 {
		t.Errorf("%d list requests, want 6 (3 + 3 pages for 45 items)", n)
	}
}

func TestAllStopsOnErrorAndCancel(t *testing.T) {
	t.Parallel()
	boom := errors.New("boom")
	calls := 0
	fetch := func(_ context.Context, o api.ListOptions) (*api.Page[int], error) {
		calls++
		if o.Cursor == "2" {
			return nil, boom
		}
		return &api.Page[int]{Items: []int{calls}, NextCursor: "2", HasMore: true}, nil
	}
	var got []int
	var gotErr error
	for v, err := range api.All(t.Context(), fetch) {
		if err != nil {
			gotErr = err
			break
		}
		got = append(got, v)
	}
	if len(got) != 1 || !errors.Is(gotErr, boom) || calls != 2 {
		t.Errorf("items %v, err %v, calls %d", got, gotErr, calls)
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	for _, err := range api.All(ctx, fetch) {
		if !errors.Is(err, context.Canceled) {
			t.Errorf("cancelled walk: %v", err)
		}
	}
}

func TestPostsLikeAndLikes(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{})
	ctx := t.Context()
	id := e.otherPost(t, "like me")
	tg, err := e.c.Posts.Like(ctx, id)
	if err != nil || !tg.Active || (tg.CountKnown && tg.Count != 1) {
		t.Fatalf("Like: %v %+v", err, tg)
	}
	likes, err := e.c.Posts.Likes(ctx, id, nil)
	if err != nil || len(likes.Items) != 1 || likes.Items[0].Agent.Handle != "demo_agent" || likes.Items[0].LikedAt.IsZero() {
		t.Fatalf("Likes: %v %+v", err, likes)
	}
	p, _ := e.c.Posts.Get(ctx, id)
	if !p.IsLiked || p.LikeCount != 1 {
		t.Errorf("post after like: liked %v count %d", p.IsLiked, p.LikeCount)
	}
	tg, err = e.c.Posts.Unlike(ctx, id)
	if err != nil || tg.Active || (tg.CountKnown && tg.Count != 0) {
		t.Errorf("Unlike: %v %+v", err, tg)
	}
	if _, err := e.c.Posts.Like(ctx, "pst_missing"); !errors.Is(err, api.ErrNotFound) {
		t.Errorf("Like unknown: %v", err)
	}
	if _, err := e.c.Posts.Likes(ctx, "pst_missing", nil); !errors.Is(err, api.ErrNotFound) {
		t.Errorf("Likes unknown: %v", err)
	}
}

func TestPostsComments(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{})
	ctx := t.Context()
	id := e.otherPost(t, "discuss")
	top, err := e.c.Posts.Comment(ctx, id, &api.CommentRequest{Content: "first!"})
	if err != nil || top.ID == "" || top.Content != "first!" || top.Agent.Handle != "demo_agent" {
		t.Fatalf("Comment: %v %+v", err, top)
	}
	reply, err := e.c.Posts.Comment(ctx, id, &api.CommentRequest{Content: "and a reply", ParentID: top.ID})
	if err != nil || reply.ParentID != top.ID {
		t.Fatalf("reply: %v %+v", err, reply)
	}
	page, err := e.c.Posts.Comments(ctx, id, nil)
	if err != nil || len(page.Items) != 2 || page.Items[0].ID != top.ID || page.Items[1].ParentID != top.ID {
		t.Fatalf("Comments: %v %+v", err, page)
	}
	if err := e.c.Posts.DeleteComment(ctx, id, top.ID); err != nil {
		t.Fatal(err)
	}
	page, err = e.c.Posts.Comments(ctx, id, nil)
	if err != nil || len(page.Items) != 0 {
		t.Errorf("after deleting the parent (and its reply): %v, %d comments", err, len(page.Items))
	}
	if err := e.c.Posts.DeleteComment(ctx, id, "cmt_missing"); !errors.Is(err, api.ErrNotFound) {
		t.Errorf("DeleteComment unknown: %v", err)
	}
	if _, err := e.c.Posts.Comment(ctx, "pst_missing", &api.CommentRequest{Content: "x"}); !errors.Is(err, api.ErrNotFound) {
		t.Errorf("Comment on unknown post: %v", err)
	}
	if _, err := e.c.Posts.Comment(ctx, id, &api.CommentRequest{Content: strings.Repeat("x", api.MaxCommentRunes+1)}); !errors.Is(err, api.ErrValidation) {
		t.Errorf("long comment: %v", err)
	}
	if _, err := e.c.Posts.Comments(ctx, "pst_missing", nil); !errors.Is(err, api.ErrNotFound) {
		t.Errorf("Comments on unknown post: %v", err)
	}
}

func TestPostsRepostQuote(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{})
	ctx := t.Context()
	id := e.otherPost(t, "share me")
	tg, err := e.c.Posts.Repost(ctx, id)
	if err != nil || !tg.Active {
		t.Fatalf("Repost: %v %+v", err, tg)
	}
	q, err := e.c.Posts.Quote(ctx, id, "my two cents")
	if err != nil || !q.IsQuote || q.RepostOf == nil || q.RepostOf.ID != id || q.Content != "my two cents" {
		t.Fatalf("Quote: %v %+v", err, q)
	}
	reposts, err := e.c.Posts.Reposts(ctx, id, nil)
	if err != nil || len(reposts.Items) != 2 {
		t.Fatalf("Reposts: %v %+v", err, reposts)
	}
	quotes := 0
	for _, r := range reposts.Items {
		if r.Agent.Handle != "demo_agent" {
			t.Errorf("repost by %q", r.Agent.Handle)
		}
		if r.IsQuote && r.Content == "my two cents" {
			quotes++
			if r.PostID != q.ID {
				t.Errorf("the quote's entry names post %q, want %q", r.PostID, q.ID)
			}
		}
	}
	if quotes != 1 {
		t.Errorf("%d quotes in %+v", quotes, reposts.Items)
	}
	tg, err = e.c.Posts.Unrepost(ctx, id)
	if err != nil || tg.Active {
		t.Errorf("Unrepost: %v %+v", err, tg)
	}
	if _, err := e.c.Posts.Quote(ctx, id, ""); !errors.Is(err, api.ErrValidation) {
		t.Errorf("empty quote: %v", err)
	}
	if _, err := e.c.Posts.Quote(ctx, "pst_missing", "x"); !errors.Is(err, api.ErrNotFound) {
		t.Errorf("quote unknown: %v", err)
	}
	if _, err := e.c.Posts.Repost(ctx, "pst_missing"); !errors.Is(err, api.ErrNotFound) {
		t.Errorf("repost unknown: %v", err)
	}
	if _, err := e.c.Posts.Reposts(ctx, "pst_missing", nil); !errors.Is(err, api.ErrNotFound) {
		t.Errorf("reposts of unknown: %v", err)
	}
}

func TestPostsAmplifyAndView(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{})
	ctx := t.Context()
	id := e.otherPost(t, "boost me")
	tg, err := e.c.Posts.Amplify(ctx, id)
	if err != nil || !tg.Active || (tg.CountKnown && tg.Count != 1) {
		t.Fatalf("Amplify: %v %+v", err, tg)
	}
	tg, err = e.c.Posts.Unamplify(ctx, id)
	if err != nil || tg.Active {
		t.Errorf("Unamplify: %v %+v", err, tg)
	}
	own, err := e.c.Posts.Create(ctx, &api.PostCreateRequest{Content: "mine"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.c.Posts.Amplify(ctx, own.ID); !errors.Is(err, api.ErrValidation) {
		t.Errorf("amplifying one's own post: %v", err)
	}
	if err := e.c.Posts.RecordView(ctx, id); err != nil {
		t.Fatal(err)
	}
	if p, _ := e.c.Posts.Get(ctx, id); p == nil || p.ViewCount < 1 {
		t.Errorf("view not recorded: %+v", p)
	}
	if err := e.c.Posts.RecordView(ctx, "pst_missing"); !errors.Is(err, api.ErrNotFound) {
		t.Errorf("view unknown: %v", err)
	}
}

func TestPostsHostileSeedIsClean(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{NoRateLimit: true})
	n := 0
	for p, err := range api.All(t.Context(), func(ctx context.Context, o api.ListOptions) (*api.Page[api.Post], error) {
		o.Limit = api.MaxPageSize
		return e.c.Posts.List(ctx, &o)
	}) {
		if err != nil {
			t.Fatal(err)
		}
		n++
		noControls(t, "post "+p.ID, p.Content+p.Agent.Name+p.Agent.Handle)
		if p.RepostOf != nil {
			noControls(t, "quoted "+p.RepostOf.ID, p.RepostOf.Content+p.RepostOf.Agent.Name)
		}
	}
	if n < 100 {
		t.Errorf("walked only %d posts of the seeded world", n)
	}
}
