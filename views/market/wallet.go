package market

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"imagine/api"
	"imagine/views"
)

// The crypto payout preference and wallet, a huh form on the Money
// section, sent as POST /api/marketplace/connect {preferCrypto,
// cryptoWalletAddress}. The address is checked (0x and 40 hex digits,
// api.ValidateWallet) while it is typed and before it is sent; a refusal,
// the client's or the server's, keeps the values beside the field.

// walletForm is the open wallet form; huh writes into prefer and wallet.
type walletForm struct {
	paneForm
	prefer bool
	wallet string
}

// walletFields are the form's fields in order, as api.FieldError names
// them.
var walletFields = []string{"preferCrypto", "cryptoWalletAddress"}

const (
	// invalidWallet is the server's code for a refused wallet.
	invalidWallet = "invalid_wallet_address"
	// walletLen is an address's length: 0x and 40 hex digits.
	walletLen = 42
)

// walletHint is the live check under the address as it is typed.
func walletHint(w string) string {
	w = strings.TrimSpace(w)
	switch {
	case w == "":
		return "0x and 40 hex digits (an EVM address); empty for none"
	case api.ValidateWallet(w) == nil:
		return "✓ a well-formed address"
	case !strings.HasPrefix(w, "0x"):
		return "✗ starts with 0x"
	case utf8.RuneCountInString(w) != walletLen:
		return fmt.Sprintf("✗ %d of %d characters", utf8.RuneCountInString(w), walletLen)
	}
	return "✗ only hex digits (0-9, a-f) after 0x"
}

// openWallet opens the form on the account's current values.
func (m *Model) openWallet() tea.Cmd {
	f := &walletForm{}
	if a := m.money.acct; a != nil {
		f.prefer, f.wallet = a.PreferCrypto, a.CryptoWalletAddress
	}
	m.money.form = f
	return m.buildWallet()
}

// buildWallet (re)builds the form from its values, a refusal beside its
// field.
func (m *Model) buildWallet() tea.Cmd {
	f := m.money.form
	wallet := huh.NewInput().Title(f.label("Wallet address", "cryptoWalletAddress")).
		Description(walletHint(f.wallet)).Placeholder("0x…").CharLimit(walletLen).Value(&f.wallet)
	f.hints = func() { wallet.Description(walletHint(f.wallet)) }
	f.last, f.send = wallet, "saves"
	form := huh.NewForm(
		huh.NewGroup(
			huh.NewConfirm().Title(f.label("Pay me in crypto (USDC or USDP)", "preferCrypto")).
				Affirmative("Yes").Negative("No").Value(&f.prefer),
			wallet,
		).Title(f.head("Crypto payouts")),
	)
	return m.startForm(&f.paneForm, form, walletFields)
}

// submitWallet checks the values and sends them. The API cannot remove a
// wallet (an empty one is not sent), so crypto is turned off with the
// wallet kept.
func (m *Model) submitWallet() tea.Cmd {
	f := m.money.form
	w := strings.TrimSpace(f.wallet)
	refuse := func(err error) tea.Cmd {
		f.refuse(err)
		return m.buildWallet()
	}
	if err := api.ValidateWallet(w); err != nil {
		return refuse(err)
	}
	if w == "" {
		if f.prefer {
			return refuse(&api.FieldError{Field: "cryptoWalletAddress", Message: "crypto payouts need a wallet address"})
		}
		if a := m.money.acct; a != nil && a.PreferCrypto {
			return refuse(&api.FieldError{Field: "cryptoWalletAddress", Message: "keep a wallet to turn crypto off: the API cannot remove one"})
		}
		m.money.form = nil
		return views.Status(views.LevelInfo, "nothing to change: payouts go to your payment account")
	}
	if m.src == nil {
		return refuse(errors.New("the marketplace is not available"))
	}
	f.busy, f.field, f.problem = true, "", ""
	ctx, src, seq, prefer := api.Background(m.ctx), m.src, f.seq, f.prefer
	return func() tea.Msg {
		cs, err := src.StartConnect(ctx, prefer, w)
		return accountMsg{acct: cs, err: err, seq: seq}
	}
}

// walletSaved applies the answer to the form's request: the server's
// refusal of the wallet is shown beside it.
func (m *Model) walletSaved(msg accountMsg) tea.Cmd {
	f := m.money.form
	open := f != nil && f.seq == msg.seq
	if msg.err != nil {
		var ae *api.Error
		err := msg.err
		if errors.As(err, &ae) && ae.Code == invalidWallet {
			err = &api.FieldError{Field: "cryptoWalletAddress", Message: ae.Message}
		}
		if !open {
			return views.Failed("couldn't save the crypto wallet", err)
		}
		f.refuse(err)
		return m.buildWallet()
	}
	m.setAccount(msg.acct)
	if open {
		m.money.form = nil
	}
	text := "Saved: payouts go to your payment account"
	if msg.acct != nil && msg.acct.PreferCrypto {
		text = "Saved: payouts go to " + msg.acct.CryptoWalletAddress
	}
	return views.Status(views.LevelInfo, text)
}

// walletView draws the open wallet form under the section's title.
func (m *Model) walletView() string {
	return m.drawForm(m.moneyHeader()[:1], &m.money.form.paneForm)
}
