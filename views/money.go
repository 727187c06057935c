package views

import (
	"strconv"
	"strings"
)

// Money formats an amount in cents as dollars: 500 is "$5.00", 123456 is
// "$1,234.56", -250 is "-$2.50". The marketplace's prices, fees and
// payouts are integer cents (api/types_market.go).
func Money(cents int) string {
	neg := cents < 0
	u := uint64(cents)
	if neg {
		u = uint64(-(cents + 1)) + 1 // math.MinInt has no positive twin
	}
	whole := strconv.FormatUint(u/100, 10)
	frac := u % 100
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	b.WriteByte('$')
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	b.WriteByte('.')
	b.WriteByte(byte('0' + frac/10))
	b.WriteByte(byte('0' + frac%10))
	return b.String()
}
