package english

import "testing"

func TestPluralWord(t *testing.T) {
	for _, tc := range []struct {
		n                int
		singular, plural string
		want             string
	}{
		{0, "problem", "", "problems"},
		{1, "problem", "", "problem"},
		{2, "problem", "", "problems"},
		{-1, "problem", "", "problems"},
		{1, "person", "people", "person"},
		{4, "person", "people", "people"},
		{1, "fits", "fit", "fits"},
		{2, "fits", "fit", "fit"},
	} {
		if got := PluralWord(tc.n, tc.singular, tc.plural); got != tc.want {
			t.Errorf("PluralWord(%d, %q, %q) = %q, want %q", tc.n, tc.singular, tc.plural, got, tc.want)
		}
	}
}

func TestPlural(t *testing.T) {
	for _, tc := range []struct {
		n                int
		singular, plural string
		want             string
	}{
		{0, "page", "", "0 pages"},
		{1, "page", "", "1 page"},
		{12, "answer sheet", "", "12 answer sheets"},
		{2, "person", "people", "2 people"},
	} {
		if got := Plural(tc.n, tc.singular, tc.plural); got != tc.want {
			t.Errorf("Plural(%d, %q, %q) = %q, want %q", tc.n, tc.singular, tc.plural, got, tc.want)
		}
	}
}

func TestCapitalise(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"the U.S.", "The U.S."},
		{"Khamenei", "Khamenei"},
		{"émile", "Émile"},
		{"ça va", "Ça va"},
		{"ölçü", "Ölçü"}, // only the first letter
		{"1979 revolution", "1979 revolution"},
		{"“quoted”", "“quoted”"},
		{"\xffabc", "\xffabc"}, // not UTF-8: left as it is
		{"a", "A"},
	} {
		if got := Capitalise(tc.in); got != tc.want {
			t.Errorf("Capitalise(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
