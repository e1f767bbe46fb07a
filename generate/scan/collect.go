package scan

import (
	"errors"
	"fmt"
	"image"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/quizcard/quizcard/generate/grade"
	"github.com/quizcard/quizcard/generate/sheet"
)

// A Class is what a class's scans say: a response per copy found, what a
// person must check, and a count of the pages.
type Class struct {
	Responses []grade.Response
	Reviews   []grade.Review
	Pages     int // page images read
	Sheets    int // answer-sheet pages among them
	Skipped   int // blank pages and pages of questions
}

// Read reads every page of the scan files (see Files) against the quiz d
// and puts each copy's pages together. A row that needs a person's eye,
// a page that is not a readable sheet, a sheet page missing from a copy and
// a student of the roster with no sheet each give a review.
func Read(d *sheet.Doc, paths []string) (*Class, error) {
	if d.ID == "" || len(d.Sheets) == 0 {
		return nil, errors.New("this quiz.json has no answer sheets: make the quiz with --roster or --sheet, print it, and scan the sheets")
	}
	results, err := readAll(d, paths)
	if err != nil {
		return nil, err
	}
	c := &Class{Pages: len(results)}
	copies := map[copyKey]*copyRead{}
	var unnamed []*copyRead
	for _, res := range results {
		switch {
		case res.review != nil:
			c.Reviews = append(c.Reviews, *res.review)
			continue
		case res.skipped:
			c.Skipped++
			continue
		}
		c.Sheets++
		k := copyKey{res.code.Version, res.code.Copy}
		cr := copies[k]
		if cr == nil || k.copy == 0 { // photocopies of one master: every page is its own student
			cr = &copyRead{key: k, pages: map[int]pageRead{}}
			if k.copy == 0 {
				unnamed = append(unnamed, cr)
			} else {
				copies[k] = cr
			}
		}
		if prev, dup := cr.pages[res.code.Page]; dup {
			c.Reviews = append(c.Reviews, grade.Review{Source: res.page.source, Version: k.version,
				Reason: fmt.Sprintf("the same sheet page as %s: only the first was read", prev.source)})
			continue
		}
		cr.pages[res.code.Page] = res.page
	}
	for _, cp := range d.Copies {
		cr := copies[copyKey{cp.Version, cp.Number}]
		if cp.Number == 0 {
			continue
		}
		if cr == nil {
			c.Reviews = append(c.Reviews, grade.Review{Student: cp.Name, ID: cp.ID, Version: cp.Version, Reason: "no answer sheet scanned: absent, or a page is missing"})
			continue
		}
		resp, reviews := cr.response(d, cp)
		c.Responses = append(c.Responses, resp)
		c.Reviews = append(c.Reviews, reviews...)
	}
	for _, cr := range unnamed {
		resp, reviews := cr.response(d, sheet.Copy{Version: cr.key.version})
		c.Responses = append(c.Responses, resp)
		c.Reviews = append(c.Reviews, reviews...)
	}
	return c, nil
}

// A result is what reading one page gave.
type result struct {
	skipped bool          // blank, or a page of questions
	review  *grade.Review // a page that could not be read
	code    sheet.Code
	page    pageRead
}

// readAll reads every page, decoding and reading them on every core, and
// returns the results in the order of the pages.
func readAll(d *sheet.Doc, paths []string) ([]result, error) {
	type job struct {
		i      int
		source string
		data   []byte
		err    error
	}
	jobs := make(chan job, runtime.GOMAXPROCS(0))
	var (
		mu      sync.Mutex
		results []result
		wg      sync.WaitGroup
	)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				res := readOne(d, j.source, j.data, j.err)
				mu.Lock()
				results[j.i] = res
				mu.Unlock()
			}
		}()
	}
	n := 0
	err := encoded(paths, func(source string, data []byte, err error) error {
		mu.Lock()
		results = append(results, result{})
		mu.Unlock()
		jobs <- job{n, source, data, err}
		n++
		return nil
	})
	close(jobs)
	wg.Wait()
	return results, err
}

