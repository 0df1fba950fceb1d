package session

import (
	"context"
	"fmt"

	"workshop/i18n"
)

// ParticipantLanguage is the interface language a participant chose, "" when they never
// chose one (then i18n.Choose falls back to their terminal's locale and the cohort's language).
func (m *Manager) ParticipantLanguage(ctx context.Context, participantID int64) (i18n.Lang, error) {
	lang, err := m.store.ParticipantLanguage(ctx, participantID)
	if err != nil {
		return "", fmt.Errorf("read language: %w", err)
	}
	if l := i18n.Lang(lang); l.Valid() {
		return l, nil
	}
	return "", nil // a language this version no longer speaks counts as no choice
}

// SetParticipantLanguage records a participant's choice of interface language, so they find it
// again when they come back, from any terminal.
func (m *Manager) SetParticipantLanguage(ctx context.Context, participantID int64, l i18n.Lang) error {
	if !l.Valid() {
		return Errorf(EInvalid, "%s is not a language of the interface", string(l))
	}
	if err := m.store.SetParticipantLanguage(ctx, participantID, string(l)); err != nil {
		return fmt.Errorf("store language: %w", err)
	}
	return nil
}

// FacilitatorLanguage is the interface language a facilitator chose for their console and
// commands, "" when they never chose one.
func (m *Manager) FacilitatorLanguage(ctx context.Context, name string) (i18n.Lang, error) {
	lang, err := m.store.FacilitatorLanguage(ctx, name)
	if err != nil {
		return "", fmt.Errorf("read facilitator language: %w", err)
	}
	if l := i18n.Lang(lang); l.Valid() {
		return l, nil
	}
	return "", nil
}

// SetFacilitatorLanguage records a facilitator's choice of interface language.
func (m *Manager) SetFacilitatorLanguage(ctx context.Context, name string, l i18n.Lang) error {
	if !l.Valid() {
		return Errorf(EInvalid, "%s is not a language of the interface", string(l))
	}
	if err := m.store.SetFacilitatorLanguage(ctx, name, string(l)); err != nil {
		return fmt.Errorf("store facilitator language: %w", err)
	}
	return nil
}
