package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"workshop/session"
)

const participantColumns = `id, cohort_id, name, fingerprint, rejoin_code, step, joined_at, last_seen, team_id, hand, online_since, department, email`

// AddParticipant stores a new participant and returns it with ID and times set;
// session.ErrExists if the rejoin code is taken or the fingerprint already joined this cohort,
// session.ErrNotFound if the cohort does not exist. The rejoin code is stored normalised. A zero
// JoinedAt is set to now, a zero LastSeen to JoinedAt.
func (s *Store) AddParticipant(ctx context.Context, p session.Participant) (session.Participant, error) {
	p.RejoinCode = normCode(p.RejoinCode)
	if p.Step < 0 {
		return session.Participant{}, fmt.Errorf("add participant %q: negative step %d", p.Name, p.Step)
	}
	p.JoinedAt = orNow(p.JoinedAt)
	if p.LastSeen.IsZero() {
		p.LastSeen = p.JoinedAt
	}
	p.LastSeen = p.LastSeen.UTC()

	err := s.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx,
			`INSERT INTO participants (cohort_id, name, fingerprint, rejoin_code, step, joined_at, last_seen, department, email)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			p.CohortID, p.Name, nullString(p.Fingerprint), nullString(p.RejoinCode), p.Step,
			formatTime(p.JoinedAt), formatTime(p.LastSeen), p.Department, p.Email)
		if err != nil {
			return err
		}
		p.ID, err = res.LastInsertId()
		return err
	})
	if err != nil {
		switch k := constraint(err); {
		case errors.Is(k, session.ErrExists) && strings.Contains(err.Error(), "participants.rejoin_code"):
			return session.Participant{}, fmt.Errorf("add participant %q: rejoin code %s is taken: %w", p.Name, p.RejoinCode, k)
		case errors.Is(k, session.ErrExists):
			return session.Participant{}, fmt.Errorf("add participant %q: key %s already joined cohort %d: %w", p.Name, p.Fingerprint, p.CohortID, k)
		case errors.Is(k, session.ErrNotFound):
			return session.Participant{}, fmt.Errorf("add participant %q: cohort %d: %w", p.Name, p.CohortID, k)
		}
		return session.Participant{}, fmt.Errorf("add participant %q to cohort %d: %w", p.Name, p.CohortID, err)
	}
	return p, nil
}

// Participant returns one participant by ID; session.ErrNotFound if none.
func (s *Store) Participant(ctx context.Context, id int64) (session.Participant, error) {
	return s.participant(ctx, fmt.Sprintf("participant %d", id),
		`SELECT `+participantColumns+` FROM participants WHERE id = ?`, id)
}

// ParticipantByFingerprint finds the participant a key joined a cohort as;
// session.ErrNotFound if none.
func (s *Store) ParticipantByFingerprint(ctx context.Context, cohortID int64, fingerprint string) (session.Participant, error) {
	return s.participant(ctx, fmt.Sprintf("participant with key %s in cohort %d", fingerprint, cohortID),
		`SELECT `+participantColumns+` FROM participants WHERE cohort_id = ? AND fingerprint = ?`,
		cohortID, fingerprint)
}

// ParticipantsByFingerprint lists every participant a key joined as, across cohorts, most
// recently seen first, so the first is where a returning key holder left off. An unknown key
// gives an empty list, not an error.
func (s *Store) ParticipantsByFingerprint(ctx context.Context, fingerprint string) ([]session.Participant, error) {
	rows, err := s.r.QueryContext(ctx,
		`SELECT `+participantColumns+` FROM participants WHERE fingerprint = ? ORDER BY last_seen DESC, id DESC`,
		fingerprint)
	if err != nil {
		return nil, fmt.Errorf("participants with key %s: %w", fingerprint, err)
	}
	ps, err := collectParticipants(rows)
	if err != nil {
		return nil, fmt.Errorf("participants with key %s: %w", fingerprint, err)
	}
	return ps, nil
}

// ParticipantByRejoinCode finds a keyless participant by rejoin code in any case;
// session.ErrNotFound if none.
func (s *Store) ParticipantByRejoinCode(ctx context.Context, code string) (session.Participant, error) {
	code = normCode(code)
	return s.participant(ctx, fmt.Sprintf("participant with rejoin code %s", code),
		`SELECT `+participantColumns+` FROM participants WHERE rejoin_code = ?`, code)
}

// participant runs a query for at most one participant; what names it in errors.
func (s *Store) participant(ctx context.Context, what, query string, args ...any) (session.Participant, error) {
	p, err := scanParticipant(s.r.QueryRowContext(ctx, query, args...))
	if errors.Is(err, sql.ErrNoRows) {
		return session.Participant{}, fmt.Errorf("%s: %w", what, session.ErrNotFound)
	}
	if err != nil {
		return session.Participant{}, fmt.Errorf("%s: %w", what, err)
	}
	return p, nil
}

// Participants lists a cohort's participants in joining order.
func (s *Store) Participants(ctx context.Context, cohortID int64) ([]session.Participant, error) {
	return participants(ctx, s.r, cohortID)
}

func participants(ctx context.Context, q querier, cohortID int64) ([]session.Participant, error) {
	rows, err := q.QueryContext(ctx,
		`SELECT `+participantColumns+` FROM participants WHERE cohort_id = ? ORDER BY id`, cohortID)
	if err != nil {
		return nil, fmt.Errorf("participants of cohort %d: %w", cohortID, err)
	}
	ps, err := collectParticipants(rows)
	if err != nil {
		return nil, fmt.Errorf("participants of cohort %d: %w", cohortID, err)
	}
	return ps, nil
}

// collectParticipants reads and closes rows of participantColumns.
func collectParticipants(rows *sql.Rows) ([]session.Participant, error) {
	defer func() { _ = rows.Close() }() // rows.Err reports what went wrong while reading
	var ps []session.Participant
	for rows.Next() {
		p, err := scanParticipant(rows)
		if err != nil {
			return nil, err
		}
		ps = append(ps, p)
	}
	return ps, rows.Err()
}

// UpdateParticipant writes a participant's name and step; session.ErrNotFound if there is no
// participant p.ID. Identity (cohort, key, rejoin code) never changes after joining.
func (s *Store) UpdateParticipant(ctx context.Context, p session.Participant) error {
	if p.Step < 0 {
		return fmt.Errorf("update participant %d: negative step %d", p.ID, p.Step)
	}
	var hand sql.NullString
	if p.Hand != nil {
		b, err := json.Marshal(p.Hand)
		if err != nil {
			return fmt.Errorf("update participant %d: %w", p.ID, err)
		}
		hand = sql.NullString{String: string(b), Valid: true}
	}
	team := sql.NullInt64{Int64: p.TeamID, Valid: p.TeamID != 0}
	return s.updateParticipant(ctx, fmt.Sprintf("update participant %d", p.ID),
		`UPDATE participants SET name = ?, step = ?, team_id = ?, hand = ? WHERE id = ?`, p.Name, p.Step, team, hand, p.ID)
}

// TouchParticipant records that the participant was seen at t; session.ErrNotFound if there is
// no such participant. A time earlier than the one stored changes nothing, so touches from
// several screens of one person may arrive in any order. (Stored times are fixed-width text
// that sorts as time.)
func (s *Store) TouchParticipant(ctx context.Context, id int64, t time.Time) error {
	return s.updateParticipant(ctx, fmt.Sprintf("touch participant %d", id),
		`UPDATE participants SET last_seen = max(last_seen, ?) WHERE id = ?`, formatTime(t), id)
}

// SetPresence records that the participant came online (their first screen opened) or went
// offline (their last screen closed) at t, which also counts as being seen then.
func (s *Store) SetPresence(ctx context.Context, id int64, online bool, t time.Time) error {
	since := sql.NullString{String: formatTime(t), Valid: online}
	return s.updateParticipant(ctx, fmt.Sprintf("record presence of participant %d", id),
		`UPDATE participants SET online_since = ?, last_seen = max(last_seen, ?) WHERE id = ?`, since, formatTime(t), id)
}

// ClearPresence records every participant as offline, for a server that is starting: whoever
// was online when the last one stopped has left with it.
func (s *Store) ClearPresence(ctx context.Context) error {
	err := s.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE participants SET online_since = NULL WHERE online_since IS NOT NULL`)
		return err
	})
	if err != nil {
		return fmt.Errorf("clear presence: %w", err)
	}
	return nil
}

