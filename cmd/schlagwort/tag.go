package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/schlagwort/schlagwort/internal/batch"
	"github.com/schlagwort/schlagwort/internal/protoconv"
	"github.com/schlagwort/schlagwort/internal/tagger"
	"github.com/schlagwort/schlagwort/internal/tagging"
)

// runTag implements "schlagwort tag".
func runTag(ctx context.Context, env *env, args []string) error {
	fs := newFlagSet("tag", env)
	var o Options
	o.Flags(fs)
	jsonl := fs.Bool("jsonl", false, "read one protojson Article per line and write one TagResponse per line, in order")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 1 {
		return fmt.Errorf("%w: tag takes at most one FILE", errUsage)
	}
	in, name, err := openInput(fs.Arg(0), env.stdin)
	if err != nil {
		return err
	}
	defer in.Close()
	t, err := o.Tagger()
	if err != nil {
		return err
	}
	if *jsonl {
		return tagLines(env, t, in, name)
	}
	return tagOne(env, t, in, name)
}

func openInput(path string, stdin io.Reader) (io.ReadCloser, string, error) {
	if path == "" || path == "-" {
		return io.NopCloser(stdin), "stdin", nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, "", err
	}
	return f, path, nil
}

// tagOne reads a whole article (protojson or plain text) and prints its
// TagResponse.
func tagOne(env *env, t *tagger.Tagger, in io.Reader, name string) error {
	data, err := io.ReadAll(io.LimitReader(in, tagger.MaxArticleBytes+64<<10+1))
	if err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	if len(data) > tagger.MaxArticleBytes+64<<10 {
		return fmt.Errorf("%s: input is over the %d-byte limit", name, tagger.MaxArticleBytes+64<<10)
	}
	out, err := tagLine(t, data)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	_, err = fmt.Fprintf(env.stdout, "%s\n", out)
	return err
}

// tagLine parses (protojson or plain text) and tags one article and
// returns its protojson response.
func tagLine(t *tagger.Tagger, data []byte) ([]byte, error) {
	a, err := protoconv.ParseArticle(data)
	return respond(t, a, err)
}

// respond tags a parsed article, passing a parse error through.
func respond(t *tagger.Tagger, a tagging.Article, err error) ([]byte, error) {
	if err != nil {
		return nil, err
	}
	r, err := t.Tag(&a)
	if err != nil {
		return nil, err
	}
	return protoconv.Marshal(&r, false)
}

// tagLines implements --jsonl. A bad line (invalid JSON, invalid UTF-8, an
// empty article, over the size limit) is reported on stderr as
// "NAME:LINE: problem" and gets no output line; every other line is tagged
// and written in input order. The command then exits with status 1, so a
// batch job notices; each TagResponse carries its article_id to re-align.
func tagLines(env *env, t *tagger.Tagger, in io.Reader, name string) error {
	onError := func(e *batch.LineError) {
		fmt.Fprintf(env.stderr, "%s:%d: %v\n", name, e.Line, describe(e.Err))
	}
	fn := func(line []byte) ([]byte, error) {
		a, err := protoconv.ParseJSON(line)
		return respond(t, a, err)
	}
	read, failed, err := batch.Run(in, env.stdout, fn, batch.Options{MaxLine: tagger.MaxArticleBytes + 64<<10, OnError: onError})
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if failed > 0 {
		fmt.Fprintf(env.stderr, "schlagwort: %d of %d lines failed\n", failed, read)
		return errReported
	}
	return nil
}

func describe(err error) string {
	if errors.Is(err, batch.ErrTooLong) {
		return fmt.Sprintf("line is over the %d-byte limit", tagger.MaxArticleBytes+64<<10)
	}
	var te *tagging.Error
	if errors.As(err, &te) {
		return te.Error()
	}
	return err.Error()
}
