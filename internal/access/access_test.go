package access

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"

	_ "github.com/schlagwort/schlagwort/internal/golden" // accept -update (go test ./... -update)
)

const file = `# name  roles         token
cms      tagger,admin  cms-token-0123456789
desk     editor        desk-token-0123456789

ops      admin         sha256:` // hash appended in the test

func TestParseAndAuthenticate(t *testing.T) {
	sum := sha256.Sum256([]byte("ops-token-0123456789"))
	toks, err := Parse("tokens", strings.NewReader(file+hex.EncodeToString(sum[:])+"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if toks.Len() != 3 {
		t.Fatalf("Len = %d, want 3", toks.Len())
	}
	tests := []struct {
		token string
		name  string
		can   []Permission
		cant  []Permission
	}{
		{"cms-token-0123456789", "cms", []Permission{Tag, Index, Read, Admin}, nil},
		{"desk-token-0123456789", "desk", []Permission{Read}, []Permission{Tag, Index, Admin}},
		{"ops-token-0123456789", "ops", []Permission{Tag, Read, Index, Admin}, nil},
		{"desk-token-012345678", "", nil, nil}, // one character short
		{"", "", nil, nil},
	}
	for _, tt := range tests {
		c, ok := toks.Authenticate(tt.token)
		if ok != (tt.name != "") || c.Name != tt.name {
			t.Errorf("Authenticate(%q) = %q, %v; want %q", tt.token, c.Name, ok, tt.name)
			continue
		}
		for _, p := range tt.can {
			if !c.Can(p) {
				t.Errorf("%s cannot %v", c.Name, p)
			}
		}
		for _, p := range tt.cant {
			if c.Can(p) {
				t.Errorf("%s can %v", c.Name, p)
			}
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a tagger\n", "t:1: want NAME ROLES TOKEN, found 2 fields"},
		{"\n# c\na writer abcdefghijklmnopq\n", `t:3: unknown role "writer"`},
		{"a tagger short\n", `t:1: token of "a" is 5 characters; use at least 16`},
		{"a tagger sha256:abc\n", `t:1: token of "a": sha256: needs 64 hex digits`},
		{"a tagger abcdefghijklmnopq\na editor bbcdefghijklmnopq\n", `t:2: name "a" is already used on line 1`},
		{"a tagger abcdefghijklmnopq\nb editor abcdefghijklmnopq\n", `t:2: token of "b" is also given to another name`},
	}
	for _, tt := range tests {
		_, err := Parse("t", strings.NewReader(tt.in))
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("Parse(%q) = %v, want %s", tt.in, err, tt.want)
		}
	}
}

func TestRoleFor(t *testing.T) {
	for p, want := range map[Permission]string{Tag: "tagger", Read: "editor", Index: "admin", Admin: "admin", Tag | Read: "admin"} {
		if got := RoleFor(p); got != want {
			t.Errorf("RoleFor(%v) = %s, want %s", p, got, want)
		}
	}
}

// FuzzParseTokens: any tokens file parses or fails with a located error, never panics.
func FuzzParseTokens(f *testing.F) {
	f.Add(file)
	f.Add("a tagger,editor sha256:" + strings.Repeat("ab", 32))
	f.Fuzz(func(t *testing.T, in string) {
		toks, err := Parse("t", strings.NewReader(in))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "t:") {
				t.Fatalf("error without location: %v", err)
			}
			return
		}
		toks.Authenticate(in)
	})
}
