package token

import (
	"strings"
	"testing"

	_ "github.com/schlagwort/schlagwort/internal/golden" // accept -update (go test ./... -update)
)

// render shows tokens as "text/Kind" with "|" before each sentence start
// and "~" marking hyphen or slash joins.
func render(text string, toks []Token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		if t.Is(SentenceStart) && i > 0 {
			b.WriteString("| ")
		}
		b.WriteString(t.Text(text))
		if t.Kind != Word {
			b.WriteString("/" + t.Kind.String())
		}
		if t.Is(JoinedNext) {
			b.WriteString("~")
		}
	}
	return b.String()
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"German quotes are separate tokens",
			"„Wir bleiben“, sagte er. »Gut«, ‚so‘",
			"„/Quote Wir bleiben “/Quote ,/Punct sagte er ./Punct | »/Quote Gut «/Quote ,/Punct ‚/Quote so ‘/Quote"},
		{"hyphenated names and compounds are joined parts",
			"Kim Jong-un beim Nato-Gipfel, CDU/CSU",
			"Kim Jong~ un beim Nato~ Gipfel ,/Punct CDU~ CSU"},
		{"abbreviations keep their stop",
			"Dr. Weber kam z. B. mit Prof. Lang nach St. Gallen.",
			"Dr./Abbrev Weber kam z./Abbrev B./Abbrev mit Prof./Abbrev Lang nach St./Abbrev Gallen ./Punct"},
		{"ordinal dates do not end sentences",
			"Am 3. Oktober feiern wir. Der 15. ist frei.",
			"Am 3./Ordinal Oktober feiern wir ./Punct | Der 15./Ordinal ist frei ./Punct"},
		{"numbers with German separators",
			"Es kostet 1.500,50 Euro, 2,3 Prozent mehr seit 15.03.2026.",
			"Es kostet 1.500,50/Number Euro ,/Punct 2,3/Number Prozent mehr seit 15.03.2026/Number ./Punct"},
		{"URLs and e-mail addresses stay whole",
			"Mehr unter https://www.example.de/pfad?x=1. Fragen an presse@example.org!",
			"Mehr unter https://www.example.de/pfad?x=1/URL ./Punct | Fragen an presse@example.org/Email !/Punct"},
		{"genitive apostrophe is split from the name",
			"Scholz’ Nachfolger geht’s gut",
			"Scholz ’/Quote Nachfolger geht’s gut"},
		{"a number followed by a capitalised word after a verb ends the sentence",
			"Die Zahl stieg auf 3. Dann fiel sie.",
			"Die Zahl stieg auf 3/Number ./Punct | Dann fiel sie ./Punct"},
		{"terminal abbreviation before a sentence starter",
			"Äpfel, Birnen usw. Danach kam nichts.",
			"Äpfel ,/Punct Birnen usw./Abbrev | Danach kam nichts ./Punct"},
		{"question in quotes followed by lower case continues",
			"»Kommst du?«, fragte er. Sie nickte.",
			"»/Quote Kommst du ?/Punct «/Quote ,/Punct fragte er ./Punct | Sie nickte ./Punct"},
		{"a line without a stop is its own sentence",
			"Putin trifft Kim\n\nDer Kreml bestätigte das Treffen.",
			"Putin trifft Kim | Der Kreml bestätigte das Treffen ./Punct"},
		{"club names with ordinals",
			"Der 1. FC Köln gewann.",
			"Der 1./Ordinal FC Köln gewann ./Punct"},
		{"regnal numbers keep their stop after a name",
			"Elisabeth II. reiste mit Papst Leo XIV. nach Rom. Es kamen II. Klasse-Wagen.",
			"Elisabeth II./Abbrev reiste mit Papst Leo XIV./Abbrev nach Rom ./Punct | Es kamen II ./Punct | Klasse~ Wagen ./Punct"},
		{"club names with ordinals after a noun",
			"Er kehrte zum Bundesligisten 1. FC Nürnberg zurück. Sie wurde 2. Die Saison endete.",
			"Er kehrte zum Bundesligisten 1./Ordinal FC Nürnberg zurück ./Punct | Sie wurde 2/Number ./Punct | Die Saison endete ./Punct"},
		{"truncation hyphen is punctuation",
			"Ein- und Ausfuhr",
			"Ein -/Punct und Ausfuhr"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := render(tt.in, Tokenize(nil, tt.in))
			if got != tt.want {
				t.Errorf("Tokenize(%q)\n got: %s\nwant: %s", tt.in, got, tt.want)
			}
		})
	}
}

func TestFlags(t *testing.T) {
	text := "WHO und Nato-Gipfel"
	toks := Tokenize(nil, text)
	if len(toks) != 4 {
		t.Fatalf("got %d tokens, want 4: %s", len(toks), render(text, toks))
	}
	checks := []struct {
		i    int
		f    Flags
		want bool
	}{
		{0, AllUpper | Upper, true}, {1, Upper, false}, {2, Upper | JoinedNext, true},
		{2, AllUpper, false}, {3, JoinedPrev, true}, {0, SentenceStart | ParagraphStart, true},
	}
	for _, c := range checks {
		if got := toks[c.i].Is(c.f); got != c.want {
			t.Errorf("token %q Is(%b) = %v, want %v", toks[c.i].Text(text), c.f, got, c.want)
		}
	}
}

func TestMaxAbbrevCoversTheList(t *testing.T) {
	for w := range abbreviations {
		if len(w) > maxAbbrev {
			t.Errorf("abbreviation %q is longer than maxAbbrev = %d", w, maxAbbrev)
		}
	}
}

// TestCaseFlags covers the paths wordEnd learns case on: ASCII, two-byte
// letters (umlauts, Greek), longer runes, and words that are not letters
// first.
func TestCaseFlags(t *testing.T) {
	tests := []struct {
		name, word string
		want       Flags
	}{
		{"a capitalised word", "Putin", Upper},
		{"a lower-case word", "sagte", 0},
		{"an acronym", "KCNA", Upper | AllUpper},
		{"one capital is not all upper", "A", Upper},
		{"an umlaut capital", "Ärzte", Upper},
		{"umlaut capitals throughout", "ÄÖÜ", Upper | AllUpper},
		{"capitals after a lower-case umlaut", "äRZTE", 0},
		{"Greek capitals", "ΩΜΕΓΑ", Upper | AllUpper},
		{"a title-case letter is no capital", "ǅemal", 0},
		{"a capital of three bytes", "ẞA", Upper | AllUpper},
		{"digits before the first letter", "10er", 0},
		{"digits before a capital", "3D", Upper},
		{"an apostrophe inside", "O'NEILL", Upper | AllUpper},
		{"a combining mark is no letter", "E\u0301X", Upper | AllUpper},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := Tokenize(nil, tt.word)
			if len(toks) != 1 {
				t.Fatalf("got %s, want one token", render(tt.word, toks))
			}
			if got := toks[0].Flags & (Upper | AllUpper); got != tt.want {
				t.Errorf("flags %b, want %b", got, tt.want)
			}
		})
	}
}
