// Command keygen owns making throwaway key pairs for the bench scripts. It must not import any
// workshop package.
//
// It writes a fresh unencrypted ed25519 key pair, FILE and FILE.pub, for a
// benchmark's throwaway facilitator, so the bench scripts need nothing but Go.
package main
