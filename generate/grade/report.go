package grade

import (
	"fmt"
	"html/template"
	"io"
	"math"
	"strings"
	"sync"

	"github.com/quizcard/quizcard/generate/english"
)

// ReportHTML writes report.html: the score distribution, per question its
// difficulty, discrimination, option counts and flags (by fact id), and the
// review list with its images, inline: the page is one self-contained file.
func ReportHTML(w io.Writer, rep *Report, reviews []Review) error {
	return reportTmpl().Execute(w, struct {
		*Report
		Reviews []Review
	}{rep, reviews})
}

// reportTmpl is parsed on first use: every command would otherwise pay for
// parsing it at start-up, and only grade writes a report.
var reportTmpl = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("report").Funcs(template.FuncMap{
		"pct": func(v float64) string {
			if math.IsNaN(v) {
				return "–"
			}
			return fmt.Sprintf("%.0f%%", 100*v)
		},
		"r2": func(v float64) string {
			if math.IsNaN(v) {
				return "–"
			}
			return fmt.Sprintf("%+.2f", v)
		},
		"num":   num,
		"count": func(n int, noun string) string { return english.Plural(n, noun, "") },
		"join":  strings.Join,
		"width": func(n, of int) float64 { return 100 * float64(n) / float64(max(of, 1)) },
		"bin":   func(i int) string { return fmt.Sprintf("%d–%d%%", 10*i, 10*i+9+boolInt(i == 9)) },
		"maxOf": func(h []int) int {
			m := 1
			for _, v := range h {
				m = max(m, v)
			}
			return m
		},
		"bar":    func(n, of int) float64 { return 120 * float64(n) / float64(max(of, 1)) },
		"letter": func(i int) string { return string(rune('A' + i)) },
		"add":    func(a, b int) int { return a + b },
		"img": func(r Review) (template.URL, error) {
			if r.Image == nil {
				return "", nil
			}
			return dataURI(r.Image)
		},
	}).Parse(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Results: {{.Title}}</title>
<style>
body{font:15px/1.45 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%}td,th{padding:.25rem .5rem;border-bottom:1px solid #eee;text-align:left;vertical-align:top}
th{font-weight:600}td.n{text-align:right;font-variant-numeric:tabular-nums}
.bar{display:inline-block;height:.8rem;background:#4a78b5;vertical-align:middle}.right .bar{background:#2e8b57}
.flag{color:#a33}code{font-size:.9em;background:#f3f3f3;padding:0 .2em}
.hist{display:flex;align-items:flex-end;gap:4px;height:130px}.hist div{flex:1;background:#4a78b5;position:relative}
.hist span{position:absolute;bottom:-1.3rem;left:0;right:0;text-align:center;font-size:.75rem}
.hist b{position:absolute;top:-1.2rem;left:0;right:0;text-align:center;font-size:.75rem;font-weight:400}
img{max-width:100%;border:1px solid #ccc}
</style></head><body>
<h1>Results: {{.Title}}</h1>
<p>{{count .Scores.N "student"}} · mean {{num .Scores.Mean}} of {{.Scores.Max}} (SD {{num .Scores.SD}}) · median {{num .Scores.Median}} · lowest {{num .Scores.Min}}, highest {{num .Scores.High}} · reliability (Cronbach's α) {{r2 .Scores.Alpha}}</p>
<h2>Score distribution</h2>
{{$m := maxOf .Scores.Histogram}}<div class="hist">{{range $i, $n := .Scores.Histogram}}<div style="height:{{bar $n $m}}px" title="{{$n}} students"><b>{{if $n}}{{$n}}{{end}}</b><span>{{bin $i}}</span></div>{{end}}</div>
<p style="margin-top:2rem;font-size:.85rem">Upper and lower groups: the {{count .Scores.UpperGroup "student"}} with the highest and the {{.Scores.LowerGroup}} with the lowest totals (27% each).</p>
<h2>Questions</h2>
<table><tr><th>question</th><th>fact</th><th class="n">right</th><th class="n">r<sub>pb</sub></th><th class="n">D (upper − lower)</th><th>options</th></tr>
{{range .Items}}{{$it := .}}<tr id="{{.Question}}"><td>{{.Question}}<br><small>{{.Prompt}}</small></td><td>{{range .Facts}}<code>{{.}}</code> {{end}}{{if not .Facts}}{{range .Entities}}<code>{{.}}</code> {{end}}{{end}}</td>
<td class="n">{{pct .Difficulty}}</td><td class="n">{{r2 .PointBiserial}}</td><td class="n">{{r2 .Discrimination}}<br><small>{{pct .Upper}} − {{pct .Lower}}</small></td>
<td>{{range .Options}}<div{{if .Right}} class="right"{{end}}><span class="bar" style="width:{{width .Count $it.N}}px"></span> {{.Count}} {{.Text}}{{if .Right}} ✓{{end}}</div>{{end}}{{if not .Options}}<div><small>{{.Form}}: share of pairs or positions right</small></div>{{end}}{{if .Blank}}<div>{{.Blank}} blank</div>{{end}}{{if .Review}}<div>{{.Review}} to check</div>{{end}}</td></tr>
{{range .Flags}}<tr><td></td><td colspan="5" class="flag">⚑ {{join $it.Facts ", "}}{{if not $it.Facts}}{{$it.Question}}{{end}}: {{.}}</td></tr>{{end}}{{end}}
</table>
<h2>To check ({{len .Reviews}})</h2>
{{if .Reviews}}<table><tr><th>where</th><th>student</th><th>item</th><th>why</th><th>read</th><th>image</th></tr>
{{range $i, $r := .Reviews}}<tr id="check-{{add $i 1}}"><td>{{.Source}}</td><td>{{.Student}} {{.ID}}</td><td>{{if .Item}}{{.Item}}{{if .Row}}·{{.Row}}{{end}}{{else}}page{{end}}</td><td>{{.Reason}}</td><td>{{.Read}}</td><td>{{with img .}}<img src="{{.}}" alt="{{$r.Reason}}">{{end}}</td></tr>
{{end}}</table>{{else}}<p>Nothing: every mark was clear.</p>{{end}}
</body></html>
`))
})

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
