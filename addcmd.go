package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/urfave/cli/v2"

	"github.com/quizcard/quizcard/generate/bank"
	"github.com/quizcard/quizcard/generate/safefile"
)

// addField describes one fact field: its flag, its TOML key, what it means.
type addField struct {
	flag, key, help string
	required        bool
}

var addFields = []addField{
	{"id", "id", "a short, stable name: lower-case letters, digits and - . _ + (e.g. rouhani-repent)", true},
	{"kind", "kind", "one of " + strings.Join(bank.Kinds, ", "), true},
	{"ask", "ask", "the question, as a teacher would ask it", true},
	{"answer", "answer", "the right answer", true},
	{"unit", "unit", "the number's unit, in the plural (e.g. days)", false},
	{"qualifier", "qualifier", `what the article says around the number (e.g. "more than")`, false},
	{"source", "source", "words copied exactly from the article that support the fact", true},
	{"statement", "statement", "the fact as a sentence, with {answer} where the answer goes (for true/false)", false},
	{"explain", "explain", "a short explanation for the answer key", false},
	{"wrong", "wrong", "curated wrong answers, separated by commas", false},
	{"also", "also", "other answers that are also true, separated by commas", false},
	{"tags", "tags", "tags, separated by commas", false},
	{"difficulty", "difficulty", "1 (easy), 2 or 3 (hard)", false},
	{"caption", "caption", "for number facts: a caption of 8 words or fewer for the briefing card", false},
}

func addCommand() *cli.Command {
	flags := []cli.Flag{
		bankFlag,
		&cli.StringFlag{Name: "from", Usage: "add every fact of `FILE` (a TOML file of [[facts]]), all or nothing"},
		&cli.BoolFlag{Name: "dry-run", Usage: "check and print what would be appended; write nothing"},
	}
	for _, f := range addFields {
		flags = append(flags, &cli.StringFlag{Name: f.flag, Usage: f.help})
	}
	return &cli.Command{
		Name:  "add",
		Usage: "add facts to the bank, safely",
		Description: `Appends a [[facts]] block to the bank: every existing byte (comments, order,
formatting) stays as it was. The new fact is checked together with the whole
bank first; if the result would not pass 'check', nothing changes. Writes
are atomic, and concurrent writers wait for each other.

With no fact flags on a terminal, add asks for each field and checks each
answer on the spot. The answer is read by kind: an entity id, a date
(YYYY, YYYY-MM, YYYY-MM-DD or --MM-DD) for "when", a number for "number".

Examples:
   $ quizcard add --bank questions.toml --kind who --id rouhani-repent \
       --ask 'Who said talks are possible only if the U.S. "repents"?' \
       --answer rouhani --source 'talks between Iran and the United States are possible only if the U.S. "repents"'
   added fact "rouhani-repent" to questions.toml (47 facts)
   $ quizcard add --bank questions.toml                        # asks for each field
   $ quizcard add --bank questions.toml --from new-facts.toml  # several at once
   $ quizcard add --dry-run --kind who ...                     # print the block only`,
		Flags: flags,
		Action: func(c *cli.Context) error {
			if err := noArgs(c); err != nil {
				return err
			}
			return runAdd(c, os.Stdin, isTerminal(os.Stdin))
		},
	}
}

// isTerminal reports whether f is a terminal (a character device).
func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// refused is a bank change that would not pass check: exit 1, nothing
// written.
type refused struct{ bank.ErrorList }

