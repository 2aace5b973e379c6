package main

import (
	"context"
	"fmt"
	"os"
	"sort"

	"github.com/schlagwort/schlagwort/internal/eval"
	"github.com/schlagwort/schlagwort/internal/prosener"
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
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("%w: eval takes one FILE.tsv", errUsage)
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
	_, err = rep.WriteTo(env.stdout)
	return err
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