// updateParticipant runs an UPDATE of one participant row, reporting a missing row.
func (s *Store) updateParticipant(ctx context.Context, what, query string, args ...any) error {
	err := s.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, query, args...)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			return session.ErrNotFound
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

func scanParticipant(row scanner) (session.Participant, error) {
	var p session.Participant
	var fp, rejoin, hand, online sql.NullString
	var team sql.NullInt64
	var joined, seen string
	if err := row.Scan(&p.ID, &p.CohortID, &p.Name, &fp, &rejoin, &p.Step, &joined, &seen, &team, &hand, &online, &p.Department, &p.Email); err != nil {
		return session.Participant{}, err
	}
	p.Fingerprint, p.RejoinCode, p.TeamID = fp.String, rejoin.String, team.Int64
	if hand.Valid {
		p.Hand = &session.Hand{}
		if err := json.Unmarshal([]byte(hand.String), p.Hand); err != nil {
			return session.Participant{}, fmt.Errorf("participant %d hand: %w", p.ID, err)
		}
	}
	var err error
	if p.JoinedAt, err = parseTime(joined); err != nil {
		return session.Participant{}, err
	}
	if p.LastSeen, err = parseTime(seen); err != nil {
		return session.Participant{}, err
	}
	if online.Valid {
		if p.OnlineSince, err = parseTime(online.String); err != nil {
			return session.Participant{}, err
		}
	}
	return p, nil
}