// runAdd is the add command; in is where interactive answers come from.
func runAdd(c *cli.Context, in io.Reader, terminal bool) error {
	path, builtin := c.String("bank"), false
	if path == "" {
		path = "questions.toml"
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			builtin = true
		}
	}
	out := c.App.Writer
	var set []string
	for _, f := range addFields {
		if c.IsSet(f.flag) {
			set = append(set, f.flag)
		}
	}
	from := c.String("from")
	if from != "" && len(set) > 0 {
		return usagef("--from adds the facts of a file; it does not take --%s", set[0])
	}

	// What to append, and how to name problems in it.
	var extra []byte
	var what string // "fact \"x\"" or "3 facts from f.toml"
	var place func(e bank.Error, base int) bank.Error
	switch {
	case from != "":
		data, n, err := readFrom(from)
		if err != nil {
			return err
		}
		extra = append([]byte("\n"), data...)
		what = fmt.Sprintf("%d %s from %s", n, plural(n, "fact"), from)
		place = func(e bank.Error, base int) bank.Error {
			e.File, e.Line = from, e.Line-base-1
			return e
		}
	default:
		var d bank.Draft
		if len(set) == 0 && terminal {
			old, err := currentBank(path, builtin)
			if err != nil {
				return err
			}
			if d, err = ask(path, old, bufio.NewReader(in), out); err != nil {
				return err
			}
		} else {
			var err error
			if d, err = draftFromFlags(c, terminal); err != nil {
				return err
			}
		}
		extra = d.TOML()
		what = fmt.Sprintf("fact %q", d.ID)
		place = func(e bank.Error, base int) bank.Error {
			if key := keyAt(extra, e.Line-base); key != "" {
				e.What = strings.TrimSpace(e.What + " (--" + flagFor(key) + ")")
			}
			e.File, e.Line = path+" (new fact)", 0
			return e
		}
	}

	if c.Bool("dry-run") {
		old, err := currentBank(path, builtin)
		if err != nil {
			return err
		}
		if _, _, err := extend(path, old, extra, place); err != nil {
			return err
		}
		fmt.Fprintf(out, "# would append to %s:\n%s", path, extra)
		return nil
	}

	if builtin {
		fmt.Fprintf(out, "no bank file here: creating %s from the built-in bank\n", path)
	}
	unlock, err := safefile.Lock(path)
	if err != nil {
		return err
	}
	defer unlock()
	safefile.RemoveStale(path)
	// Read the bank under the lock: another writer may just have changed it.
	old, err := currentBank(path, builtin)
	if err != nil {
		return err
	}
	content, b, err := extend(path, old, extra, place)
	if err != nil {
		return err
	}
	if err := safefile.Write(path, content, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(out, "added %s to %s (%d facts)\n", what, path, len(b.Facts))
	return nil
}

// currentBank returns the bank file's bytes, or the built-in bank's when
// the file is to be created from it (and still does not exist).
func currentBank(path string, builtin bool) ([]byte, error) {
	data, err := os.ReadFile(path)
	if builtin && errors.Is(err, fs.ErrNotExist) {
		return builtinBank, nil
	}
	if err != nil {
		return nil, err
	}
	if len(data) > bank.MaxSize {
		return nil, fmt.Errorf("%s: bank is larger than %d MiB", path, bank.MaxSize>>20)
	}
	return data, nil
}

// extend checks old+extra as one bank; problems in the new part are
// placed in terms the curator knows (a flag, the --from file's line).
func extend(path string, old, extra []byte, place func(bank.Error, int) bank.Error) ([]byte, *bank.Bank, error) {
	content, b, err := bank.Extend(path, old, extra)
	var list bank.ErrorList
	if errors.As(err, &list) {
		base := bank.Lines(old)
		for i, e := range list {
			if e.Line > base {
				list[i] = place(e, base)
			}
		}
		return nil, nil, refused{list}
	}
	return content, b, err
}

// readFrom reads a --from file: TOML holding [[facts]] (and, if needed, new
// entities), never an [article].
func readFrom(name string) ([]byte, int, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, 0, err
	}
	if len(data) > bank.MaxSize {
		return nil, 0, fmt.Errorf("%s: larger than %d MiB", name, bank.MaxSize>>20)
	}
	var raw map[string]any
	if _, err := toml.Decode(string(data), &raw); err != nil {
		return nil, 0, refused{bank.ErrorList{bank.SyntaxError(name, data, err)}}
	}
	if _, ok := raw["article"]; ok {
		return nil, 0, fmt.Errorf("%s: has an [article]; --from adds [[facts]] (and entities) to a bank that has one", name)
	}
	facts, _ := raw["facts"].([]map[string]any)
	if len(facts) == 0 {
		return nil, 0, fmt.Errorf("%s: no [[facts]] to add", name)
	}
	return data, len(facts), nil
}

// keyAt returns the TOML key written on line n (1-based) of a block.
func keyAt(block []byte, n int) string {
	lines := strings.Split(string(block), "\n")
	if n < 1 || n > len(lines) {
		return ""
	}
	k, _, ok := strings.Cut(lines[n-1], " = ")
	if !ok {
		return ""
	}
	return k
}

// flagFor maps a TOML key of a fact back to the add flag that sets it.
func flagFor(key string) string {
	switch key {
	case "date", "number":
		return "answer"
	}
	return key
}

