package match

import (
	"github.com/schlagwort/schlagwort/internal/fold"
	"github.com/schlagwort/schlagwort/internal/token"
)

// Add registers an alias of entity (index e, alias index a) with all its
// variants: as written, with umlauts transcribed, with the adjectives in it
// declined, and under loose transliteration keys.
func (b *Builder) Add(e, a int32, text string, common bool) {
	toks := b.aliasTokens(text)
	if len(toks) == 0 || len(toks) > 32 {
		return
	}
	t := Target{Entity: e, Alias: a}
	if common {
		t.Flags |= Common
	}
	acronym := true
	for i, tok := range toks {
		if tok.Is(token.Upper) {
			t.Upper |= 1 << i
		}
		if tok.Kind == token.Word && !tok.Is(token.AllUpper) {
			acronym = false
		}
	}
	if acronym {
		t.Flags |= Acronym
	}
	keys := b.foldAll(text, toks)
	b.insert(keys, t)
	b.addDeclined(keys, toks, t)
	if !acronym {
		b.addLoose(keys, t)
	}
	if tr := fold.Transcribe(text); tr != text {
		if trToks := b.aliasTokens(tr); len(trToks) == len(toks) {
			t.Form = Transcribed
			b.insert(b.foldAll(tr, trToks), t)
		}
	}
}

// aliasTokens tokenizes an alias, dropping quotes.
func (b *Builder) aliasTokens(text string) []token.Token {
	b.toks = token.Tokenize(b.toks, text)
	out := b.toks[:0]
	for _, t := range b.toks {
		if t.Kind != token.Quote {
			out = append(out, t)
		}
	}
	return out
}

// foldAll returns the folded keys of toks in b.keys (reused).
func (b *Builder) foldAll(text string, toks []token.Token) [][]byte {
	for len(b.keys) < len(toks) {
		b.keys = append(b.keys, nil)
	}
	keys := b.keys[:len(toks)]
	for i, t := range toks {
		keys[i] = keyOf(keys[i], t.Text(text))
	}
	return keys
}

// addDeclined inserts the variant whose inner adjectives end in -e, the
// form the matcher reduces declined adjectives to: "Europäisches
// Parlament" is also stored as "europaische parlament", which "des
// Europäischen Parlaments" reaches.
func (b *Builder) addDeclined(keys [][]byte, toks []token.Token, t Target) {
	var variant [][]byte
	for i := 0; i < len(keys)-1; i++ {
		k := keys[i]
		if !toks[i].Is(token.Upper) || toks[i].Is(token.AllUpper) || !adjectiveEnding(k) {
			continue
		}
		if variant == nil {
			variant = make([][]byte, len(keys))
			copy(variant, keys)
		}
		variant[i] = k[:len(k)-1]
	}
	if variant != nil {
		t.Form = Declined
		b.insert(variant, t)
	}
}

// adjectiveEnding reports a strong or weak adjective ending after -e:
// -er, -es, -en, -em.
func adjectiveEnding(k []byte) bool {
	n := len(k)
	if n < 5 || k[n-2] != 'e' {
		return false
	}
	switch k[n-1] {
	case 'r', 's', 'n', 'm':
		return true
	}
	return false
}

// addLoose inserts the loose transliteration variant. Short words are
// left as they are: their loose keys would merge too much (Inn and "in").
func (b *Builder) addLoose(keys [][]byte, t Target) {
	loose := make([][]byte, len(keys))
	differs := false
	for i, k := range keys {
		loose[i] = k
		if len(k) >= minLooseWord {
			loose[i] = fold.AppendLoose(nil, k)
		}
		differs = differs || string(loose[i]) != string(k)
	}
	if differs {
		t.Form = Loose
		b.insert(loose, t)
	}
}

// minLooseWord is the shortest word that gets a loose key.
const minLooseWord = 4

// Protect marks words that are never reduced by inflection rules, such as
// given names (Hans is not the genitive of Han).
func (b *Builder) Protect(word string) {
	b.protected = append(b.protected, b.Word(fold.Key(word)))
}
