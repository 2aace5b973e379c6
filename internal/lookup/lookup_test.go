package lookup

import (
	"testing"

	_ "github.com/schlagwort/schlagwort/internal/golden" // accept -update (go test ./... -update)
)

func TestWithinOneEdit(t *testing.T) {
	for _, tc := range []struct {
		typed, name string
		want        bool
	}{
		{"wladiwostk", "wladiwostok", true},   // a letter missing
		{"wladiwoostok", "wladiwostok", true}, // a letter too many
		{"wladiwastok", "wladiwostok", true},  // a letter wrong
		{"selenskj", "selenskyj", true},
		{"munch", "muenchen", true},
		{"wladiwstk", "wladiwostok", false}, // two letters missing
		{"berlin", "bern", false},
		{"kiew", "kyjiw", false},
		{"abc", "", false},
	} {
		if got := withinOneEdit(tc.typed, tc.name); got != tc.want {
			t.Errorf("withinOneEdit(%q, %q) = %v, want %v", tc.typed, tc.name, got, tc.want)
		}
	}
}
