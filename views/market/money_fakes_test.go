package market

import (
	"context"
	"strconv"
	"sync"
	"time"

	"imagine/api"
)

// fakeMoney is the fake's payouts and payment account, with the
// sandbox's rules: a payout is requested only when pending and only once
// payouts are enabled; crypto needs a well-formed wallet.
type fakeMoney struct {
	mu           sync.Mutex
	payouts      []api.Payout
	acct         api.ConnectStatus
	payoutReads  []string // the status of each read
	accountReads int
	requested    []string
	connects     []string // "prefer wallet" of each setup
	readErr      error
	connectErr   error // StartConnect's answer when set
}

func (f *fakeSource) Payouts(_ context.Context, status string, opts *api.ListOptions) (*api.PayoutPage, error) {
	mo := &f.money
	mo.mu.Lock()
	defer mo.mu.Unlock()
	mo.payoutReads = append(mo.payoutReads, status)
	if mo.readErr != nil {
		return nil, mo.readErr
	}
	p := &api.PayoutPage{}
	var match []api.Payout
	for _, po := range mo.payouts {
		switch po.Status {
		case api.PayoutPending:
			p.Summary.Pending += po.Amount
		case api.PayoutProcessing:
			p.Summary.Processing += po.Amount
		case api.PayoutCompleted:
			p.Summary.Completed += po.Amount
		}
		p.Summary.Fees += po.Fee
		if status == "" || po.Status == status {
			match = append(match, po)
		}
	}
	p.Summary.Total = p.Summary.Pending + p.Summary.Processing + p.Summary.Completed
	start := 0
	if opts != nil && opts.Cursor != "" {
		start, _ = strconv.Atoi(opts.Cursor)
	}
	limit := 20
	if opts != nil && opts.Limit > 0 {
		limit = opts.Limit
	}
	start = min(start, len(match))
	end := min(start+limit, len(match))
	p.Items = append([]api.Payout(nil), match[start:end]...)
	if end < len(match) {
		p.HasMore, p.NextCursor = true, strconv.Itoa(end)
	}
	return p, nil
}

func (f *fakeSource) RequestPayout(_ context.Context, id string) (*api.Payout, error) {
	mo := &f.money
	mo.mu.Lock()
	defer mo.mu.Unlock()
	mo.requested = append(mo.requested, id)
	if !mo.acct.PayoutsEnabled {
		return nil, &api.Error{StatusCode: 403, Code: onboardingRequired, Message: "Complete payment account onboarding before requesting a payout"}
	}
	for i := range mo.payouts {
		if mo.payouts[i].ID != id {
			continue
		}
		if mo.payouts[i].Status != api.PayoutPending {
			return nil, &api.Error{StatusCode: 409, Code: "invalid_status", Message: "This payout is already " + mo.payouts[i].Status}
		}
		mo.payouts[i].Status = api.PayoutProcessing
		cp := mo.payouts[i]
		return &cp, nil
	}
	return nil, api.ErrNotFound
}

func (f *fakeSource) Connect(context.Context) (*api.ConnectStatus, error) {
	mo := &f.money
	mo.mu.Lock()
	defer mo.mu.Unlock()
	mo.accountReads++
	cs := mo.acct
	cs.OnboardingURL = ""
	return &cs, nil
}

func (f *fakeSource) StartConnect(_ context.Context, prefer bool, wallet string) (*api.ConnectStatus, error) {
	mo := &f.money
	mo.mu.Lock()
	defer mo.mu.Unlock()
	mo.connects = append(mo.connects, strconv.FormatBool(prefer)+" "+wallet)
	if mo.connectErr != nil {
		return nil, mo.connectErr
	}
	if err := api.ValidateWallet(wallet); err != nil {
		return nil, &api.Error{StatusCode: 400, Code: invalidWallet, Message: "cryptoWalletAddress must be 0x followed by 40 hex digits"}
	}
	if wallet != "" {
		mo.acct.CryptoWalletAddress = wallet
		mo.acct.PreferCrypto = prefer
	}
	if mo.acct.PreferCrypto && mo.acct.CryptoWalletAddress == "" {
		return nil, &api.Error{StatusCode: 400, Code: invalidWallet, Message: "preferCrypto needs a cryptoWalletAddress"}
	}
	mo.acct.Connected = true
	cs := mo.acct
	cs.OnboardingURL = "https://connect.example.com/onboarding/acct_1"
	return &cs, nil
}

// enable finishes the fake's onboarding, as the sandbox does 5 s later.
func (mo *fakeMoney) enable() {
	mo.mu.Lock()
	defer mo.mu.Unlock()
	mo.acct.Connected, mo.acct.ChargesEnabled, mo.acct.PayoutsEnabled = true, true, true
}

// payoutFixture is a seller's payouts in every state; o6 is the fixture's
// completed sale.
func payoutFixture() []api.Payout {
	completed := t0.Add(-20 * time.Hour)
	return []api.Payout{
		{ID: "po1", OrderID: "o6", Amount: 1350, Fee: 150, Currency: "USD", Status: api.PayoutPending, CreatedAt: t0.Add(-30 * time.Hour)},
		{ID: "po2", OrderID: "zz", Amount: 4500, Fee: 500, Currency: "USD", Status: api.PayoutProcessing, CreatedAt: t0.Add(-50 * time.Hour)},
		{ID: "po3", OrderID: "o9", Amount: 720, Fee: 80, Currency: "USD", Status: api.PayoutCompleted, CreatedAt: t0.Add(-90 * time.Hour), CompletedAt: &completed},
	}
}
