package export

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/quizcard/quizcard/generate/quiz"
)

var qtiDate = time.Date(2019, 11, 3, 0, 0, 0, 0, time.UTC)

// schemas returns ../shared/schemas, or skips outside CI when it is absent.
func schemas(t *testing.T) string {
	t.Helper()
	dir, _ := filepath.Abs("../../../shared/schemas")
	if _, err := os.Stat(filepath.Join(dir, "catalog.xml")); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("schemas not found at %s", dir)
		}
		t.Skipf("schemas not found at %s", dir)
	}
	return dir
}

func xmllint(t *testing.T, schema, file string) {
	t.Helper()
	bin, err := exec.LookPath("xmllint")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("xmllint is not installed")
		}
		t.Skip("xmllint is not installed")
	}
	dir := schemas(t)
	cmd := exec.Command(bin, "--noout", "--nonet", "--schema", filepath.Join(dir, schema), file)
	cmd.Env = append(os.Environ(), "XML_CATALOG_FILES="+filepath.Join(dir, "catalog.xml"))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("%s does not validate against %s: %v\n%s", filepath.Base(file), schema, err, out)
	}
}

// QTI elements the checks read.
type (
	qtiDoc struct {
		Assessment struct {
			Ident string    `xml:"ident,attr"`
			Items []qtiItem `xml:"section>item"`
		} `xml:"assessment"`
	}
	qtiItem struct {
		Ident  string `xml:"ident,attr"`
		Fields []struct {
			Label string `xml:"fieldlabel"`
			Entry string `xml:"fieldentry"`
		} `xml:"itemmetadata>qtimetadata>qtimetadatafield"`
		Text  string   `xml:"presentation>material>mattext"`
		Lids  []qtiLid `xml:"presentation>response_lid"`
		Conds []struct {
			Var []struct {
				Resp  string `xml:"respident,attr"`
				Value string `xml:",chardata"`
			} `xml:"conditionvar>varequal"`
			Set []struct {
				Action string `xml:"action,attr"`
				Value  string `xml:",chardata"`
			} `xml:"setvar"`
		} `xml:"resprocessing>respcondition"`
		Feedback string `xml:"itemfeedback>flow_mat>material>mattext"`
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
)

func (it qtiItem) field(label string) string {
	for _, f := range it.Fields {
		if f.Label == label {
			return f.Entry
		}
	}
	return ""
}

// checkQTI unzips a package, validates its XML against the IMS schemas and
// checks it against the quiz and formats.md b3.5.
func checkQTI(t *testing.T, q *quiz.Quiz, data []byte, notes []Note) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	dir := t.TempDir()
	for _, f := range zr.File {
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
	if !bytes.Contains(files[a+"/assessment_meta.xml"], []byte("<points_possible>"+itoa(len(doc.Assessment.Items))+".0</points_possible>")) {
		t.Error("points_possible is not the number of items")
	}
	// Schema validation: the assessment as it is; the manifest with Canvas's
	// Common Cartridge namespace mapped to IMS CP's, whose schema it follows.
	xmllint(t, "qti12/ims_qtiasiv1p2.xsd", filepath.Join(dir, asmtName))
	cp := bytes.ReplaceAll(files["imsmanifest.xml"], []byte("http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"), []byte("http://www.imsglobal.org/xsd/imscp_v1p1"))
	os.WriteFile(filepath.Join(dir, "manifest-cp.xml"), cp, 0o644)
	xmllint(t, "imscp_v1p1.xsd", filepath.Join(dir, "manifest-cp.xml"))

	idents := map[string]bool{}
	byIdent := map[string]qtiItem{}
	for _, it := range doc.Assessment.Items {
		for _, id := range append([]string{it.Ident}, labelIdents(it)...) {
			if idents[id] {
				t.Errorf("ident %q twice", id)
			}
			idents[id] = true
		}
		byIdent[it.Ident] = it
	}
	for _, it := range items(q) {
		qi, ok := byIdent[qtiIdent(Name(it.q))]
		if !ok {
			if !noted(notes, it.q.ID) {
				t.Errorf("%s missing, and no note says why", it.q.ID)
			}
			continue
		}
		if got := unpara(t, qi.Text); noCR(got) != noCR(it.q.Prompt) {
			t.Errorf("%s: text %q", it.q.ID, got)
		}
		switch it.q.Form {
		case quiz.MC, quiz.TF:
			want := map[quiz.Form]string{quiz.MC: "multiple_choice_question", quiz.TF: "true_false_question"}[it.q.Form]
			if qi.field("question_type") != want || len(qi.Lids) != 1 {
				t.Fatalf("%s: type %q", it.q.ID, qi.field("question_type"))
			}
			right := it.answer
			if it.q.Form == quiz.TF {
				right = it.q.Answer
			}
			sets := 0
			for _, c := range qi.Conds {
				if len(c.Set) == 1 && c.Set[0].Value == "100" {
					sets++
					if c.Var[0].Value != qi.Lids[0].Labels[right].Ident {
						t.Errorf("%s: SCORE=100 for the wrong choice", it.q.ID)
					}
				}
			}
			if sets != 1 {
				t.Errorf("%s: %d conditions set SCORE=100", it.q.ID, sets)
			}
			if it.q.Form == quiz.MC {
				for i, l := range qi.Lids[0].Labels {
					if noCR(unhtml(l.Text)) != noCR(it.choices[i]) {
						t.Errorf("%s: choice %q", it.q.ID, l.Text)
					}
				}
			}
		case quiz.Match:
			if qi.field("question_type") != "matching_question" || len(qi.Lids) != len(it.q.Left) {
				t.Fatalf("%s: matching %q", it.q.ID, qi.field("question_type"))
			}
			for l, lid := range qi.Lids {
				if noCR(lid.Text) != noCR(it.q.Left[l]) {
					t.Errorf("%s: left %q", it.q.ID, lid.Text)
				}
				for _, c := range qi.Conds {
					if len(c.Var) == 1 && c.Var[0].Resp == lid.Ident {
						var rightText string
						for _, lb := range lid.Labels {
							if lb.Ident == c.Var[0].Value {
								rightText = unhtml(lb.Text)
							}
						}
						if noCR(rightText) != noCR(it.q.Right[l]) {
							t.Errorf("%s: %q scored for %q", it.q.ID, rightText, it.q.Left[l])
						}
					}
				}
			}
		}
	}
}

func labelIdents(it qtiItem) []string {
	var out []string
	for _, l := range it.Lids {
		if len(it.Lids) > 1 {
			continue // matching repeats the same labels per left item
		}
		for _, lb := range l.Labels {
			out = append(out, lb.Ident)
		}
	}
	return out
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestQTI(t *testing.T) {
	for _, tc := range []struct {
		name string
		q    *quiz.Quiz
	}{{"builtin", testQuiz(t)}, {"special", specialQuiz(t)}} {
		var buf, again bytes.Buffer
		notes, err := QTI(&buf, tc.q, qtiDate)
		if err != nil {
			t.Fatal(err)
		}
		QTI(&again, tc.q, qtiDate)
		if !bytes.Equal(buf.Bytes(), again.Bytes()) {
			t.Fatal("two packages differ")
		}
		if tc.name == "builtin" {
			golden(t, "quiz.qti.zip", buf.Bytes())
		}
		checkQTI(t, tc.q, buf.Bytes(), notes)
	}
}
