package curate

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/quizcard/quizcard/generate/bank"
	"github.com/quizcard/quizcard/generate/english"
)

// Ask fills a draft by asking for each field on out and reading answers
// from in. It says what each field means, offers the ids it can take, and
// checks every answer against the whole bank (current is the bank's
// content) as it comes, asking again when it is refused. End of input
// stops it with an error; nothing is written either way.
func Ask(path string, current []byte, in *bufio.Reader, out io.Writer) (bank.Draft, error) {
	b, err := bank.Parse(path, current)
	if err != nil {
		return bank.Draft{}, err
	}
	fmt.Fprintf(out, "Adding a fact to %s (%s). Enter skips an optional field; Ctrl-D stops without writing.\n", path, english.Plural(len(b.Facts), "fact", ""))
	var d bank.Draft
	for _, f := range Fields {
		if (f.Key == "unit" || f.Key == "qualifier" || f.Key == "caption") && d.Kind != "number" {
			continue
		}
		help := f.Help
		switch {
		case f.Key == "id":
			help += "; taken: " + clipList(factIDs(b), 8)
		case f.Key == "answer" && d.Kind == "when":
			help = "the date: YYYY, YYYY-MM, YYYY-MM-DD, or --MM-DD when the article gives no year"
		case f.Key == "answer" && d.Kind == "number":
			help = "the number, as the article gives it (e.g. 444)"
		case f.Key == "answer" || f.Key == "wrong" || f.Key == "also":
			help += "; one of: " + entityIDs(b.Candidates(d.Kind))
		}
		if !f.Required {
			help += " (optional)"
		}
		for {
			fmt.Fprintf(out, "%s: %s\n> ", f.Key, help)
			line, err := in.ReadString('\n')
			if err != nil && line == "" {
				fmt.Fprintln(out)
				return d, errors.New("add stopped; nothing was written")
			}
			v := strings.TrimSpace(line)
			if v == "" && f.Required {
				fmt.Fprintf(out, "  %s is required\n", f.Key)
				continue
			}
			next, err := Set(d, f.Key, v)
			if err != nil {
				fmt.Fprintf(out, "  %v\n", err)
				continue
			}
			if problems := fieldProblems(path, current, next, f.Key); len(problems) > 0 {
				for _, p := range problems {
					fmt.Fprintf(out, "  %s\n", p)
				}
				// Too few wrong options is not the answer's fault: asking
				// for it again cannot help. Go on; the whole fact is
				// checked again before anything is written.
				if !onlyTooFew(problems) {
					continue
				}
				fmt.Fprintln(out, "  (going on: the fact is checked again before anything is written)")
			}
			d = next
			break
		}
	}
	return d, nil
}

// Set returns d with field key set from the text v, as a flag or the
// prompt gives it: lists are comma-separated, difficulty is 1, 2 or 3.
func Set(d bank.Draft, key, v string) (bank.Draft, error) {
	list := func() []string {
		var out []string
		for _, s := range strings.Split(v, ",") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
		return out
	}
	switch key {
	case "id":
		d.ID = v
	case "kind":
		d.Kind = v
	case "ask":
		d.Ask = v
	case "answer":
		d.Answer = v
	case "unit":
		d.Unit = v
	case "qualifier":
		d.Qualifier = v
	case "source":
		d.Source = v
	case "statement":
		d.Statement = v
	case "explain":
		d.Explain = v
	case "caption":
		d.Caption = v
	case "wrong":
		d.Wrong = list()
	case "also":
		d.Also = list()
	case "tags":
		d.Tags = list()
	case "difficulty":
		d.Difficulty = 0
		if v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 || n > 3 {
				return d, fmt.Errorf("difficulty is 1, 2 or 3, not %q", v)
			}
			d.Difficulty = n
		}
	default:
		return d, fmt.Errorf("no field %q", key)
	}
	return d, nil
}

// fieldProblems checks the draft so far against the bank and returns the
// problems reported on the line of key.
func fieldProblems(path string, current []byte, d bank.Draft, key string) []string {
	block := d.TOML()
	_, _, err := bank.Extend(path, current, block)
	var list bank.ErrorList
	if !errors.As(err, &list) {
		return nil
	}
	want := key
	if key == "answer" {
		want = bank.AnswerKey(d.Kind)
	}
	base := bank.Lines(current)
	var out []string
	for _, e := range list {
		if e.Line > base && keyAt(block, e.Line-base) == want {
			out = append(out, e.Msg)
		}
	}
	return out
}

func factIDs(b *bank.Bank) []string {
	ids := make([]string, len(b.Facts))
	for i, f := range b.Facts {
		ids[i] = f.ID
	}
	return ids
}

func entityIDs(es []bank.Entity) string {
	ids := make([]string, len(es))
	for i, e := range es {
		ids[i] = e.ID
	}
	return clipList(ids, 40)
}

func clipList(s []string, n int) string {
	if len(s) > n {
		return strings.Join(s[:n], ", ") + fmt.Sprintf(", … (%d in all)", len(s))
	}
	return strings.Join(s, ", ")
}

// onlyTooFew reports whether every problem is a shortage of wrong options.
func onlyTooFew(problems []string) bool {
	for _, p := range problems {
		if !strings.Contains(p, "candidate distractor") {
			return false
		}
	}
	return true
}
