// Package sheet lays out answer sheets as data: where every corner mark,
// QR code and answer box sits on the page, in millimetres from the page's
// top-left corner. The layout is recorded in quiz.json so that a scan can be
// read back without the PDF; drawing it is generate/pdf's job, reading it
// generate/scan's.
package sheet

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/quizcard/quizcard/generate/quiz"
	"github.com/quizcard/quizcard/generate/roster"
)

// A Doc is quiz.json with what printing copies adds: the quiz's id, who
// gets which copy, and one answer-sheet layout per version. The quiz's own
// fields come first and keep their names.
type Doc struct {
	*quiz.Quiz
	ID     string   `json:"id,omitempty"`     // 8 hex digits, printed in every QR code
	Paper  *Size    `json:"paper,omitempty"`  // the sheets' page size
	Copies []Copy   `json:"copies,omitempty"` // in roster order
	Sheets []Layout `json:"sheets,omitempty"` // one per version, in version order
}

// Size is a page size in millimetres.
type Size struct {
	W float64 `json:"w"`
	H float64 `json:"h"`
}

// A Copy is one printed copy: a student's, or, with Number 0, an unnamed
// master that is photocopied and on which students tick their id.
type Copy struct {
	Number  int    `json:"number"`
	Version string `json:"version"`
	Name    string `json:"name,omitempty"`
	ID      string `json:"id,omitempty"`
	Class   string `json:"class,omitempty"`
}

// A Layout is the answer sheet of one version: one or more pages.
type Layout struct {
	Version string `json:"version"`
	Pages   []Page `json:"pages"`
}

// A Page is one answer-sheet page.
type Page struct {
	Marks [4]Rect `json:"marks"` // corner marks: top left, top right, bottom right, bottom left
	QR    Rect    `json:"qr"`    // the QR code's modules, without the quiet zone
	Rows  []Row   `json:"rows"`  // answer rows, then the student-id grid's columns
}

// A Row is one line of boxes of which a student ticks one: a multiple-choice
// or true/false question, one pair of a matching question, one position of
// an ordering question, or one digit of the student id.
type Row struct {
	Item    int      `json:"item"`    // item number in the version; 0 for the student-id grid
	Sub     int      `json:"sub"`     // pair or position (0-based); digit position for the id
	Label   string   `json:"label"`   // printed left of the row: "4", "7·2", "8 1st"
	At      Point    `json:"at"`      // the label's top-left corner
	Letters []string `json:"letters"` // printed in the boxes: "A", "B", ... or "0"–"9"
	Boxes   []Rect   `json:"boxes"`
}

// A Rect is an axis-aligned rectangle in millimetres.
type Rect struct {
	X float64 `json:"x"`
	Y float64 `json:"y"`
	W float64 `json:"w"`
	H float64 `json:"h"`
}

// A Point is a position in millimetres.
type Point struct {
	X float64 `json:"x"`
	Y float64 `json:"y"`
}

// Centre returns the middle of r.
func (r Rect) Centre() Point { return Point{r.X + r.W/2, r.Y + r.H/2} }

// Dimensions of the sheet, in millimetres.
const (
	MarkSize   = 6.0  // corner mark side
	MarkInset  = 9.0  // from the page edge to the mark
	QRModules  = 25   // QR version 2
	QRModule   = 1.0  // mm per module: 5.9 pixels at 150 dpi
	BoxSize    = 4.6  // answer box side
	BoxPitch   = 7.0  // from box to box along a row
	RowPitch   = 6.4  // from row to row
	labelWidth = 12.5 // row label column
	IDDigits   = 8    // digits of the student-id grid
)

// New returns the printing plan for q: one copy per student (versions dealt
// in turn: student i gets version i mod len(q.Versions)), or, with no
// students, one unnamed copy per version; and the answer sheets of every
// version laid out on a page of the given size.
func New(q *quiz.Quiz, students []roster.Student, paper Size) (*Doc, error) {
	d := &Doc{Quiz: q, Paper: &paper, ID: quizID(q)}
	if len(students) == 0 {
		for _, v := range q.Versions {
			d.Copies = append(d.Copies, Copy{Version: v.Label})
		}
	}
	for i, s := range students {
		d.Copies = append(d.Copies, Copy{
			Number: i + 1, Version: q.Versions[i%len(q.Versions)].Label,
			Name: s.Name, ID: s.ID, Class: s.Class,
		})
	}
	for _, v := range q.Versions {
		l, err := layout(q, v, paper, len(students) == 0)
		if err != nil {
			return nil, err
		}
		if len(students) == 0 && len(l.Pages) > 1 {
			return nil, fmt.Errorf("version %s: the answer sheet needs %d pages, but an unnamed sheet (no --roster) must fit on one: ask fewer questions, or give a roster", v.Label, len(l.Pages))
		}
		d.Sheets = append(d.Sheets, l)
	}
	return d, nil
}

// MaxDocBytes is the largest quiz.json Load reads.
const MaxDocBytes = 64 << 20

