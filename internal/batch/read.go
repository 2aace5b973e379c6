package batch

import (
	"bufio"
	"bytes"
	"io"
)

// readLines reads r line by line; each line becomes a job sent to both
// channels. A line over max bytes is skipped to its end and fails with
// ErrTooLong, so one bad line never costs unbounded memory.
func readLines(r io.Reader, max int, work, ordered chan<- *job) error {
	br := bufio.NewReaderSize(r, 64<<10)
	for n := 1; ; n++ {
		line, tooLong, err := readLine(br, max)
		if err == io.EOF && line == nil && !tooLong {
			return nil
		}
		if err != nil && err != io.EOF {
			return err
		}
		j := &job{line: n, in: line, done: make(chan struct{})}
		if tooLong {
			j.err = ErrTooLong
		}
		ordered <- j
		work <- j
		if err == io.EOF {
			return nil
		}
	}
}

// readLine returns the next line without its newline (and \r). When the
// line is longer than max it is consumed and tooLong is set.
func readLine(br *bufio.Reader, max int) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if len(line)+len(chunk) > max+2 {
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		switch err {
		case bufio.ErrBufferFull:
			continue
		case nil:
			return bytes.TrimRight(line, "\r\n"), tooLong, nil
		case io.EOF:
			if len(line) == 0 && !tooLong {
				return nil, false, io.EOF
			}
			return bytes.TrimRight(line, "\r\n"), tooLong, io.EOF
		default:
			return nil, false, err
		}
	}
}
