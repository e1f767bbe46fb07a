package bank

import (
	"strings"
	"testing"
)

func TestSentences(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"One. Two! Three? Four", []string{"One.", "Two!", "Three?", "Four"}},
		{"He met the U.S. envoy. Then he left.", []string{"He met the U.S. envoy.", "Then he left."}},
		{"Tuesday, Sept. 17, 2019 was a day. Mr. Smith came.", []string{"Tuesday, Sept. 17, 2019 was a day.", "Mr. Smith came."}},
		{`He said, "No." Then "Yes!" came.`, []string{`He said, "No."`, `Then "Yes!" came.`}},
		{"Title line\n\nFirst para. Second sentence.\n\nLast", []string{"Title line", "First para.", "Second sentence.", "Last"}},
		{"A line\nwrapped in the middle. Next.", []string{"A line\nwrapped in the middle.", "Next."}},
		{"It cost 3.5 billion. Donald J. Trump said so.", []string{"It cost 3.5 billion.", "Donald J. Trump said so."}},
		{"Trump’s “path to peace.” Macron waited.", []string{"Trump’s “path to peace.”", "Macron waited."}},
		{"the U.S.-backed army. the end", []string{"the U.S.-backed army. the end"}},
		{"", nil},
	} {
		var got []string
		for _, sp := range Sentences(tc.text) {
			got = append(got, tc.text[sp.Start:sp.End])
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("Sentences(%q)\n got %q\nwant %q", tc.text, got, tc.want)
		}
	}
}

func TestSentencesOf(t *testing.T) {
	b := &Bank{Article: Article{Text: "Title\n\nMacron waited. Rouhani never emerged from his room. This means no deal.\n\nKhamenei said, \"No!\" Then he left."}}
	for _, tc := range []struct {
		excerpt string
		want    []int
	}{
		{"Macron waited", []int{1}},
		{"Rouhani never emerged from his room. This means", []int{2, 3}},
		{"no deal", []int{3}},
		{`Khamenei said, "No!"`, []int{4}},
		{"not in the text", nil},
	} {
		got := b.SentencesOf(tc.excerpt)
		if len(got) != len(tc.want) {
			t.Errorf("SentencesOf(%q) = %v, want %v", tc.excerpt, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("SentencesOf(%q) = %v, want %v", tc.excerpt, got, tc.want)
				break
			}
		}
	}
}
