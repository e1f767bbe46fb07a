package export

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/quizcard/quizcard/generate/quiz"
)

var qtiDate = time.Date(2019, 11, 3, 0, 0, 0, 0, time.UTC)

// xmllint validates file against a schema under testdata/schemas (shipped
// with the tests, see testdata/schemas/SOURCES.md). Without xmllint it
// skips, and in CI it fails: .ci/run installs libxml2-utils.
func xmllint(t *testing.T, schema, file string) {
	t.Helper()
	bin, err := exec.LookPath("xmllint")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("xmllint is not installed; CI installs libxml2-utils (.ci/run)")
		}
		t.Skip("schema step skipped: xmllint is not installed (apt-get install libxml2-utils); the semantic checks ran")
	}
	path, _ := filepath.Abs(filepath.Join("testdata", "schemas", schema))
	out, err := exec.Command(bin, "--noout", "--nonet", "--schema", path, file).CombinedOutput()
	if err != nil {
		t.Errorf("%s does not validate against %s: %v\n%s", filepath.Base(file), schema, err, out)
	}
}

// QTI elements the checks read.
type (
	qtiDoc struct {
		Assessment struct {
			Ident  string `xml:"ident,attr"`
			Fields []struct {
				Label string `xml:"fieldlabel"`
				Entry string `xml:"fieldentry"`
			} `xml:"qtimetadata>qtimetadatafield"`
			Items []qtiItem `xml:"section>item"`
		} `xml:"assessment"`
	}
	qtiItem struct {
		Ident  string `xml:"ident,attr"`
		Title  string `xml:"title,attr"`
		Fields []struct {
			Label string `xml:"fieldlabel"`
			Entry string `xml:"fieldentry"`
		} `xml:"itemmetadata>qtimetadata>qtimetadatafield"`
		Text  string    `xml:"presentation>material>mattext"`
		Lids  []qtiLid  `xml:"presentation>response_lid"`
		Conds []qtiCond `xml:"resprocessing>respcondition"`
		Fbs   []struct {
			Ident string `xml:"ident,attr"`
			Text  string `xml:"flow_mat>material>mattext"`
		} `xml:"itemfeedback"`
	}
	qtiCond struct {
		Var []struct {
			Resp  string `xml:"respident,attr"`
			Value string `xml:",chardata"`
		} `xml:"conditionvar>varequal"`
		Set []struct {
			Action string `xml:"action,attr"`
			Value  string `xml:",chardata"`
		} `xml:"setvar"`
		Feedback []struct {
			Link string `xml:"linkrefid,attr"`
		} `xml:"displayfeedback"`
	}
	qtiLid struct {
		Ident  string `xml:"ident,attr"`
		Text   string `xml:"material>mattext"`
		Labels []struct {
			Ident string `xml:"ident,attr"`
			Text  string `xml:"material>mattext"`
		} `xml:"render_choice>response_label"`
	}
	qtiManifestDoc struct {
		Resources []struct {
			Ident string `xml:"identifier,attr"`
			Type  string `xml:"type,attr"`
			Files []struct {
				Href string `xml:"href,attr"`
			} `xml:"file"`
		} `xml:"resources>resource"`
	}
	qtiMetaDoc struct {
		Title          string `xml:"title"`
		Shuffle        string `xml:"shuffle_answers"`
		Points         string `xml:"points_possible"`
		ShowCorrect    string `xml:"show_correct_answers"`
		Attempts       string `xml:"allowed_attempts"`
		TimeLimit      string `xml:"time_limit"`
		AssignmentPts  string `xml:"assignment>points_possible"`
		QuizIdentifier string `xml:"identifier,attr"`
	}
)

func (it qtiItem) field(label string) string {
	for _, f := range it.Fields {
		if f.Label == label {
			return f.Entry
		}
	}
	return ""
}

