package account

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"imagine/internal/privfile"
)

// FileName is the credentials file's name in the config directory.
const FileName = "credentials.json"

// fileVersion is the format written; other versions are refused.
const fileVersion = 1

// maxFile bounds what is read from the credentials file.
const maxFile = 1 << 20

// fileData is credentials.json.
type fileData struct {
	Version  int                    `json:"version"`
	Profiles map[string]fileProfile `json:"profiles"`
}

// fileProfile is one profile's record. ClientSecret is empty when the
// secret is in the keyring (Keyring true).
type fileProfile struct {
	ClientID     string `json:"clientId"`
	BaseURL      string `json:"baseUrl"`
	Handle       string `json:"handle,omitempty"`
	Name         string `json:"name,omitempty"`
	Keyring      bool   `json:"keyring,omitempty"`
	ClientSecret string `json:"clientSecret,omitempty"`
}

// readFile reads the credentials file. A missing file is empty. strict
// refuses a file others can read (Load); a save only insists on owning it,
// since it rewrites it 0600 anyway.
func readFile(path string, strict bool) (fileData, error) {
	d := fileData{Version: fileVersion, Profiles: map[string]fileProfile{}}
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return d, nil
	}
	if err != nil {
		return d, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return d, err
	}
	if strict {
		if err := checkPrivateInfo(st, path); err != nil {
			return d, err
		}
	} else if !ownedByMe(st) {
		return d, checkPrivateInfo(st, path)
	}
	b, err := privfile.ReadFrom(f, maxFile)
	if errors.Is(err, privfile.ErrTooLarge) {
		return d, fmt.Errorf("%s is too large to be a credentials file", path)
	}
	if err != nil {
		return d, err
	}
	if err := json.Unmarshal(b, &d); err != nil {
		return d, fmt.Errorf("%s: %w", path, err)
	}
	if d.Version != fileVersion {
		return d, fmt.Errorf("%s: format version %d is not %d", path, d.Version, fileVersion)
	}
	if d.Profiles == nil {
		d.Profiles = map[string]fileProfile{}
	}
	return d, nil
}

// writeFile replaces the credentials file: mode 0600, atomically.
func writeFile(path string, d fileData) error {
	d.Version = fileVersion
	b, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		return err
	}
	return privfile.Write(path, append(b, '\n'))
}