// readOne decodes and reads one page.
func readOne(d *sheet.Doc, source string, data []byte, err error) result {
	var img image.Image
	if err == nil {
		img, err = decode(data)
	}
	if err != nil {
		return result{review: &grade.Review{Source: source, Reason: err.Error()}}
	}
	r, err := Page(img, d)
	switch {
	case errors.Is(err, ErrBlank), errors.Is(err, ErrQuestions):
		return result{skipped: true}
	case err != nil:
		return result{review: &grade.Review{Source: source, Reason: err.Error(), Image: shrink(img, 600)}}
	}
	return result{code: r.Code, page: readPage(r, source)}
}

type copyKey struct {
	version string
	copy    int
}

// A copyRead is the sheet pages read of one copy.
type copyRead struct {
	key   copyKey
	pages map[int]pageRead
}

// A pageRead is what is kept of a page once read: its rows, and the images
// of the rows a person must check.
type pageRead struct {
	source string
	rows   []Row
	crops  map[int]image.Image
}

func readPage(r *Reading, source string) pageRead {
	p := pageRead{source: source, rows: r.Rows, crops: map[int]image.Image{}}
	for i, row := range r.Rows {
		if row.Review != "" {
			p.crops[i] = r.Crop(i)
		}
	}
	return p
}

// response puts a copy's pages together into its answers.
func (cr *copyRead) response(d *sheet.Doc, cp sheet.Copy) (grade.Response, []grade.Review) {
	v := d.Version(cp.Version)
	l := d.Layout(cp.Version)
	resp := grade.Response{Student: cp.Name, ID: cp.ID, Class: cp.Class, Copy: cp.Number, Version: cp.Version,
		Answers: make([]grade.Answer, len(v.Items))}
	for k, it := range v.Items {
		resp.Answers[k].Rows = make([]int, sheet.Rows(d.Question(it.Question)))
		for i := range resp.Answers[k].Rows {
			resp.Answers[k].Rows[i] = -1
		}
	}
	var reviews []grade.Review
	var missing, sources []string
	pages := make([]int, 0, len(cr.pages))
	for n := range cr.pages {
		pages = append(pages, n)
	}
	sort.Ints(pages)
	for n := 1; n <= len(l.Pages); n++ {
		if _, ok := cr.pages[n]; !ok {
			missing = append(missing, fmt.Sprint(n))
		}
	}
	var id []byte
	idUnsure := false
	for _, n := range pages {
		p := cr.pages[n]
		sources = append(sources, p.source)
		for i, row := range p.rows {
			if row.Item == 0 {
				switch {
				case row.Choice >= 0 && row.Review == "":
					id = append(id, byte('0'+row.Choice))
				case row.Review != "":
					idUnsure = true
					id = append(id, '?')
				}
				continue
			}
			a := &resp.Answers[row.Item-1]
			if row.Sub < len(a.Rows) {
				a.Rows[row.Sub] = row.Choice
			}
			if row.Review != "" {
				a.Review = row.Review
				reviews = append(reviews, grade.Review{Source: p.source, Student: cp.Name, ID: cp.ID, Version: cp.Version,
					Item: row.Item, Row: row.Sub + 1, Reason: row.Review, Read: spell(row, l.Pages[n-1].Rows[i].Letters), Image: p.crops[i]})
			}
		}
	}
	resp.Source = strings.Join(sources, ", ")
	if cp.Number == 0 {
		resp.ID = string(id)
		if resp.ID == "" || idUnsure {
			reviews = append(reviews, grade.Review{Source: resp.Source, Version: cp.Version, Reason: fmt.Sprintf("student id read as %q: fill in the id", resp.ID)})
			resp.Missing = "student id unclear"
		}
	}
	if len(missing) > 0 {
		resp.Missing = "sheet page " + strings.Join(missing, ", ") + " not scanned"
		reviews = append(reviews, grade.Review{Source: resp.Source, Student: cp.Name, ID: cp.ID, Version: cp.Version, Reason: resp.Missing})
	}
	return resp, reviews
}

// spell says what a row holds: ticked letters joined by "+", unsure ones
// in brackets: "B", "A+C", "(D)".
func spell(row Row, letters []string) string {
	var parts []string
	for j, b := range row.Boxes {
		switch b.State {
		case Ticked:
			parts = append(parts, letters[j])
		case Unsure:
			parts = append(parts, "("+letters[j]+")")
		}
	}
	return strings.Join(parts, "+")
}
