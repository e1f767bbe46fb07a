// Package article reads a news article for quizcard new: a plain-text
// file, a saved web page or a URL. Web pages go through a readability
// extractor that keeps the story and drops menus, adverts and links.
package article

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	nurl "net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
)

// MaxSize is the largest article, file or download, that Read accepts.
const MaxSize = 5 << 20

// An Article is a news story as read: its text and what is known about it.
// Fields the source does not give are empty (Date is zero).
type Article struct {
	Title  string
	Byline string
	Outlet string
	Date   time.Time
	URL    string
	Text   string // paragraphs separated by blank lines
}

// Read reads the article arg names: an http or https URL (fetched with
// client, within timeout), a file ending in .html or .htm (a saved page),
// or any other file (plain text).
func Read(ctx context.Context, arg string, client *http.Client, timeout time.Duration) (Article, error) {
	if strings.HasPrefix(arg, "http://") || strings.HasPrefix(arg, "https://") {
		return Fetch(ctx, arg, client, timeout)
	}
	data, err := readFile(arg)
	if err != nil {
		return Article{}, err
	}
	switch strings.ToLower(filepath.Ext(arg)) {
	case ".html", ".htm", ".xhtml":
		return FromHTML(data, "")
	}
	return FromText(data)
}

func readFile(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("%s: no such file (give a .txt or saved .html article, or an http(s) URL)", name)
		}
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(data) > MaxSize {
		return nil, fmt.Errorf("%s: larger than %d MiB; that is not one news article", name, MaxSize>>20)
	}
	return data, nil
}

// Fetch downloads url and extracts the article from the page. The whole
// exchange, body included, must finish within timeout; a body over
// MaxSize, an error status or a page that is not HTML or text is refused.
func Fetch(ctx context.Context, url string, client *http.Client, timeout time.Duration) (Article, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return Article{}, fmt.Errorf("%s: %w", url, err)
	}
	req.Header.Set("User-Agent", "quizcard (+https://github.com/quizcard/quizcard)")
	resp, err := client.Do(req)
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			return Article{}, fmt.Errorf("%s: no answer within %v (try --timeout, or save the page and give the file)", url, timeout)
		}
		return Article{}, fmt.Errorf("%s: %w (save the page from a browser and give the file instead)", url, unwrapURL(err))
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return Article{}, fmt.Errorf("%s: the server answered %s (save the page from a browser and give the file instead)", url, resp.Status)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, MaxSize+1))
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) || errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return Article{}, fmt.Errorf("%s: no answer within %v (try --timeout, or save the page and give the file)", url, timeout)
		}
		return Article{}, fmt.Errorf("%s: %w", url, err)
	}
	if len(data) > MaxSize {
		return Article{}, fmt.Errorf("%s: the page is larger than %d MiB; that is not one news article", url, MaxSize>>20)
	}
	ct := resp.Header.Get("Content-Type")
	switch {
	case strings.Contains(ct, "html"), ct == "" && bytes.Contains(bytes.ToLower(data[:min(len(data), 1024)]), []byte("<html")):
		a, err := FromHTML(data, url)
		if a.URL == "" {
			a.URL = url
		}
		return a, err
	case strings.HasPrefix(ct, "text/plain"):
		a, err := FromText(data)
		if a.URL == "" {
			a.URL = url
		}
		return a, err
	}
	return Article{}, fmt.Errorf("%s: the page is %s, not a web page or text", url, ct)
}

