package eval

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// ReadTopics reads an article's gold top-level topics: one qcode per
// line, the main topic first, # comments.
func ReadTopics(r io.Reader, name string) ([]string, error) {
	var out []string
	sc := bufio.NewScanner(r)
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" || text[0] == '#' {
			continue
		}
		if !strings.HasPrefix(text, "medtop:") || strings.ContainsAny(text, " \t") {
			return nil, fmt.Errorf("%s:%d: want one qcode like medtop:11000000", name, line)
		}
		out = append(out, text)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no topic", name)
	}
	return out, sc.Err()
}

// TopicReport scores predicted top-level topics against gold ones.
type TopicReport struct {
	Counts   Counts // over (article, topic) pairs
	Main     int    // articles whose highest-scored topic is the gold main topic
	Articles int
}

// Score adds one article: gold and predicted top-level qcodes, each in
// order of importance.
func (r *TopicReport) Score(gold, predicted []string) {
	r.Articles++
	if len(predicted) > 0 && predicted[0] == gold[0] {
		r.Main++
	}
	for _, p := range predicted {
		if contains(gold, p) {
			r.Counts.TP++
		} else {
			r.Counts.FP++
		}
	}
	for _, g := range gold {
		if !contains(predicted, g) {
			r.Counts.FN++
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// WriteTo prints precision, recall, F1 and the main-topic accuracy.
func (r TopicReport) WriteTo(w io.Writer) (int64, error) {
	n, err := fmt.Fprintf(w, "%d articles: top-level topics P %.1f R %.1f F1 %.1f (TP %d, FP %d, FN %d); main topic right in %d (%.1f %%)\n",
		r.Articles, 100*r.Counts.Precision(), 100*r.Counts.Recall(), 100*r.Counts.F1(), r.Counts.TP, r.Counts.FP, r.Counts.FN,
		r.Main, 100*float64(r.Main)/float64(max(r.Articles, 1)))
	return int64(n), err
}
