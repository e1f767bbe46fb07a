package export

import (
	"bytes"
	"encoding/csv"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/quizcard/quizcard/generate/quiz"
)

// The reader below follows Anki's own text importer (ankitects/anki @
// c32cb29, rslib/src/import_export/text/csv/metadata.rs and
// rslib/src/cloze.rs); each step names the lines it copies.

// ankiNote is one imported note: its fields by the note type's field
// order, its tags and GUID.
type ankiNote struct {
	fields []string
	tags   []string
	guid   string
}

// readAnki reads an Anki text file for a note type with the given field
// names, as Anki does.
func readAnki(t *testing.T, data []byte, fieldNames []string) (map[string]string, []ankiNote) {
	t.Helper()
	meta := map[string]string{}
	rest := string(data)
	// parse_line (metadata.rs:112-121): leading "#key:value" lines.
	for strings.HasPrefix(rest, "#") {
		line, after, _ := strings.Cut(rest, "\n")
		if key, value, ok := strings.Cut(line[1:], ":"); ok {
			meta[strings.ToLower(strings.TrimSpace(key))] = value
		}
		rest = after
	}
	if meta["separator"] != "tab" || meta["html"] != "true" {
		t.Fatalf("headers %q", meta)
	}
	r := csv.NewReader(strings.NewReader(rest))
	r.Comma = '\t'
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("rows: %v", err)
	}
	tagsCol, _ := strconv.Atoi(meta["tags column"])
	guidCol, _ := strconv.Atoi(meta["guid column"])
	metaCols := map[int]bool{tagsCol: true, guidCol: true}
	// maybe_init_notetype_map (metadata.rs:234-257): with no #columns the
	// labels are empty and fields map by index, skipping meta columns
	// (map_field_columns_by_index, 422-437); with labels, by field name
	// (map_field_columns_by_name, 439-457), and a field whose name no
	// label has stays empty.
	var labels []string
	if cols, ok := meta["columns"]; ok {
		labels = strings.Split(cols, "\t")
	}
	fieldCol := make([]int, len(fieldNames))
	fieldCol[0] = 1
	if len(labels) == 0 {
		next := 0
		for col := 1; col <= len(rows[0]) && next < len(fieldNames); col++ {
			if !metaCols[col] {
				fieldCol[next] = col
				next++
			}
		}
	} else {
		for i, name := range fieldNames {
			for col, l := range labels {
				if l == name && !metaCols[col+1] {
					fieldCol[i] = col + 1
				}
			}
		}
	}
	var notes []ankiNote
	for _, row := range rows {
		n := ankiNote{guid: row[guidCol-1], tags: strings.Fields(row[tagsCol-1])}
		for _, col := range fieldCol {
			f := ""
			if col > 0 && col <= len(row) {
				f = row[col-1]
			}
			n.fields = append(n.fields, f)
		}
		notes = append(notes, n)
	}
	return meta, notes
}

// shownText is text as an HTML field shows it: line breaks kept (the
// exporter writes them as <br>), a tab a space.
func shownText(s string) string { return strings.ReplaceAll(lines(s), "\t", " ") }

// clozeRE is a cloze as cloze.rs tokenizes it (lines 58-100): "{{c" and
// digits, "::", the text up to "}}"; "::" inside the text starts a hint
// (lines 195-203).
var clozeRE = regexp.MustCompile(`\{\{c(\d+)::(.*?)\}\}`)

// clozes returns a field's clozes by number, each its text (and the hint
// that followed "::", which must be empty), and the text with each cloze
// shown.
func clozes(t *testing.T, field string) (map[int]string, string) {
	t.Helper()
	out := map[int]string{}
	for _, m := range clozeRE.FindAllStringSubmatch(field, -1) {
		n, _ := strconv.Atoi(m[1])
		text, hint, _ := strings.Cut(m[2], "::")
		if hint != "" {
			t.Errorf("cloze %q has a hint %q", m[0], hint)
		}
		out[n] = unhtml(text)
	}
	shown := clozeRE.ReplaceAllString(field, "$2")
	if strings.Contains(field, "{{") && len(out) == 0 {
		t.Errorf("%q opens a cloze that does not close", field)
	}
	return out, unhtml(shown)
}