// draftFromFlags reads a fact from flags; missing required fields are a
// usage error (they can be asked for only on a terminal).
func draftFromFlags(c *cli.Context, terminal bool) (bank.Draft, error) {
	var missing []string
	for _, f := range addFields {
		if f.required && strings.TrimSpace(c.String(f.flag)) == "" {
			missing = append(missing, "--"+f.flag)
		}
	}
	if len(missing) > 0 {
		why := "standard input is not a terminal, so add cannot ask for them"
		if terminal {
			why = "give every field as a flag, or none to be asked for each"
		}
		return bank.Draft{}, usagef("missing %s (%s)", strings.Join(missing, ", "), why)
	}
	d := bank.Draft{
		ID: c.String("id"), Kind: c.String("kind"), Ask: c.String("ask"), Answer: c.String("answer"),
		Unit: c.String("unit"), Qualifier: c.String("qualifier"), Source: c.String("source"),
		Statement: c.String("statement"), Explain: c.String("explain"), Caption: c.String("caption"),
		Wrong: splitAny([]string{c.String("wrong")}), Also: splitAny([]string{c.String("also")}),
		Tags: splitAny([]string{c.String("tags")}),
	}
	if s := c.String("difficulty"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > 3 {
			return d, usagef("--difficulty takes 1, 2 or 3, not %q", s)
		}
		d.Difficulty = n
	}
	return d, nil
}

// ask fills a draft by asking for each field, checking every answer against
// the whole bank as it comes and asking again when it is refused.
func ask(path string, old []byte, in *bufio.Reader, out io.Writer) (bank.Draft, error) {
	b, err := bank.Parse(path, old)
	if err != nil {
		return bank.Draft{}, err
	}
	fmt.Fprintf(out, "Adding a fact to %s (%d facts). Enter skips an optional field; Ctrl-D stops without writing.\n", path, len(b.Facts))
	var d bank.Draft
	set := func(key, v string) {
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
			d.Wrong = splitAny([]string{v})
		case "also":
			d.Also = splitAny([]string{v})
		case "tags":
			d.Tags = splitAny([]string{v})
		case "difficulty":
			d.Difficulty, _ = strconv.Atoi(v)
		}
	}
	for _, f := range addFields {
		if (f.key == "unit" || f.key == "qualifier" || f.key == "caption") && d.Kind != "number" {
			continue
		}
		help := f.help
		switch {
		case f.key == "id":
			help += "; taken: " + clipList(factIDs(b), 8)
		case f.key == "answer" && d.Kind == "when":
			help = "the date: YYYY, YYYY-MM, YYYY-MM-DD, or --MM-DD when the article gives no year"
		case f.key == "answer" && d.Kind == "number":
			help = "the number, as the article gives it (e.g. 444)"
		case f.key == "answer" || f.key == "wrong" || f.key == "also":
			help += "; one of: " + entityIDs(b.Candidates(d.Kind))
		}
		if !f.required {
			help += " (optional)"
		}
		for {
			fmt.Fprintf(out, "%s: %s\n> ", f.key, help)
			line, err := in.ReadString('\n')
			if err != nil && line == "" {
				fmt.Fprintln(out)
				return d, errors.New("add stopped; nothing was written")
			}
			v := strings.TrimSpace(line)
			if v == "" && f.required {
				fmt.Fprintf(out, "  %s is required\n", f.key)
				continue
			}
			if f.key == "difficulty" && v != "" {
				if n, err := strconv.Atoi(v); err != nil || n < 1 || n > 3 {
					fmt.Fprintln(out, "  difficulty is 1, 2 or 3")
					continue
				}
			}
			prev := d
			set(f.key, v)
			if problems := fieldProblems(path, old, d, f.key); len(problems) > 0 {
				for _, p := range problems {
					fmt.Fprintf(out, "  %s\n", p)
				}
				d = prev
				continue
			}
			break
		}
	}
	return d, nil
}

// fieldProblems checks the draft so far against the bank and returns the
// problems reported on the line of key.
func fieldProblems(path string, old []byte, d bank.Draft, key string) []string {
	block := d.TOML()
	_, _, err := bank.Extend(path, old, block)
	var list bank.ErrorList
	if !errors.As(err, &list) {
		return nil
	}
	want := key
	if key == "answer" {
		want = bank.AnswerKey(d.Kind)
	}
	base := bank.Lines(old)
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