// Load reads a quiz.json written by the quiz command.
func Load(path string) (*Doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxDocBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxDocBytes {
		return nil, fmt.Errorf("%s: over %d MiB: not a quiz.json", path, MaxDocBytes>>20)
	}
	d := &Doc{}
	if err := json.Unmarshal(data, d); err != nil {
		return nil, fmt.Errorf("%s: not a quiz.json from quizcard quiz: %v", path, err)
	}
	if d.Quiz == nil || len(d.Questions) == 0 || len(d.Versions) == 0 {
		return nil, fmt.Errorf("%s: not a quiz.json from quizcard quiz: no questions or versions", path)
	}
	return d, d.check()
}

// check refuses a quiz.json whose parts do not fit together, so that no
// index goes out of range later.
func (d *Doc) check() error {
	for _, v := range d.Versions {
		for _, it := range v.Items {
			q := d.Question(it.Question)
			if q == nil {
				return fmt.Errorf("quiz.json: version %s names question %q, which it does not have", v.Label, it.Question)
			}
			n := len(q.Options)
			switch q.Form {
			case quiz.Match:
				n = len(q.Right) + len(q.Extra)
				if len(q.Left) != len(q.Right) {
					return fmt.Errorf("quiz.json: question %s: %d left and %d right items", q.ID, len(q.Left), len(q.Right))
				}
			case quiz.Order:
				n = len(q.Items)
			}
			seen := make([]bool, n)
			for _, o := range it.Order {
				if o < 0 || o >= n || seen[o] {
					return fmt.Errorf("quiz.json: version %s item %d: order %v is not a shuffle of %d choices", v.Label, it.Number, it.Order, n)
				}
				seen[o] = true
			}
			if len(it.Order) != n || (q.Form == quiz.MC || q.Form == quiz.TF) && (q.Answer < 0 || q.Answer >= n) {
				return fmt.Errorf("quiz.json: version %s item %d does not fit question %s", v.Label, it.Number, q.ID)
			}
		}
	}
	for _, l := range d.Sheets {
		v := d.Version(l.Version)
		if v == nil {
			return fmt.Errorf("quiz.json: a sheet for version %q, which it does not have", l.Version)
		}
		for _, p := range l.Pages {
			for _, r := range p.Rows {
				if r.Item < 0 || r.Item > len(v.Items) || len(r.Boxes) == 0 || len(r.Letters) != len(r.Boxes) {
					return fmt.Errorf("quiz.json: version %s: a sheet row does not fit the version", l.Version)
				}
			}
		}
	}
	return nil
}

// quizID is a short digest of the quiz, so that a sheet from another quiz
// is never graded against this one.
func quizID(q *quiz.Quiz) string {
	b, _ := json.Marshal(q) // a Quiz always encodes
	sum := sha256.Sum256(b)
	return fmt.Sprintf("%X", sum[:4])
}

// Layout returns the sheet of the version with the given label, or nil.
func (d *Doc) Layout(version string) *Layout {
	for i := range d.Sheets {
		if d.Sheets[i].Version == version {
			return &d.Sheets[i]
		}
	}
	return nil
}

// Version returns the version with the given label, or nil.
func (d *Doc) Version(label string) *quiz.Version {
	for i := range d.Versions {
		if d.Versions[i].Label == label {
			return &d.Versions[i]
		}
	}
	return nil
}

// A Code is what a sheet's QR code says: which quiz, version, copy and
// sheet page it is.
type Code struct {
	Quiz    string
	Version string
	Copy    int
	Page    int // 1-based sheet page; 0 on the pages of questions
}

// String returns the QR payload, in QR alphanumeric characters only so that
// it fits a version-2 code: "QC1 9F3A01BC A 12 1".
func (c Code) String() string {
	return fmt.Sprintf("QC1 %s %s %d %d", c.Quiz, c.Version, c.Copy, c.Page)
}

// ParseCode reads a QR payload written by Code.String.
func ParseCode(s string) (Code, error) {
	f := strings.Fields(s)
	if len(f) != 5 || f[0] != "QC1" {
		return Code{}, fmt.Errorf("QR code %q is not from a quizcard sheet", s)
	}
	c := Code{Quiz: f[1], Version: f[2]}
	var err1, err2 error
	c.Copy, err1 = strconv.Atoi(f[3])
	c.Page, err2 = strconv.Atoi(f[4])
	if err1 != nil || err2 != nil || c.Copy < 0 || c.Page < 0 {
		return Code{}, fmt.Errorf("QR code %q is not from a quizcard sheet", s)
	}
	return c, nil
}

// QuestionQR is where the small code on a page of questions goes: the
// bottom right corner, in the page margin, mm from the right and bottom
// edges to the code's far corner, and its module size.
const (
	QuestionQRInset  = 5.0
	QuestionQRModule = 0.6
)

// Finders returns the centres of a QR code's three finder patterns, top
// left, top right and bottom left, for a code drawn in r.
func Finders(r Rect) [3]Point {
	m := r.W / QRModules * 3.5
	return [3]Point{{r.X + m, r.Y + m}, {r.X + r.W - m, r.Y + m}, {r.X + m, r.Y + r.H - m}}
}
