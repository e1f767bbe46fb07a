package main

import (
	"fmt"
	"io"
	"math/rand/v2"
	"testing"

	"github.com/quizcard/quizcard/generate/bank"
	"github.com/quizcard/quizcard/generate/card"
	"github.com/quizcard/quizcard/generate/pdf"
	"github.com/quizcard/quizcard/generate/quiz"
)

// BenchmarkQuiz is the whole quiz job short of writing files: parse the
// built-in bank, build 12 questions in N versions, render the students' PDF,
// the key and the JSON.
func BenchmarkQuiz(b *testing.B) {
	for _, versions := range []int{1, 50, 200, 1000} {
		b.Run(fmt.Sprintf("versions=%d", versions), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				bk, err := bank.Parse("questions.toml", builtinBank)
				if err != nil {
					b.Fatal(err)
				}
				opt := quiz.Options{Count: 12, Versions: versions, Seed: 7}
				q, err := quiz.Build(bk, opt, rand.New(rand.NewPCG(7, 0)))
				if err != nil {
					b.Fatal(err)
				}
				jobs, err := quizJobs(q, bk, pdf.A4, map[string]bool{"pdf": true, "json": true})
				if err != nil {
					b.Fatal(err)
				}
				discard := func(string) (io.Writer, func() error, error) {
					return io.Discard, func() error { return nil }, nil
				}
				if _, err := runJobs(jobs, discard); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkCard is the whole card job short of writing the file: parse the
// built-in bank, select the content, fit and render the PDF.
func BenchmarkCard(b *testing.B) {
	for _, paper := range []pdf.Paper{pdf.A4, pdf.A6} {
		b.Run(paper.Name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				bk, err := bank.Parse("questions.toml", builtinBank)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := pdf.Card(io.Discard, card.Build(bk), pdf.CardOptions{Paper: paper}, pdf.Meta{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
