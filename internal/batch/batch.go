// Package batch runs a function over the lines of a stream on all cores
// and writes the results in input order, in constant memory.
package batch

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync"
)

// Func turns one input line into one output line. An error is reported
// with the line number and produces no output line.
type Func func(line []byte) ([]byte, error)

// LineError is a failed line.
type LineError struct {
	Line int
	Err  error
}

func (e *LineError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }

// ErrTooLong is reported for a line over the size limit; the line is skipped.
var ErrTooLong = errors.New("line too long")

// Options configure Run.
type Options struct {
	Workers  int // default: GOMAXPROCS
	MaxLine  int // bytes, without the newline; longer lines fail with ErrTooLong
	OnError  func(*LineError)
	InFlight int // lines read ahead of the writer; default 4 × Workers
}

type job struct {
	line int
	in   []byte
	out  []byte
	err  error
	done chan struct{}
}

// Run applies fn to every line of r and writes each result, followed by a
// newline, to w in input order. Failed lines are passed to OnError. It
// returns the number of lines read and failed, and the first I/O error.
func Run(r io.Reader, w io.Writer, fn Func, o Options) (read, failed int, err error) {
	o.setDefaults()
	work := make(chan *job, o.InFlight)
	ordered := make(chan *job, o.InFlight)
	var wg sync.WaitGroup
	for range o.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range work {
				if j.err == nil {
					j.out, j.err = fn(j.in)
				}
				close(j.done)
			}
		}()
	}
	readErr := make(chan error, 1)
	go func() {
		readErr <- readLines(r, o.MaxLine, work, ordered)
		close(work)
		close(ordered)
	}()
	read, failed, err = write(w, ordered, o.OnError)
	wg.Wait()
	if rerr := <-readErr; err == nil {
		err = rerr
	}
	return read, failed, err
}

func (o *Options) setDefaults() {
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	if o.InFlight <= 0 {
		o.InFlight = 4 * o.Workers
	}
	if o.MaxLine <= 0 {
		o.MaxLine = 4 << 20
	}
	if o.OnError == nil {
		o.OnError = func(*LineError) {}
	}
}

// write drains ordered, waiting for each job in turn.
func write(w io.Writer, ordered <-chan *job, onError func(*LineError)) (read, failed int, err error) {
	bw := bufio.NewWriter(w)
	for j := range ordered {
		<-j.done
		read++
		if j.err != nil {
			failed++
			onError(&LineError{Line: j.line, Err: j.err})
			continue
		}
		if err == nil {
			bw.Write(j.out)
			err = bw.WriteByte('\n')
		}
	}
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	return read, failed, err
}