// Canvas reads QTI 1.2 through QTIMigrationTool, which renames idents
// (instructure/QTIMigrationTool @ 7847455, lib/imsqtiv1.py): ReadIdentifier
// (lines 164-172) runs CheckNMTOKEN (174-196: a character that is not
// [A-Za-z0-9_.:-] becomes "-", and an ident that does not start with
// [A-Za-z_] gets the prefix) and then turns ":" and "." into "_";
// response_label idents first lose a trailing _ans or _str (line 118,
// 4958-4960); varequal values get CheckNMTOKEN alone (line 5779).
func qtiCheckNMTOKEN(s, prefix string) string {
	var b strings.Builder
	for _, c := range strings.TrimSpace(s) {
		if c < 128 && !strings.ContainsRune("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.:", c) {
			c = '-'
		}
		if b.Len() == 0 && c < 128 && !strings.ContainsRune("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_", c) {
			b.WriteString(prefix)
		}
		b.WriteRune(c)
	}
	return b.String()
}

func qtiReadIdentifier(s, prefix string) string {
	return strings.NewReplacer(":", "_", ".", "_").Replace(qtiCheckNMTOKEN(s, prefix))
}

var (
	d2lSuffix   = regexp.MustCompile(`(?i)_(?:ans|str)$`)
	firstDigits = regexp.MustCompile(`(\d+)`)
	// Canvas's get_feedback (canvas-lms gems/plugins/qti_exporter/lib/qti/
	// assessment_item_converter.rb @ 0c8b103, get_feedback) files a
	// modalFeedback by its identifier, in this order.
	fbWrong    = regexp.MustCompile(`(?i)wrong|incorrect|(_IC$)`)
	fbCorrect  = regexp.MustCompile(`(?i)correct|(_C$)`)
	fbSolution = regexp.MustCompile(`(?i)solution`)
	fbGeneral  = regexp.MustCompile(`(?i)general_|_all`)
	fbAnswer   = regexp.MustCompile(`(?i)feedback_(\d*)_fb`)
)

// canvasFeedbackKind says where Canvas's get_feedback files a feedback id.
func canvasFeedbackKind(id string) string {
	switch {
	case fbWrong.MatchString(id):
		return "incorrect"
	case fbCorrect.MatchString(id):
		return "correct"
	case fbSolution.MatchString(id):
		return "solution"
	case fbGeneral.MatchString(id):
		return "neutral"
	case fbAnswer.MatchString(id):
		return "answer RESPONSE_" + fbAnswer.FindStringSubmatch(id)[1]
	}
	return ""
}

