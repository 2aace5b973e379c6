package gazetteer

import (
	"fmt"
	"sort"
	"strings"
)

// Pos is where a record was read.
type Pos struct {
	File string
	Line int32
}

func (p Pos) String() string { return fmt.Sprintf("%s:%d", p.File, p.Line) }

// Problem is one problem in a gazetteer file.
type Problem struct {
	Pos Pos
	Msg string
}

func (p Problem) Error() string { return p.Pos.String() + ": " + p.Msg }

// ErrorList collects problems, like go/scanner.ErrorList.
type ErrorList []Problem

func (l *ErrorList) add(pos Pos, format string, args ...any) {
	*l = append(*l, Problem{Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

// Sort orders problems by file and line.
func (l ErrorList) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		if l[i].Pos.File != l[j].Pos.File {
			return l[i].Pos.File < l[j].Pos.File
		}
		return l[i].Pos.Line < l[j].Pos.Line
	})
}

func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	var b strings.Builder
	for i, p := range l {
		if i == 10 {
			fmt.Fprintf(&b, "\n(and %d more problems)", len(l)-10)
			break
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.Error())
	}
	return b.String()
}

// Err returns l as an error, or nil when l is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}
