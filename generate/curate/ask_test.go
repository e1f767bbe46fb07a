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