// checkQTI unzips a package, validates its XML against the IMS schemas and
// reads it as Canvas does, comparing with the quiz's version A.
func checkQTI(t *testing.T, q *quiz.Quiz, data []byte, notes []Note, opt Options) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	dir := t.TempDir()
	for _, f := range zr.File {
		if !f.Modified.Equal(opt.Date.UTC()) {
			t.Errorf("%s dated %v, want %v", f.Name, f.Modified, opt.Date)
		}
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		files[f.Name] = b
		if !strings.HasSuffix(f.Name, "/") {
			os.MkdirAll(filepath.Join(dir, filepath.Dir(f.Name)), 0o755)
			os.WriteFile(filepath.Join(dir, f.Name), b, 0o644)
		}
	}
	if _, ok := files["non_cc_assessments/"]; !ok {
		t.Error("no non_cc_assessments/ entry")
	}
	var man qtiManifestDoc
	if err := xml.Unmarshal(files["imsmanifest.xml"], &man); err != nil {
		t.Fatalf("manifest: %v", err)
	}
	types := map[string]bool{}
	for _, r := range man.Resources {
		types[r.Type] = true
		for _, f := range r.Files {
			if _, ok := files[f.Href]; !ok {
				t.Errorf("manifest names %s, not in the zip", f.Href)
			}
		}
	}
	if len(types) != 2 || !types["imsqti_xmlv1p2"] || !types["associatedcontent/imscc_xmlv1p1/learning-application-resource"] {
		t.Errorf("resource types %v", types)
	}
	a := man.Resources[0].Ident
	asmtName := a + "/" + a + ".xml"
	var doc qtiDoc
	if err := xml.Unmarshal(files[asmtName], &doc); err != nil {
		t.Fatalf("assessment: %v", err)
	}
	if doc.Assessment.Ident != a {
		t.Errorf("assessment ident %q, folder %q", doc.Assessment.Ident, a)
	}
	// The quiz settings, as Canvas's QuizMetadataConverter reads them
	// (canvas-lms lib/cc/importer/canvas/quiz_metadata_converter.rb @
	// 02f52ac, get_quiz_meta).
	var meta qtiMetaDoc
	if err := xml.Unmarshal(files[a+"/assessment_meta.xml"], &meta); err != nil {
		t.Fatalf("meta: %v", err)
	}
	points := opt.points()
	total := strconv.FormatFloat(points*float64(len(doc.Assessment.Items)), 'f', -1, 64)
	attempts := map[int]string{0: "1", -1: "-1"}[opt.Canvas.Attempts]
	if attempts == "" {
		attempts = strconv.Itoa(opt.Canvas.Attempts)
	}
	timeLimit := ""
	if opt.Canvas.TimeLimitMinute > 0 {
		timeLimit = strconv.Itoa(opt.Canvas.TimeLimitMinute)
	}
	if meta.QuizIdentifier != a || meta.Points != total || meta.AssignmentPts != total || meta.Shuffle != strconv.FormatBool(!opt.KeepOrder) ||
		meta.ShowCorrect != strconv.FormatBool(!opt.Canvas.HideAnswers) || meta.Attempts != attempts || meta.TimeLimit != timeLimit {
		t.Errorf("quiz settings %+v for %+v (%d items)", meta, opt, len(doc.Assessment.Items))
	}
	maxAttempts := map[string]string{"-1": "unlimited"}[attempts]
	if maxAttempts == "" {
		maxAttempts = attempts
	}
	if len(doc.Assessment.Fields) != 1 || doc.Assessment.Fields[0].Label != "cc_maxattempts" || doc.Assessment.Fields[0].Entry != maxAttempts {
		t.Errorf("assessment metadata %+v, want cc_maxattempts %s", doc.Assessment.Fields, maxAttempts)
	}
	t.Run("schema", func(t *testing.T) {
		xmllint(t, "qti12/ims_qtiasiv1p2.xsd", filepath.Join(dir, asmtName))
		// Canvas's manifest uses Common Cartridge's name for the IMS CP
		// namespace; the CP schema checks it under CP's own.
		cp := bytes.ReplaceAll(files["imsmanifest.xml"], []byte("http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"), []byte("http://www.imsglobal.org/xsd/imscp_v1p1"))
		os.WriteFile(filepath.Join(dir, "manifest-cp.xml"), cp, 0o644)
		xmllint(t, "imscp_v1p2.xsd", filepath.Join(dir, "manifest-cp.xml"))
	})

	byIdent := map[string]qtiItem{}
	for _, it := range doc.Assessment.Items {
		conv := qtiReadIdentifier(it.Ident, "ID-")
		if _, dup := byIdent[conv]; dup {
			t.Errorf("item ident %q twice (as Canvas reads it)", conv)
		}
		byIdent[conv] = it
		if it.field("points_possible") != strconv.FormatFloat(points, 'f', -1, 64) {
			t.Errorf("%s: points %q", it.Ident, it.field("points_possible"))
		}
	}
	plainID := regexp.MustCompile(`^[a-z0-9-]+$`)
	for _, w := range expect(t, q) {
		var qi qtiItem
		found := false
		for _, it := range doc.Assessment.Items {
			id := w.stableID()
			if (id != "" && strings.HasSuffix(it.Title, "("+id+")")) || (id == "" && strings.HasPrefix(it.Ident, "quizcard_"+w.Form+"-")) {
				qi, found = it, true
				// Canvas keeps the ident as it is (so its migration id
				// is the one quizcard wrote); a plain fact id is used as
				// it stands.
				if qtiReadIdentifier(it.Ident, "ID-") != it.Ident || (plainID.MatchString(id) && it.Ident != "quizcard_"+id) {
					t.Errorf("%s: item ident %q", w.ID, it.Ident)
				}
			}
		}
		if !found {
			if !noted(notes, w.ID) {
				t.Errorf("%s missing, and no note says why", w.ID)
			}
			continue
		}
		if got := unhtml(qi.Text); lines(got) != lines(w.Prompt) {
			t.Errorf("%s: text %q", w.ID, got)
		}
		if !strings.HasPrefix(w.Prompt, strings.Fields(qi.Title)[0]) {
			t.Errorf("%s: title %q", w.ID, qi.Title)
		}
		switch w.Form {
		case "mc", "tf":
			checkCanvasChoice(t, w, qi)
		case "match":
			checkCanvasMatching(t, w, qi)
		}
	}
}

