module github.com/schlagwort/schlagwort

go 1.26.0

tool google.golang.org/protobuf/cmd/protoc-gen-go

require google.golang.org/protobuf v1.36.12

require golang.org/x/text v0.44.0 // indirect
