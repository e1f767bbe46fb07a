package review

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/quizcard/quizcard/generate/bank"
)

// draftBank is a small bank written by hand: two accepted people, two
// draft people, a draft group and three draft facts.
const draftBank = `# a comment that must survive
[article]
title = "Small"
outlet = "Test News"
date = "2019-11-03"
summary = "Khamenei rejected talks."
text = '''
Khamenei said, "He is either naive or an accomplice of the United States."
Rouhani never emerged from his room. Macron waited for the call.
quote = "a line of the text that looks like a key"
French President Emmanuel Macron waited. The hostages were held for 444 days.
'''

[[people]]
id = "khamenei"
name = "Ali Khamenei"
role = "Supreme Leader of Iran"

[[people]]
id = "rouhani"
name = "Hassan Rouhani"
role = "President"

[[people]]
id = "zarif"
name = "Mohammad Javad Zarif"
role = "Foreign Minister of Iran"
foil = true

[[people]]
id = "macron"
name = "Emmanuel Macron"
role = "President of France"
country = "france"
draft = true

[[people]]
id = "trump"
name = "Donald Trump"
role = "named in the article"
draft = true

[[groups]]
id = "france"
name = "France"
type = "country"
draft = true

# Facts
[[facts]]
id = "naive"
kind = "quote"
ask = "Who said: “He is either naive or an accomplice of the United States”?"
answer = "khamenei"
wrong = ["macron"]
source = "He is either naive or an accomplice of the United States"
draft = true

[[facts]]
id = "room"
kind = "who"
ask = "Who never emerged?"
answer = "rouhani"
source = "Rouhani never emerged from his room."
draft = true

[[facts]]
id = "days"
kind = "number"
ask = "Which figure goes in the gap? “The hostages were held for ___”"
number = 444
unit = "days"
source = "The hostages were held for 444 days."
draft = true
`

