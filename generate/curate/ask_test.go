package curate

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/quizcard/quizcard/generate/bank"
)

func builtin(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile("../../questions.toml")
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestAsk feeds the prompt answers, some wrong: each is refused on the spot
// with the bank's own message, and asked again.
func TestAsk(t *testing.T) {
	in := strings.Join([]string{
		"naive-quote",    // taken
		"Rouhani Repent", // not an id
		"rouhani-repent",
		"whom", // not a kind
		"who",
		"", // required
		"Who said talks are possible only if the U.S. “repents”?",
		"rohani", // unknown
		"rouhani",
		"talks are impossible", // not in the article
		"talks between Iran and the United States are possible only if the U.S. \"repents\"",
		"{answer} set conditions for talks.",
		"",              // explain: optional
		"rouhani",       // wrong = the answer
		"trump, macron", // wrong
		"",              // also
		"talks",
		"5", // difficulty out of range
		"2",
	}, "\n") + "\n"
	var out bytes.Buffer
	d, err := Ask("questions.toml", builtin(t), bufio.NewReader(strings.NewReader(in)), &out)
	if err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	want := bank.Draft{ID: "rouhani-repent", Kind: "who", Ask: "Who said talks are possible only if the U.S. “repents”?",
		Answer: "rouhani", Source: "talks between Iran and the United States are possible only if the U.S. \"repents\"",
		Statement: "{answer} set conditions for talks.", Wrong: []string{"trump", "macron"}, Tags: []string{"talks"}, Difficulty: 2}
	if fmt.Sprint(d) != fmt.Sprint(want) {
		t.Errorf("draft\n got %+v\nwant %+v", d, want)
	}
	for _, msg := range []string{
		"duplicate id (first used at line",
		`id "Rouhani Repent" must be lower-case`,
		`unknown kind "whom"`,
		"ask is required",
		`answer "rohani" is not a known person`,
		"source excerpt is not in the article text",
		`wrong answer "Hassan Rouhani" is the right answer`,
		"difficulty is 1, 2 or 3",
		"one of: khamenei, macron, trump, rouhani",
	} {
		if !strings.Contains(out.String(), msg) {
			t.Errorf("prompt never said %q:\n%s", msg, out.String())
		}
	}
	// Ctrl-D stops without a draft.
	_, err = Ask("questions.toml", builtin(t), bufio.NewReader(strings.NewReader("an-id\n")), &out)
	if err == nil || !strings.Contains(err.Error(), "nothing was written") {
		t.Errorf("EOF: err = %v", err)
	}
}

// TestAskGoesOnWhenTooFewOptions: a "place" answer in a bank with two
// places is refused for want of wrong options, not for being wrong, so the
// prompt goes on to the next fields instead of asking for it again.
func TestAskGoesOnWhenTooFewOptions(t *testing.T) {
	data := []byte(`[article]
title = "T"
outlet = "O"
date = "2019-11-03"
summary = "S"
text = '''
Rouhani never emerged from his room in New York.
'''

[[people]]
id = "rouhani"
name = "Hassan Rouhani"
role = "President"
[[people]]
id = "a"
name = "A B"
role = "R"
[[people]]
id = "b"
name = "B C"
role = "R"
[[people]]
id = "c"
name = "C D"
role = "R"

[[places]]
id = "new-york"
name = "New York"
[[places]]
id = "tehran"
name = "Tehran"

[[facts]]
id = "room"
kind = "who"
ask = "Who never emerged from his room?"
answer = "rouhani"
source = "Rouhani never emerged from his room"
`)
	in := strings.Join([]string{"where", "place", "Where was the room?", "new-york",
		"Rouhani never emerged from his room in New York", "", "", "tehran", "", "", ""}, "\n") + "\n"
	var out bytes.Buffer
	d, err := Ask("b.toml", data, bufio.NewReader(strings.NewReader(in)), &out)
	if err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if d.Answer != "new-york" || len(d.Wrong) != 1 || d.Wrong[0] != "tehran" {
		t.Errorf("draft %+v\n%s", d, out.String())
	}
	if !strings.Contains(out.String(), "Adding a fact to b.toml (1 fact).") {
		t.Errorf("the count of facts is not \"(1 fact)\":\n%s", out.String())
	}
	if !strings.Contains(out.String(), "only 1 candidate distractor for new-york (places)") || !strings.Contains(out.String(), "going on") {
		t.Errorf("no word about the shortage:\n%s", out.String())
	}
}

// TestOnlyTooFew: a shortage of wrong options, one or several, lets the
// prompt go on; any other problem does not. The problems are written as
// check words them.
func TestOnlyTooFew(t *testing.T) {
	for _, tc := range []struct {
		problems []string
		want     bool
	}{
		{[]string{`fact "f": only 1 candidate distractor for england (countries); needs 3: add 2 more [[groups]] with type = "country"`}, true},
		{[]string{`fact "f": only 2 candidate distractors for macron (people); needs 3: add 1 more [[people]]`}, true},
		{[]string{`fact "f": only 2 candidate distractors for macron (people); needs 3`, `fact "f": answer "x" is not a known person`}, false},
	} {
		if got := onlyTooFew(tc.problems); got != tc.want {
			t.Errorf("onlyTooFew(%q) = %v, want %v", tc.problems, got, tc.want)
		}
	}
}
