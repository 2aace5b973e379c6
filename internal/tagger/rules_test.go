package tagger_test

import (
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/schlagwort/schlagwort/internal/tagger"
	"github.com/schlagwort/schlagwort/internal/tagging"
)

// TestRules checks each matching rule on a short German text of our own.
// want lists "surface => id" mentions that must be found (id "candidate:PER"
// etc. for candidates); absent lists entity ids that must not be tagged, or
// "text:SURFACE" for text that must be no mention at all.
func TestRules(t *testing.T) {
	tests := []struct {
		name, title, body string
		want, absent      []string
	}{
		{"acronyms match only in capitals", "", `Die WHO warnt. „Who is next?“, fragte er.`,
			[]string{"WHO => org/who"}, nil},
		{"genitive -s and -es", "", "Die Lage Frankreichs und des Bundestages bleibt angespannt.",
			[]string{"Frankreichs => loc/frankreich", "Bundestages => org/bundestag"}, nil},
		{"genitive apostrophe belongs to the mention", "", "Olaf Scholz sprach. Scholz’ Worte wirkten.",
			[]string{"Scholz’ => per/olaf-scholz"}, nil},
		{"declined adjectives inside names", "", "Chefs der Deutschen Bank und des Europäischen Parlaments trafen sich in den Vereinigten Arabischen Emiraten.",
			[]string{"Deutschen Bank => org/deutsche-bank", "Europäischen Parlaments => org/europaeisches-parlament",
				"Vereinigten Arabischen Emiraten => loc/vereinigte-arabische-emirate"}, nil},
		{"transliterations", "", "Wladimir Putin lobte Medvedev, Khodorkovsky nicht.",
			[]string{"Medvedev => per/dmitri-medwedew", "Khodorkovsky => per/michail-chodorkowski"}, nil},
		{"transliterated headline", "Putin empfängt Kim Yong-Un", "Kim Jong-un reiste an.",
			[]string{"Kim Yong-Un => per/kim-jong-un", "Putin => per/wladimir-putin"}, nil},
		{"diacritics and hyphens folded", "", "Erdogan, Sanchez und die Max Planck Gesellschaft in Muenchen.",
			[]string{"Erdogan => per/recep-tayyip-erdogan", "Max Planck Gesellschaft => org/max-planck-gesellschaft", "Muenchen => loc/muenchen"}, nil},
		{"St. is Sankt", "", "Von St. Petersburg nach Sankt Petersburg.",
			[]string{"St. Petersburg => loc/sankt-petersburg", "Sankt Petersburg => loc/sankt-petersburg"}, nil},
		{"compounds tag their entity part", "", "Der Bundeswehr-Einsatz, die Google-Mutter, ein Merkel-Nachfolger und der Ukraine-Krieg.",
			[]string{"Bundeswehr => org/bundeswehr", "Google => org/google", "Merkel => per/angela-merkel", "Ukraine => loc/ukraine"}, nil},
		{"short forms after the full name", "", "Olaf Scholz und Kim Jong-un. Scholz lachte, Kim nicht.",
			[]string{"Scholz => per/olaf-scholz", "Kim => per/kim-jong-un"}, nil},
		{"a shared short form is left alone", "", "Kim Jong-un und Kim Yo-jong. Kim sprach.",
			[]string{"Kim Jong-un => per/kim-jong-un", "Kim Yo-jong => per/kim-yo-jong"}, nil},
		{"short form needs the full name", "", "Scholz sprach lange.", nil, []string{"per/olaf-scholz"}},
		{"acronym defined in the text", "", "Das Bundesamt für Migration und Flüchtlinge (BAMF) prüft. Das BAMF schweigt.",
			[]string{"BAMF => org/bamf", "Bundesamt für Migration und Flüchtlinge => org/bamf"}, nil},
		{"unknown acronym definition makes a candidate", "", "Die Kassenärztliche Vereinigung Nordpfalz (KVN) warnt. Die KVN fordert Geld.",
			[]string{"Kassenärztliche Vereinigung Nordpfalz => candidate:ORG", "KVN => candidate:ORG"}, nil},
		{"Köln the club from sports cues", "", "Der Trainer jubelte: Köln gewann am Spieltag mit einem Tor gegen Hamburg.",
			[]string{"Köln => org/1-fc-koeln", "Hamburg => org/hamburger-sv"}, []string{"loc/koeln"}},
		{"Köln the city from civic cues", "", "Die Oberbürgermeisterin von Köln stellte dem Stadtrat den Haushalt vor.",
			[]string{"Köln => loc/koeln"}, []string{"org/1-fc-koeln"}},
		{"everyday words need evidence", "", "Das Essen war gut, die Welt ist groß, ein Bild hing an der Wand.",
			nil, []string{"loc/essen", "org/die-welt", "org/bild"}},
		{"everyday words with evidence", "", "In Essen berichtete die „Bild“, die Union mit CDU und CSU verliere.",
			[]string{"Essen => loc/essen", "Bild => org/bild", "Union => org/union"}, nil},
		{"sentence-initial capitals are no evidence", "", "Die Welt ist unsicher. Weil die Nachfrage sinkt, sparen alle.",
			nil, []string{"org/die-welt", "per/stephan-weil"}},
		{"surname that is a word, after the full name", "", "Stephan Weil besuchte das Werk. Weil sagte, es gehe gut. Weil die Lage gut ist, bleibt er.",
			[]string{"Weil => per/stephan-weil"}, nil},
		{"candidates from titles and legal forms", "", "Stadtrat Jonas Wiegandt-Rühl lobte die Brauerei Kesselring KG und die Kreisverwaltung Südwestpfalz.",
			[]string{"Jonas Wiegandt-Rühl => candidate:PER", "Brauerei Kesselring KG => candidate:ORG", "Kreisverwaltung Südwestpfalz => candidate:ORG"}, nil},
		{"byline", "", "Von: Marek Olschewski\n\nBerlin (dpa) – Es regnet.",
			[]string{"Marek Olschewski => candidate:PER", "Berlin => loc/berlin", "dpa => org/dpa"}, nil},
		{"place adjective", "", "Essener Händler klagen.", []string{"Essener => loc/essen"}, nil},
		{"speaker after a verb of saying", "", "„Wir bleiben“, sagte Hanselmann. Das sagte Montag, ein Kollege.",
			[]string{"Hanselmann => candidate:PER"}, nil},
		{"a lone surname joins its full-name candidate", "", "Bürgermeisterin Carola Evertsbusch kam. „Gut“, sagte Evertsbusch.",
			[]string{"Evertsbusch => candidate:PER"}, nil},
		{"dative plural -n only after den", "", "In den Niederlanden leben viele Arten.",
			[]string{"Niederlanden => loc/niederlande"}, []string{"org/arte"}},
		{"town names that are everyday words stay words", "", "Das Wetter wird schön. Die Tasche war leer, im Hof spielten Kinder, die Halle war voll, nach dem Essen ging es ins Bad.",
			nil, []string{"loc/leer", "loc/hof", "loc/halle-saale", "loc/essen"}},
		{"a district joined to its city by a hyphen", "", "Er wohnt in Berlin-Charlottenburg, sie in Berlin-Mitte; der Ukraine-Krieg und das Ukraine-Hilfspaket bleiben Komposita.",
			[]string{"Berlin-Charlottenburg => loc/berlin", "Berlin-Mitte => loc/berlin", "Ukraine => loc/ukraine"}, []string{"text:Ukraine-Krieg", "text:Ukraine-Hilfspaket"}},
		{"landscapes take an article, towns do not", "", "Wir wandern im Harz, danach spielen die Kinder im Hof.",
			[]string{"Harz => loc/harz"}, []string{"loc/hof"}},
		{"with a locative they are towns", "", "Er fuhr nach Leer und dann nach Hof.",
			[]string{"Leer => loc/leer", "Hof => loc/hof"}, nil},
		{"a lone word read loosely needs context", "", "Dies ist ein Test. Im Takt der Musik tanzten alle. Der Schüler fuhr nach Norden. Die Krise ab 2008. Am Abend kam der Kunde.",
			nil, []string{"per/herbert-diess", "org/takkt", "per/jules-kounde", "per/lea-schueller", "loc/norden"}},
		{"short words in capitals are acronyms", "", "Die CD-ROM lag in Rom.",
			[]string{"Rom => loc/rom"}, nil},
		{"a rejected everyday reading still opens a name", "", "Gestern hat Brigitte Weigl gewonnen.",
			[]string{"Brigitte Weigl => candidate:PER"}, []string{"org/brigitte"}},
		{"initials before a surname", "", "Er siegte vor W. Fesenko und Hans J. Seidelmann, z. B. Rennfahrer.",
			[]string{"W. Fesenko => candidate:PER", "Hans J. Seidelmann => candidate:PER"}, nil},
		{"compound titles and organisation heads", "", "Vereinssprecher Tobias Kellmann sprach für den Mieterverein Lindenau.",
			[]string{"Tobias Kellmann => candidate:PER", "Mieterverein Lindenau => candidate:ORG"}, nil},
		{"compound organisation heads and Arena take the place after them", "", "Die Schau im Maximilianmuseum Augsburg endet, das Konzert in der Arena Wien beginnt.",
			[]string{"Maximilianmuseum Augsburg => candidate:ORG", "Arena Wien => candidate:ORG"}, []string{"loc/augsburg", "loc/wien"}},
		{"a place adjective before an organisation head", "", "Der Hamburger Mieterverein warnt.",
			[]string{"Hamburger Mieterverein => candidate:ORG"}, nil},
		{"an unknown acronym after a determiner", "", "Die UMPF verlor, das BIP sank, der SSV Reutlingen gewann.",
			[]string{"UMPF => candidate:ORG", "SSV Reutlingen => candidate:ORG"}, []string{"loc/reutlingen"}},
		{"streets", "", "Sie wohnt in der Gubener Straße 12, nahe der Fischergasse und der Bundesstraße 216, nicht an der Landstraße.",
			[]string{"Gubener Straße 12 => candidate:LOC", "Fischergasse => candidate:LOC", "Bundesstraße 216 => candidate:LOC"}, nil},
		{"a capitalised word that is no noun is a name", "", "Im Finale traf Okonkwo zweimal, danach wechselte er nach Zwolle.",
			[]string{"Okonkwo => candidate:PER", "Zwolle => candidate:LOC"}, nil},
		{"nouns the lexicon knows, inflected or compound, are no names", "", "Seit Langem gilt: Wer als Neunter ins Ziel kommt, bekommt in Schmalz gebratene Kartoffeln mit Aroma, dazu Korridore voller Fahrradständer, wie Sie wissen.",
			nil, []string{"text:Langem", "text:Neunter", "text:Schmalz", "text:Aroma", "text:Korridore", "text:Fahrradständer", "text:Sie"}},
		{"no name after a determiner, an adjective or a number", "", "Sie fanden feinstkörniger Magnetit in einem Konvikt bei 121,5 Megahertz und Frequenzen von 3 Zwolle.",
			nil, []string{"text:Magnetit", "text:Konvikt", "text:Zwolle"}},
		{"a genitive before a noun", "", "Der Streit um Okonkwos Wechsel hält an.",
			[]string{"Okonkwos => candidate:PER"}, nil},
		{"a place that is a given name gives way to an unknown surname", "",
			"Virginia Giuffre sagte aus. Die Aussage von Florence Pugh folgte. In Virginia wird gewählt, nach Florence fährt sie. Die Touristen besuchten Austin Heights.",
			[]string{"Virginia Giuffre => candidate:PER", "Florence Pugh => candidate:PER", "Virginia => loc/virginia", "Florence => loc/florenz", "Austin => loc/austin"},
			[]string{"text:Austin Heights"}},
		{"a given name before a one-word name makes a person", "", "Timo Glock fuhr lange Formel 1.",
			[]string{"Timo Glock => candidate:PER"}, []string{"org/glock"}},
		{"a name in a list takes the type of the one before", "", "Die Strecke führt über Bern, Thun und Gstaad.",
			[]string{"Thun => loc/thun", "Gstaad => candidate:LOC"}, nil},
		{"a name run ends before a noun", "", "Sie hatte nach der Trennung von ihrem Freund Matthew Whitcombe Liebeskummer.",
			[]string{"Matthew Whitcombe => candidate:PER"}, []string{"text:Matthew Whitcombe Liebeskummer", "text:Liebeskummer"}},
		{"family words introduce a person", "", "Geholfen hat ihr Onkel Brandauer.",
			[]string{"Brandauer => candidate:PER"}, nil},
		{"a function word opening the sentence is read in lower case", "", "In Zwolle regnete es. Auch Okonkwo kam. Als Risiken nannte sie Zölle.",
			[]string{"Zwolle => candidate:LOC", "Okonkwo => candidate:PER"}, []string{"text:Risiken", "text:Auch Okonkwo"}},
		{"English organisation names end with their head", "", "Die Sonde baute das Jet Propulsion Laboratory, die Strecke betrieb die Paducah Railroad.",
			[]string{"Jet Propulsion Laboratory => candidate:ORG", "Paducah Railroad => candidate:ORG"}, nil},
		{"no name between quotes or with an adjective ending", "", "Die Aktion heißt „Okonkwo“, sie gilt als sprintstark und Einwilligungsfähig ist nur, wer zustimmt.",
			nil, []string{"text:Okonkwo", "text:Einwilligungsfähig"}},
		{"Romance place names and names after a comma", "", "Sie wanderten am Monte Verità, der Polizeichef von Kabul, Tamim Haidari Wahab, sprach.",
			[]string{"Monte Verità => candidate:LOC", "Tamim Haidari Wahab => candidate:PER"}, nil},
		{"a genus before its species is no name", "", "Im Gehege lebt ein Faultier ( Choloepus hoffmanni ) neben Okonkwo.",
			[]string{"Okonkwo => candidate:PER"}, []string{"text:Choloepus"}},
		{"the ends of a route are places", "", "Die Bahn fährt von Wexcombe nach Zwolle, die Strecke verläuft zwischen Kiruna und Abisko.",
			[]string{"Wexcombe => candidate:LOC", "Zwolle => candidate:LOC", "Kiruna => candidate:LOC", "Abisko => candidate:LOC"}, nil},
		{"a two-word name opening a text, a speaker before a colon", "Okonkwo: „Wir bleiben.“", "Tavita Oyelaran fing den Ball. Hinzu kommt Regen.",
			[]string{"Tavita Oyelaran => candidate:PER", "Okonkwo => candidate:PER"}, []string{"text:Hinzu"}},
		{"a lone name opening a sentence before a verb", "", "Okonkwo traf zweimal. Gestern war es kalt. Aufgewärmt schmeckt es besser. „This is fine“, sagte er.",
			[]string{"Okonkwo => candidate:PER"}, []string{"text:Gestern", "text:Aufgewärmt", "text:This"}},
		{"particles and regnal numbers inside a name", "", "Den Entwurf zeichnete Giacomo della Porta, gekrönt wurde Elisabeth II. im Juni, Franz von Papen schwieg.",
			[]string{"Giacomo della Porta => candidate:PER", "Elisabeth II. => candidate:PER", "Franz von Papen => candidate:PER"}, nil},
		{"a lone given name is a person, not after St.", "", "Er blieb mit Yvonne in Lyon. Die Pilotanlage steht in St. Wolfgang.",
			[]string{"Yvonne => candidate:PER"}, []string{"text:Wolfgang"}},
		{"after a title a one-word place gives way, a genitive does not", "", "Präsident Cleveland reiste ab. Ministerpräsident Niedersachsens ist er nicht. Der Umbau der Tochter Porsche kostet.",
			[]string{"Cleveland => candidate:PER", "Niedersachsens => loc/niedersachsen", "Porsche => org/porsche"}, []string{"loc/cleveland"}},
		{"a linked company takes unknown name words and acronyms after it", "", "Die Bilfinger Berger GmbH baut, die ZDF-Moderatorin staunt, die Bilfinger Aktie steigt.",
			[]string{"Bilfinger Berger GmbH => org/bilfinger", "ZDF => org/zdf", "Bilfinger => org/bilfinger"}, []string{"text:Bilfinger Aktie"}},
		{"a club after an ordinal inside a sentence", "", "Er wechselte zum Bundesligisten 1. FC Nürnberg.",
			[]string{"1. FC Nürnberg => org/1-fc-nuernberg"}, nil},
		{"a linked company takes its legal form", "", "Die Audi AG verkauft mehr, die Telekom ab 2027 weniger.",
			[]string{"Audi AG => org/audi"}, []string{"text:Telekom ab"}},
		{"places after a locative and an adjective, or a compass word", "", "Das Werk liegt im englischen Hatfield, südlich von Wexcombe.",
			[]string{"Hatfield => candidate:LOC", "Wexcombe => candidate:LOC"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := tagging.Article{Title: tt.title, Body: tt.body}
			r, err := defaultTagger().Tag(&a)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				surface, id, _ := strings.Cut(w, " => ")
				if !found(r, surface, id) {
					t.Errorf("want %s; got %s", w, summary(r))
				}
			}
			for _, id := range tt.absent {
				if surface, ok := strings.CutPrefix(id, "text:"); ok {
					if hasMention(r, func(tagging.Entity) bool { return true }, surface) {
						t.Errorf("do not want a mention %q; got %s", surface, summary(r))
					}
					continue
				}
				if hasEntity(r, id) {
					t.Errorf("do not want %s; got %s", id, summary(r))
				}
			}
		})
	}
}

