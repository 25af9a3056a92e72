package geo

import (
	"bytes"
	"compress/zlib"
	"debug/elf"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
)

// Debian's libgeonames0 ships GeoNames' cities15000 dump compiled into the
// shared library as a GResource: an ELF section ".gresource.geonames" holding
// a GVDB hash table, whose entry citiesResource is a (zlib-compressed)
// GVariant array of type a(sssssssudd):
//
//	(geonameid, name, admin1 code, admin1 name, country code (ISO alpha-2),
//	 country name, time zone, population, latitude, longitude)
//
// The readers below understand exactly that much of the GResource, GVDB and
// GVariant formats, little-endian only, and check every offset they follow.
const (
	gresourceSection = ".gresource.geonames"
	citiesResource   = "/com/lomiri/geonames/cities.compiled"
)

// errFormat marks data that is not what the reader expected.
var errFormat = errors.New("unexpected data format")

// city is one row of the GeoNames cities data.
type city struct {
	name, admin1Code, admin1Name, country2, countryName string
	population                                          int
	lat, lon                                            float64
}

// readGeonamesLib reads the cities from libgeonames' shared library.
func readGeonamesLib(path string) ([]city, error) {
	f, err := elf.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sec := f.Section(gresourceSection)
	if sec == nil {
		return nil, fmt.Errorf("no %s section: %w", gresourceSection, errFormat)
	}
	data, err := sec.Data()
	if err != nil {
		return nil, fmt.Errorf("section %s: %w", gresourceSection, err)
	}
	blob, err := gresourceLookup(data, citiesResource)
	if err != nil {
		return nil, fmt.Errorf("resource %s: %w", citiesResource, err)
	}
	return parseCities(blob)
}

// gresourceLookup returns the (decompressed) bytes of the named resource in
// a GResource bundle.
func gresourceLookup(data []byte, name string) ([]byte, error) {
	value, err := gvdbLookup(data, name)
	if err != nil {
		return nil, err
	}
	// The value is a serialised variant: content, NUL, type string.
	nul := bytes.LastIndexByte(value, 0)
	if nul < 0 || string(value[nul+1:]) != "(uuay)" {
		return nil, fmt.Errorf("resource value is not a (uuay) variant: %w", errFormat)
	}
	content := value[:nul]
	if len(content) < 8 {
		return nil, fmt.Errorf("short resource value: %w", errFormat)
	}
	size := binary.LittleEndian.Uint32(content[0:4])
	flags := binary.LittleEndian.Uint32(content[4:8])
	payload := content[8:]
	const compressed = 1 // G_RESOURCE_FLAGS_COMPRESSED
	if flags&compressed == 0 {
		if int(size) > len(payload) {
			return nil, fmt.Errorf("resource size %d beyond its data: %w", size, errFormat)
		}
		return payload[:size], nil
	}
	zr, err := zlib.NewReader(bytes.NewReader(payload))
	if err != nil {
		return nil, fmt.Errorf("decompress: %w", err)
	}
	defer zr.Close()
	out := make([]byte, 0, size)
	buf := bytes.NewBuffer(out)
	// The declared size bounds the output, so a corrupt stream cannot
	// make the reader allocate without limit.
	if _, err := io.Copy(buf, io.LimitReader(zr, int64(size)+1)); err != nil {
		return nil, fmt.Errorf("decompress: %w", err)
	}
	if buf.Len() != int(size) {
		return nil, fmt.Errorf("decompressed %d bytes, want %d: %w", buf.Len(), size, errFormat)
	}
	return buf.Bytes(), nil
}

// gvdbLookup finds a key of type 'v' in a GVDB file and returns its value
// bytes. It scans the root hash table's items rather than hashing: a
// GResource bundle holds only a handful of keys.
func gvdbLookup(data []byte, key string) ([]byte, error) {
	le := binary.LittleEndian
	if len(data) < 24 || string(data[0:8]) != "GVariant" {
		return nil, fmt.Errorf("not a little-endian GVDB file: %w", errFormat)
	}
	rootStart, rootEnd := le.Uint32(data[16:20]), le.Uint32(data[20:24])
	root, ok := slice(data, rootStart, rootEnd)
	if !ok || len(root) < 8 {
		return nil, fmt.Errorf("bad root table: %w", errFormat)
	}
	nBloom := uint64(le.Uint32(root[0:4]) & (1<<27 - 1))
	nBuckets := uint64(le.Uint32(root[4:8]))
	itemsStart := 8 + 4*nBloom + 4*nBuckets
	if itemsStart > uint64(len(root)) {
		return nil, fmt.Errorf("bad hash table header: %w", errFormat)
	}
	items := root[itemsStart:]
	const itemSize = 24
	n := len(items) / itemSize
	names := make([]string, n)
	done := make([]bool, n)
	// fullName follows parent links, which point at earlier items in
	// practice; depth is bounded by n so a cycle cannot loop forever.
	var fullName func(i, depth int) (string, bool)
	fullName = func(i, depth int) (string, bool) {
		if done[i] {
			return names[i], true
		}
		if depth > n {
			return "", false
		}
		it := items[i*itemSize : (i+1)*itemSize]
		parent := le.Uint32(it[4:8])
		keyStart := le.Uint32(it[8:12])
		keySize := uint32(le.Uint16(it[12:14]))
		k, ok := slice(data, keyStart, keyStart+keySize)
		if !ok {
			return "", false
		}
		prefix := ""
		if parent != math.MaxUint32 {
			if int(parent) >= n {
				return "", false
			}
			if prefix, ok = fullName(int(parent), depth+1); !ok {
				return "", false
			}
		}
		names[i], done[i] = prefix+string(k), true
		return names[i], true
	}
	for i := range n {
		it := items[i*itemSize : (i+1)*itemSize]
		if it[14] != 'v' {
			continue
		}
		name, ok := fullName(i, 0)
		if !ok || name != key {
			continue
		}
		v, ok := slice(data, le.Uint32(it[16:20]), le.Uint32(it[20:24]))
		if !ok {
			return nil, fmt.Errorf("bad value pointer for %s: %w", key, errFormat)
		}
		return v, nil
	}
	return nil, fmt.Errorf("no key %s: %w", key, errFormat)
}

