// Package curate grows a fact bank safely. It turns what a curator gives
// (one fact from flags or a prompt, or a file of facts) into TOML appended to
// the bank: every existing byte kept, the whole bank checked first, the file
// replaced atomically under a lock that makes concurrent writers wait.
package curate

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/quizcard/quizcard/generate/bank"
	"github.com/quizcard/quizcard/generate/english"
	"github.com/quizcard/quizcard/generate/safefile"
)

// A Field is one field of a fact as a curator gives it: the TOML key (also
// the add flag's name), what it means, and whether it must be given.
type Field struct {
	Key, Help string
	Required  bool
}

// Fields lists a fact's fields in the order they are asked for.
var Fields = []Field{
	{"id", "a short, stable name: lower-case letters, digits and - . _ + (e.g. rouhani-repent)", true},
	{"kind", "one of " + strings.Join(bank.Kinds, ", "), true},
	{"ask", "the question, as a teacher would ask it", true},
	{"answer", "the right answer", true},
	{"unit", "the number's unit, in the plural (e.g. days)", false},
	{"qualifier", `what the article says around the number (e.g. "more than")`, false},
	{"source", "words copied exactly from the article that support the fact", true},
	{"statement", "the fact as a sentence, with {answer} where the answer goes (for true/false)", false},
	{"explain", "a short explanation for the answer key", false},
	{"wrong", "curated wrong answers, separated by commas", false},
	{"also", "other answers that are also true, separated by commas", false},
	{"tags", "tags, separated by commas", false},
	{"difficulty", "1 (easy), 2 or 3 (hard)", false},
	{"caption", "for number facts: a caption of 8 words or fewer for the briefing card", false},
}

// A Target is the bank file to change. Builtin, if set, is the bank to start
// the file from when it does not exist yet.
type Target struct {
	Path    string
	Builtin []byte
	// Wait says how long Add waits for another writer of the bank.
	Wait safefile.Wait
}

// Current returns the bank's bytes now: the file's, or Builtin's when the
// file does not exist yet.
func (t Target) Current() ([]byte, error) {
	data, err := safefile.ReadFile(t.Path, "bank", bank.MaxSize)
	if t.Builtin != nil && errors.Is(err, fs.ErrNotExist) {
		return t.Builtin, nil
	}
	return data, err
}

// An Addition is TOML to append to a bank, made by Fact or File.
type Addition struct {
	Text []byte
	What string // for messages: `fact "x"`, "3 facts from new.toml"
	// place rewrites a problem found in Text (line base+1 on) in terms the
	// curator knows: the flag that set a field, the line of their file.
	place func(e bank.Error, base int) bank.Error
}

// Fact makes the addition of one drafted fact to the bank at path.
func Fact(path string, d bank.Draft) Addition {
	text := d.TOML()
	return Addition{Text: text, What: fmt.Sprintf("fact %q", d.ID), place: func(e bank.Error, base int) bank.Error {
		if key := keyAt(text, e.Line-base); key != "" {
			e.What = strings.TrimSpace(e.What + " (--" + flagFor(key) + ")")
		}
		e.File, e.Line = path+" (new fact)", 0
		return e
	}}
}

// File makes the addition of every fact of a TOML file: [[facts]] tables
// (and entity tables they need), never an [article].
func File(name string) (Addition, error) {
	data, err := safefile.ReadFile(name, "file of facts", bank.MaxSize)
	if err != nil {
		return Addition{}, err
	}
	if err := bank.CheckShape(name, data); err != nil {
		return Addition{}, Refused{err.(bank.ErrorList)}
	}
	var raw map[string]any
	if _, err := toml.Decode(string(data), &raw); err != nil {
		return Addition{}, Refused{bank.ErrorList{bank.SyntaxError(name, data, err)}}
	}
	if _, ok := raw["article"]; ok {
		return Addition{}, fmt.Errorf("%s: has an [article]; --from adds [[facts]] (and entities) to a bank that has one", name)
	}
	facts, _ := raw["facts"].([]map[string]any)
	if len(facts) == 0 {
		return Addition{}, fmt.Errorf("%s: no [[facts]] to add", name)
	}
	return Addition{
		Text: append([]byte("\n"), data...),
		What: english.Plural(len(facts), "fact", "") + " from " + name,
		place: func(e bank.Error, base int) bank.Error {
			e.File, e.Line = name, e.Line-base-1 // the blank line before the file
			return e
		},
	}, nil
}

// Refused is an addition that would make a bank fail check: nothing was
// written. Its problems name the flags or lines the curator wrote.
type Refused struct{ bank.ErrorList }

// Check appends a to the bank's current content and validates the whole,
// returning the new content and bank; nothing is written.
func (t Target) Check(a Addition) ([]byte, *bank.Bank, error) {
	old, err := t.Current()
	if err != nil {
		return nil, nil, err
	}
	return check(t.Path, old, a)
}

func check(path string, old []byte, a Addition) ([]byte, *bank.Bank, error) {
	content, b, err := bank.Extend(path, old, a.Text)
	var list bank.ErrorList
	if errors.As(err, &list) {
		base := bank.Lines(old)
		for i, e := range list {
			if e.Line > base {
				list[i] = a.place(e, base)
			}
		}
		return nil, nil, Refused{list}
	}
	return content, b, err
}

// Add appends a to the bank: under the bank's lock it reads the current
// bank (another writer may just have changed it), checks the whole, and
// replaces the file atomically, keeping its mode. It returns the new bank.
func (t Target) Add(a Addition) (*bank.Bank, error) {
	real, err := t.resolve()
	if err != nil {
		return nil, err
	}
	unlock, err := safefile.LockWith(real.Path, t.Wait)
	if err != nil {
		return nil, err
	}
	defer unlock()
	safefile.RemoveStale(real.Path)
	if err := safefile.Writable(real.Path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	old, err := real.Current()
	if err != nil {
		return nil, err
	}
	content, b, err := check(t.Path, old, a)
	if err != nil {
		return nil, err
	}
	if err := safefile.Write(real.Path, content, 0o644); err != nil {
		return nil, err
	}
	return b, nil
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

// flagFor maps a TOML key of a fact back to the field that sets it.
func flagFor(key string) string {
	switch key {
	case "date", "number":
		return "answer"
	}
	return key
}
