package quiz

import "testing"

// groupBank: seven sentences; facts in one sentence, across two, in a
// bank group, and alone.
const groupBank = `
[article]
title = "Groups"
outlet = "Test News"
date = "2019-11-03"
summary = "Sentences."
text = '''
Anna wrote one two three. Bert wrote four five six. Carl wrote seven eight nine. Dora wrote ten eleven twelve. Erik wrote thirteen more words. Finn wrote fourteen more words. Gus wrote fifteen more words.
'''

[[facts]]
id = "f1"
kind = "number"
ask = "How many did Anna write?"
number = 3
source = "Anna wrote one two three."

[[facts]]
id = "f2"
kind = "number"
ask = "How many words did Anna write?"
number = 4
source = "wrote one two three"

[[facts]]
id = "f3"
kind = "number"
ask = "How many did Bert write?"
number = 6
source = "Bert wrote four five six. Carl wrote"

[[facts]]
id = "f4"
kind = "number"
ask = "How many did Carl write?"
number = 9
source = "Carl wrote seven eight nine."

[[facts]]
id = "f5"
kind = "number"
ask = "How many did Dora write?"
number = 12
group = "dora"
source = "Dora wrote ten eleven twelve."

[[facts]]
id = "f6"
kind = "number"
ask = "How many did Dora mean?"
number = 13
group = "dora"
source = "Erik wrote thirteen more words."

[[facts]]
id = "f7"
kind = "number"
ask = "How many did Eve write?"
number = 14
source = "Finn wrote fourteen more words."

[[facts]]
id = "f8"
kind = "number"
ask = "How many did Finn write?"
number = 15
source = "Gus wrote fifteen more words."
`

// TestSentenceGroups: facts in one sentence share a group, as do facts
// whose excerpts span a sentence they share, and facts the bank groups by
// hand; a fact whose excerpt the text does not hold (a bank without the
// article's text) is a group of its own (rule 9).
func TestSentenceGroups(t *testing.T) {
	b := parseBank(t, groupBank)
	groups, of := sentenceGroups(b)
	same := [][]string{{"f1", "f2"}, {"f3", "f4"}, {"f5", "f6"}, {"f7"}, {"f8"}}
	for i, a := range same {
		for _, x := range a {
			if len(groups[x]) != 1 {
				t.Fatalf("%s: groups %v", x, groups[x])
			}
			if groups[x][0] != groups[a[0]][0] {
				t.Errorf("%s and %s in different groups", x, a[0])
			}
		}
		for _, c := range same[i+1:] {
			if groups[a[0]][0] == groups[c[0]][0] {
				t.Errorf("%s and %s in one group", a[0], c[0])
			}
		}
	}
	got := of([]string{"Anna wrote one two three.", "Carl wrote seven eight nine.", "Anna wrote"})
	if len(got) != 2 || got[0] != groups["f1"][0] || got[1] != groups["f3"][0] {
		t.Errorf("groups of two excerpts: %v, want [%d %d]", got, groups["f1"][0], groups["f3"][0])
	}
	if got := of([]string{"Dora wrote ten"}); len(got) != 1 || got[0] != groups["f5"][0] {
		t.Errorf("groups of Dora's sentence: %v, want the bank group's", got)
	}
	if got := of([]string{"not in the text"}); len(got) != 0 {
		t.Errorf("groups of a missing excerpt: %v", got)
	}
	// Through newGen the same groups reach the paper: f1 and f2 conflict.
	g := newGen(b, rng(1))
	if !conflicts(&item{groups: g.groups["f1"]}, &item{groups: g.groups["f2"]}) {
		t.Error("f1 and f2 may share a paper")
	}
	// Without the article's text, no excerpt is found: each fact is a
	// group of its own, unless the bank groups it.
	nb := b.WithFacts(b.Facts)
	nb.Article.Text = ""
	groups, _ = sentenceGroups(nb)
	seen := map[int]string{}
	for _, f := range nb.Facts {
		if other, ok := seen[groups[f.ID][0]]; ok && !(f.ID == "f6" && other == "f5") {
			t.Errorf("without text, %s and %s share a group", other, f.ID)
		}
		seen[groups[f.ID][0]] = f.ID
	}
	if groups["f5"][0] != groups["f6"][0] {
		t.Error("without text, the bank group dora is split")
	}
}
