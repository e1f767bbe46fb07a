package bank

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestUndrawable: text the PDF fonts cannot draw is valid (other formats
// carry it) and is listed, at its line, in Bank.Undrawable for PDFs to
// refuse. The .want files are hand-checked lists; -update rewrites them.
func TestUndrawable(t *testing.T) {
	files, _ := filepath.Glob("testdata/undrawable/*.toml")
	if len(files) < 3 {
		t.Fatalf("%d undrawable banks", len(files))
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			b, err := Load(file)
			if err != nil {
				t.Fatalf("refused: %v", err)
			}
			if len(b.Undrawable) == 0 {
				t.Fatal("no undrawable text listed")
			}
			got := b.Undrawable.Error() + "\n"
			wantFile := strings.TrimSuffix(file, ".toml") + ".want"
			if *update {
				os.WriteFile(wantFile, []byte(got), 0o644)
			}
			want, err := os.ReadFile(wantFile)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("undrawable texts differ\n got:\n%s\nwant:\n%s", got, want)
			}
		})
	}
	b, err := Load("../../questions.toml")
	if err != nil || len(b.Undrawable) != 0 {
		t.Errorf("built-in bank: %v, undrawable %v", err, b.Undrawable)
	}
}

// TestFeedback reads feedback written as an inline table, a dotted key and
// a [facts.feedback] table, keyed by entity id, date and number (quoted or
// not), and aligns it with the wrong options.
func TestFeedback(t *testing.T) {
	b, err := Load("testdata/valid/feedback.toml")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"naive-quote":  {"Trump is the one Macron wanted Iran to meet.", ""},
		"coup-year":    {"1979 is the revolution, not the coup.", ""},
		"hostage-days": {"Close, but the article says 444.", "Six hundred days would be well over a year and a half."},
	}
	for _, f := range b.Facts {
		if got := f.Feedback; strings.Join(got, "|") != strings.Join(want[f.ID], "|") || len(got) != len(f.Wrong) {
			t.Errorf("%s: feedback %q for %d wrong options, want %q", f.ID, got, len(f.Wrong), want[f.ID])
		}
	}
	small, err := Load("testdata/valid/small.toml")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range small.Facts {
		if f.Feedback != nil {
			t.Errorf("%s: feedback %q from a bank without any", f.ID, f.Feedback)
		}
	}
}
