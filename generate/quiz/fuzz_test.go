package quiz

import (
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/quizcard/quizcard/generate/bank"
)

// FuzzParseForms: the --forms flag either parses to known forms or fails.
func FuzzParseForms(f *testing.F) {
	for _, s := range []string{"mc", "mc,tf,match,order", " tf , mc ", "", ",,", "essay"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		forms, err := ParseForms(s)
		if err != nil {
			return
		}
		for _, fm := range forms {
			if !strings.Contains(" mc tf match order ", " "+string(fm)+" ") {
				t.Fatalf("%q gave form %q", s, fm)
			}
		}
	})
}

// FuzzBuild: any bank that parses builds a quiz, a pool and a lint report
// without a panic, and every quiz it builds passes its own audit (the
// rules hold whatever the bank says). Seeds: the small test banks (the
// large ones make each run too slow to explore).
func FuzzBuild(f *testing.F) {
	data, err := os.ReadFile("testdata/rules.toml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data, uint64(1), uint8(2))
	for _, src := range []string{demonymBank, reasonBank, determinerBank, planeBank} {
		f.Add([]byte(src), uint64(2), uint8(1))
	}
	f.Fuzz(func(t *testing.T, data []byte, seed uint64, choices uint8) {
		b, err := bank.Parse("fuzz.toml", data)
		if err != nil {
			return
		}
		opt := Options{Count: 6, Choices: 2 + int(choices%4)}
		q, _, err := BuildUpTo(b, opt, func() *rand.Rand { return rng(seed) })
		if err == nil {
			if v := Audit(b, q); len(v) > 0 {
				t.Fatalf("built quiz breaks a rule: %v", v)
			}
		}
		_, _ = Pool(b, opt, rng(seed))
		_ = Lint(b, opt.Choices).Lines("fuzz.toml")
	})
}
