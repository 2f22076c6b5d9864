import { useState, type FormEvent } from 'react';
import { describeError, isApiError } from '../api/errors';
import { signIn, signUp } from '../store/session';
import { BoardIcon } from './Icon';

type Mode = 'signIn' | 'signUp';

export function AuthPage() {
  const [mode, setMode] = useState<Mode>('signIn');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (mode === 'signIn') await signIn(email, password);
      else await signUp(email, password, name);
    } catch (e) {
      setError(isApiError(e) ? e.message || describeError(e) : describeError(e));
    } finally {
      setBusy(false);
    }
  };

  const switchTo = (next: Mode) => {
    setMode(next);
    setError(null);
  };

  return (
    <main className="auth">
      <div className="auth-card">
        <div className="brand brand-large">
          <BoardIcon size={28} />
          <span>Kanban</span>
        </div>
        <h1 className="auth-title">{mode === 'signIn' ? 'Sign in' : 'Create your account'}</h1>
        <form className="form" onSubmit={submit}>
          <label className="field">
            <span className="field-label">Email</span>
            <input className="input" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
          </label>
          {mode === 'signUp' && (
            <label className="field">
              <span className="field-label">Display name <span className="muted">(optional)</span></span>
              <input className="input" autoComplete="name" maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
            </label>
          )}
          <label className="field">
            <span className="field-label">Password</span>
            <input
              className="input"
              type="password"
              autoComplete={mode === 'signIn' ? 'current-password' : 'new-password'}
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
            {mode === 'signUp' && <span className="field-hint">At least 6 characters, with a digit, a capital, a small letter and a symbol.</span>}
          </label>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <button className="button button-primary button-block" type="submit" disabled={busy}>
            {mode === 'signIn' ? 'Sign in' : 'Sign up'}
          </button>
        </form>
        <p className="auth-switch">
          {mode === 'signIn' ? (
            <>
              New here?{' '}
              <button type="button" className="link-button" onClick={() => switchTo('signUp')}>
                Create an account
              </button>
            </>
          ) : (
            <>
              Already have an account?{' '}
              <button type="button" className="link-button" onClick={() => switchTo('signIn')}>
                Sign in
              </button>
            </>
          )}
        </p>
      </div>
    </main>
  );
}
