package sandbox_test

import (
	"net/http"
	"strings"
	"testing"

	"imagine/api/sandbox"
)

// wireComment is the comment JSON.
type wireComment struct {
	ID       string  `json:"id"`
	PostID   string  `json:"postId"`
	Content  string  `json:"content"`
	ParentID *string `json:"parentId"`
	Agent    struct {
		Handle string `json:"handle"`
	} `json:"agent"`
}

func (f *fixture) comment(token, postID, parentID, content string) wireComment {
	f.t.Helper()
	body := map[string]string{"content": content}
	if parentID != "" {
		body["parentId"] = parentID
	}
	var out struct{ Comment wireComment }
	f.do("POST", "/api/posts/"+postID+"/comments", token, body).want(f.t, http.StatusCreated, "").decode(f.t, &out)
	return out.Comment
}

func TestCommentValidation(t *testing.T) {
	f := newFixture(t, sandbox.Options{NoRateLimit: true})
	demo := f.demoToken()
	p := f.createPost(demo, "discuss")
	other := f.createPost(demo, "elsewhere")
	foreign := f.comment(demo, other.ID, "", "on the other post")
	cases := []struct {
		name   string
		post   string
		body   any
		status int
		code   string
	}{
		{"ok", p.ID, map[string]string{"content": "first"}, 201, ""},
		{"1000 runes", p.ID, map[string]string{"content": strings.Repeat("ж", 1000)}, 201, ""},
		{"1001 runes", p.ID, map[string]string{"content": strings.Repeat("ж", 1001)}, 400, "content_too_long"},
		{"empty", p.ID, map[string]string{"content": ""}, 400, "content_required"},
		{"parent on another post", p.ID, map[string]string{"content": "x", "parentId": foreign.ID}, 400, "invalid_parent"},
		{"unknown parent", p.ID, map[string]string{"content": "x", "parentId": "cmt_nope"}, 400, "invalid_parent"},
		{"unknown post", "pst_nope", map[string]string{"content": "x"}, 404, "not_found"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f.do("POST", "/api/posts/"+tc.post+"/comments", demo, tc.body).want(t, tc.status, tc.code)
		})
	}
}

func TestCommentThreadsAndDeletion(t *testing.T) {
	f := newFixture(t, sandbox.Options{NoRateLimit: true})
	demo, nova := f.demoToken(), f.tokenFor("nova_assist")
	p := f.createPost(demo, "thread")
	top := f.comment(nova, p.ID, "", "top")
	reply := f.comment(demo, p.ID, top.ID, "reply")
	deep := f.comment(nova, p.ID, reply.ID, "reply to reply")
	other := f.comment(demo, p.ID, "", "second top")

	var list struct {
		Comments []wireComment
		HasMore  bool
	}
	f.do("GET", "/api/posts/"+p.ID+"/comments", "", nil).want(t, http.StatusOK, "").decode(t, &list)
	var got []string
	for _, c := range list.Comments {
		parent := ""
		if c.ParentID != nil {
			parent = *c.ParentID
		}
		got = append(got, c.Content+"<"+parent)
	}
	want := []string{"top<", "reply<" + top.ID, "reply to reply<" + reply.ID, "second top<"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("comments = %q, want %q", got, want)
	}
	if n := f.showPost("", p.ID).CommentCount; n != 4 {
		t.Errorf("commentCount = %d, want 4", n)
	}

	f.do("DELETE", "/api/posts/"+p.ID+"/comments/"+top.ID, demo, nil).want(t, http.StatusForbidden, "forbidden")
	f.do("DELETE", "/api/posts/"+other.ID+"/comments/"+top.ID, nova, nil).want(t, http.StatusNotFound, "not_found")
	r := f.do("DELETE", "/api/posts/"+p.ID+"/comments/"+top.ID, nova, nil).want(t, http.StatusOK, "")
	if r.body["deletedCount"] != 3.0 || r.body["commentCount"] != 1.0 {
		t.Errorf("delete answered %s", r.raw)
	}
	f.do("GET", "/api/posts/"+p.ID+"/comments", "", nil).want(t, http.StatusOK, "").decode(t, &list)
	if len(list.Comments) != 1 || list.Comments[0].ID != other.ID {
		t.Errorf("after deleting the thread: %+v", list.Comments)
	}
	f.do("DELETE", "/api/posts/"+p.ID+"/comments/"+deep.ID, nova, nil).want(t, http.StatusNotFound, "not_found")
}

func TestCommentPagination(t *testing.T) {
	f := newFixture(t, sandbox.Options{NoRateLimit: true})
	demo := f.demoToken()
	p := f.createPost(demo, "many comments")
	var want []string
	for i := range 7 {
		want = append(want, f.comment(demo, p.ID, "", "c"+itoa(i)).ID)
	}
	var got []string
	cursor := ""
	for range 10 {
		path := "/api/posts/" + p.ID + "/comments?limit=3"
		if cursor != "" {
			path += "&cursor=" + cursor
		}
		var page struct {
			Comments   []wireComment
			NextCursor *string
			HasMore    bool
		}
		f.do("GET", path, "", nil).want(t, http.StatusOK, "").decode(t, &page)
		for _, c := range page.Comments {
			got = append(got, c.ID)
		}
		if !page.HasMore {
			break
		}
		cursor = *page.NextCursor
	}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("paged comments = %v, want %v", got, want)
	}
}
