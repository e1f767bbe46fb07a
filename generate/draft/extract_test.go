package draft

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/quizcard/quizcard/generate/article"
	"github.com/quizcard/quizcard/generate/bank"
)

// seedArticle is the built-in bank's article, dated as it was published.
func seedArticle(t testing.TB) Article {
	t.Helper()
	b, err := bank.Load("../../questions.toml")
	if err != nil {
		t.Fatal(err)
	}
	return Article{Title: b.Article.Title, Outlet: b.Article.Outlet, Date: time.Date(2019, 11, 3, 0, 0, 0, 0, time.UTC), Text: b.Article.Text}
}

// articles are the real articles under testdata/articles, with the date
// and outlet their README gives.
func articles(t testing.TB) map[string]Article {
	t.Helper()
	out := map[string]Article{"seed": seedArticle(t)}
	for name, meta := range map[string]struct {
		outlet string
		date   time.Time
	}{
		"wikinews-shuttle-homes":        {"Wikinews", time.Date(2011, 4, 13, 0, 0, 0, 0, time.UTC)},
		"govuk-phe-middle-aged-health":  {"GOV.UK (Public Health England)", time.Date(2016, 12, 28, 0, 0, 0, 0, time.UTC)},
		"wikinews-homeopathy-trial":     {"Wikinews", time.Date(2009, 5, 8, 0, 0, 0, 0, time.UTC)},
		"wikinews-asylum-questionnaire": {"Wikinews", time.Date(2023, 2, 23, 0, 0, 0, 0, time.UTC)},
	} {
		data, err := os.ReadFile(filepath.Join("../../testdata/articles", name+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		read, err := article.FromText(data)
		if err != nil {
			t.Fatal(err)
		}
		title, text := read.Title, read.Text
		out[name] = Article{Title: title, Outlet: meta.outlet, Date: meta.date, Text: text}
	}
	return out
}

// TestDraftsPassCheck: for every real article, the drafted bank passes
// check as it is, every fact and entity is a draft, every excerpt is a
// verbatim part of the text, and a second run gives the same bytes.
func TestDraftsPassCheck(t *testing.T) {
	for name, a := range articles(t) {
		t.Run(name, func(t *testing.T) {
			d := Extract(a)
			data := d.TOML(name)
			b, err := bank.Parse(name+".toml", data)
			if err != nil {
				t.Fatalf("check refuses the draft:\n%v\n%s", err, data)
			}
			if len(b.Facts) < 5 {
				t.Errorf("only %d facts", len(b.Facts))
			}
			for _, f := range b.Facts {
				if !f.Draft {
					t.Errorf("fact %q is not a draft", f.ID)
				}
				if !strings.Contains(a.Text, f.Source) {
					t.Errorf("fact %q: source is not verbatim: %q", f.ID, f.Source)
				}
				if f.Statement == "" || f.Explain == "" {
					t.Errorf("fact %q has no statement or explanation", f.ID)
				}
			}
			for _, e := range b.Entities {
				if !e.Draft {
					t.Errorf("entity %q is not a draft", e.ID)
				}
			}
			if again := Extract(a).TOML(name); !bytes.Equal(again, data) {
				t.Error("a second run drafts different bytes")
			}
		})
	}
}

// TestSeedEntities: the people, roles and groups a reader finds in the
// seed article (written out by hand from the article).
func TestSeedEntities(t *testing.T) {
	a := seedArticle(t)
	b, err := bank.Parse("seed.toml", Extract(a).TOML("seed"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][2]string{ // id: name, role
		"khamenei": {"Ali Khamenei", "Supreme Leader of Iran"},
		"macron":   {"Emmanuel Macron", "President of France"},
		"trump":    {"Donald Trump", "President"},
		"rouhani":  {"Hassan Rouhani", "President"},
	}
	people := 0
	for _, e := range b.Pool(bank.People) {
		if e.Foil {
			continue
		}
		people++
		w, ok := want[e.ID]
		if !ok {
			t.Errorf("unexpected person %q (%s)", e.ID, e.Name)
			continue
		}
		if e.Name != w[0] || e.Role != w[1] {
			t.Errorf("person %q = %q, %q; want %q, %q", e.ID, e.Name, e.Role, w[0], w[1])
		}
	}
	if people != len(want) {
		t.Errorf("%d people, want %d", people, len(want))
	}
	if k, _ := b.Entity("khamenei"); k.Country != "iran" || !contains(k.Aliases, "Ayatollah Ali Khamenei") {
		t.Errorf("khamenei: country %q, aliases %q", k.Country, k.Aliases)
	}
	if f, ok := b.Entity("france"); !ok || !contains(f.Aliases, "French") || f.Type != "country" {
		t.Errorf("france: %+v", f)
	}
	if e, ok := b.Entity("1953-coup-detat"); !ok || e.Date.ISO() != "1953" {
		t.Errorf("the 1953 coup is not an event: %+v", e)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestSeedQuotes: who said each quotation of the seed article, as a
// reader attributes it.
func TestSeedQuotes(t *testing.T) {
	a := seedArticle(t)
	sents := tokenize(a.Text)
	es := findEntities(a.Text, sents)
	got := map[string]string{}
	for _, q := range findQuotes(a.Text, sents, es) {
		words := strings.Fields(a.Text[q.start:q.end])
		who := ""
		if q.speaker != nil {
			who = q.speaker.id
		}
		got[strings.Join(words[:min(4, len(words))], " ")] = who
	}
	for start, who := range map[string]string{
		"The French President believed":    "khamenei",
		"He is either naive":               "khamenei",
		"The Americans distort history":    "khamenei",
		"during the last 41":               "khamenei",
		"Our most important confrontation": "khamenei",
		"these delays leave investors":     "khamenei",
		"Give up these expectations.":      "khamenei",
		"Some imagine that negotiations":   "khamenei",
		"I prohibit negotiations with":     "khamenei",
	} {
		if got[start] != who {
			t.Errorf("%q… said by %q, want %q", start, got[start], who)
		}
	}
}

// TestSeedQuestions: questions drafted from the seed article, checked
// against what a teacher would ask (written by hand).
func TestSeedQuestions(t *testing.T) {
	d := Extract(seedArticle(t))
	asks := map[string]string{}
	for _, f := range d.Facts {
		asks[f.Ask] = f.Answer
	}
	for ask, answer := range map[string]string{
		"Who never emerged from his room?": "rouhani",
		"Who has said repeatedly that he is willing to negotiate with Iran without any preconditions?": "trump",
		"Who is the President of France?":                                       "macron",
		"When had Khamenei said: “I prohibit negotiations with America”?":       "2018-08",
		"Who said: “He is either naive or an accomplice of the United States”?": "khamenei",
	} {
		if got, ok := asks[ask]; !ok || got != answer {
			t.Errorf("%q: answer %q (drafted: %v); want %q", ask, got, ok, answer)
		}
	}
}

func BenchmarkExtract(b *testing.B) {
	a := seedArticle(b)
	proseModel()
	b.ReportAllocs()
	for b.Loop() {
		Extract(a)
	}
}

// FuzzExtract: whatever text it is given, Extract does not panic, and
// what it drafts passes check. (Texts with characters the PDF fonts do
// not draw are left to check's own refusal.)
func FuzzExtract(f *testing.F) {
	f.Add("Khamenei said, \"He is either naive.\" President Donald Trump has said repeatedly that he is willing to talk.")
	f.Add("On Sunday, French President Emmanuel Macron met 50 U.S. diplomats in May 2018.\n\n\"Go,\" he said.")
	f.Add("The 1953 coup. More than 1,000 people, nearly 5% of them, left last month.")
	// A capital whose country the text never names (it once panicked).
	f.Add("The Islamic Republic of Iran's Supreme Leader Ayatollah Ali Khamenei has once again rejected the idea of negotiations with Washington. President Donald Trump has said repeatedly that he is willing to negotiate.")
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) || strings.TrimSpace(text) == "" || !drawable(text) || strings.Contains(text, "'''") {
			return
		}
		a := Article{Title: "T", Outlet: "O", Date: time.Date(2019, 11, 3, 0, 0, 0, 0, time.UTC), Text: text}
		d := Extract(a)
		if len(d.Facts) == 0 {
			return
		}
		if _, err := bank.Parse("fuzz.toml", d.TOML("fuzz")); err != nil {
			t.Fatalf("check refuses the draft of %q:\n%v", text, err)
		}
	})
}