// checkCanvasChoice reads a multiple-choice or true/false item as Canvas's
// ChoiceInteraction does (canvas-lms gems/plugins/qti_exporter/lib/qti/
// choice_interaction.rb @ 03f405c, get_answers and
// process_response_conditions): answers keyed by their converted ident, a
// condition that sets SCORE above 0 marks its choice right, and
// attach_feedback_values gives a choice the feedback its condition shows.
func checkCanvasChoice(t *testing.T, w want, qi qtiItem) {
	t.Helper()
	wantType := map[string]string{"mc": "multiple_choice_question", "tf": "true_false_question"}[w.Form]
	if qi.field("question_type") != wantType || len(qi.Lids) != 1 {
		t.Fatalf("%s: type %q, %d response_lids", w.ID, qi.field("question_type"), len(qi.Lids))
	}
	labels := qi.Lids[0].Labels
	if len(labels) != len(w.Shown) {
		t.Fatalf("%s: %d choices", w.ID, len(labels))
	}
	answers := map[string]int{} // converted ident -> choice
	for i, l := range labels {
		conv := qtiReadIdentifier(d2lSuffix.ReplaceAllString(l.Ident, ""), "RESPONSE_")
		if _, dup := answers[conv]; dup {
			t.Errorf("%s: choice ident %q twice", w.ID, conv)
		}
		answers[conv] = i
		if got := unhtml(l.Text); got != lines(w.Shown[i]) {
			t.Errorf("%s: choice %d reads %q, want %q", w.ID, i, got, w.Shown[i])
		}
	}
	feedback := map[string]string{} // converted ident -> text
	for _, f := range qi.Fbs {
		feedback[qtiReadIdentifier(f.Ident, "FEEDBACK_")] = unhtml(f.Text)
	}
	right := -1
	why := make([]string, len(labels))
	for _, c := range qi.Conds {
		if len(c.Var) != 1 {
			continue
		}
		i, ok := answers[qtiCheckNMTOKEN(c.Var[0].Value, "RESPONSE_")]
		if !ok {
			t.Errorf("%s: a condition names choice %q, which Canvas cannot find", w.ID, c.Var[0].Value)
			continue
		}
		for _, s := range c.Set {
			if v, _ := strconv.ParseFloat(s.Value, 64); v > 0 {
				if right >= 0 {
					t.Errorf("%s: two right choices", w.ID)
				}
				right = i
			}
		}
		for _, f := range c.Feedback {
			id := qtiReadIdentifier(f.Link, "FEEDBACK_")
			why[i] = feedback[id]
			conv := qtiReadIdentifier(d2lSuffix.ReplaceAllString(labels[i].Ident, ""), "RESPONSE_")
			if kind := canvasFeedbackKind(id); kind != "" && kind != "answer "+conv {
				t.Errorf("%s: Canvas files feedback %q as %s, not on choice %s", w.ID, id, kind, conv)
			}
		}
	}
	if right != w.Pick {
		t.Errorf("%s: Canvas marks %d right, want %d (%q)", w.ID, right, w.Pick, w.Shown[w.Pick])
	}
	for i := range labels {
		if why[i] != lines(w.why(i)) {
			t.Errorf("%s: feedback on %q is %q, want %q", w.ID, w.Shown[i], why[i], w.why(i))
		}
	}
	if kind := canvasFeedbackKind(qtiReadIdentifier("general_fb", "FEEDBACK_")); kind != "neutral" {
		t.Errorf("general_fb filed as %q", kind)
	}
}

