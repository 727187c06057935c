package views

import (
	"math"
	"testing"
)

func TestMoney(t *testing.T) {
	for cents, want := range map[int]string{
		0: "$0.00", 5: "$0.05", 500: "$5.00", 1999: "$19.99", 123456: "$1,234.56",
		100_000_000: "$1,000,000.00", -250: "-$2.50",
		math.MinInt64: "-$92,233,720,368,547,758.08",
	} {
		if got := Money(cents); got != want {
			t.Errorf("Money(%d) = %q, want %q", cents, got, want)
		}
	}
}

func TestThousandsGroupsDigitsByThree(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 12345: "12,345", 1234567: "1,234,567", -1234: "-1,234"} {
		if got := Thousands(n); got != want {
			t.Errorf("Thousands(%d) = %q, want %q", n, got, want)
		}
	}
}
