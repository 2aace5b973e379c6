// Package gazetteers embeds the default gazetteer, so the binary works with
// no files. The format is described in README.md beside this file.
package gazetteers

import "embed"

// FS holds the entity files, kinds.tsv and the lexicon word lists.
//
//go:embed *.tsv lexicon/*.txt
var FS embed.FS