// checkCanvasMatching reads a matching item as Canvas does (canvas-lms
// gems/plugins/qti_exporter/lib/qti/associate_interaction.rb @ 0c31361):
// get_canvas_matches (lines 112-125) takes the options of the first
// response_lid and gives each the match id of the FIRST run of digits in
// its converted ident (line 118: `if sc['identifier'] =~ /(\d+)/`);
// get_canvas_answers (127-151) pairs each left item with the option its
// scoring condition names; ensure_correct_format (line 75) then shows
// the first option whose match id is that option's.
func checkCanvasMatching(t *testing.T, w want, qi qtiItem) {
	t.Helper()
	if qi.field("question_type") != "matching_question" || len(qi.Lids) != len(w.Pairs) {
		t.Fatalf("%s: matching %q with %d lids", w.ID, qi.field("question_type"), len(qi.Lids))
	}
	type match struct {
		id   string
		text string
	}
	var matches []match
	matchByIdent := map[string]string{}
	for i, l := range qi.Lids[0].Labels {
		conv := qtiReadIdentifier(d2lSuffix.ReplaceAllString(l.Ident, ""), "RESPONSE_")
		id := firstDigits.FindString(conv)
		if id == "" {
			id = fmt.Sprintf("local-%d", i) // unique_local_id
		}
		matches = append(matches, match{id, strings.TrimSpace(unhtml(l.Text))})
		matchByIdent[conv] = id
	}
	for l, lid := range qi.Lids {
		resp := qtiReadIdentifier(lid.Ident, "RESPONSE_")
		if got := lid.Text; lines(got) != lines(plain(w.Pairs[l][0])) {
			t.Errorf("%s: left %d reads %q, want %q", w.ID, l, got, w.Pairs[l][0])
		}
		right := ""
		for _, c := range qi.Conds {
			if len(c.Var) == 1 && qtiReadIdentifier(c.Var[0].Resp, "RESPONSE_") == resp && len(c.Set) == 1 && c.Set[0].Action == "Add" {
				id, ok := matchByIdent[qtiCheckNMTOKEN(c.Var[0].Value, "RESPONSE_")]
				if !ok {
					t.Errorf("%s: condition names option %q, which Canvas cannot find", w.ID, c.Var[0].Value)
				}
				for _, m := range matches {
					if m.id == id {
						right = m.text
						break
					}
				}
			}
		}
		if right != strings.TrimSpace(lines(w.Pairs[l][1])) {
			t.Errorf("%s: Canvas pairs %q with %q, want %q", w.ID, w.Pairs[l][0], right, w.Pairs[l][1])
		}
	}
}

func TestQTI(t *testing.T) {
	for _, tc := range []struct {
		name string
		q    *quiz.Quiz
		opt  Options
	}{
		{"builtin", testQuiz(t), testOpt},
		{"feedback", feedbackQuiz(t, 11), Options{Date: qtiDate, Points: 2, KeepOrder: true, Canvas: Canvas{HideAnswers: true, Attempts: -1, TimeLimitMinute: 20}}},
		{"special", specialQuiz(t), Options{Date: qtiDate.Add(time.Hour), Canvas: Canvas{Attempts: 3}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf, again bytes.Buffer
			notes, err := QTI(&buf, tc.q, tc.opt)
			if err != nil {
				t.Fatal(err)
			}
			QTI(&again, tc.q, tc.opt)
			if !bytes.Equal(buf.Bytes(), again.Bytes()) {
				t.Fatal("two packages differ")
			}
			if tc.name == "builtin" {
				golden(t, "quiz.qti.zip", buf.Bytes())
			}
			checkQTI(t, tc.q, buf.Bytes(), notes, tc.opt)
		})
	}
}

