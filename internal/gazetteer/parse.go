package gazetteer

import (
	"bufio"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/schlagwort/schlagwort/internal/tagging"
)

// maxLine bounds one record; longer lines are reported, not truncated.
const maxLine = 64 << 10

var (
	idPattern       = regexp.MustCompile(`^[a-z0-9][a-z0-9._/-]*$`)
	wikidataPattern = regexp.MustCompile(`^Q[1-9][0-9]*$`)
	topicPattern    = regexp.MustCompile(`^[a-z]+:[0-9A-Za-z_-]+$`)
)

// Parse reads entity records from r, calling fn for each valid one, and
// returns every problem it found with file:line. name is the file name used
// in problems.
func Parse(r io.Reader, name string, fn func(*Entity)) ErrorList {
	var errs ErrorList
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), maxLine)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if text == "" || text[0] == '#' {
			continue
		}
		pos := Pos{File: name, Line: line}
		if e := parseRecord(text, pos, &errs); e != nil {
			fn(e)
		}
	}
	if err := sc.Err(); err != nil {
		errs.add(Pos{File: name, Line: line + 1}, "read: %v", err)
	}
	return errs
}

// parseRecord parses one line; it returns nil when the line has problems.
func parseRecord(text string, pos Pos, errs *ErrorList) *Entity {
	n := len(*errs)
	if !utf8.ValidString(text) {
		errs.add(pos, "invalid UTF-8")
		return nil
	}
	fields := strings.Split(text, "\t")
	if len(fields) < 3 {
		errs.add(pos, "want at least 3 tab-separated fields (id, type, name), got %d", len(fields))
		return nil
	}
	e := &Entity{ID: fields[0], Name: strings.TrimSpace(fields[2]), Prior: 0.5, Pos: pos}
	if !idPattern.MatchString(e.ID) {
		errs.add(pos, "bad id %q: want [a-z0-9][a-z0-9._/-]*", e.ID)
	}
	var ok bool
	if e.Type, ok = tagging.ParseType(fields[1]); !ok {
		errs.add(pos, "unknown type %q: want PER, LOC, ORG or OTH", fields[1])
	}
	if e.Name == "" {
		errs.add(pos, "empty name")
	}
	e.Aliases = append(e.Aliases, Alias{Text: e.Name})
	seen := make(map[string]bool, len(fields))
	for _, f := range fields[3:] {
		parseField(e, f, pos, seen, errs)
	}
	if e.Source == "" {
		errs.add(pos, "missing src= (where the record comes from)")
	}
	if len(*errs) > n {
		return nil
	}
	return e
}

func parseField(e *Entity, f string, pos Pos, seen map[string]bool, errs *ErrorList) {
	key, val, ok := strings.Cut(f, "=")
	switch {
	case !ok:
		errs.add(pos, "field %q is not key=value", f)
		return
	case seen[key]:
		errs.add(pos, "field %s= given twice", key)
		return
	}
	seen[key] = true
	switch key {
	case "aliases":
		parseAliases(e, val, pos, errs)
	case "short":
		e.Short = val
	case "kind":
		e.Kind = val
	case "wd":
		if !wikidataPattern.MatchString(val) {
			errs.add(pos, "bad wd=%q: want a Wikidata id like Q7747", val)
		}
		e.Wikidata = val
	case "parent":
		e.Parent = val
	case "topics":
		parseTopics(e, val, pos, errs)
	case "prior":
		p, err := strconv.ParseFloat(val, 64)
		if err != nil || p < 0 || p > 1 {
			errs.add(pos, "bad prior=%q: want a number from 0 to 1", val)
		}
		e.Prior = p
	case "src":
		e.Source = val
	default:
		errs.add(pos, "unknown field %s= (want aliases, short, kind, wd, parent, topics, prior or src)", key)
	}
}

func parseAliases(e *Entity, val string, pos Pos, errs *ErrorList) {
	for i, a := range strings.Split(val, "|") {
		a = strings.TrimSpace(a)
		common := strings.HasSuffix(a, "?")
		a = strings.TrimSpace(strings.TrimSuffix(a, "?"))
		if a == "" {
			errs.add(pos, "empty alias (number %d in aliases=)", i+1)
			continue
		}
		if a == e.Name && !common {
			continue
		}
		if a == e.Name {
			e.Aliases[0].Common = true
			continue
		}
		e.Aliases = append(e.Aliases, Alias{Text: a, Common: common})
	}
}

func parseTopics(e *Entity, val string, pos Pos, errs *ErrorList) {
	for _, t := range strings.Split(val, ",") {
		t = strings.TrimSpace(t)
		if !topicPattern.MatchString(t) {
			errs.add(pos, "bad topic %q in topics=: want a qcode like medtop:15000000", t)
			continue
		}
		e.Topics = append(e.Topics, t)
	}
}
