package protoconv

import (
	"bytes"
	"encoding/json"

	"google.golang.org/protobuf/encoding/protojson"

	"github.com/schlagwort/schlagwort/internal/tagging"
	pb "github.com/schlagwort/schlagwort/proto/schlagwort/v1"
)

// ParseArticle reads one article: protojson when data starts with "{",
// otherwise plain text taken as the body. Errors are tagging.Errors with
// code EInvalid.
func ParseArticle(data []byte) (tagging.Article, error) {
	trimmed := bytes.TrimLeft(data, " \t\r\n\ufeff")
	if len(trimmed) == 0 || trimmed[0] != '{' {
		return tagging.Article{Body: string(data)}, nil
	}
	return ParseJSON(trimmed)
}

// ParseJSON reads one protojson Article; unknown fields are an error.
func ParseJSON(data []byte) (tagging.Article, error) {
	var p pb.Article
	if err := protojson.Unmarshal(data, &p); err != nil {
		return tagging.Article{}, tagging.Errorf(tagging.EInvalid, "", "invalid Article JSON: %v", err)
	}
	return Article(&p), nil
}

// Marshal renders a response as protojson, on one line or indented.
// protojson varies its whitespace between builds on purpose; the output is
// normalised with encoding/json so it is byte-stable (golden files, diffs).
func Marshal(r *tagging.Result, indent bool) ([]byte, error) {
	// Default values are written out: a mention at offset 0 says "start": 0.
	raw, err := protojson.MarshalOptions{EmitDefaultValues: true}.Marshal(TagResponse(r))
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if indent {
		err = json.Indent(&buf, raw, "", "  ")
	} else {
		err = json.Compact(&buf, raw)
	}
	return buf.Bytes(), err
}