// TestQTIMatchingSeeds applies Canvas's matching rule to the export of
// every matching question of 60 seeds.
func TestQTIMatchingSeeds(t *testing.T) {
	for seed := uint64(1); seed <= 60; seed++ {
		q := testQuizSeed(t, seed)
		var buf bytes.Buffer
		notes, err := QTI(&buf, q, testOpt)
		if err != nil {
			t.Fatal(err)
		}
		checkQTI(t, q, buf.Bytes(), notes, testOpt)
	}
}

// TestQTIStable: the quiz's ident follows its title, not the seed, so a
// re-import updates the Canvas quiz (canvas-lms app/models/importers/
// quiz_importer.rb, import_from_migration: a quiz with the same
// migration_id is reused); a question's ident follows its fact, and a
// choice's its text.
func TestQTIStable(t *testing.T) {
	idents := func(q *quiz.Quiz) (string, map[string]string) {
		var buf bytes.Buffer
		if _, err := QTI(&buf, q, testOpt); err != nil {
			t.Fatal(err)
		}
		zr, _ := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		out := map[string]string{}
		asmt := ""
		for _, f := range zr.File {
			if !strings.HasSuffix(f.Name, ".xml") || f.Name == "imsmanifest.xml" || strings.HasSuffix(f.Name, "assessment_meta.xml") {
				continue
			}
			rc, _ := f.Open()
			var doc qtiDoc
			xml.NewDecoder(rc).Decode(&doc)
			rc.Close()
			asmt = doc.Assessment.Ident
			for _, it := range doc.Assessment.Items {
				for _, lid := range it.Lids {
					for _, l := range lid.Labels {
						out[it.Ident+"|"+unhtml(l.Text)] = l.Ident
					}
				}
			}
		}
		return asmt, out
	}
	a7, c7 := idents(testQuizSeed(t, 7))
	shared := 0
	for seed := uint64(8); seed < 30; seed++ {
		a, c := idents(testQuizSeed(t, seed))
		if a != a7 {
			t.Errorf("seed %d: the same quiz title gives ident %q, not %q", seed, a, a7)
		}
		for k, v := range c7 {
			if w, ok := c[k]; ok {
				shared++
				if v != w {
					t.Errorf("seed %d: %s: ident %q, was %q", seed, k, w, v)
				}
			}
		}
	}
	if shared < 10 {
		t.Errorf("only %d choices in common with seed 7", shared)
	}
	other := testQuizSeed(t, 7)
	other.Title = "Another quiz"
	if a, _ := idents(other); a == a7 {
		t.Error("another title keeps the quiz ident")
	}
}

// TestQTIIdents: ids with characters Canvas renames keep apart, and stay
// as Canvas reads them.
func TestQTIIdents(t *testing.T) {
	seen := map[string]string{}
	for _, id := range []string{"a-b", "a.b", "a_b", "a+b", "a:b", "u.s.-deal", "u-s--deal"} {
		got := qtiIdent(id)
		if qtiReadIdentifier(got, "ID-") != got {
			t.Errorf("%q: ident %q, which Canvas renames", id, got)
		}
		if other, dup := seen[got]; dup {
			t.Errorf("%q and %q share the ident %q", id, other, got)
		}
		seen[got] = id
	}
}

// TestChoiceIdents: choice idents are four-digit numbers, distinct within
// a question however many choices there are (so clashing hashes are
// resolved), and each follows its text, not its place.
func TestChoiceIdents(t *testing.T) {
	var texts []string
	for i := 0; i < 300; i++ {
		texts = append(texts, "choice "+strconv.Itoa(i))
	}
	ids := choiceIdents("q", texts)
	rev := append([]string(nil), texts...)
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	revIDs := choiceIdents("q", rev)
	seen := map[string]bool{}
	four := regexp.MustCompile(`^[1-9][0-9]{3}$`)
	for i, id := range ids {
		if seen[id] || !four.MatchString(id) {
			t.Errorf("choice %d: ident %q repeated or not four digits", i, id)
		}
		seen[id] = true
		if revIDs[len(texts)-1-i] != id {
			t.Errorf("%q: ident %q, or %q in another order", texts[i], id, revIDs[len(texts)-1-i])
		}
	}
}
