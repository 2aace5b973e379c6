package gazetteer

import (
	"io"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/schlagwort/schlagwort/internal/tagging"
)

// maxLine bounds one record.
const maxLine = 64 << 10

var topicPattern = regexp.MustCompile(`^[a-z]+:[0-9A-Za-z_-]+$`)

// Parse reads entity records from r, calling fn for each valid one in file
// order, and returns every problem it found with file:line. name is the
// file name used in problems.
func Parse(r io.Reader, name string, fn func(*Entity)) ErrorList {
	data, err := io.ReadAll(r)
	if err != nil {
		return ErrorList{{Pos: Pos{File: name}, Msg: "read: " + err.Error()}}
	}
	ents, _, errs := parseData(string(data), name)
	for _, e := range ents {
		fn(e)
	}
	return errs
}

// parseData parses a whole file and returns the entities with the line
// each was read from. Large files are cut at line boundaries and the parts
// parsed on all cores; results keep file order.
func parseData(data, name string) ([]*Entity, []int32, ErrorList) {
	parts := splitLines(data, runtime.GOMAXPROCS(0), 1<<20)
	type result struct {
		ents  []*Entity
		lines []int32
		errs  ErrorList
	}
	results := make([]result, len(parts))
	var wg sync.WaitGroup
	for i, p := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := &results[i]
			r.ents, r.lines, r.errs = parseLines(p.text, name, p.line)
		}()
	}
	wg.Wait()
	n := 0
	for _, r := range results {
		n += len(r.ents)
	}
	ents, lines := make([]*Entity, 0, n), make([]int32, 0, n)
	var errs ErrorList
	for _, r := range results {
		ents, lines = append(ents, r.ents...), append(lines, r.lines...)
		errs = append(errs, r.errs...)
	}
	return ents, lines, errs
}

type part struct {
	text string
	line int // number of the part's first line
}

// splitLines cuts data into at most n parts of at least min bytes, at line
// ends.
func splitLines(data string, n, min int) []part {
	var parts []part
	line := 1
	for len(data) > 0 {
		size := max(len(data)/n, min)
		cut := len(data)
		if size < len(data) {
			if i := strings.IndexByte(data[size:], '\n'); i >= 0 {
				cut = size + i + 1
			}
		}
		parts = append(parts, part{data[:cut], line})
		line += strings.Count(data[:cut], "\n")
		data = data[cut:]
		n = max(n-1, 1)
	}
	return parts
}

// parseLines parses the records in text, whose first line is number first,
// and returns them with their line numbers.
func parseLines(text, name string, first int) ([]*Entity, []int32, ErrorList) {
	var errs ErrorList
	var a arena
	n := strings.Count(text, "\n") + 1
	ents, lines := make([]*Entity, 0, n), make([]int32, 0, n)
	for line := first; text != ""; line++ {
		var l string
		l, text, _ = strings.Cut(text, "\n")
		l = strings.TrimSuffix(l, "\r")
		if l == "" || l[0] == '#' {
			continue
		}
		pos := Pos{File: name, Line: int32(line)}
		if len(l) > maxLine {
			errs.add(pos, "record is %d bytes, limit is %d", len(l), maxLine)
			continue
		}
		if e := parseRecord(l, pos, &errs, &a); e != nil {
			ents, lines = append(ents, e), append(lines, pos.Line)
		}
	}
	return ents, lines, errs
}

// parseRecord parses one line; it returns nil when the line has problems.
// The entity it returns is kept in a.
func parseRecord(text string, pos Pos, errs *ErrorList, a *arena) *Entity {
	n := len(*errs)
	if !utf8.ValidString(text) {
		errs.add(pos, "invalid UTF-8")
		return nil
	}
	id, rest, ok1 := strings.Cut(text, "\t")
	typ, rest, ok2 := strings.Cut(rest, "\t")
	if !ok1 || !ok2 {
		errs.add(pos, "want at least 3 tab-separated fields (id, type, name), got %d", strings.Count(text, "\t")+1)
		return nil
	}
	name, rest, more := strings.Cut(rest, "\t")
	name = strings.TrimSpace(name)
	e := Entity{Prior: 0.5}
	if !validID(id) {
		errs.add(pos, "bad id %q: want [a-z0-9][a-z0-9._/-]*", id)
	}
	var ok bool
	if e.Type, ok = tagging.ParseType(typ); !ok {
		errs.add(pos, "unknown type %q: want PER, LOC, ORG or OTH", typ)
	}
	if name == "" {
		errs.add(pos, "empty name")
	}
	fs := a.fields(id, name)
	for more {
		var f string
		f, rest, more = strings.Cut(rest, "\t")
		parseField(&e, f, pos, fs, errs)
	}
	if fs.attrs[source] == "" {
		errs.add(pos, "missing src= (where the record comes from)")
	}
	if len(*errs) > n {
		return nil
	}
	return a.keep(&e, fs)
}

