package server

import (
	"context"
	"fmt"

	"google.golang.org/grpc"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"

	"github.com/schlagwort/schlagwort/internal/tagger"
)

// The protobuf decoder does not check strings for UTF-8 (see the edition
// note in tagging.proto), so this interceptor does, for every string of
// every unary request, and names the field: "article.authors[1]: invalid
// UTF-8 at byte 3". TagStream items are checked one by one by the tagger,
// so that one bad item does not end the stream.
func (s *Server) checkUTF8Unary(ctx context.Context, req any, info *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) {
	if m, ok := req.(proto.Message); ok {
		if err := checkStrings(m.ProtoReflect(), ""); err != nil {
			return nil, err
		}
	}
	return h(ctx, req)
}

// checkStrings returns an EInvalid error for the first string in m, at any
// depth, that is not UTF-8.
func checkStrings(m protoreflect.Message, path string) error {
	var err error
	m.Range(func(fd protoreflect.FieldDescriptor, v protoreflect.Value) bool {
		name := joinField(path, string(fd.Name()))
		switch {
		case fd.IsList():
			l := v.List()
			for i := 0; i < l.Len() && err == nil; i++ {
				err = checkValue(fd, l.Get(i), fmt.Sprintf("%s[%d]", name, i))
			}
		case fd.IsMap():
			v.Map().Range(func(k protoreflect.MapKey, mv protoreflect.Value) bool {
				err = checkValue(fd.MapKey(), k.Value(), name+"[key]")
				if err == nil {
					err = checkValue(fd.MapValue(), mv, fmt.Sprintf("%s[%v]", name, k.Interface()))
				}
				return err == nil
			})
		default:
			err = checkValue(fd, v, name)
		}
		return err == nil
	})
	return err
}

func checkValue(fd protoreflect.FieldDescriptor, v protoreflect.Value, name string) error {
	switch fd.Kind() {
	case protoreflect.StringKind:
		return tagger.CheckUTF8(name, v.String())
	case protoreflect.MessageKind, protoreflect.GroupKind:
		return checkStrings(v.Message(), name)
	}
	return nil
}
