package draft

import (
	"testing"
)

// TestFindNumbers: figures from news sentences, with the qualifier and
// unit a reader takes from them.
func TestFindNumbers(t *testing.T) {
	for _, tc := range []struct{ text, found, qual, value, unit string }{
		{"and taking more than 50 U.S. diplomats hostage for many days", "more than 50 U.S. diplomats", "more than", "50", "U.S. diplomats"},
		{"They were held hostage for 444 days, he said.", "444 days", "", "444", "days"},
		{"during the last 41 years, the U.S. has", "41 years", "", "41", "years"},
		{"This is one hundred percent wrong.", "one hundred percent", "", "100", "percent"},
		{"Oil rose 5% on Monday.", "5%", "", "5", "percent"},
		{"a loan of $1.5 billion to Kenya", "$1.5 billion", "", "1.5", "billion dollars"},
		{"nearly 2,000 people fled the town", "nearly 2,000 people", "nearly", "2000", "people"},
		{"some 30 countries signed it", "some 30 countries", "some", "30", "countries"},
	} {
		text := tc.text
		ns := findNumbers(text, tokenize(text), func(int, int) bool { return false })
		if len(ns) != 1 {
			t.Errorf("%q: %d numbers, want 1: %+v", text, len(ns), ns)
			continue
		}
		n := ns[0]
		if got := text[n.start:n.end]; got != tc.found || n.number.Qualifier != tc.qual || formatValue(n.number.Value) != tc.value || n.number.Unit != tc.unit {
			t.Errorf("%q: found %q = %q %s %q; want %q = %q %s %q", text, got, n.number.Qualifier, formatValue(n.number.Value), n.number.Unit, tc.found, tc.qual, tc.value, tc.unit)
		}
	}
	for _, text := range []string{"the P5+1 meetings", "COVID-19 cases rose", "one of the ways", "at 10:30 today", "G7 leaders met"} {
		if ns := findNumbers(text, tokenize(text), func(int, int) bool { return false }); len(ns) != 0 {
			t.Errorf("%q: found %q, want no figure", text, text[ns[0].start:ns[0].end])
		}
	}
}
