// Package start begins a fact bank for a new article: it reads the
// article (a text file, a saved page or a URL), drafts entities and facts
// from it and writes them, every one marked draft = true, as a bank that
// check accepts.
package start

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"net/http"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"github.com/quizcard/quizcard/generate/article"
	"github.com/quizcard/quizcard/generate/bank"
	"github.com/quizcard/quizcard/generate/draft"
	"github.com/quizcard/quizcard/generate/safefile"
)

// Options says what to read and where to write. Title, Outlet, Date and
// URL, when set, replace what the article gives.
type Options struct {
	Article                  string // a file name or an http(s) URL
	Out                      string // the bank to write
	Force                    bool   // replace Out if it exists
	Title, Outlet, Date, URL string
	Timeout                  time.Duration // for a URL
	Client                   *http.Client  // for a URL; nil means http.DefaultClient
}

// A UsageError is a problem with what was asked, not with the article.
type UsageError struct{ Msg string }

func (e UsageError) Error() string { return e.Msg }

// Run drafts the bank and writes it to opt.Out, then says on w what it
// found and what to run next. Nothing is written when anything fails.
func Run(ctx context.Context, opt Options, w io.Writer) error {
	if _, err := os.Stat(opt.Out); err == nil && !opt.Force {
		return UsageError{fmt.Sprintf("%s already exists: give --out NEW.toml, or --force to replace it", opt.Out)}
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	// The recogniser's model is some 70 MB of live heap: the soft memory
	// limit main sets for short runs would make the collector run without
	// pause (5 s instead of 1 s). Lift it, unless the user set GOMEMLIMIT.
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(math.MaxInt64)
	}
	client := opt.Client
	if client == nil {
		client = http.DefaultClient
	}
	a, err := article.Read(ctx, opt.Article, client, opt.Timeout)
	if err != nil {
		return err
	}
	in, err := fill(a, opt)
	if err != nil {
		return err
	}
	d := draft.Extract(in)
	data := d.TOML(opt.Article)
	b, err := bank.Parse(opt.Out, data)
	if err != nil {
		// A draft check refuses is quizcard's fault, not the user's: say so.
		return fmt.Errorf("the drafted bank does not pass check (please report this with the article):\n%v", err)
	}
	if err := safefile.Write(opt.Out, data, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(w, "%s: %s\n", opt.Out, d.Found())
	fmt.Fprintf(w, "entities: %s\n", entitySummary(b, d))
	for _, l := range d.Left {
		fmt.Fprintf(w, "left out %s\n", l)
	}
	fmt.Fprintf(w, "every entity and fact is a draft: go through them with\n  quizcard review --bank %s\n", opt.Out)
	return nil
}

// fill completes the article with the flags, and refuses one without the
// title, outlet or date a bank needs, saying which flag gives it.
func fill(a article.Article, opt Options) (draft.Article, error) {
	in := draft.Article{Title: a.Title, Outlet: a.Outlet, URL: a.URL, Date: a.Date, Text: a.Text}
	if opt.Title != "" {
		in.Title = opt.Title
	}
	if opt.Outlet != "" {
		in.Outlet = opt.Outlet
	}
	if opt.URL != "" {
		in.URL = opt.URL
	}
	if opt.Date != "" {
		t, err := article.ParseDate(opt.Date)
		if err != nil {
			return in, UsageError{"--date: " + err.Error()}
		}
		in.Date = t
	}
	var missing []string
	if strings.TrimSpace(in.Title) == "" {
		missing = append(missing, "--title")
	}
	if strings.TrimSpace(in.Outlet) == "" {
		missing = append(missing, "--outlet")
	}
	if in.Date.IsZero() {
		missing = append(missing, "--date YYYY-MM-DD")
	}
	if len(missing) > 0 {
		return in, UsageError{fmt.Sprintf("%s does not say its %s: give %s (or write \"Title: …\", \"Outlet: …\", \"Date: …\" lines at the top of a text file)",
			opt.Article, strings.Join(what(missing), " and "), strings.Join(missing, ", "))}
	}
	return in, nil
}

func what(flags []string) []string {
	out := make([]string, len(flags))
	for i, f := range flags {
		out[i] = strings.TrimPrefix(strings.Fields(f)[0], "--")
	}
	return out
}

func entitySummary(b *bank.Bank, d *draft.Draft) string {
	n := map[bank.Pool]int{}
	for _, e := range b.Entities {
		if !e.Foil {
			n[e.Pool]++
		}
	}
	parts := []string{}
	for _, p := range bank.Pools {
		if n[p] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n[p], poolWord(p, n[p])))
		}
	}
	s := strings.Join(parts, ", ")
	if d.Foils > 0 {
		s += fmt.Sprintf(" (+ %d %s the article does not name, as wrong options: foil = true)", d.Foils, poolWord(bank.People, d.Foils))
	}
	return s
}

// Usage marks the error as a problem with the command line (exit 2).
func (e UsageError) Usage() string { return e.Msg }

func poolWord(p bank.Pool, n int) string {
	if n != 1 {
		return string(p)
	}
	if p == bank.People {
		return "person"
	}
	return strings.TrimSuffix(string(p), "s")
}
