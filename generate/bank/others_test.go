package bank

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// otherBanks are the banks under testdata/banks, each written for another
// real article than the built-in bank's, with the article file it copies.
var otherBanks = map[string]string{
	"shuttle.toml":    "wikinews-shuttle-homes.txt",
	"asylum.toml":     "wikinews-asylum-questionnaire.txt",
	"homeopathy.toml": "wikinews-homeopathy-trial.txt",
}

// asWritten are banks kept as a user wrote them from the README, lightly
// curated: only the article checks apply to them, not the breadth the
// curated banks promise.
var asWritten = map[string]bool{"homeopathy.toml": true}

// TestOtherBanks loads every bank under testdata/banks and checks that it
// is broad enough to exercise the generator's item rules: enough facts,
// spread over enough of the article's sentences, and enough same-table
// candidates for every entity answer to fill five options.
func TestOtherBanks(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/banks/*.toml")
	if len(files) == 0 {
		t.Fatal("no banks under testdata/banks")
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			article, ok := otherBanks[filepath.Base(file)]
			if !ok {
				t.Fatalf("add %s and the article it covers to otherBanks", filepath.Base(file))
			}
			b, err := Load(file)
			if err != nil {
				t.Fatal(err)
			}
			text, err := os.ReadFile(filepath.Join("../../testdata/articles", article))
			if err != nil {
				t.Fatal(err)
			}
			if b.Article.Text != string(text) {
				t.Errorf("[article].text is not %s byte for byte", article)
			}
			if b.Article.Outlet != "Wikinews" || b.Article.URL == "" || b.Article.Summary == "" {
				t.Errorf("article outlet %q, url %q: want Wikinews, a URL and a summary", b.Article.Outlet, b.Article.URL)
			}
			if asWritten[filepath.Base(file)] {
				return
			}

			if len(b.Facts) < 35 {
				t.Errorf("%d facts, want at least 35", len(b.Facts))
			}
			covered := map[int]bool{}
			for _, f := range b.Facts {
				s := b.SentencesOf(f.Source)
				if len(s) == 0 {
					t.Errorf("fact %q: source not found in the article's sentences", f.ID)
				}
				for _, i := range s {
					covered[i] = true
				}
			}
			t.Logf("%d facts over %d of %d sentences", len(b.Facts), len(covered), len(b.Sentences()))
			if len(covered) < 20 {
				t.Errorf("facts come from %d of %d sentences, want at least 20", len(covered), len(b.Sentences()))
			}

			statementLength := 0
			for _, f := range b.Facts {
				if f.Answer.Type != EntityValue {
					continue
				}
				answer, _ := b.Entity(f.Answer.Entity)
				also := map[string]bool{}
				for _, v := range f.Also {
					also[v.Entity] = true
				}
				// Same table: the same pool, and for groups the same type;
				// foils count, the answer and other true answers do not.
				n := 0
				for _, e := range b.Entities {
					if e.Pool == answer.Pool && e.Type == answer.Type && e.ID != answer.ID && !also[e.ID] {
						n++
					}
				}
				if n < 4 {
					t.Errorf("fact %q: %d same-table candidates besides %q, want at least 4 (for --choices 5)", f.ID, n, answer.ID)
				}
				if len(f.Wrong) < 3 {
					t.Errorf("fact %q: %d curated wrong options, want at least 3", f.ID, len(f.Wrong))
				}
				if f.Statement != "" && len(f.FalseStatements) == 0 {
					t.Errorf("fact %q: a statement but no false_statements", f.ID)
				}
				if len(strings.Fields(answer.Name)) >= 5 {
					statementLength++
				}
			}
			if statementLength < 5 {
				t.Errorf("%d facts answered by a statement-length option (why, what did X claim, how sure), want at least 5", statementLength)
			}
		})
	}
}
