import { describe, expect, it } from 'vitest';
import { createApiKey } from '../auth.js';
import { csrfMatches, SessionStore } from './sessions.js';

describe('SessionStore', () => {
  const admin = createApiKey();
  const other = createApiKey();
  const store = () => {
    const s = new SessionStore();
    s.configure([{ id: 'ops', sha256: admin.hash.slice(7), description: undefined }], 60);
    return s;
  };

  it('takes admin keys only', () => {
    expect(store().adminFor(admin.key)).toBe('ops');
    expect(store().adminFor(other.key)).toBeUndefined();
  });

  it('opens, finds and closes sessions, each with its own CSRF token', () => {
    const s = store();
    const a = s.open('ops');
    const b = s.open('ops');
    expect(a.session.csrf).not.toBe(b.session.csrf);
    expect(s.get(a.id)?.adminId).toBe('ops');
    expect(csrfMatches(a.session, a.session.csrf)).toBe(true);
    expect(csrfMatches(a.session, b.session.csrf)).toBe(false);
    expect(csrfMatches(a.session, undefined)).toBe(false);
    s.close(a.id);
    expect(s.get(a.id)).toBeUndefined();
    expect(s.get('made-up')).toBeUndefined();
  });

  it('ends the sessions of an admin key a reload removed', () => {
    const s = store();
    const { id } = s.open('ops');
    s.configure([], 60);
    expect(s.get(id)).toBeUndefined();
  });
});
