// Package importer turns knowledge-base dumps (Wikidata JSON, GeoNames
// tables) into gazetteer records, streaming: memory grows with the number
// of entities written, not with the size of the dump.
package importer

import (
	"bufio"
	"bytes"
	"compress/bzip2"
	"compress/gzip"
	"fmt"
	"io"
	"math"
	"os"
	"strings"

	"github.com/schlagwort/schlagwort/internal/gazetteer"
)

// Stats counts what an import read and wrote.
type Stats struct {
	Read, Written, Skipped int64
	DroppedParents         int64 // parent ids no written entity has
}

// Decompress wraps r by the file name's suffix: .gz, .bz2 or plain.
func Decompress(r io.Reader, name string) (io.Reader, error) {
	switch {
	case strings.HasSuffix(name, ".gz"):
		return gzip.NewReader(r)
	case strings.HasSuffix(name, ".bz2"):
		return bzip2.NewReader(r), nil
	}
	return r, nil
}

// parseFunc parses one line into a record: nil and false for lines that
// hold no record (brackets, blank lines), nil and true for records the
// import leaves out.
type parseFunc func(line []byte) (e *gazetteer.Entity, skipped bool, err error)

// run reads r line by line with parse and writes the records to out under
// header; an error names name:line.
func run(r io.Reader, out io.Writer, name, header string, progress func(int), parse parseFunc) (Stats, error) {
	return runResolving(r, out, name, header, progress, parse, nil)
}

// runResolving is run with a resolver for symbolic parents: a parent
// "=A,B" becomes resolve(A), else resolve(B), at the end, when every
// record has been read.
func runResolving(r io.Reader, out io.Writer, name, header string, progress func(int), parse parseFunc, resolve func(string) (string, bool)) (Stats, error) {
	var st Stats
	w, err := newWriter(&st)
	if err != nil {
		return st, err
	}
	w.resolve = resolve
	err = lines(r, func(n int64, line []byte) error {
		progress(len(line) + 1)
		e, skipped, err := parse(line)
		switch {
		case err != nil:
			return fmt.Errorf("%s:%d: %w", name, n, err)
		case e == nil && !skipped:
			return nil
		}
		st.Read++
		if e == nil {
			st.Skipped++
			return nil
		}
		return w.add(e)
	})
	if err != nil {
		w.finish(io.Discard, "")
		return st, err
	}
	return st, w.finish(out, header)
}

// maxLine bounds one dump line; Wikidata's largest items are a few MB.
const maxLine = 64 << 20

// lines calls fn for each line of r with its number; it stops at the first
// error fn returns.
func lines(r io.Reader, fn func(n int64, line []byte) error) error {
	br := bufio.NewReaderSize(r, 1<<20)
	var buf []byte
	for n := int64(1); ; n++ {
		buf = buf[:0]
		for {
			part, err := br.ReadSlice('\n')
			buf = append(buf, part...)
			if len(buf) > maxLine {
				return fmt.Errorf("line %d: longer than %d bytes", n, maxLine)
			}
			if err == bufio.ErrBufferFull {
				continue
			}
			if err == io.EOF {
				if len(buf) > 0 {
					return fn(n, bytes.TrimRight(buf, "\r\n"))
				}
				return nil
			}
			if err != nil {
				return err
			}
			break
		}
		if err := fn(n, bytes.TrimRight(buf, "\r\n")); err != nil {
			return err
		}
	}
}

// writer collects records in a temporary file and, at the end, writes them
// to the output without parent ids that no written entity has.
type writer struct {
	tmp     *os.File
	buf     *bufio.Writer
	ids     map[string]bool
	stats   *Stats
	resolve func(string) (string, bool) // symbolic parents, or nil
}

func newWriter(stats *Stats) (*writer, error) {
	f, err := os.CreateTemp("", "schlagwort-import-*.tsv")
	if err != nil {
		return nil, err
	}
	return &writer{tmp: f, buf: bufio.NewWriterSize(f, 1<<20), ids: map[string]bool{}, stats: stats}, nil
}

func (w *writer) add(e *gazetteer.Entity) error {
	if w.ids[e.ID()] {
		return nil // the same entity twice in a dump: keep the first
	}
	w.ids[e.ID()] = true
	w.stats.Written++
	_, err := w.buf.WriteString(gazetteer.Format(e) + "\n")
	return err
}

// finish writes the header and the records to out and removes the
// temporary file.
func (w *writer) finish(out io.Writer, header string) error {
	defer os.Remove(w.tmp.Name())
	defer w.tmp.Close()
	if err := w.buf.Flush(); err != nil {
		return err
	}
	if _, err := w.tmp.Seek(0, io.SeekStart); err != nil {
		return err
	}
	bw := bufio.NewWriterSize(out, 1<<20)
	bw.WriteString(header)
	err := lines(w.tmp, func(_ int64, line []byte) error {
		s := string(line)
		if i := strings.Index(s, "\tparent="); i >= 0 {
			end := strings.IndexByte(s[i+1:], '\t')
			if end < 0 {
				end = len(s) - i - 1
			}
			own, _, _ := strings.Cut(s, "\t")
			parent, dangling := w.parent(s[i+len("\tparent="):i+1+end], own)
			if parent == "" {
				if dangling {
					w.stats.DroppedParents++
				}
				s = s[:i] + s[i+1+end:]
			} else {
				s = s[:i] + "\tparent=" + parent + s[i+1+end:]
			}
		}
		_, err := bw.WriteString(s + "\n")
		return err
	})
	if err != nil {
		return err
	}
	return bw.Flush()
}

// parent returns the id the parent field ref of record own stands for, or
// "" and whether that leaves a parent no written entity has (a symbolic
// reference that only names the record itself leaves none).
func (w *writer) parent(ref, own string) (string, bool) {
	if strings.HasPrefix(ref, "=") && w.resolve != nil {
		dangling := false
		for _, key := range strings.Split(ref[1:], ",") {
			id, ok := w.resolve(key)
			switch {
			case ok && id == own:
			case ok && w.ids[id]:
				return id, false
			default:
				dangling = true
			}
		}
		return "", dangling
	}
	if w.ids[ref] {
		return ref, false
	}
	return "", true
}

// prior maps a popularity count (sitelinks, population) to 0..1 on a log
// scale: 1 → 0, top → 1.
func prior(n, top float64) float32 {
	if n <= 1 {
		return 0.01
	}
	return float32(math.Min(1, math.Log(n)/math.Log(top)))
}
