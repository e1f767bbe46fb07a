package bank

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// genBank returns a valid bank of n facts built on testdata/valid/small.toml.
func genBank(tb testing.TB, n int) []byte {
	base, err := os.ReadFile("testdata/valid/small.toml")
	if err != nil {
		tb.Fatal(err)
	}
	var b strings.Builder
	b.Write(base[:strings.Index(string(base), "[[facts]]")])
	people := []string{"khamenei", "macron", "trump", "rouhani"}
	for i := 0; i < n; i++ {
		switch i % 3 {
		case 0:
			fmt.Fprintf(&b, "[[facts]]\nid = \"who-%d\"\nkind = \"who\"\nask = \"Question %d about “naive”?\"\nanswer = %q\nwrong = [%q]\nsource = \"either naive or an accomplice\"\ntags = [\"t%d\", \"all\"]\ndifficulty = %d\n\n",
				i, i, people[i%4], people[(i+1)%4], i%10, 1+i%3)
		case 1:
			fmt.Fprintf(&b, "[[facts]]\nid = \"when-%d\"\nkind = \"when\"\nask = \"When %d?\"\ndate = \"%04d-%02d\"\nsource = \"It goes back to the 1953 coup d'état.\"\n\n", i, i, 1900+i%100, 1+i%12)
		default:
			fmt.Fprintf(&b, "[[facts]]\nid = \"number-%d\"\nkind = \"number\"\nask = \"How many %d?\"\nnumber = %d\nunit = \"days\"\nsource = \"held for 444 days\"\n\n", i, i, i)
		}
	}
	return []byte(b.String())
}

func TestGenBank(t *testing.T) {
	b, err := Parse("gen.toml", genBank(t, 30))
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Facts) != 30 {
		t.Fatalf("%d facts, want 30", len(b.Facts))
	}
}

// BenchmarkParse loads and validates generated banks of 1,000 and 10,000
// facts, each through both decodes: decode=whole decodes the file in one
// goroutine, decode=split in two halves side by side (what Parse does from
// splitAt up, so at 10,000 facts but not at 1,000). Compare like with like:
// the same decode across sizes (the cost per fact should stay flat), or
// the two decodes at one size (what splitting saves in time, and costs in
// memory).
func BenchmarkParse(b *testing.B) {
	defer func(old int) { splitAt = old }(splitAt)
	for _, n := range []int{1000, 10000} {
		data := genBank(b, n)
		for _, d := range []struct {
			name    string
			splitAt int
		}{{"whole", 1 << 30}, {"split", 0}} {
			b.Run(fmt.Sprintf("facts=%d/decode=%s", n, d.name), func(b *testing.B) {
				splitAt = d.splitAt
				b.ReportAllocs()
				b.SetBytes(int64(len(data)))
				for i := 0; i < b.N; i++ {
					if _, err := Parse("gen.toml", data); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