// TestCandidateSurnameIsOneEntity checks that the full name and the lone
// surname of an unknown person end up in one candidate.
func TestCandidateSurnameIsOneEntity(t *testing.T) {
	a := tagging.Article{Body: "Bürgermeisterin Carola Evertsbusch kam. „Gut“, sagte Evertsbusch."}
	r, _ := defaultTagger().Tag(&a)
	if len(r.Entities) != 1 || len(r.Entities[0].Mentions) != 2 {
		t.Errorf("want one candidate with two mentions, got %s", summary(r))
	}
}

func found(r tagging.Result, surface, id string) bool {
	if typ, ok := strings.CutPrefix(id, "candidate:"); ok {
		return hasMention(r, func(e tagging.Entity) bool { return e.Candidate && e.Type.String() == typ }, surface)
	}
	return hasMention(r, func(e tagging.Entity) bool { return e.ID == id && !e.Candidate }, surface)
}

// TestSharedShortFormIsNotTagged checks that "Kim" alone stays untagged
// when two Kims are named.
func TestSharedShortFormIsNotTagged(t *testing.T) {
	a := tagging.Article{Body: "Kim Jong-un und Kim Yo-jong. Kim sprach."}
	r, _ := defaultTagger().Tag(&a)
	for _, e := range r.Entities {
		for _, m := range e.Mentions {
			if m.Text == "Kim" {
				t.Errorf("ambiguous Kim tagged as %s", e.ID)
			}
		}
	}
}

