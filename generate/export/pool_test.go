package export

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/quizcard/quizcard/generate/bank"
	"github.com/quizcard/quizcard/generate/quiz"
)

// poolQuiz is the built-in bank's pool, read back through quiz.json's
// encoding so the tests see what a platform file is checked against.
func poolQuiz(t *testing.T) (*quiz.Quiz, map[string]string) {
	t.Helper()
	b, err := bank.Load("../../questions.toml")
	if err != nil {
		t.Fatal(err)
	}
	q, err := quiz.Pool(b, quiz.Options{}, rand.New(rand.NewPCG(3, 0)))
	if err != nil {
		t.Fatal(err)
	}
	data, _ := json.Marshal(q)
	var jq struct {
		Questions []struct {
			Facts []string `json:"facts"`
			Group string   `json:"group"`
		} `json:"questions"`
	}
	if err := json.Unmarshal(data, &jq); err != nil {
		t.Fatal(err)
	}
	group := map[string]string{} // fact id -> group, from quiz.json
	for _, qu := range jq.Questions {
		if len(qu.Facts) == 1 {
			group[qu.Facts[0]] = qu.Group
		}
	}
	return q, group
}

// TestPoolMoodle: in Moodle XML each question follows the category
// question of its group. Moodle's importer reads it in
// question/format/xml/format.php, import_category:
//
//	$qo->category = $this->import_text($question['#']['category'][0]['#']['text']);
//
// and question/format.php, importprocess, files every later question
// there:
//
//	if ($question->qtype == 'category') {
//	    if ($this->catfromfile) {
//	        $catpath = $question->category;
//	        $newcategory = $this->create_category_path($catpath);
//
// so a quiz's "random question from category" draws one question per
// group.
func TestPoolMoodle(t *testing.T) {
	q, group := poolQuiz(t)
	var buf bytes.Buffer
	if _, err := MoodleXML(&buf, q, Options{}); err != nil {
		t.Fatal(err)
	}
	doc := xmlize(t, buf.Bytes())
	current := ""
	seen := 0
	for _, mq := range doc.all("question") {
		if mq.attr["type"] == "category" {
			current = mq.child("category").child("text").text
			continue
		}
		id := mq.child("idnumber").text
		g, ok := group[id]
		if !ok {
			continue // a matching question: its group is its prompt
		}
		seen++
		if want := "$course$/top/" + category(q) + "/" + g; current != want {
			t.Errorf("%s filed under %q, want %q", id, current, want)
		}
	}
	if seen != len(group) {
		t.Errorf("%d fact questions in the file, %d in the pool", seen, len(group))
	}
}

// TestPoolGIFT: each question follows the $CATEGORY line of its group;
// question/format/gift/format.php, readquestion, turns that line into a
// category question:
//
//	if (preg_match('~^\$CATEGORY:~', $text)) {
//	    $newcategory = trim(substr($text, 10));
func TestPoolGIFT(t *testing.T) {
	q, group := poolQuiz(t)
	var buf bytes.Buffer
	if _, err := GIFT(&buf, q, Options{}); err != nil {
		t.Fatal(err)
	}
	current := ""
	seen := 0
	for _, line := range strings.Split(buf.String(), "\n") {
		if c, ok := strings.CutPrefix(line, "$CATEGORY: "); ok {
			current = c
		}
		if id, ok := strings.CutPrefix(line, "// [id:"); ok {
			id, _, _ = strings.Cut(id, "]")
			if g, ok := group[id]; ok {
				seen++
				if want := "$course$/top/" + category(q) + "/" + g; current != want {
					t.Errorf("%s under %q, want %q", id, current, want)
				}
			}
		}
	}
	if seen != len(group) {
		t.Errorf("%d fact questions in the file, %d in the pool", seen, len(group))
	}
}

// TestPoolQTI: every group is a Canvas question group that picks one
// question (QTIMigrationTool lib/imsqtiv1.py: a section's
// selection_ordering/selection/selection_number is its pick count,
// selection_extension/points_per_item its points), holding exactly the
// questions of that group; the quiz is worth one pick per group; the
// package validates against the QTI 1.2 schema.
func TestPoolQTI(t *testing.T) {
	q, group := poolQuiz(t)
	var buf bytes.Buffer
	if _, err := QTI(&buf, q, Options{Points: 2}); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var asmt, meta []byte
	for _, f := range zr.File {
		rc, _ := f.Open()
		data, _ := io.ReadAll(rc)
		rc.Close()
		switch {
		case strings.HasSuffix(f.Name, "assessment_meta.xml"):
			meta = data
		case strings.HasSuffix(f.Name, ".xml") && f.Name != "imsmanifest.xml":
			asmt = data
		}
	}
	var doc struct {
		Sections []struct {
			Title  string `xml:"title,attr"`
			Number string `xml:"selection_ordering>selection>selection_number"`
			Points string `xml:"selection_ordering>selection>selection_extension>points_per_item"`
			Items  []struct {
				Ident string `xml:"ident,attr"`
			} `xml:"item"`
		} `xml:"assessment>section>section"`
	}
	if err := xml.Unmarshal(asmt, &doc); err != nil {
		t.Fatal(err)
	}
	groups := map[string]bool{}
	for _, g := range group {
		groups[g] = true
	}
	fact := 0
	for _, s := range doc.Sections {
		if s.Number != "1" || s.Points != "2" {
			t.Errorf("group %q picks %q at %q points", s.Title, s.Number, s.Points)
		}
		for _, it := range s.Items {
			id := strings.TrimPrefix(it.Ident, "quizcard_")
			if g, ok := group[id]; ok {
				fact++
				if g != s.Title {
					t.Errorf("%s in group %q, want %q", id, s.Title, g)
				}
			}
		}
	}
	if fact != len(group) {
		t.Errorf("%d fact questions in groups, %d in the pool", fact, len(group))
	}
	if !bytes.Contains(meta, []byte("<points_possible>"+strconv.Itoa(2*len(doc.Sections))+"</points_possible>")) {
		t.Errorf("points_possible is not 2 per group (%d groups):\n%s", len(doc.Sections), meta)
	}
	path := filepath.Join(t.TempDir(), "assessment.xml")
	os.WriteFile(path, asmt, 0o644)
	xmllint(t, "qti12/ims_qtiasiv1p2.xsd", path)
}