// checkAnki reads the file as Anki does for a Cloze note type with
// translated field names, and compares its notes with the quiz's
// version A.
func checkAnki(t *testing.T, q *quiz.Quiz, data []byte) map[string]ankiNote {
	t.Helper()
	meta, notes := readAnki(t, data, []string{"Text", "Rückseite Extra"}) // a German Anki's Cloze type
	if meta["notetype"] != "Cloze" || !strings.HasPrefix(meta["deck"], "quizcard::") {
		t.Errorf("note type %q, deck %q", meta["notetype"], meta["deck"])
	}
	// "if matches" (metadata.rs:195-199) takes "update current": a note
	// whose GUID Anki has is updated (import.rs:354-369), never added twice.
	if meta["if matches"] != "update current" {
		t.Errorf("if matches %q: a re-import would follow the user's last choice", meta["if matches"])
	}
	byGUID := map[string]ankiNote{}
	for _, n := range notes {
		if _, dup := byGUID[n.guid]; dup {
			t.Errorf("GUID %q twice", n.guid)
		}
		byGUID[n.guid] = n
	}
	prefix := "quizcard-" + bankID(q) + "-"
	for _, w := range expect(t, q) {
		id := w.stableID()
		if id == "" {
			for g := range byGUID {
				if strings.HasPrefix(g, prefix+w.Form+"-") {
					id = strings.TrimPrefix(g, prefix)
				}
			}
		}
		extraOK := func(n ankiNote) {
			if extra := unhtml(n.fields[1]); !strings.Contains(extra, oneLine(shownText(w.Explain))) && !strings.Contains(extra, shownText(w.Explain)) {
				t.Errorf("%s: Back Extra %q lacks the explanation", w.ID, n.fields[1])
			}
			if w.Source != "" && !strings.Contains(unhtml(n.fields[1]), shownText(w.Source)) {
				t.Errorf("%s: Back Extra %q lacks the source", w.ID, n.fields[1])
			}
			if len(n.tags) == 0 || n.tags[0] != "quizcard" {
				t.Errorf("%s: tags %q", w.ID, n.tags)
			}
		}
		if w.Statement != nil {
			n, ok := byGUID[prefix+id+"-statement"]
			if !ok {
				t.Fatalf("%s: no statement note", w.ID)
			}
			cl, shown := clozes(t, n.fields[0])
			s := w.Statement
			if len(cl) != 1 || cl[1] != shownText(s.Answer) || shown != shownText(s.Before+s.Answer+s.After) {
				t.Errorf("%s: statement note %q, want %q with %q hidden", w.ID, n.fields[0], s.Before+s.Answer+s.After, s.Answer)
			}
			extraOK(n)
		}
		if w.Form == "tf" && w.Statement != nil {
			continue // the statement note is the card
		}
		n, ok := byGUID[prefix+id]
		if !ok {
			t.Fatalf("%s: no note with GUID %s", w.ID, prefix+id)
		}
		cl, shown := clozes(t, n.fields[0])
		if !strings.HasPrefix(shown, shownText(w.Prompt)) {
			t.Errorf("%s: note shows %q, want the prompt %q first", w.ID, shown, w.Prompt)
		}
		switch w.Form {
		case "mc", "tf":
			if len(cl) != 1 || cl[1] != shownText(w.Shown[w.Pick]) {
				t.Errorf("%s: the card's answer is %v, want %q", w.ID, cl, w.Shown[w.Pick])
			}
		case "match":
			for i, p := range w.Pairs {
				if cl[i+1] != shownText(p[1]) || !strings.Contains(shown, shownText(p[0])+": "+shownText(p[1])) {
					t.Errorf("%s: pair %d hides %q, want %q after %q", w.ID, i+1, cl[i+1], p[1], p[0])
				}
			}
		case "order":
			for i, item := range w.Seq {
				if cl[i+1] != shownText(item) {
					t.Errorf("%s: place %d hides %q, want %q", w.ID, i+1, cl[i+1], item)
				}
			}
		}
		extraOK(n)
	}
	return byGUID
}

func mustAnki(t *testing.T, q *quiz.Quiz) []byte {
	var buf bytes.Buffer
	if _, err := Anki(&buf, q, testOpt); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestAnki(t *testing.T) {
	q := testQuiz(t)
	data := mustAnki(t, q)
	golden(t, "quiz.anki.txt", data)
	first := checkAnki(t, q, data)
	// Fields map by position: with #columns naming English fields, a
	// German Anki would leave Back Extra empty.
	if bytes.Contains(data, []byte("\n#columns:")) {
		t.Error("a #columns header maps fields by name")
	}
	// A note's GUID and text come from its fact alone, whatever the seed:
	// re-importing updates notes instead of adding copies.
	for _, seed := range []uint64{8, 99} {
		other := testQuizSeed(t, seed)
		for guid, n := range checkAnki(t, other, mustAnki(t, other)) {
			if was, ok := first[guid]; ok && strings.Join(was.fields, "|") != strings.Join(n.fields, "|") && !strings.Contains(guid, "-match-") && !strings.Contains(guid, "-order-") {
				t.Errorf("seed %d: note %s changed: %q -> %q", seed, guid, was.fields, n.fields)
			}
		}
	}
	// Two banks with a fact of the same id keep apart.
	other := testQuiz(t)
	other.Article.Title = "Another article"
	for guid := range checkAnki(t, other, mustAnki(t, other)) {
		if _, clash := first[guid]; clash {
			t.Errorf("GUID %s shared by two banks", guid)
		}
	}
	checkAnki(t, specialQuiz(t), mustAnki(t, specialQuiz(t)))
}

// FuzzAnkiField: any text comes back from Anki's CSV reading as the HTML
// the field meant, on one physical line. Bank texts are valid UTF-8, so
// the fuzzer's bytes are made valid rather than skipped.
func FuzzAnkiField(f *testing.F) {
	for _, s := range specialStrings {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		s = strings.ToValidUTF8(s, "\uFFFD")
		field := ankiField(s)
		if strings.ContainsAny(field, "\n\r\t") {
			t.Fatalf("raw separator in %q", field)
		}
		r := csv.NewReader(strings.NewReader(field + "\tx\n"))
		r.Comma = '\t'
		rec, err := r.Read()
		if err != nil {
			t.Fatalf("%q: %v", field, err)
		}
		want := strings.NewReplacer("\r\n", "<br>", "\n", "<br>", "\r", "<br>", "\t", " ").Replace(s)
		if rec[0] != want || !utf8.ValidString(rec[0]) {
			t.Fatalf("%q came back as %q", s, rec[0])
		}
	})
}