func writeBank(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "bank.toml")
	if err := os.WriteFile(path, []byte(draftBank), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestWalk answers the prompts as a curator at a terminal would and checks
// the bank file after each run against what those answers mean.
func TestWalk(t *testing.T) {
	path := writeBank(t)
	// Entities first: macron (accept: france comes with it), trump (drop),
	// then facts: naive (accept), room (edit ask, then accept), days (skip).
	input := strings.Join([]string{"a", "d", "a", "e", "ask", "Who never emerged from his room?", "a", "s"}, "\n") + "\n"
	var out bytes.Buffer
	tally, err := Run(path, strings.NewReader(input), &out, true)
	if err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if tally != (Tally{Accepted: 1, Edited: 1, Skipped: 1, Entities: 2}) {
		t.Errorf("tally %+v\n%s", tally, out.String())
	}
	b, err := bank.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	isDraft := func(id string) bool {
		if f, ok := b.Fact(id); ok {
			return f.Draft
		}
		e, _ := b.Entity(id)
		return e.Draft
	}
	for id, want := range map[string]bool{"macron": false, "france": false, "naive": false, "room": false, "days": true} {
		if isDraft(id) != want {
			t.Errorf("%s: draft = %v, want %v", id, !want, want)
		}
	}
	if _, ok := b.Entity("trump"); ok {
		t.Error("trump was dropped but is still in the bank")
	}
	if b.Article.Quote != "He is either naive or an accomplice of the United States" || b.Article.QuoteBy != "khamenei" {
		t.Errorf("card quote %q by %q", b.Article.Quote, b.Article.QuoteBy)
	}
	if f, _ := b.Fact("room"); f.Ask != "Who never emerged from his room?" {
		t.Errorf("room ask = %q", f.Ask)
	}
	data, _ := os.ReadFile(path)
	if !strings.HasPrefix(string(data), "# a comment that must survive\n[article]\n") || !strings.Contains(string(data), "\n# Facts\n") {
		t.Errorf("comments lost:\n%s", data)
	}
	for _, want := range []string{"as a question:", "context:", "[The hostages were held for 444 days.]", "accepted, with group france", "1 of 6", "said, \"[He is either naive"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}

	// Resumable: a second run starts from what is left, the skipped fact.
	out.Reset()
	tally, err = Run(path, strings.NewReader("a\n"), &out, true)
	if err != nil {
		t.Fatal(err)
	}
	if tally.Accepted != 1 || !strings.Contains(out.String(), "0 draft entities, then 1 draft facts") || !strings.Contains(out.String(), "no drafts left") {
		t.Errorf("second run: %+v\n%s", tally, out.String())
	}
}

// TestDropEntityCascades: dropping a draft entity drops the draft facts
// that answer with it and takes it out of wrong lists.
func TestDropEntityCascades(t *testing.T) {
	path := writeBank(t)
	var out bytes.Buffer
	// macron: drop (naive's wrong list loses it); trump: quit.
	if _, err := Run(path, strings.NewReader("d\nq\n"), &out, true); err != nil {
		t.Fatal(err)
	}
	b, err := bank.Load(path)
	if err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if f, _ := b.Fact("naive"); len(f.Wrong) != 0 {
		t.Errorf("naive still lists %v", f.Wrong)
	}
	if _, ok := b.Entity("macron"); ok {
		t.Error("macron is still there")
	}
}

// TestRefusedEdit: an edit that would break the bank is not saved, and the
// walk goes on.
func TestRefusedEdit(t *testing.T) {
	path := writeBank(t)
	before, _ := os.ReadFile(path)
	var out bytes.Buffer
	if _, err := Run(path, strings.NewReader("e\nrole\n-\nq\n"), &out, true); err != nil {
		t.Fatal(err)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) || !strings.Contains(out.String(), "not saved") || !strings.Contains(out.String(), "missing role") {
		t.Errorf("a refused edit changed the bank or said nothing:\n%s", out.String())
	}
}

// TestNotTerminal: off a terminal, review lists the drafts and says so.
func TestNotTerminal(t *testing.T) {
	path := writeBank(t)
	var out bytes.Buffer
	_, err := Run(path, strings.NewReader("a\n"), &out, false)
	var nt NotTerminal
	if !errors.As(err, &nt) {
		t.Fatalf("err = %v, want NotTerminal", err)
	}
	for _, want := range []string{"3 draft facts, 3 draft entities", "person  macron", "number  days", "Which figure goes in the gap?"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("listing lacks %q:\n%s", want, out.String())
		}
	}
	if data, _ := os.ReadFile(path); string(data) != draftBank {
		t.Error("listing changed the bank")
	}
}

// otherWriter appends a fact to the bank the first time review reads an
// answer: another curator's add, between two steps of the review.
type otherWriter struct {
	t    *testing.T
	path string
	in   *strings.Reader
	done bool
}

func (o *otherWriter) Read(p []byte) (int, error) {
	if !o.done {
		o.done = true
		f, err := os.OpenFile(o.path, os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			o.t.Fatal(err)
		}
		f.WriteString("\n[[facts]]\nid = \"waited\"\nkind = \"who\"\nask = \"Who waited for the call?\"\nanswer = \"rouhani\"\nsource = \"Macron waited for the call.\"\n")
		f.Close()
	}
	return o.in.Read(p)
}

// TestReviewKeepsOthersWork: each step reads the bank afresh under the
// lock, so what another writer added in between is kept.
func TestReviewKeepsOthersWork(t *testing.T) {
	path := writeBank(t)
	var out bytes.Buffer
	if _, err := Run(path, &otherWriter{t: t, path: path, in: strings.NewReader("a\nq\n")}, &out, true); err != nil {
		t.Fatal(err)
	}
	b, err := bank.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := b.Fact("waited"); !ok {
		t.Error("the other writer's fact was lost")
	}
	if e, _ := b.Entity("macron"); e.Draft {
		t.Error("macron was not accepted")
	}
}
