package sheet

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"

	"github.com/quizcard/quizcard/generate/bank"
	"github.com/quizcard/quizcard/generate/quiz"
	"github.com/quizcard/quizcard/generate/roster"
)

func builtQuiz(t *testing.T, count, versions int, forms ...quiz.Form) *quiz.Quiz {
	t.Helper()
	b, err := bank.Load("../../questions.toml")
	if err != nil {
		t.Fatal(err)
	}
	q, err := quiz.Build(b, quiz.Options{Count: count, Versions: versions, Forms: forms}, rand.New(rand.NewPCG(3, 0)))
	if err != nil {
		t.Fatal(err)
	}
	return q
}

// bigQuiz is a quiz of n multiple-choice questions, more than the built-in
// bank holds, to need a second sheet page.
func bigQuiz(n int) *quiz.Quiz {
	q := &quiz.Quiz{Title: "big", Versions: []quiz.Version{{Label: "A"}}}
	for i := range n {
		id := fmt.Sprint("q", i+1)
		q.Questions = append(q.Questions, quiz.Question{ID: id, Form: quiz.MC, Options: []string{"a", "b", "c", "d", "e"}})
		q.Versions[0].Items = append(q.Versions[0].Items, quiz.Item{Number: i + 1, Question: id, Order: []int{4, 3, 2, 1, 0}, Key: "E"})
	}
	return q
}

var (
	a4     = Size{210, 297}
	letter = Size{215.9, 279.4}
)

// TestLayout: on every page every row of every item is there once, every
// box is inside the page, clear of the corner marks and the QR code, and
// no two boxes overlap.
func TestLayout(t *testing.T) {
	for _, tc := range []struct {
		name     string
		q        *quiz.Quiz
		students int
		paper    Size
	}{
		{"a4 mixed forms, named", builtQuiz(t, 12, 3, quiz.MC, quiz.TF, quiz.Match, quiz.Order), 5, a4},
		{"letter, unnamed with id grid", builtQuiz(t, 10, 2), 0, letter},
		{"150 questions over two pages", bigQuiz(150), 2, a4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var students []roster.Student
			for i := range tc.students {
				students = append(students, roster.Student{Name: fmt.Sprint("S", i), ID: fmt.Sprint(i)})
			}
			d, err := New(tc.q, students, tc.paper)
			if err != nil {
				t.Fatal(err)
			}
			if len(d.Sheets) != len(tc.q.Versions) {
				t.Fatalf("%d layouts for %d versions", len(d.Sheets), len(tc.q.Versions))
			}
			for _, l := range d.Sheets {
				v := d.Version(l.Version)
				rows := map[[2]int]int{}
				for pn, p := range l.Pages {
					var boxes []Rect
					for _, r := range p.Rows {
						rows[[2]int{r.Item, r.Sub}]++
						if len(r.Boxes) != len(r.Letters) {
							t.Errorf("row %s: %d boxes, %d letters", r.Label, len(r.Boxes), len(r.Letters))
						}
						for _, b := range r.Boxes {
							if b.X < 0 || b.Y < 0 || b.X+b.W > tc.paper.W || b.Y+b.H > tc.paper.H {
								t.Errorf("page %d row %q: box %+v off the page", pn+1, r.Label, b)
							}
							for _, m := range append(p.Marks[:], p.QR) {
								if overlap(b, m, 2) {
									t.Errorf("page %d row %q: box %+v within 2 mm of %+v", pn+1, r.Label, b, m)
								}
							}
							for _, o := range boxes {
								if overlap(b, o, 0.5) {
									t.Errorf("page %d row %q: boxes %+v and %+v overlap", pn+1, r.Label, b, o)
								}
							}
							boxes = append(boxes, b)
						}
					}
				}
				for _, it := range v.Items {
					q := d.Question(it.Question)
					n := 1 // independent of Rows: one row per left item or position
					switch q.Form {
					case quiz.Match:
						n = len(q.Left)
					case quiz.Order:
						n = len(q.Items)
					}
					for s := range n {
						if rows[[2]int{it.Number, s}] != 1 {
							t.Errorf("version %s item %d row %d appears %d times", v.Label, it.Number, s, rows[[2]int{it.Number, s}])
						}
					}
				}
				if tc.students == 0 && rows[[2]int{0, IDDigits - 1}] != 1 {
					t.Errorf("version %s: no student-id grid", v.Label)
				}
			}
			if tc.name == "150 questions over two pages" && len(d.Sheets[0].Pages) != 2 {
				t.Errorf("%d pages", len(d.Sheets[0].Pages))
			}
		})
	}
}

