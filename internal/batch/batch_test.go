package batch

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	_ "github.com/schlagwort/schlagwort/internal/golden" // accept -update (go test ./... -update)
)

func TestRunKeepsOrder(t *testing.T) {
	var in strings.Builder
	for i := range 500 {
		fmt.Fprintf(&in, "%d\n", i)
	}
	fn := func(line []byte) ([]byte, error) {
		n, _ := strconv.Atoi(string(line))
		time.Sleep(time.Duration(n%7) * 10 * time.Microsecond) // finish out of order
		return []byte("out-" + string(line)), nil
	}
	var out bytes.Buffer
	read, failed, err := Run(strings.NewReader(in.String()), &out, fn, Options{Workers: 4})
	if err != nil || read != 500 || failed != 0 {
		t.Fatalf("read %d failed %d err %v", read, failed, err)
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	for i, l := range lines {
		if l != "out-"+strconv.Itoa(i) {
			t.Fatalf("line %d is %q", i, l)
		}
	}
}

func TestRunReportsFailedLines(t *testing.T) {
	in := "ok\nbad\n" + strings.Repeat("x", 100) + "\nok\r\nlast-without-newline"
	fn := func(line []byte) ([]byte, error) {
		if string(line) == "bad" {
			return nil, errors.New("bad line")
		}
		return line, nil
	}
	var out bytes.Buffer
	var errs []string
	read, failed, err := Run(strings.NewReader(in), &out, fn, Options{MaxLine: 50, OnError: func(e *LineError) { errs = append(errs, e.Error()) }})
	if err != nil || read != 5 || failed != 2 {
		t.Fatalf("read %d failed %d err %v", read, failed, err)
	}
	if out.String() != "ok\nok\nlast-without-newline\n" {
		t.Errorf("output %q", out.String())
	}
	if len(errs) != 2 || errs[0] != "line 2: bad line" || errs[1] != "line 3: line too long" {
		t.Errorf("errors %q", errs)
	}
}

func TestRunEmptyInput(t *testing.T) {
	var out bytes.Buffer
	read, failed, err := Run(strings.NewReader(""), &out, func(b []byte) ([]byte, error) { return b, nil }, Options{})
	if read != 0 || failed != 0 || err != nil || out.Len() != 0 {
		t.Errorf("read %d failed %d err %v out %q", read, failed, err, out.String())
	}
}
