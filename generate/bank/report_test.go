package bank

import (
	"fmt"
	"strings"
	"testing"
)

// TestLinesCollapse: one mistake made in 100,000 facts prints as one line
// and a count, not 100,000 lines.
func TestLinesCollapse(t *testing.T) {
	var l ErrorList
	l = append(l, Error{File: "b.toml", Line: 3, What: "article", Msg: "missing title"})
	for i := 0; i < 100000; i++ {
		l = append(l, Error{File: "b.toml", Line: 10 + 8*i, What: fmt.Sprintf("fact %q", fmt.Sprint("f", i)), Msg: `answer "nobody" is not a known person`})
	}
	l = append(l, Error{File: "b.toml", Line: 900000, Msg: `unknown key "anwser" in [[facts]]`})
	want := []string{
		`b.toml:3: article: missing title`,
		`b.toml:10: fact "f0": answer "nobody" is not a known person`,
		`  … and 99,999 more like this (lines 18, 26, 34, 42, 50, …)`,
		`b.toml:900000: unknown key "anwser" in [[facts]]`,
	}
	if got := l.Lines(); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Two of a kind: the second is named by its line.
	two := ErrorList{{File: "b.toml", Line: 4, Msg: "m"}, {File: "b.toml", Line: 9, Msg: "m"}}
	if got := strings.Join(two.Lines(), "\n"); got != "b.toml:4: m\n  … and 1 more like this (line 9)" {
		t.Errorf("got %q", got)
	}
}

// TestLinesCap: distinct problems are listed up to MaxShown, then counted.
func TestLinesCap(t *testing.T) {
	var l ErrorList
	for i := 0; i < MaxShown+7; i++ {
		l = append(l, Error{File: "b.toml", Line: i + 1, Msg: fmt.Sprintf("problem %d", i)})
	}
	l = append(l, Error{File: "b.toml", Line: 99, Msg: "problem 0"}) // a repeat of a shown one
	got := l.Lines()
	if len(got) != MaxShown+2 {
		t.Fatalf("%d lines, want %d:\n%s", len(got), MaxShown+2, strings.Join(got, "\n"))
	}
	if got[1] != "  … and 1 more like this (line 99)" {
		t.Errorf("line 2 = %q", got[1])
	}
	if last := got[len(got)-1]; last != "… and 7 more problems" {
		t.Errorf("last line = %q", last)
	}
}
