// Package export writes a quiz for learning platforms and flashcard apps:
// one file per format (GIFT, Moodle XML, Canvas QTI, Kahoot, Anki, Quizlet,
// a self-contained HTML quiz). Each exporter takes the quiz that
// quiz.Build made (the same contract as quiz.json) and writes the first
// version's question and option order, so right answers are spread over
// the letters even where a platform does not shuffle.
package export

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/quizcard/quizcard/generate/bank"
	"github.com/quizcard/quizcard/generate/english"
	"github.com/quizcard/quizcard/generate/quiz"
)

// Options are what a teacher sets for the platform files. The zero value
// of a field means its default; Defaults holds them all.
type Options struct {
	// Date is written where a file records one (zip entries, the
	// spreadsheet's properties), so the same quiz gives the same bytes.
	Date time.Time
	// Points is what each question is worth (Moodle's default mark,
	// Canvas's points); 0 means 1.
	Points float64
	// KeepOrder keeps version A's option order on platforms that would
	// shuffle it (Moodle, Canvas).
	KeepOrder bool
	Canvas    Canvas
}

// Canvas holds the quiz settings Canvas takes on import
// (assessment_meta.xml).
type Canvas struct {
	HideAnswers     bool // do not show students the correct answers after they submit
	Attempts        int  // allowed attempts; 0 means 1, -1 unlimited
	TimeLimitMinute int  // 0: no time limit
}

func (o Options) points() float64 {
	if o.Points <= 0 {
		return 1
	}
	return o.Points
}

// num writes a number the way platforms read it: "1", "2.5".
func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// A Format is one export: its --format name, the file it writes, and the
// writer.
type Format struct {
	Name, File string
	Write      func(w io.Writer, q *quiz.Quiz, opt Options) ([]Note, error)
}

// Formats lists every export, in the order notes about them are printed.
var Formats = []Format{
	{"gift", "quiz.gift", GIFT},
	{"moodle", "quiz.moodle.xml", MoodleXML},
	{"qti", "quiz.qti.zip", QTI},
	{"kahoot", "quiz.kahoot.xlsx", Kahoot},
	{"anki", "quiz.anki.txt", Anki},
	{"quizlet", "quiz.quizlet.txt", Quizlet},
	{"html", "quiz.html", HTML},
}

// A Note is one line for the user about what a format could not carry:
// questions left out and why. Nothing is ever cut silently.
type Note string

// Empty is the error of an exporter that had no question it could carry:
// it wrote nothing worth importing (platforms refuse an empty file), so
// the caller should write no file. Notes says what was left out.
type Empty struct {
	Format string
	Notes  []Note
}

func (e Empty) Error() string {
	return fmt.Sprintf("%s: no question of this quiz fits the format; no file written", e.Format)
}

// item is a question as exports write it: version A's position and order.
type item struct {
	n       int // 1-based position in version A
	q       *quiz.Question
	choices []string // shown order (mc, tf: options; match: right column with its extras; order: items)
	answer  int      // mc, tf: index of the right choice in choices
	pos     []int    // match: pos[i] = index in choices of q.Right[i]; order: index in choices of q.Items[i]
	why     []string // mc, tf: feedback for each shown choice ("" where none); nil when none
}

// items returns the quiz's questions in version A's order.
func items(q *quiz.Quiz) []item {
	if len(q.Versions) == 0 {
		return nil
	}
	var out []item
	for _, it := range q.Versions[0].Items {
		qu := q.Question(it.Question)
		x := item{n: it.Number, q: qu, choices: qu.Shown(it)}
		x.pos = make([]int, len(it.Order))
		for shown, orig := range it.Order {
			x.pos[orig] = shown
			if orig == qu.Answer {
				x.answer = shown
			}
		}
		if qu.Form == quiz.Match {
			x.pos = x.pos[:len(qu.Right)] // the extra responses match nothing
		}
		if qu.Feedback != nil && (qu.Form == quiz.MC || qu.Form == quiz.TF) {
			x.why = make([]string, len(it.Order))
			for shown, orig := range it.Order {
				if orig < len(qu.Feedback) {
					x.why[shown] = qu.Feedback[orig]
				}
			}
		}
		out = append(out, x)
	}
	// A pool's questions go group by group, in the order groups first
	// appear: platforms draw from a category or question group at a time.
	first := map[string]int{}
	for i, x := range out {
		if _, ok := first[x.q.Group]; !ok {
			first[x.q.Group] = i
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return first[out[i].q.Group] < first[out[j].q.Group] })
	return out
}

