package gazetteer

import (
	"bytes"
	"io"
	"regexp"
	"runtime"
	"strconv"
	"strings"
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
	var ents []*Entity
	var errs ErrorList
	err := parseStream(r, name, func(p *parsed) {
		ents, errs = append(ents, p.ents...), append(errs, p.errs...)
	})
	if err != nil {
		return ErrorList{{Pos: Pos{File: name}, Msg: "read: " + err.Error()}}
	}
	for _, e := range ents {
		fn(e)
	}
	return errs
}

// parsed is what a parser made of a chunk of a file.
type parsed struct {
	ents  []*Entity
	lines []int32 // lines[i]: where ents[i] was read
	errs  ErrorList
	size  int // of the chunk, in bytes
}

// chunk is a part of a file that ends at a line end, and where the parser
// puts what it makes of it.
type chunk struct {
	text  []byte
	line  int // number of its first line
	lines int // the line ends in text
	out   chan *parsed
}

// parseStream reads r in chunks, parses them on all cores and calls use
// with the records of each chunk in file order, while the chunks after it
// are read and parsed: the file's text is never held whole, and the
// records are used as they come. It returns the error of reading r; use
// may have been called before it.
func parseStream(r io.Reader, name string, use func(*parsed)) error {
	procs := runtime.GOMAXPROCS(0)
	jobs, order := make(chan chunk), make(chan chan *parsed, 2*procs)
	free := make(chan []byte, procs+2) // buffers of parsed chunks, to read into again
	var err error
	go func() {
		err = readChunks(r, free, func(c chunk) {
			order <- c.out
			jobs <- c
		})
		close(jobs)
		close(order)
	}()
	for range procs {
		go parseChunks(jobs, free, name)
	}
	for out := range order {
		use(<-out)
	}
	return err
}

// parseChunks parses chunks as they come and hands their buffers back to
// be read into again. It parses a copy of each chunk: reading the buffer
// itself as a string would save a tenth of the parsing time, but a string
// the parser kept would then change under whoever holds it.
func parseChunks(jobs <-chan chunk, free chan<- []byte, name string) {
	var a arena
	for c := range jobs {
		text := string(c.text)
		ents, lines, errs := parseLines(text, name, c.line, c.lines+1, &a)
		c.out <- &parsed{ents, lines, errs, len(text)}
		select {
		case free <- c.text[:0]:
		default:
		}
	}
}

// chunkSize is about the size of the chunks parseStream parses.
const chunkSize = 1 << 20

// readChunks reads r in chunks of about chunkSize bytes that end at a line
// end (all but the last), into buffers from free when there are any, and
// calls fn with each.
func readChunks(r io.Reader, free <-chan []byte, fn func(chunk)) error {
	buf := buffer(free)
	line, end := 1, 0 // end: where the last complete line in buf ends
	for {
		if len(buf) == cap(buf) {
			buf = append(make([]byte, 0, 2*cap(buf)), buf...)
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		if i := bytes.LastIndexByte(buf[len(buf):len(buf)+n], '\n'); i >= 0 {
			end = len(buf) + i + 1
		}
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			end = len(buf)
		} else if err != nil {
			return err
		}
		if end > 0 && (len(buf) >= chunkSize || err == io.EOF) {
			next := append(buffer(free), buf[end:]...)
			c := chunk{text: buf[:end], line: line, out: make(chan *parsed, 1)}
			c.lines = bytes.Count(c.text, []byte{'\n'})
			line += c.lines
			fn(c)
			buf, end = next, 0
		}
		if err == io.EOF {
			return nil
		}
	}
}

// buffer returns an empty buffer to read a chunk into. A new one starts
// small and doubles as it fills, up to chunkSize (more only for a longer
// line), so that small files take little memory.
func buffer(free <-chan []byte) []byte {
	select {
	case b := <-free:
		return b
	default:
		return make([]byte, 0, 64<<10)
	}
}

// parseLines parses the records in text, whose first line is number first
// and which has at most n lines, and returns them with their line numbers.
func parseLines(text, name string, first, n int, a *arena) ([]*Entity, []int32, ErrorList) {
	var errs ErrorList
	ents, lines := make([]*Entity, 0, n), make([]int32, 0, n)
	for line := first; text != ""; line++ {
		var l string
		l, text, _ = cut(text, '\n')
		l = strings.TrimSuffix(l, "\r")
		if l == "" || l[0] == '#' {
			continue
		}
		pos := Pos{File: name, Line: int32(line)}
		if len(l) > maxLine {
			errs.add(pos, "record is %d bytes, limit is %d", len(l), maxLine)
			continue
		}
		if e := parseRecord(l, pos, &errs, a); e != nil {
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
	id, rest, ok1 := cut(text, '\t')
	typ, rest, ok2 := cut(rest, '\t')
	if !ok1 || !ok2 {
		errs.add(pos, "want at least 3 tab-separated fields (id, type, name), got %d", strings.Count(text, "\t")+1)
		return nil
	}
	name, rest, more := cut(rest, '\t')
	name = strings.TrimSpace(name)
	e := a.next()
	e.Prior = 0.5
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
	fs := fields{id: id, aliases: a.names(name)}
	for more {
		var f string
		f, rest, more = cut(rest, '\t')
		parseField(e, f, pos, &fs, errs)
	}
	if fs.attrs[source] == "" {
		errs.add(pos, "missing src= (where the record comes from)")
	}
	if len(*errs) > n {
		*e = Entity{}
		return nil
	}
	return a.keep(e, &fs)
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

// fieldSet records which known keys a record has used: bit i for
// fieldKeys[i].
type fieldSet uint16

var fieldKeys = [...]string{"aliases", "short", "kind", "wd", "parent", "topics", "prior", "src", "iso", "gn"}

// fieldBit returns the bit of a known key, 0 for an unknown one. (A loop:
// a map cost 6 % of loading.)
func fieldBit(key string) fieldSet {
	for i, k := range fieldKeys {
		if k == key {
			return 1 << i
		}
	}
	return 0
}

func parseField(e *Entity, f string, pos Pos, fs *fields, errs *ErrorList) {
	key, val, ok := cut(f, '=')
	bit := fieldBit(key)
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
		a, val, more = cut(val, '|')
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

// cut is strings.Cut for a one-byte separator. (strings.Cut, which looks
// for a string, took 60 % longer.)
func cut(s string, sep byte) (before, after string, found bool) {
	if i := strings.IndexByte(s, sep); i >= 0 {
		return s[:i], s[i+1:], true
	}
	return s, "", false
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
