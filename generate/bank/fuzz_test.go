package bank

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse feeds arbitrary bytes to Parse. It must never panic, must
// return either a bank or an ErrorList, and a bank it accepts must hold
// only resolvable answers and drawable text.
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
			}
		}
	})
}