func overlap(a, b Rect, gap float64) bool {
	return a.X < b.X+b.W+gap && b.X < a.X+a.W+gap && a.Y < b.Y+b.H+gap && b.Y < a.Y+a.H+gap
}

// TestUnnamedSheetFitsOnePage: photocopied masters cannot be put together
// from several pages, so a sheet that needs two is refused.
func TestUnnamedSheetFitsOnePage(t *testing.T) {
	_, err := New(bigQuiz(150), nil, a4)
	if err == nil || !strings.Contains(err.Error(), "must fit on one") {
		t.Errorf("got %v", err)
	}
}

// TestQR: a code's modules decode (by ZXing's reader) to its payload, and
// the payload parses back.
func TestQR(t *testing.T) {
	c := Code{Quiz: "9F3A01BC", Version: "AB", Copy: 123, Page: 2}
	m, err := QR(c.String())
	if err != nil {
		t.Fatal(err)
	}
	if len(m) != QRModules {
		t.Fatalf("%d modules, want a version-2 code (%d)", len(m), QRModules)
	}
	// Draw it 4 pixels a module with a quiet zone, and read it back.
	const px, quiet = 4, 4
	side := (QRModules + 2*quiet) * px
	bits, err := gozxing.NewSquareBitMatrix(side)
	if err != nil {
		t.Fatal(err)
	}
	for y, row := range m {
		for x, dark := range row {
			if dark {
				for dy := range px {
					for dx := range px {
						bits.Set((x+quiet)*px+dx, (y+quiet)*px+dy)
					}
				}
			}
		}
	}
	img := bits // BitMatrix is an image.Image
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		t.Fatal(err)
	}
	res, err := qrcode.NewQRCodeReader().Decode(bmp, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.GetText() != "QC1 9F3A01BC AB 123 2" {
		t.Errorf("decoded %q", res.GetText())
	}
	back, err := ParseCode(res.GetText())
	if err != nil || back != c {
		t.Errorf("ParseCode = %+v, %v", back, err)
	}
	for _, bad := range []string{"", "QC1 X A 1", "QC2 X A 1 1", "QC1 X A -1 1", "QC1 X A 1 x", "http://example.com"} {
		if _, err := ParseCode(bad); err == nil {
			t.Errorf("ParseCode(%q) accepted", bad)
		}
	}
}

// TestLoadRefuses: a quiz.json that does not hold together is refused
// before anything indexes into it.
func TestLoadRefuses(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"not json":      `{"title": `,
		"no questions":  `{"title": "x", "versions": [{"label": "A"}]}`,
		"bad order":     `{"questions": [{"id": "q1", "form": "mc", "options": ["a","b"], "answer": 0}], "versions": [{"label": "A", "items": [{"number": 1, "question": "q1", "order": [0, 5]}]}]}`,
		"unknown item":  `{"questions": [{"id": "q1", "form": "mc", "options": ["a","b"], "answer": 0}], "versions": [{"label": "A", "items": [{"number": 1, "question": "q9", "order": [0, 1]}]}]}`,
		"answer beyond": `{"questions": [{"id": "q1", "form": "mc", "options": ["a","b"], "answer": 2}], "versions": [{"label": "A", "items": [{"number": 1, "question": "q1", "order": [1, 0]}]}]}`,
		"sheet row":     `{"questions": [{"id": "q1", "form": "mc", "options": ["a","b"], "answer": 0}], "versions": [{"label": "A", "items": [{"number": 1, "question": "q1", "order": [1, 0]}]}], "sheets": [{"version": "A", "pages": [{"rows": [{"item": 7, "letters": ["A"], "boxes": [{}]}]}]}]}`,
	} {
		p := filepath.Join(dir, strings.ReplaceAll(name, " ", "-")+".json")
		os.WriteFile(p, []byte(body), 0o644)
		if _, err := Load(p); err == nil {
			t.Errorf("%s: loaded", name)
		}
	}
}