func TestBadArticles(t *testing.T) {
	tests := []struct {
		name  string
		a     tagging.Article
		code  string
		field string
	}{
		{"empty article", tagging.Article{Title: " ", Body: "\n"}, tagging.EInvalid, "body"},
		{"invalid UTF-8 in the body", tagging.Article{Body: "Köln \xff"}, tagging.EInvalid, "body"},
		{"invalid UTF-8 in the title", tagging.Article{Title: "\xc3", Body: "x"}, tagging.EInvalid, "title"},
		{"too large", tagging.Article{Body: strings.Repeat("a", 1<<20+1)}, tagging.ETooLarge, "body"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := defaultTagger().Tag(&tt.a)
			e, ok := err.(*tagging.Error)
			if !ok || e.Code != tt.code || e.Field != tt.field {
				t.Errorf("got %v, want code %s on field %s", err, tt.code, tt.field)
			}
		})
	}
}

func TestUTF16Len(t *testing.T) {
	for _, s := range []string{"", "abc", "Köln", "„Bild“", "😀x", "€ 5", "Ǆ",
		"Straßenbahn nach Köln-Mülheim", "„Bild“ 😀😀 über 12 € — und 😀", "x😀😀😀😀😀😀😀😀y"} {
		want := len(utf16.Encode([]rune(s)))
		if got := tagger.UTF16Len(s); got != want {
			t.Errorf("UTF16Len(%q) = %d, want %d", s, got, want)
		}
	}
}