// whyNot returns the feedback for shown choice i, or "".
func (it item) whyNot(i int) string {
	if i < len(it.why) {
		return it.why[i]
	}
	return ""
}

// noter collects the questions a format leaves out, by form, and counts
// the ones it writes.
type noter struct {
	format  string
	left    map[quiz.Form][]string
	why     map[quiz.Form]string
	extra   []Note
	written int
}

func newNoter(format string) *noter {
	return &noter{format: format, left: map[quiz.Form][]string{}, why: map[quiz.Form]string{}}
}

// skip leaves out a question the format cannot carry in its form.
func (n *noter) skip(it item, why string) {
	n.left[it.q.Form] = append(n.left[it.q.Form], it.q.ID)
	n.why[it.q.Form] = why
}

// reject leaves out one question that does not fit the format's limits.
func (n *noter) reject(it item, why string) {
	n.extra = append(n.extra, Note(fmt.Sprintf("%s: left out %s (%s): %s", n.format, it.q.ID, ID(it.q), why)))
}

func (n *noter) notes() []Note {
	var out []Note
	for _, f := range quiz.Forms {
		if ids := n.left[f]; len(ids) > 0 {
			out = append(out, Note(fmt.Sprintf("%s: left out %d %s %s (%s): %s", n.format, len(ids), f.Name(),
				english.PluralWord(len(ids), "question", ""), strings.Join(ids, ", "), n.why[f])))
		}
	}
	return append(out, n.extra...)
}

// done returns the notes, and Empty when nothing was written.
func (n *noter) done(err error) ([]Note, error) {
	if err == nil && n.written < 1 {
		return n.notes(), Empty{Format: n.format, Notes: n.notes()}
	}
	return n.notes(), err
}

// ID returns a question's stable id: its fact id, or for matching and
// ordering a hash of its entities. The same fact gives the same id in
// every quiz, whatever the seed; platforms that match on ids (Moodle's
// idnumber, Canvas's idents, Anki's GUIDs) see the same question.
func ID(q *quiz.Question) string {
	if len(q.Facts) == 1 {
		return q.Facts[0]
	}
	ids := append([]string(nil), q.Entities...)
	sort.Strings(ids)
	sum := sha256.Sum256([]byte(strings.Join(ids, "\x00")))
	return string(q.Form) + "-" + hex.EncodeToString(sum[:])[:10]
}

// Title returns a question's name as a teacher reads it in a question
// bank: the prompt's first words, then its stable id in brackets.
func Title(q *quiz.Question) string {
	const most = 60 // characters of the prompt
	var b strings.Builder
	n := 0
	for _, w := range strings.Fields(q.Prompt) {
		c := utf8.RuneCountInString(w)
		if n > 0 && n+1+c > most {
			b.WriteString("…")
			break
		}
		if n > 0 {
			b.WriteByte(' ')
			n++
		}
		b.WriteString(w)
		n += c
	}
	return b.String() + " (" + ID(q) + ")"
}

// feedback is a question's explanation and source, as HTML.
func feedback(q *quiz.Quiz, qu *quiz.Question) string {
	var b strings.Builder
	if qu.Correct != "" && qu.Form != quiz.MC {
		fmt.Fprintf(&b, "<p>Answer: %s</p>", htmlText(qu.Correct))
	}
	if qu.Explain != "" {
		fmt.Fprintf(&b, "<p>%s</p>", htmlText(qu.Explain))
	}
	if qu.Source != "" {
		fmt.Fprintf(&b, "<p>Source: “%s” (%s)</p>", htmlText(qu.Source), htmlText(sourceLine(q)))
	}
	return b.String()
}

