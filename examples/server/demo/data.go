package demo

import (
	"embed"
	"io/fs"
)

// files holds the data sets, their licences and ATTRIBUTION.md.
//
//go:embed data/*.gz data/*.md data/*.txt
var files embed.FS

// Files returns the embedded data directory: the two compressed data sets,
// their licence files and ATTRIBUTION.md, which the server may publish.
func Files() fs.FS {
	sub, err := fs.Sub(files, "data")
	if err != nil {
		panic("demo: embedded data missing: " + err.Error()) // cannot happen: embedded
	}
	return sub
}

// Attribution returns ATTRIBUTION.md: where the demo data comes from, its
// licences, what we changed, and the credit the sources ask for.
func Attribution() string {
	b, err := files.ReadFile("data/ATTRIBUTION.md")
	if err != nil {
		panic("demo: embedded ATTRIBUTION.md missing: " + err.Error()) // cannot happen
	}
	return string(b)
}
