package bank

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

var update = flag.Bool("update", false, "rewrite the .want files of broken banks")

// TestBroken parses every bank under testdata/broken and compares the
// problems it reports, line for line, with the .want file beside it.
func TestBroken(t *testing.T) {
	files, _ := filepath.Glob("testdata/broken/*.toml")
	if len(files) == 0 {
		t.Fatal("no broken banks")
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			b, err := Parse(file, data)
			if err == nil {
				t.Fatalf("Parse accepted a broken bank (%d facts)", len(b.Facts))
			}
			if _, ok := err.(ErrorList); !ok {
				t.Fatalf("Parse returned %T, want ErrorList", err)
			}
			got := err.Error() + "\n"
			wantFile := strings.TrimSuffix(file, ".toml") + ".want"
			if *update {
				if err := os.WriteFile(wantFile, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(wantFile)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("problems differ\n got:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

func TestValid(t *testing.T) {
	files, _ := filepath.Glob("testdata/valid/*.toml")
	files = append(files, "../../questions.toml")
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			if _, err := Load(file); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestBuiltin checks the shipped bank against the coverage promises.
func TestBuiltin(t *testing.T) {
	b, err := Load("../../questions.toml")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"who": 8, "when": 8, "deal": 4, "mediator": 3, "quote": 6, "number": 4, "what": 5, "why": 10}
	got := map[string]int{}
	for _, f := range b.Facts {
		got[f.Kind]++
		if f.Explain == "" {
			t.Errorf("fact %q has no explanation", f.ID)
		}
		if f.Statement == "" {
			t.Errorf("fact %q has no true/false statement", f.ID)
		}
	}
	if len(b.Facts) < 40 {
		t.Errorf("%d facts, want at least 40", len(b.Facts))
	}
	for k, n := range want {
		if got[k] < n {
			t.Errorf("%d %s facts, want at least %d", got[k], k, n)
		}
	}
	// Every person, country and place the article names is in the bank.
	for _, name := range []string{"Khamenei", "Macron", "Trump", "Rouhani", "Tehran", "New York",
		"Washington", "Japan", "France", "Cuba", "North Korea", "Europe", "P5+1",
		"UN General Assembly", "The New Yorker"} {
		found := false
		for _, e := range b.Entities {
			found = found || strings.Contains(e.Name, name)
		}
		if !found {
			t.Errorf("no entity named %q", name)
		}
	}
}

func TestErrorFormat(t *testing.T) {
	for _, tc := range []struct {
		e    Error
		want string
	}{
		{Error{File: "b.toml", Line: 14, What: `fact "x"`, Msg: "answer is empty"}, `b.toml:14: fact "x": answer is empty`},
		{Error{File: "b.toml", Line: 2, Col: 9, Msg: "bad"}, `b.toml:2:9: bad`},
		{Error{File: "b.toml", Msg: "too big"}, `b.toml: too big`},
	} {
		if got := tc.e.Error(); got != tc.want {
			t.Errorf("got %q, want %q", got, tc.want)
		}
	}
}

func TestTooLarge(t *testing.T) {
	data := make([]byte, MaxSize+1)
	_, err := Parse("huge.toml", data)
	if err == nil || !strings.Contains(err.Error(), "larger than 10 MiB") {
		t.Fatalf("got %v, want a size refusal", err)
	}
}

func TestParseDate(t *testing.T) {
	for _, tc := range []struct {
		in, want, err string
	}{
		{"1953", "1953", ""},
		{"2018-05", "May 2018", ""},
		{"2019-11-03", "3 November 2019", ""},
		{"--08-23", "23 August", ""},
		{"--02-29", "29 February", ""},
		{"2019-02-29", "", "does not exist"},
		{"2020-02-29", "29 February 2020", ""},
		{"2019-00", "", "no month 0"},
		{"2019-04-31", "", "does not exist"},
		{"0000", "", "does not exist"},
		{"19", "", "want YYYY"},
		{"Aug 2018", "", `write it "2018-08"`},
		{"2018-5", "", `write it "2018-05"`},
		{"11/03/2019", "", `write it "2019-11-03"`},
		{"Sunday, November 3, 2019", "", `write it "2019-11-03"`},
		{"23 August", "", `write it "--08-23"`},
		{"Wednesday", "", "a weekday is a date only in a bank"},
		{"", "", "want YYYY"},
		{"--13-01", "", "no month 13"},
		{"[2019]-09-24", "24 September [2019]", ""},
		{"[2019]-09", "September [2019]", ""},
		{"[1953]", "[1953]", ""},
		{"[2019-09-24", "", "year alone in brackets"},
		{"[2019]-[09]-24", "", "year alone in brackets"},
		{"[--09]-24", "", "only a year"},
		{"[2019]-02-30", "", `"[2019]-02-30" does not exist`},
		// A weekday or relative date resolved against the article's date.
		{"[2019-10-30]", "[30 October 2019]", ""},
		{"[2019-10]", "[October 2019]", ""},
		{"[2019-02-30]", "", `"[2019-02-30]" does not exist`},
		{"[--10-30]", "", "only a year, a month or a day"},
		{"[2019-10-30", "", "year alone in brackets"},
		{"[2019]-10-30]", "", "year alone in brackets"},
	} {
		d, err := ParseDate(tc.in)
		switch {
		case tc.err != "":
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("ParseDate(%q) error = %v, want %q", tc.in, err, tc.err)
			}
		case err != nil:
			t.Errorf("ParseDate(%q): %v", tc.in, err)
		case d.String() != tc.want:
			t.Errorf("ParseDate(%q) = %q, want %q", tc.in, d, tc.want)
		case d.ISO() != tc.in:
			t.Errorf("ParseDate(%q).ISO() = %q", tc.in, d.ISO())
		}
	}
}

// TestHumanDate checks the date exports and the key print: an ISO date
// reads as people write it, and what is not one is kept as it is.
func TestHumanDate(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"2019-11-03", "3 November 2019"},
		{"2018-05", "May 2018"},
		{"1953", "1953"},
		{"--08-23", "23 August"},
		{"[2019]-09-24", "24 September [2019]"},
		{"", ""},
		{"3 November 2019", "3 November 2019"},
		{"2019-02-30", "2019-02-30"},
	} {
		if got := HumanDate(tc.in); got != tc.want {
			t.Errorf("HumanDate(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestInferredDate checks that a year the article does not print is never
// shown as if it did: Printed leaves it out, the other forms bracket it.
func TestInferredDate(t *testing.T) {
	for _, tc := range []struct {
		in, printed, short string
	}{
		{"[2019]-09-24", "24 September", "24 Sep [2019]"},
		{"[2019]-09", "September", "Sep [2019]"},
		{"[2019]", "", "[2019]"},
		{"2019-09-24", "24 September 2019", "24 Sep 2019"},
		{"[2019-10-30]", "", "[30 Oct 2019]"},
		{"[2019-10]", "", "[Oct 2019]"},
	} {
		d, err := ParseDate(tc.in)
		if err != nil {
			t.Fatal(err)
		}
		if d.Printed() != tc.printed || d.Short() != tc.short {
			t.Errorf("%q: Printed %q, Short %q; want %q, %q", tc.in, d.Printed(), d.Short(), tc.printed, tc.short)
		}
	}
	a, _ := ParseDate("[2019]-09-24")
	b, _ := ParseDate("2019-09-30")
	if a.Compare(b) >= 0 {
		t.Errorf("an inferred year must still order: %v before %v", a, b)
	}
}

func TestQualifierBound(t *testing.T) {
	for _, tc := range []struct {
		q    string
		want Bound
		ok   bool
	}{
		{"", Exact, true}, {"more than", Above, true}, {"Over", Above, true}, {"above", Above, true},
		{"at  least", Above, true}, {"fewer than", Below, true}, {"up to", Below, true},
		{"some", About, true}, {"nearly", About, true}, {"about", About, true},
		{"a whopping", Exact, false},
	} {
		got, ok := QualifierBound(tc.q)
		if got != tc.want || ok != tc.ok {
			t.Errorf("QualifierBound(%q) = %v, %v; want %v, %v", tc.q, got, ok, tc.want, tc.ok)
		}
	}
}

func TestNames(t *testing.T) {
	for _, tc := range []struct {
		e    Entity
		want string
	}{
		{Entity{Pool: People, Name: "Donald Trump", Aliases: []string{"the U.S. President"}}, "the U.S. President|Donald Trump|Trump"},
		{Entity{Pool: Groups, Name: "the European Union", Aliases: []string{"EU"}}, "the European Union|European Union|EU"},
		// A country is named by its demonyms and other names, listed by
		// the bank or not.
		{Entity{Pool: Groups, Name: "France", Type: "country"}, "France|French"},
		{Entity{Pool: Groups, Name: "Iran", Aliases: []string{"Tehran"}}, "the Islamic Republic of Iran|Islamic Republic of Iran|the Islamic Republic|Iranians|Iranian|Persian|Tehran|Iran"},
		{Entity{Pool: Groups, Name: "the U.S.", Type: "country"}, "the United States of America|United States of America|the United States|United States|Americans|the U.S.|American|America|U.S.A.|the US|U.S.|USA|US"},
		// Not a group: a person or a place named like a country is not it.
		{Entity{Pool: People, Name: "Jordan"}, "Jordan"},
		{Entity{Pool: Places, Name: "Georgia"}, "Georgia"},
		{Entity{Pool: Deals, Name: "the 2015 nuclear deal (JCPOA)"}, "the 2015 nuclear deal (JCPOA)|2015 nuclear deal|JCPOA"},
		{Entity{Pool: Places, Name: "Tehran"}, "Tehran"},
	} {
		if got := strings.Join(Names(tc.e), "|"); got != tc.want {
			t.Errorf("Names(%q) = %q, want %q", tc.e.Name, got, tc.want)
		}
	}
}

func TestParseNumber(t *testing.T) {
	for _, tc := range []struct {
		in, digits string
		ok         bool
	}{
		{"444", "444", true},
		{"1,000", "1,000", true},
		{"6000", "6,000", true},
		{"999", "999", true},
		{"12345", "12,345", true},
		{"2.50", "2.50", true},
		{"0", "0", true},
		{"-4", "", false},
		{"4x", "", false},
		{"1e9", "", false},
		{"NaN", "", false},
		{"", "", false},
		{"1.2.3", "", false},
	} {
		n, err := ParseNumber(tc.in)
		if (err == nil) != tc.ok {
			t.Errorf("ParseNumber(%q) error = %v, want ok=%v", tc.in, err, tc.ok)
			continue
		}
		if tc.ok && n.Digits() != tc.digits {
			t.Errorf("ParseNumber(%q).Digits() = %q, want %q", tc.in, n.Digits(), tc.digits)
		}
	}
	n := Number{Value: 50, Unit: "diplomats", Qualifier: "more than"}
	if got := n.String(); got != "more than 50 diplomats" {
		t.Errorf("String() = %q", got)
	}
}

func TestScanTables(t *testing.T) {
	src := `top = 1
[article]
text = '''
[[facts]]
not = "a table"
'''
why = [
  "a",
  ["b"],
]
# [[facts]] in a comment
[[facts]]
id = "a" # comment
"quoted" = 2
[[facts]]
s = "x = [" 
ask = """
"""
summary = """a \
b \
c"""
why = 1
`
	tabs := scanTables([]byte(src))
	var got []string
	for _, tb := range tabs {
		got = append(got, fmt.Sprintf("%s#%d@%d%v", tb.name, tb.index, tb.line, tb.order))
	}
	want := "#0@1[top] article#0@2[text why] facts#0@12[id quoted] facts#1@15[s ask summary why]"
	if strings.Join(got, " ") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, " "), want)
	}
	// Lines keep counting through line-ending backslashes.
	if l, _ := tabs[len(tabs)-1].key("why"); l != 22 {
		t.Errorf("why at line %d, want 22", l)
	}
}

func TestFold(t *testing.T) {
	if Fold("  “Naive”\n or – ‘A’ ") != `"naive" or - 'a'` {
		t.Errorf("Fold = %q", Fold("  “Naive”\n or – ‘A’ "))
	}
}

// TestFoldTypography: quotes, dashes and spaces fold as in Fold, while
// case and punctuation stay, and so do letters outside ASCII.
func TestFoldTypography(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"  “Naive”\n or – ‘A’ ", `"Naive" or - 'A'`},
		{"the US, the U.S. and «us»", `the US, the U.S. and "us"`},
		{"Élysée\t—\u00a0Paris", "Élysée - Paris"},
		{"", ""},
	} {
		if got := FoldTypography(tc.in); got != tc.want {
			t.Errorf("FoldTypography(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestSplitDecode: decoding in two halves gives what one decode gives, for
// every bank in testdata and for generated ones, valid or not.
func TestSplitDecode(t *testing.T) {
	files, _ := filepath.Glob("testdata/*/*.toml")
	var inputs [][]byte
	for _, f := range append(files, "../../questions.toml") {
		data, _ := os.ReadFile(f)
		inputs = append(inputs, data)
	}
	big := genBank(t, 3000)
	inputs = append(inputs, big, append(append([]byte{}, big...), "\n[[people]]\nid = \"late\"\nname = \"L\"\nrole = \"r\"\n"...),
		append([]byte("facts = [1]\n"), big...), append(append([]byte{}, big...), "\n[[facts]]\nid = \"bad\"\nkind = \n"...))
	defer func(old int) { splitAt = old }(splitAt)
	for i, data := range inputs {
		splitAt = 1 << 30
		b1, err1 := Parse("x.toml", data)
		splitAt = 0
		b2, err2 := Parse("x.toml", data)
		if fmt.Sprint(err1) != fmt.Sprint(err2) {
			t.Errorf("input %d: errors differ:\n%v\n%v", i, err1, err2)
		}
		if (b1 == nil) != (b2 == nil) || (b1 != nil && (len(b1.Facts) != len(b2.Facts) || len(b1.Entities) != len(b2.Entities) || factsText(b1) != factsText(b2))) {
			t.Errorf("input %d: banks differ", i)
		}
	}
}

// factsText prints a bank's facts without their source positions.
func factsText(b *Bank) string {
	var out []string
	for _, f := range b.Facts {
		f.tab = nil
		out = append(out, fmt.Sprintf("%+v", f))
	}
	return strings.Join(out, "\n")
}

// TestUnitSingular: exactly one of a unit takes its singular, irregular
// plurals included; a bank's unit_one wins.
func TestUnitSingular(t *testing.T) {
	for _, tc := range []struct {
		n    Number
		want string
	}{
		{Number{Value: 1, Unit: "nationalities"}, "1 nationality"},
		{Number{Value: 1, Unit: "people"}, "1 person"},
		{Number{Value: 1, Unit: "countries"}, "1 country"},
		{Number{Value: 1, Unit: "crises"}, "1 crisis"},
		{Number{Value: 1, Unit: "media"}, "1 medium"},
		{Number{Value: 1, Unit: "species"}, "1 species"},
		{Number{Value: 1, Unit: "days"}, "1 day"},
		{Number{Value: 1, Unit: "U.S. diplomats"}, "1 U.S. diplomat"},
		{Number{Value: 1, Unit: "miles per hour"}, "1 mile per hour"},
		{Number{Value: 1, Unit: "barrels of oil"}, "1 barrel of oil"},
		{Number{Value: 1, Unit: "percent"}, "1 percent"},
		{Number{Value: 1, Unit: "media outlets", UnitOne: "media outlet"}, "1 media outlet"},
		{Number{Value: 2, Unit: "people"}, "2 people"},
		{Number{Value: 1.5, Decimals: 1, Unit: "days"}, "1.5 days"},
		{Number{Value: 50, Unit: "diplomats", Qualifier: "more than"}, "more than 50 diplomats"},
	} {
		if got := tc.n.String(); got != tc.want {
			t.Errorf("%+v: got %q, want %q", tc.n, got, tc.want)
		}
	}
}

// TestResolveRelative: dates written as the article gives them resolve
// against the article's date (Wednesday 13 April 2011 here), and are shown
// with the article's words and the worked-out date in brackets.
func TestResolveRelative(t *testing.T) {
	ref, _ := ParseDate("2011-04-13")
	for _, tc := range []struct {
		in, want, printed string
	}{
		{"Tuesday", "Tuesday [12 April 2011]", "Tuesday"},
		{"on Wednesday", "on Wednesday [13 April 2011]", "on Wednesday"},
		{"last Wednesday", "last Wednesday [6 April 2011]", "last Wednesday"},
		{"Thursday", "Thursday [7 April 2011]", "Thursday"},
		{"today", "today [13 April 2011]", "today"},
		{"yesterday", "yesterday [12 April 2011]", "yesterday"},
		{"last month", "last month [March 2011]", "last month"},
		{"next month", "next month [May 2011]", "next month"},
		{"last year", "last year [2010]", "last year"},
	} {
		d, ok := ResolveRelative(tc.in, ref)
		if !ok || d.String() != tc.want || d.Printed() != tc.printed || !d.Inferred || !d.Resolved {
			t.Errorf("ResolveRelative(%q) = %q (printed %q), %v; want %q", tc.in, d, d.Printed(), ok, tc.want)
		}
	}
	for _, in := range []string{"soon", "the other day", "2011-04-12"} {
		if _, ok := ResolveRelative(in, ref); ok {
			t.Errorf("ResolveRelative(%q) resolved", in)
		}
	}
	// Month ends: "last month" from 31 March is February.
	end, _ := ParseDate("2023-03-31")
	if d, _ := ResolveRelative("last month", end); d.String() != "last month [February 2023]" {
		t.Errorf("last month from 31 March: %q", d)
	}
}

// TestFoldAlreadyFolded: texts that look folded but are not (a trailing
// space, two spaces, a tab, a capital, a comma when punctuation goes) still
// fold; texts that are folded come back as they are.
func TestFoldAlreadyFolded(t *testing.T) {
	for _, tc := range []struct {
		in   string
		how  foldHow
		want string
	}{
		{"naive or an accomplice", lowerCase, "naive or an accomplice"},
		{"naive or ", lowerCase, "naive or"},
		{" naive", lowerCase, "naive"},
		{"naive  or", lowerCase, "naive or"},
		{"naive\tor", lowerCase, "naive or"},
		{"Naive", lowerCase, "naive"},
		{"Naive", 0, "Naive"},
		{"naive, or", lowerCase, "naive, or"},
		{"naive, or", lowerCase | dropPunct, "naive or"},
		{"naive - or 'a'", lowerCase | dropPunct, "naive - or 'a'"},
		{"x\x01y", lowerCase, "x\x01y"},
		{"", lowerCase, ""},
		{" ", lowerCase, ""},
	} {
		if got := fold(tc.in, tc.how); got != tc.want {
			t.Errorf("fold(%q, %d) = %q, want %q", tc.in, tc.how, got, tc.want)
		}
	}
}

// FuzzFold: the shortcut for texts already folded never changes what fold
// returns. The reference is fold's general path: build the folded text rune
// by rune, which the shortcut skips.
func FuzzFold(f *testing.F) {
	for _, s := range []string{"naive or", "Naive  or ", "“a”, b.", "\t", "a\u00a0b", "x\x85y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, how := range []foldHow{0, lowerCase, lowerCase | dropPunct} {
			got, want := fold(s, how), foldSlow(s, how)
			if got != want {
				t.Fatalf("fold(%q, %d) = %q, the rune-by-rune fold gives %q", s, how, got, want)
			}
			if fold(got, how) != got {
				t.Fatalf("fold(%q, %d) = %q folds again to %q", s, how, got, fold(got, how))
			}
		}
	})
}

// foldSlow is fold without its shortcut, as fold was before it had one.
func foldSlow(s string, how foldHow) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch r {
		case '‘', '’', '‚', '‛', '′':
			r = '\''
		case '“', '”', '„', '‟', '″', '«', '»':
			r = '"'
		case '–', '—', '‐', '‑', '−':
			r = '-'
		case ',', '.', ';', ':', '!', '?':
			if how&dropPunct != 0 {
				continue
			}
		}
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		if how&lowerCase != 0 {
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// TestKnownRole: the role new writes for a person the article gives none
// is no role, whatever its case or spacing; any other role is kept.
func TestKnownRole(t *testing.T) {
	for _, tc := range []struct{ role, want string }{
		{"Supreme Leader of Iran", "Supreme Leader of Iran"},
		{"named in the article", ""},
		{" Named in the article ", ""},
		{"", ""},
		{"named in the article as a source", "named in the article as a source"},
	} {
		if got := (Entity{Pool: People, Role: tc.role}).KnownRole(); got != tc.want {
			t.Errorf("KnownRole(%q) = %q, want %q", tc.role, got, tc.want)
		}
	}
}