func unwrapURL(err error) error {
	var ue *nurl.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// headerLine is a "Key: value" line at the top of a text article.
var headerLine = regexp.MustCompile(`^(?i)(title|outlet|source|date|published|url|by|byline|author)\s*:\s*(.*)$`)

// FromText reads a plain-text article. It may start with header lines
// ("Title: …", "Outlet: …", "Date: 2019-11-03", "URL: …", "By: …") and a
// blank line; without a Title line the first line is the title. Line
// endings are normalised and paragraphs keep their blank lines.
func FromText(data []byte) (Article, error) {
	if !utf8.Valid(data) {
		return Article{}, errors.New("the article is not UTF-8 text (save it as UTF-8, or give the saved .html page)")
	}
	s := strings.ReplaceAll(strings.ReplaceAll(string(data), "\r\n", "\n"), "\r", "\n")
	s = strings.TrimPrefix(s, "\ufeff")
	var a Article
	lines := strings.Split(s, "\n")
	i := 0
	for ; i < len(lines); i++ {
		m := headerLine.FindStringSubmatch(strings.TrimSpace(lines[i]))
		if m == nil {
			break
		}
		v := strings.TrimSpace(m[2])
		switch strings.ToLower(m[1]) {
		case "title":
			a.Title = v
		case "outlet", "source":
			a.Outlet = v
		case "date", "published":
			t, err := ParseDate(v)
			if err != nil {
				return Article{}, fmt.Errorf("line %d: %v", i+1, err)
			}
			a.Date = t
		case "url":
			a.URL = v
		default:
			a.Byline = v
		}
	}
	a.Text = paragraphs(strings.Join(lines[i:], "\n"))
	if a.Title == "" {
		first, rest, _ := strings.Cut(a.Text, "\n\n")
		if len(strings.Fields(first)) <= 25 {
			a.Title = strings.TrimSpace(first)
			a.Text = strings.TrimSpace(rest)
		}
	}
	a.dateline()
	if strings.TrimSpace(a.Text) == "" {
		return Article{}, errors.New("the article has no text")
	}
	return a, nil
}

// dateline takes a first paragraph that is only a date ("Wednesday,
// April 13, 2011") out of the text, as the article's date.
func (a *Article) dateline() {
	first, rest, ok := strings.Cut(a.Text, "\n\n")
	if !ok || len(strings.Fields(first)) > 5 {
		return
	}
	if t, err := ParseDate(first); err == nil {
		if a.Date.IsZero() {
			a.Date = t
		}
		a.Text = rest
	}
}

// paragraphs trims every line and keeps exactly one blank line between
// paragraphs.
func paragraphs(s string) string {
	var out []string
	blank := false
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			blank = len(out) > 0
			continue
		}
		if blank {
			out = append(out, "")
			blank = false
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// ParseDate reads a publication date as pages and people write it:
// "2019-11-03", "2019-11-03T10:00:00Z", "3 November 2019", "November 3,
// 2019", "Nov. 3, 2019".
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02", "2 January 2006", "January 2, 2006", "Jan. 2, 2006", "Jan 2, 2006", "2 Jan 2006", "Monday, January 2, 2006", "Monday 2 January 2006", time.RFC1123, time.RFC1123Z} {
		if t, err := time.Parse(layout, s); err == nil {
			return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), nil
		}
	}
	if len(s) > 10 {
		if t, err := time.Parse("2006-01-02", s[:10]); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("date %q: write it as YYYY-MM-DD, e.g. 2019-11-03", s)
}

// FromHTML extracts the article from a web page: title, byline, outlet
// (the site's name), publication date and the story's paragraphs. pageURL,
// if known, is recorded and resolves relative links.
func FromHTML(data []byte, pageURL string) (Article, error) {
	var base *nurl.URL
	if pageURL != "" {
		base, _ = nurl.Parse(pageURL)
	}
	r, err := readability.FromReader(bytes.NewReader(data), base)
	if err != nil {
		return Article{}, fmt.Errorf("the page has no article quizcard can find: %v", err)
	}
	if r.Node == nil {
		return Article{}, errors.New("the page has no article quizcard can find (save the story's own page, or copy its text into a .txt file)")
	}
	a := Article{Title: clean(r.Title()), Byline: clean(r.Byline()), Outlet: clean(r.SiteName()), URL: pageURL}
	if t, err := r.PublishedTime(); err == nil {
		a.Date = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	}
	if a.URL == "" {
		a.URL = canonical(data)
	}
	a.Text = blocks(r.Node)
	if first, rest, ok := strings.Cut(a.Text, "\n\n"); ok && first == a.Title {
		a.Text = rest
	}
	a.dateline()
	if strings.TrimSpace(a.Text) == "" {
		return Article{}, errors.New("the page has no article text quizcard can find (copy the story's text into a .txt file)")
	}
	return a, nil
}

func clean(s string) string { return strings.Join(strings.Fields(s), " ") }

// blocks renders the text of n one paragraph (p, heading, list item,
// quotation, table cell) at a time, separated by blank lines.
func blocks(n *html.Node) string {
	var paras []string
	var cur strings.Builder
	flush := func() {
		if t := clean(cur.String()); t != "" {
			paras = append(paras, t)
		}
		cur.Reset()
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.Data {
			case "script", "style", "noscript", "figure", "figcaption", "img", "svg", "button", "nav", "aside":
				return
			case "br":
				cur.WriteByte(' ')
				return
			}
		}
		block := n.Type == html.ElementNode && isBlock[n.Data]
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush()
		}
	}
	walk(n)
	flush()
	return strings.Join(paras, "\n\n")
}

var isBlock = map[string]bool{
	"p": true, "div": true, "section": true, "article": true, "li": true, "blockquote": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "td": true, "th": true,
	"pre": true, "dd": true, "dt": true, "ul": true, "ol": true, "table": true, "tr": true,
}

// canonical returns the page's own address from <link rel="canonical"> or
// <meta property="og:url">, if it gives one.
func canonical(data []byte) string {
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return ""
	}
	var found string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if found != "" {
			return
		}
		if n.Type == html.ElementNode && (n.Data == "link" || n.Data == "meta") {
			attr := map[string]string{}
			for _, a := range n.Attr {
				attr[strings.ToLower(a.Key)] = a.Val
			}
			if (n.Data == "link" && strings.EqualFold(attr["rel"], "canonical")) || (n.Data == "meta" && attr["property"] == "og:url") {
				if u := attr["href"] + attr["content"]; strings.HasPrefix(u, "http") {
					found = u
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return found
}
