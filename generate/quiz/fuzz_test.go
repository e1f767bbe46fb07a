package quiz

import (
	"strings"
	"testing"
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