func slice(b []byte, start, end uint32) ([]byte, bool) {
	if start > end || uint64(end) > uint64(len(b)) {
		return nil, false
	}
	return b[start:end], true
}

// offsetSize is GVariant's framing offset width for a container of n bytes.
func offsetSize(n int) int {
	switch {
	case n == 0:
		return 0
	case n <= 0xff:
		return 1
	case n <= 0xffff:
		return 2
	case uint64(n) <= 0xffffffff:
		return 4
	}
	return 8
}

func readOffset(b []byte, size int) int {
	switch size {
	case 1:
		return int(b[0])
	case 2:
		return int(binary.LittleEndian.Uint16(b))
	case 4:
		return int(binary.LittleEndian.Uint32(b))
	}
	v := binary.LittleEndian.Uint64(b)
	if v > math.MaxInt32 {
		return -1
	}
	return int(v)
}

func align(n, to int) int { return (n + to - 1) &^ (to - 1) }

// parseCities decodes a serialised GVariant a(sssssssudd).
func parseCities(b []byte) ([]city, error) {
	if len(b) == 0 {
		return nil, nil
	}
	osz := offsetSize(len(b))
	if len(b) < osz {
		return nil, fmt.Errorf("cities array: %w", errFormat)
	}
	tableStart := readOffset(b[len(b)-osz:], osz)
	if tableStart < 0 || tableStart > len(b)-osz || (len(b)-tableStart)%osz != 0 {
		return nil, fmt.Errorf("cities array framing: %w", errFormat)
	}
	n := (len(b) - tableStart) / osz
	cities := make([]city, 0, n)
	start := 0
	for i := range n {
		end := readOffset(b[tableStart+i*osz:], osz)
		start = align(start, 8)
		if end < start || end > tableStart {
			return nil, fmt.Errorf("city %d framing: %w", i, errFormat)
		}
		c, err := parseCity(b[start:end])
		if err != nil {
			return nil, fmt.Errorf("city %d: %w", i, err)
		}
		cities = append(cities, c)
		start = end
	}
	return cities, nil
}

// parseCity decodes one (sssssssudd) tuple.
func parseCity(t []byte) (city, error) {
	const nStrings = 7
	osz := offsetSize(len(t))
	if osz == 0 || len(t) < nStrings*osz {
		return city{}, errFormat
	}
	// Framing offsets of the seven strings sit at the end, last first.
	var strs [nStrings]string
	pos := 0
	for i := range nStrings {
		at := len(t) - (i+1)*osz
		end := readOffset(t[at:], osz)
		if end <= pos || end > len(t)-nStrings*osz || t[end-1] != 0 {
			return city{}, errFormat
		}
		strs[i] = string(t[pos : end-1])
		pos = end
	}
	pos = align(pos, 4)
	if pos+4 > len(t) {
		return city{}, errFormat
	}
	pop := binary.LittleEndian.Uint32(t[pos:])
	pos = align(pos+4, 8)
	if pos+16 > len(t)-nStrings*osz {
		return city{}, errFormat
	}
	lat := math.Float64frombits(binary.LittleEndian.Uint64(t[pos:]))
	lon := math.Float64frombits(binary.LittleEndian.Uint64(t[pos+8:]))
	if math.IsNaN(lat) || math.IsNaN(lon) || lat < -90 || lat > 90 || lon < -180 || lon > 180 {
		return city{}, errFormat
	}
	return city{
		name:        strs[1],
		admin1Code:  strs[2],
		admin1Name:  strs[3],
		country2:    strs[4],
		countryName: strs[5],
		population:  int(min(pop, math.MaxInt32)),
		lat:         lat,
		lon:         lon,
	}, nil
}
