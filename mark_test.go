package main

import (
	"encoding/csv"
	"fmt"
	"image"
	"image/draw"
	"image/png"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"

	"github.com/quizcard/quizcard/generate/quiz"
	"github.com/quizcard/quizcard/generate/sheet"
)

// markMain is the testscript command
//
//	mark QUIZ.PDF QUIZ.JSON COPY OUT.png ANSWER...
//
// which renders copy COPY's answer sheet (found by its printed heading,
// "Answer sheet · Version A · copy 3") at 150 dpi with poppler and fills it
// in as a student would, one ANSWER per item: "key" ticks the right answer
// from quiz.json's key (every pair or position for matching and ordering),
// "wrong" a wrong one, "blank" nothing, "two" the right answer and another.
func markMain() int {
	if len(os.Args) < 6 {
		fmt.Fprintln(os.Stderr, "usage: mark QUIZ.PDF QUIZ.JSON COPY OUT.png ANSWER...")
		return 2
	}
	if err := mark(os.Args[1], os.Args[2], os.Args[3], os.Args[4], os.Args[5:]); err != nil {
		fmt.Fprintln(os.Stderr, "mark:", err)
		return 1
	}
	return 0
}

func mark(pdfPath, quizPath, copyNo, pagePath string, answers []string) error {
	d, err := sheet.Load(quizPath)
	if err != nil {
		return err
	}
	text, err := exec.Command("pdftotext", pdfPath, "-").Output()
	if err != nil {
		return err
	}
	page, version := 0, ""
	heading := regexp.MustCompile(`Answer sheet · Version ([A-Z]+) · copy ` + regexp.QuoteMeta(copyNo) + `\b`)
	for i, p := range strings.Split(string(text), "\f") {
		if m := heading.FindStringSubmatch(p); m != nil {
			page, version = i+1, m[1]
			break
		}
	}
	if page == 0 {
		return fmt.Errorf("no answer sheet for copy %s in %s", copyNo, pdfPath)
	}
	n := strconv.Itoa(page)
	if err := exec.Command("pdftoppm", "-gray", "-png", "-singlefile", "-r", "150", "-f", n, "-l", n, pdfPath, strings.TrimSuffix(pagePath, ".png")).Run(); err != nil {
		return err
	}
	v, l := d.Version(version), d.Layout(version)
	if v == nil || l == nil {
		return fmt.Errorf("no version %q", version)
	}
	f, err := os.Open(pagePath)
	if err != nil {
		return err
	}
	src, _, err := image.Decode(f)
	f.Close()
	if err != nil {
		return err
	}
	img := image.NewGray(src.Bounds())
	draw.Draw(img, img.Rect, src, src.Bounds().Min, draw.Src)
	scale := float64(img.Rect.Dx()) / d.Paper.W // pixels per mm: the render is upright
	fillBox := func(r sheet.Rect) {
		for y := int((r.Y + 0.4) * scale); y < int((r.Y+r.H-0.4)*scale); y++ {
			for x := int((r.X + 0.4) * scale); x < int((r.X+r.W-0.4)*scale); x++ {
				img.Pix[y*img.Stride+x] = 40
			}
		}
	}
	for _, row := range l.Pages[0].Rows {
		if row.Item == 0 || row.Item > len(answers) {
			continue
		}
		it := v.Items[row.Item-1]
		q := d.Question(it.Question)
		// The right shown choice for this row: the one whose Order is the
		// row (matching, ordering) or the answer (mc, tf).
		want := row.Sub
		if q.Form == quiz.MC || q.Form == quiz.TF {
			want = q.Answer
		}
		right := 0
		for c, o := range it.Order {
			if o == want {
				right = c
			}
		}
		switch answers[row.Item-1] {
		case "key":
			fillBox(row.Boxes[right])
		case "wrong":
			fillBox(row.Boxes[(right+1)%len(row.Boxes)])
		case "two":
			fillBox(row.Boxes[right])
			fillBox(row.Boxes[(right+1)%len(row.Boxes)])
		case "blank":
		default:
			return fmt.Errorf("answer %s: want key, wrong, two or blank, not %q", strconv.Itoa(row.Item), answers[row.Item-1])
		}
	}
	out, err := os.Create(pagePath)
	if err != nil {
		return err
	}
	if err := png.Encode(out, img); err != nil {
		return err
	}
	return out.Close()
}

// answersMain is the testscript command
//
//	answers QUIZ.JSON OUT.csv STUDENT:VERSION:SPEC,SPEC,... ...
//
// which writes a responses CSV as a form would export it (student,
// version, then one column per question) from quiz.json's key: per item
// "key" gives the right letter, "text" the right option's text, "wrong"
// another letter, "blank" nothing.
func answersMain() int {
	if len(os.Args) < 4 {
		fmt.Fprintln(os.Stderr, "usage: answers QUIZ.JSON OUT.csv STUDENT:VERSION:SPEC,...")
		return 2
	}
	d, err := sheet.Load(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "answers:", err)
		return 1
	}
	head := []string{"Timestamp", "Student", "Version"}
	for i := range d.Versions[0].Items {
		head = append(head, fmt.Sprintf("Question %d", i+1))
	}
	rows := [][]string{head}
	for _, arg := range os.Args[3:] {
		parts := strings.SplitN(arg, ":", 3)
		v := d.Version(parts[1])
		if len(parts) != 3 || v == nil {
			fmt.Fprintf(os.Stderr, "answers: %q: want STUDENT:VERSION:SPEC,...\n", arg)
			return 2
		}
		row := []string{"2026-11-03 10:00", parts[0], parts[1]}
		for i, spec := range strings.Split(parts[2], ",") {
			it := v.Items[i]
			q := d.Question(it.Question)
			right := 0
			for c, o := range it.Order {
				if o == q.Answer {
					right = c
				}
			}
			switch spec {
			case "key":
				row = append(row, quiz.Letter(right))
			case "text":
				row = append(row, q.Shown(it)[right])
			case "wrong":
				row = append(row, quiz.Letter((right+1)%len(it.Order)))
			default:
				row = append(row, "")
			}
		}
		rows = append(rows, row)
	}
	f, err := os.Create(os.Args[2])
	if err != nil {
		fmt.Fprintln(os.Stderr, "answers:", err)
		return 1
	}
	w := csv.NewWriter(f)
	w.WriteAll(rows)
	if err := f.Close(); err != nil || w.Error() != nil {
		fmt.Fprintln(os.Stderr, "answers: cannot write", os.Args[2])
		return 1
	}
	return 0
}
