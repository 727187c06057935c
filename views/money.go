package views

import (
	"strconv"
	"strings"
)

// Thousands writes a count with separators: 12345 is "12,345", -1234 is
// "-1,234" (AXP totals, counts).
func Thousands(n int) string {
	s := strconv.Itoa(n)
	if rest, neg := strings.CutPrefix(s, "-"); neg {
		return "-" + grouped(rest)
	}
	return grouped(s)
}

// grouped puts a comma between each group of three digits of digits.
func grouped(digits string) string {
	var b strings.Builder
	for i, r := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Money formats an amount in cents as dollars: 500 is "$5.00", 123456 is
// "$1,234.56", -250 is "-$2.50". The marketplace's prices, fees and
// payouts are integer cents (api/types_market.go).
func Money(cents int) string {
	neg := cents < 0
	u := uint64(cents)
	if neg {
		u = uint64(-(cents + 1)) + 1 // math.MinInt has no positive twin
	}
	frac := u % 100
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	b.WriteByte('$')
	b.WriteString(grouped(strconv.FormatUint(u/100, 10)))
	b.WriteByte('.')
	b.WriteByte(byte('0' + frac/10))
	b.WriteByte(byte('0' + frac%10))
	return b.String()
}
