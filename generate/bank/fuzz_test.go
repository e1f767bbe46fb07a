package bank

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzParse feeds arbitrary bytes to Parse. It must never panic, must
// return either a bank or an ErrorList, and a bank it accepts must hold
// only resolvable answers, and feedback aligned with the wrong options.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*/*.toml")
	for _, s := range seeds {
		data, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := Parse("fuzz.toml", data)
		if err != nil {
			if _, ok := err.(ErrorList); !ok {
				t.Fatalf("Parse returned %T, want ErrorList", err)
			}
			return
		}
		again, err := Parse("fuzz.toml", data)
		if err != nil || len(again.Facts) != len(b.Facts) || len(again.Entities) != len(b.Entities) {
			t.Fatalf("second Parse disagrees: %v", err)
		}
		for _, fact := range b.Facts {
			if b.Text(fact.Answer) == "" {
				t.Fatalf("fact %q: accepted with an empty answer", fact.ID)
			}
			if fact.Answer.Type == EntityValue {
				if _, ok := b.Entity(fact.Answer.Entity); !ok {
					t.Fatalf("fact %q: accepted with an unknown answer %q", fact.ID, fact.Answer.Entity)
				}
			}
			for _, w := range fact.Wrong {
				if b.Key(w) == b.Key(fact.Answer) {
					t.Fatalf("fact %q: accepted a wrong answer equal to the answer", fact.ID)
				}
				// "more than 50" makes 40 true, "up to 32" makes 36 true.
				if n := fact.Answer.Number; fact.Answer.Type == NumberValue && w.Type == NumberValue &&
					(floorWords[strings.ToLower(n.Qualifier)] && w.Number.Value < n.Value || ceilingWords[strings.ToLower(n.Qualifier)] && w.Number.Value > n.Value) {
					t.Fatalf("fact %q: accepted wrong figure %v, which %q %v makes true", fact.ID, w.Number.Value, n.Qualifier, n.Value)
				}
			}
			if fact.Feedback != nil && len(fact.Feedback) != len(fact.Wrong) {
				t.Fatalf("fact %q: %d feedback texts for %d wrong options", fact.ID, len(fact.Feedback), len(fact.Wrong))
			}
		}
	})
}

// FuzzParseDate: any date that parses prints back (ISO) to one that parses
// to the same date.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"1953", "2018-05", "2019-11-03", "--08-23", "2019-02-29", "--02-30", "0000", "99999", "[2019]-09-24", "[2019-10-30]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			return
		}
		again, err := ParseDate(d.ISO())
		if err != nil || again != d {
			t.Fatalf("%q -> %q -> %v, %v", s, d.ISO(), again, err)
		}
		if d.String() == "" || d.Short() == "" {
			t.Fatalf("%q formats empty", s)
		}
	})
}

// FuzzParseNumber: accepted numbers are never negative and format back to
// a number that parses to the same value.
func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"444", "1,000", "2.50", "-1", "1e9", "0.0001"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseNumber(s)
		if err != nil {
			return
		}
		if n.Value < 0 {
			t.Fatalf("%q parsed negative", s)
		}
		again, err := ParseNumber(n.Digits())
		if err != nil || again.Value != n.Value {
			t.Fatalf("%q -> %q -> %v, %v", s, n.Digits(), again.Value, err)
		}
	})
}

// floorWords and ceilingWords are the qualifiers that make a figure a
// floor or a ceiling, listed from English usage, not from the package.
var (
	floorWords   = map[string]bool{"more than": true, "over": true, "above": true, "at least": true, "upwards of": true, "in excess of": true, "just over": true}
	ceilingWords = map[string]bool{"fewer than": true, "less than": true, "under": true, "below": true, "up to": true, "at most": true, "no more than": true, "just under": true}
)