// fields is what parseField reads of a record besides the entity's own
// fields. Its strings point into the file text until the arena keeps them.
type fields struct {
	seen    fieldSet         // the known keys used so far
	id      string           // the first field
	aliases []Alias          // the name, then the aliases= field
	topics  []string         // the topics= field
	attrs   [numAttrs]string // the values of the packed attributes
}

// fieldSet records which known keys a record has used.
type fieldSet uint16

var fieldBits = map[string]fieldSet{"aliases": 1, "short": 2, "kind": 4, "wd": 8, "parent": 16, "topics": 32, "prior": 64, "src": 128, "iso": 256, "gn": 512}

func parseField(e *Entity, f string, pos Pos, fs *fields, errs *ErrorList) {
	key, val, ok := strings.Cut(f, "=")
	bit := fieldBits[key]
	switch {
	case !ok:
		errs.add(pos, "field %q is not key=value", f)
		return
	case fs.seen&bit != 0:
		errs.add(pos, "field %s= given twice", key)
		return
	}
	fs.seen |= bit
	switch key {
	case "aliases":
		parseAliases(fs, val, pos, errs)
	case "short":
		fs.attrs[short] = val
	case "kind":
		fs.attrs[kind] = val
	case "wd":
		if !ValidWikidata(val) {
			errs.add(pos, "bad wd=%q: want a Wikidata id like Q7747", val)
		}
		fs.attrs[wikidata] = val
	case "parent":
		fs.attrs[parent] = val
	case "iso":
		if len(val) != 2 || val[0] < 'A' || val[0] > 'Z' || val[1] < 'A' || val[1] > 'Z' {
			errs.add(pos, "bad iso=%q: want an ISO 3166-1 alpha-2 code like DE", val)
		}
		if len(val) == 2 {
			e.ISO = [2]byte{val[0], val[1]}
		}
	case "gn":
		n, err := strconv.ParseUint(val, 10, 32)
		if err != nil || n == 0 {
			errs.add(pos, "bad gn=%q: want a GeoNames id like 2950159", val)
		}
		e.GeoNames = uint32(n)
	case "topics":
		parseTopics(fs, val, pos, errs)
	case "prior":
		p, err := strconv.ParseFloat(val, 32)
		if err != nil || p < 0 || p > 1 {
			errs.add(pos, "bad prior=%q: want a number from 0 to 1", val)
		}
		e.Prior = float32(p)
	case "src":
		fs.attrs[source] = val
	default:
		errs.add(pos, "unknown field %s= (want aliases, short, kind, wd, iso, gn, parent, topics, prior or src)", key)
	}
}

func parseAliases(fs *fields, val string, pos Pos, errs *ErrorList) {
	name := fs.aliases[0].Text
	for i, more := 0, true; more; i++ {
		var a string
		a, val, more = strings.Cut(val, "|")
		a = strings.TrimSpace(a)
		common := strings.HasSuffix(a, "?")
		a = strings.TrimSpace(strings.TrimSuffix(a, "?"))
		if a == "" {
			errs.add(pos, "empty alias (number %d in aliases=)", i+1)
			continue
		}
		if a == name && !common {
			continue
		}
		if a == name {
			fs.aliases[0].Common = true
			continue
		}
		fs.aliases = append(fs.aliases, Alias{Text: a, Common: common})
	}
}

func parseTopics(fs *fields, val string, pos Pos, errs *ErrorList) {
	for _, t := range strings.Split(val, ",") {
		t = strings.TrimSpace(t)
		if !topicPattern.MatchString(t) {
			errs.add(pos, "bad topic %q in topics=: want a qcode like medtop:15000000", t)
			continue
		}
		fs.topics = append(fs.topics, t)
	}
}

// validID checks [a-z0-9][a-z0-9._/-]*.
func validID(id string) bool {
	for i := 0; i < len(id); i++ {
		c := id[i]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case i > 0 && (c == '.' || c == '_' || c == '/' || c == '-'):
		default:
			return false
		}
	}
	return id != ""
}

// ValidWikidata checks Q[1-9][0-9]*.
func ValidWikidata(s string) bool {
	if len(s) < 2 || s[0] != 'Q' || s[1] == '0' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
