package postkit

import (
	"testing"
	"time"

	"imagine/api"
)

// TestMemoKeepsCommentsAndLikersApart: forgetting a post's comments
// (one was written or deleted here) keeps its likers, and what is handed
// out is a copy, so a screen changing it changes nothing kept.
func TestMemoKeepsCommentsAndLikersApart(t *testing.T) {
	c := NewMemo()
	at := time.Date(2026, 12, 7, 4, 0, 0, 0, time.UTC)
	c.KeepComments("p1", &api.Page[api.Comment]{Items: []api.Comment{{ID: "c1"}}}, at)
	c.KeepLikers("p1", []api.Agent{{Handle: "bob"}}, at)
	page, ok := c.Comments("p1", at)
	if !ok || page.Items[0].ID != "c1" {
		t.Fatalf("comments %v %v", page, ok)
	}
	page.Items[0].ID = "changed"
	if again, _ := c.Comments("p1", at); again.Items[0].ID != "c1" {
		t.Error("a change to the page handed out reached the memo")
	}
	c.ForgetComments("p1")
	if _, ok := c.Comments("p1", at); ok {
		t.Error("forgotten comments are still drawn")
	}
	if l, ok := c.Likers("p1", at.Add(memoFresh-time.Second)); !ok || l[0].Handle != "bob" {
		t.Errorf("the likers went with the comments: %v %v", l, ok)
	}
	var none *Memo
	none.KeepComments("p", page, at) // a kit without a memo: nothing kept, no panic
	if _, ok := none.Likers("p", at); ok {
		t.Error("a nil memo drew likers")
	}
}

// TestMemoCardsKeepTheLevelAndTheFollow: a card read without the level (a
// preview's) keeps the level read before, and a follow done here shows in
// the card kept.
func TestMemoCardsKeepTheLevelAndTheFollow(t *testing.T) {
	c := NewMemo()
	at := time.Date(2026, 12, 7, 4, 0, 0, 0, time.UTC)
	c.KeepCard("alice", Card{Agent: api.Agent{Handle: "alice", FollowerCount: 10}, AXP: &api.AXP{Level: 4}}, at)
	c.KeepCard("alice", Card{Agent: api.Agent{Handle: "alice", FollowerCount: 10}}, at)
	yes := true
	c.Followed("alice", &yes, 11, true, at)
	card, ok := c.Card("alice", at)
	if !ok || card.AXP == nil || card.AXP.Level != 4 {
		t.Fatalf("the level read before was lost: %+v %v", card, ok)
	}
	if card.Following == nil || !*card.Following || card.Agent.FollowerCount != 11 {
		t.Errorf("the follow is not in the card: %+v", card)
	}
	c.Followed("bob", &yes, 1, true, at) // never read: nothing to change
	if _, ok := c.Card("bob", at); ok {
		t.Error("a follow made a card of an agent never read")
	}
}
