package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/schlagwort/schlagwort/internal/eval"
	"github.com/schlagwort/schlagwort/internal/prosener"
	"github.com/schlagwort/schlagwort/internal/protoconv"
	"github.com/schlagwort/schlagwort/internal/tagger"
	"github.com/schlagwort/schlagwort/internal/tagging"
)

// runEval implements "schlagwort eval FILE.tsv".
func runEval(_ context.Context, env *env, args []string) error {
	fs := newFlagSet("eval", env)
	var o Options
	o.Flags(fs)
	candidates := fs.Bool("candidates", true, "count candidates (unknown entities) as predictions")
	useProse := fs.Bool("prose", false, "score prose's English entity extraction instead, for comparison")
	errs := fs.Bool("errors", false, "after the table, list every false positive (FP) and missed entity (FN) with its sentence")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("%w: eval takes one FILE.tsv or one folder of articles with .gold.tsv files", errUsage)
	}
	if st, err := os.Stat(fs.Arg(0)); err == nil && st.IsDir() {
		return evalArticles(env, &o, fs.Arg(0))
	}
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		return err
	}
	defer f.Close()
	sents, err := eval.Read(f, fs.Arg(0))
	if err != nil {
		return err
	}
	tg, err := evalTagger(&o, *useProse, *candidates)
	if err != nil {
		return err
	}
	rep := eval.Score(sents, tg)
	fmt.Fprintf(env.stdout, "%s: %d sentences, %d predictions ignored (overlap OTH, deriv or part)\n", fs.Arg(0), rep.Sentences, rep.Ignored)
	if _, err := rep.WriteTo(env.stdout); err != nil || !*errs {
		return err
	}
	return rep.WriteErrors(env.stdout, fs.Arg(0))
}

// evalArticles scores the tagger on a folder of articles (NAME.json) with
// hand-written gold entities (NAME.gold.tsv).
func evalArticles(env *env, o *Options, dir string) error {
	t, err := o.Tagger()
	if err != nil {
		return err
	}
	if topics, _ := filepath.Glob(filepath.Join(dir, "*.topics.txt")); len(topics) > 0 {
		return evalTopics(env, t, dir, topics)
	}
	golds, err := filepath.Glob(filepath.Join(dir, "*.gold.tsv"))
	if err != nil || len(golds) == 0 {
		return fmt.Errorf("%s: no .gold.tsv or .topics.txt files", dir)
	}
	var rep eval.ArticleReport
	for _, path := range golds {
		gold, preds, err := scoreFile(t, path)
		if err != nil {
			return err
		}
		rep.ScoreArticle(gold, preds)
	}
	fmt.Fprintf(env.stdout, "%s: linked entities against the gold files\n", dir)
	_, err = rep.WriteTo(env.stdout)
	return err
}

// evalTopics scores the top-level topics on articles with NAME.topics.txt.
func evalTopics(env *env, t *tagger.Tagger, dir string, files []string) error {
	var rep eval.TopicReport
	for _, path := range files {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		gold, err := eval.ReadTopics(f, path)
		f.Close()
		if err != nil {
			return err
		}
		r, err := tagFile(t, strings.TrimSuffix(path, ".topics.txt")+".json")
		if err != nil {
			return err
		}
		var predicted []string
		for _, tp := range r.Topics {
			if tp.ID == tp.TopLevelID {
				predicted = append(predicted, tp.ID)
			}
		}
		rep.Score(gold, predicted)
	}
	fmt.Fprintf(env.stdout, "%s: ", dir)
	_, err := rep.WriteTo(env.stdout)
	return err
}

// tagFile tags the protojson article in path.
func tagFile(t *tagger.Tagger, path string) (tagging.Result, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return tagging.Result{}, err
	}
	a, err := protoconv.ParseJSON(data)
	if err != nil {
		return tagging.Result{}, fmt.Errorf("%s: %w", path, err)
	}
	r, err := t.Tag(&a)
	if err != nil {
		return tagging.Result{}, fmt.Errorf("%s: %w", path, err)
	}
	return r, nil
}

// scoreFile reads one gold file and tags its article.
func scoreFile(t *tagger.Tagger, goldPath string) ([]eval.GoldEntity, []eval.Predicted, error) {
	g, err := os.Open(goldPath)
	if err != nil {
		return nil, nil, err
	}
	defer g.Close()
	gold, err := eval.ReadGold(g, goldPath)
	if err != nil {
		return nil, nil, err
	}
	r, err := tagFile(t, strings.TrimSuffix(goldPath, ".gold.tsv")+".json")
	if err != nil {
		return nil, nil, err
	}
	var preds []eval.Predicted
	for _, e := range r.Entities {
		p := eval.Predicted{Type: e.Type.String(), Candidate: e.Candidate}
		for _, m := range e.Mentions {
			p.Texts = append(p.Texts, m.Text)
		}
		preds = append(preds, p)
	}
	return gold, preds, nil
}

func evalTagger(o *Options, useProse, candidates bool) (eval.Tagger, error) {
	if useProse {
		return prosener.New(), nil
	}
	t, err := o.Tagger()
	if err != nil {
		return nil, err
	}
	return spanTagger{t: t, candidates: candidates}, nil
}

// spanTagger adapts the tagger to eval.Tagger: each sentence is a body;
// nested mentions give way to the outermost one.
type spanTagger struct {
	t          *tagger.Tagger
	candidates bool
}

func (s spanTagger) Spans(text string) []eval.Span {
	a := tagging.Article{Body: text}
	r, err := s.t.Tag(&a)
	if err != nil {
		return nil
	}
	var spans []eval.Span
	for _, e := range r.Entities {
		if e.Candidate && !s.candidates {
			continue
		}
		for _, m := range e.Mentions {
			spans = append(spans, eval.Span{Start: m.Start, End: m.End, Type: e.Type.String()})
		}
	}
	return outermost(spans)
}

// outermost drops spans contained in a longer one.
func outermost(spans []eval.Span) []eval.Span {
	sort.Slice(spans, func(i, j int) bool {
		if spans[i].Start != spans[j].Start {
			return spans[i].Start < spans[j].Start
		}
		return spans[i].End > spans[j].End
	})
	out := spans[:0]
	end := -1
	for _, s := range spans {
		if s.End <= end {
			continue
		}
		out = append(out, s)
		end = max(end, s.End)
	}
	return out
}
