package bank

import (
	"encoding/json"
	"fmt"
	"io"
)

// WriteSummary writes what check prints of a valid bank: its name and
// counts, drafts apart, the article, then how many facts each kind and
// each tag has.
func (b *Bank) WriteSummary(w io.Writer) {
	df, de := b.Drafts()
	fmt.Fprintf(w, "%s: ok: %d facts, %d entities\n", b.File, len(b.Facts)-df, len(b.Entities)-de)
	if df+de > 0 {
		fmt.Fprintf(w, "drafts: %d facts, %d entities (quiz and card leave them out: quizcard review)\n", df, de)
	}
	fmt.Fprintf(w, "article: %q (%s, %s)\n\n", b.Article.Title, b.Article.Outlet, b.Article.Date)
	kinds := map[string]int{}
	tags := map[string]int{}
	for _, f := range b.Facts {
		kinds[f.Kind]++
		for _, t := range f.Tags {
			tags[t]++
		}
	}
	fmt.Fprintf(w, "%-14s %5s\n", "kind", "facts")
	for _, k := range Kinds {
		fmt.Fprintf(w, "%-14s %5d\n", k, kinds[k])
	}
	fmt.Fprintf(w, "\n%-14s %5s\n", "tag", "facts")
	for _, t := range b.Tags() {
		fmt.Fprintf(w, "%-14s %5d\n", t, tags[t])
	}
}

// WriteJSON writes facts as list --json prints them: id, kind, question,
// the answer in words, tags, difficulty and source excerpt.
func (b *Bank) WriteJSON(w io.Writer, facts []Fact) error {
	type jsonFact struct {
		ID         string   `json:"id"`
		Kind       string   `json:"kind"`
		Ask        string   `json:"ask"`
		Answer     string   `json:"answer"`
		Tags       []string `json:"tags"`
		Difficulty int      `json:"difficulty"`
		Source     string   `json:"source"`
	}
	out := make([]jsonFact, 0, len(facts))
	for _, f := range facts {
		tags := f.Tags
		if tags == nil {
			tags = []string{}
		}
		out = append(out, jsonFact{f.ID, f.Kind, f.Ask, b.Text(f.Answer), tags, f.Difficulty, f.Source})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