// sourceLine names the article: "Radio Farda (RFE/RL), 3 November 2019".
func sourceLine(q *quiz.Quiz) string {
	return q.Article.Outlet + ", " + bank.HumanDate(q.Article.Date)
}

// htmlText escapes text for HTML element content: & < > only, so quotes
// stay readable in formats that show the source, and line breaks become
// <br> (a platform that drops a bare line break, as Moodle's XML reader
// does, keeps the words apart).
func htmlText(s string) string { return htmlEscaper.Replace(s) }

var htmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\r\n", "<br>", "\r", "<br>", "\n", "<br>")

// para wraps escaped text in a paragraph.
func para(s string) string { return "<p>" + htmlText(s) + "</p>" }

// plain puts text on one line for a plain-text field: a line break
// becomes a space.
func plain(s string) string {
	return strings.NewReplacer("\r\n", " ", "\r", " ", "\n", " ").Replace(s)
}

// groupCategory is the question-bank category of a pool's group: the
// article's category, then the group ("" outside pools).
func groupCategory(q *quiz.Quiz, group string) string {
	cat := "$course$/top/" + category(q)
	if group != "" {
		cat += "/" + strings.NewReplacer("/", "-", "\r\n", " ", "\r", " ", "\n", " ").Replace(group)
	}
	return cat
}

// category is the question-bank path for the quiz's article: no slashes,
// which platforms read as levels.
func category(q *quiz.Quiz) string {
	return strings.NewReplacer("/", "-", "\r\n", " ", "\r", " ", "\n", " ").Replace(q.Article.Title)
}

// bankID is a short hash of the article a quiz is about: it keeps ids of
// two banks apart when both have a fact with the same id.
func bankID(q *quiz.Quiz) string {
	sum := sha256.Sum256([]byte(q.Article.Title + "\x00" + q.Article.Outlet + "\x00" + q.Article.Date))
	return hex.EncodeToString(sum[:])[:8]
}

// A File is one export's name and bytes, ready to write.
type File struct {
	Name string
	Data []byte
}

// Run writes the quiz in every format formats names, in Formats order,
// into memory. A format that has no question it can carry gives no file,
// only a note saying so. The notes come back in Formats order.
func Run(q *quiz.Quiz, formats map[string]bool, opt Options) ([]File, []Note, error) {
	var files []File
	var notes []Note
	for _, f := range Formats {
		if !formats[f.Name] {
			continue
		}
		var buf bytes.Buffer
		ns, err := f.Write(&buf, q, opt)
		notes = append(notes, ns...)
		var empty Empty
		switch {
		case errors.As(err, &empty):
			notes = append(notes, Note(fmt.Sprintf("%s: wrote no %s: no question of this quiz fits it", f.Name, f.File)))
		case err != nil:
			return nil, nil, fmt.Errorf("%s: %w", f.File, err)
		default:
			files = append(files, File{Name: f.File, Data: buf.Bytes()})
		}
	}
	return files, notes, nil
}

// ParseOptions reads the export settings as the quiz command's flags give
// them: points as text ("1", "2.5"), whether platforms may shuffle options
// and show correct answers, Canvas's attempts (0 for unlimited) and time
// limit in minutes (0 for none). It returns why a value cannot be used,
// naming the flag.
func ParseOptions(points string, shuffle, showAnswers bool, attempts, timeLimit int) (Options, error) {
	opt := Options{KeepOrder: !shuffle, Canvas: Canvas{HideAnswers: !showAnswers, Attempts: attempts, TimeLimitMinute: timeLimit}}
	p, err := strconv.ParseFloat(points, 64)
	if err != nil || p <= 0 || p > 1000 || p*100 != float64(int(p*100)) {
		return opt, fmt.Errorf("--points takes a number above 0 and up to 1000, with at most two decimals, not %q", points)
	}
	opt.Points = p
	switch {
	case attempts < 0:
		return opt, fmt.Errorf("--attempts takes 0 (unlimited) or more, not %d", attempts)
	case timeLimit < 0:
		return opt, fmt.Errorf("--time-limit takes minutes, 0 for none, not %d", timeLimit)
	case attempts == 0:
		opt.Canvas.Attempts = -1 // Canvas's unlimited
	}
	return opt, nil
}
