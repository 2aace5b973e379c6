// Package access decides who may do what: bearer tokens, each bound to one
// or more roles, read from a tokens file. It knows nothing of the transport;
// the server maps its RPCs to the permissions here.
package access

import (
	"bufio"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"fmt"
	"io"
	"slices"
	"strings"
)

// A Permission is one kind of operation.
type Permission int

const (
	Tag   Permission = 1 << iota // tag articles without storing them
	Read                         // search and read articles, look up entities
	Index                        // store and delete articles
	Admin                        // reload the gazetteer, re-tag the archive
)

var permNames = []string{"tag", "read", "index", "admin"}

// String names the permissions in p: "tag", "tag+index".
func (p Permission) String() string {
	var names []string
	for i, n := range permNames {
		if p&(1<<i) != 0 {
			names = append(names, n)
		}
	}
	if len(names) == 0 {
		return "nothing"
	}
	return strings.Join(names, "+")
}

// Roles and what they allow: tagger tags, editor reads, admin does
// everything.
var Roles = map[string]Permission{
	"tagger": Tag,
	"editor": Read,
	"admin":  Tag | Read | Index | Admin,
}

// RoleFor names the least role that grants p.
func RoleFor(p Permission) string {
	for _, r := range []string{"tagger", "editor", "admin"} {
		if Roles[r]&p == p {
			return r
		}
	}
	return "admin"
}

// A Caller is an authenticated token holder.
type Caller struct {
	Name  string   // the token's name in the tokens file; safe to log
	Roles []string // as written in the file
	perms Permission
}

// Can reports whether the caller holds permission p.
func (c Caller) Can(p Permission) bool { return c.perms&p == p }

// Tokens are the configured tokens. The zero value has none.
type Tokens struct {
	entries []entry
}

type entry struct {
	caller Caller
	hash   [sha256.Size]byte
}

// MinTokenLen is the shortest token accepted in clear.
const MinTokenLen = 16

// Parse reads a tokens file: one token per line as "NAME ROLES TOKEN",
// fields separated by blanks, ROLES a comma-separated list of tagger,
// editor and admin, TOKEN either the token itself (at least 16 characters)
// or "sha256:" and the hex SHA-256 of it, so the file need not hold
// secrets. Blank lines and lines starting with # are skipped. Problems are
// reported as name:line.
func Parse(name string, r io.Reader) (*Tokens, error) {
	t := &Tokens{}
	names := map[string]int{}
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		e, err := parseLine(line)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, n, err)
		}
		if prev, dup := names[e.caller.Name]; dup {
			return nil, fmt.Errorf("%s:%d: name %q is already used on line %d", name, n, e.caller.Name, prev)
		}
		if slices.ContainsFunc(t.entries, func(o entry) bool { return o.hash == e.hash }) {
			return nil, fmt.Errorf("%s:%d: token of %q is also given to another name", name, n, e.caller.Name)
		}
		names[e.caller.Name] = n
		t.entries = append(t.entries, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return t, nil
}

func parseLine(line string) (entry, error) {
	f := strings.Fields(line)
	if len(f) != 3 {
		return entry{}, fmt.Errorf("want NAME ROLES TOKEN, found %d fields", len(f))
	}
	e := entry{caller: Caller{Name: f[0]}}
	for _, r := range strings.Split(f[1], ",") {
		p, ok := Roles[r]
		if !ok {
			return entry{}, fmt.Errorf("unknown role %q (want tagger, editor or admin)", r)
		}
		e.caller.Roles = append(e.caller.Roles, r)
		e.caller.perms |= p
	}
	tok := f[2]
	if hexHash, ok := strings.CutPrefix(tok, "sha256:"); ok {
		b, err := hex.DecodeString(hexHash)
		if err != nil || len(b) != sha256.Size {
			return entry{}, fmt.Errorf("token of %q: sha256: needs 64 hex digits", e.caller.Name)
		}
		copy(e.hash[:], b)
		return e, nil
	}
	if len(tok) < MinTokenLen {
		return entry{}, fmt.Errorf("token of %q is %d characters; use at least %d", e.caller.Name, len(tok), MinTokenLen)
	}
	e.hash = sha256.Sum256([]byte(tok))
	return e, nil
}

// Len returns the number of tokens.
func (t *Tokens) Len() int {
	if t == nil {
		return 0
	}
	return len(t.entries)
}

// Authenticate returns the caller holding token. It compares the token's
// hash with every entry in constant time and does not stop at a match, so
// the time taken says nothing about which token, or how much of one, was
// right.
func (t *Tokens) Authenticate(token string) (Caller, bool) {
	h := sha256.Sum256([]byte(token))
	found := -1
	for i := range t.entries {
		if subtle.ConstantTimeCompare(h[:], t.entries[i].hash[:]) == 1 {
			found = i
		}
	}
	if found < 0 {
		return Caller{}, false
	}
	return t.entries[found].caller, true
}
