package main

import (
	"encoding/json"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strconv"

	"workshop/tui"
)

// Commands run at the server's shell print ssh lines too (`cohort create` prints the one to
// read out), and only the server knows the port it listens on and the host name it was given.
// So the server writes them down in the data directory as it starts, and the commands read
// them back.

// addressFile names the file, inside the data directory, with the address of the server that
// last started on it.
const addressFile = "address.json"

type servedAddress struct {
	Host string `json:"host"`
	Port int    `json:"port"`
}

// writeAddress records where participants reach the server now serving dataDir.
func writeAddress(dataDir string, hint tui.JoinHint) error {
	b, err := json.Marshal(servedAddress{Host: hint.Host, Port: hint.Port})
	if err != nil {
		return err
	}
	path := filepath.Join(dataDir, addressFile)
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, append(b, '\n'), 0o600); err != nil {
		return fmt.Errorf("record the server's address: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("record the server's address: %w", err)
	}
	return nil
}

// readAddress returns the address the last server on dataDir recorded; ok is false if none
// did (or the file cannot be read).
func readAddress(dataDir string) (tui.JoinHint, bool) {
	b, err := os.ReadFile(filepath.Join(dataDir, addressFile))
	if err != nil {
		return tui.JoinHint{}, false
	}
	var a servedAddress
	if json.Unmarshal(b, &a) != nil || a.Port <= 0 || a.Port > 65535 {
		return tui.JoinHint{}, false
	}
	return tui.JoinHint{Host: a.Host, Port: a.Port}, true
}

// listenPort is the port of a listen address such as ":2222" or "127.0.0.1:2022"; 0 if it
// names none.
func listenPort(addr string) int {
	_, p, err := net.SplitHostPort(addr)
	if err != nil {
		return 0
	}
	n, err := strconv.Atoi(p)
	if err != nil || n <= 0 || n > 65535 {
		return 0
	}
	return n
}
