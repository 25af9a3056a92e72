package store

import (
	"errors"
	"testing"

	"github.com/dyad-events/dyad/internal/doc"
)

func TestSides(t *testing.T) {
	tests := []struct {
		dyad, src, tgt string
		invalid        bool
	}{
		{"", "", "", false},
		{"RUS-CHN", "RUS", "CHN", false},
		{" rus - chn ", "RUS", "CHN", false},
		{"RUS", "RUS", "", false},
		{"RUS-", "RUS", "", false},
		{"-CHN", "", "CHN", false},
		{"IGO-RUS", "IGO", "RUS", false},
		{"RUS-CHN-USA", "", "", true},
	}
	for _, tt := range tests {
		src, tgt, err := Filter{Dyad: tt.dyad}.Sides()
		if tt.invalid {
			if !errors.Is(err, ErrInvalid) {
				t.Errorf("Sides(%q) error = %v, want ErrInvalid", tt.dyad, err)
			}
			continue
		}
		if err != nil || src != tt.src || tgt != tt.tgt {
			t.Errorf("Sides(%q) = %q, %q, %v; want %q, %q", tt.dyad, src, tgt, err, tt.src, tt.tgt)
		}
	}
}

func TestActorKey(t *testing.T) {
	tests := []struct {
		a    doc.Actor
		want string
	}{
		{doc.Actor{Code: "RUSGOV", Country: "RUS"}, "RUS"},
		{doc.Actor{Code: "IGOUNO"}, "IGO"},
		{doc.Actor{Code: "IGOWSTNAT"}, "IGO"},
		{doc.Actor{Code: "cas"}, "CAS"},
		{doc.Actor{Code: "X"}, "X"},
		{doc.Actor{}, ""},
	}
	for _, tt := range tests {
		if got := ActorKey(tt.a); got != tt.want {
			t.Errorf("ActorKey(%+v) = %q, want %q", tt.a, got, tt.want)
		}
	}
}

func TestCheck(t *testing.T) {
	d := &doc.Document{ID: "a.txt", Hash: "h"}
	tests := []struct {
		name   string
		d      *doc.Document
		events []doc.Event
		ok     bool
	}{
		{"valid", d, []doc.Event{{ID: "1", Doc: "a.txt"}}, true},
		{"no events", d, nil, true},
		{"nil", nil, nil, false},
		{"no hash", &doc.Document{ID: "a.txt"}, nil, false},
		{"no id", &doc.Document{Hash: "h"}, nil, false},
		{"other doc", d, []doc.Event{{ID: "1", Doc: "a.txt"}, {ID: "2", Doc: "b.txt"}}, false},
	}
	for _, tt := range tests {
		err := Check(tt.d, tt.events)
		if tt.ok != (err == nil) || (err != nil && !errors.Is(err, ErrInvalid)) {
			t.Errorf("%s: Check = %v, want ok=%v", tt.name, err, tt.ok)
		}
	}
}
