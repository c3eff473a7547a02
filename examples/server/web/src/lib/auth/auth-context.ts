import { createContext, useContext } from 'react';

import type {
  Credentials,
  ExpiredPasswordChange,
  PasswordChange,
  Registration,
} from './session-api';
import type { User } from './types';

/**
 * AuthState is who is using the store: `loading` while a session left by
 * an earlier visit is being renewed, then `anonymous` or `authenticated`.
 */
export type AuthState =
  | { status: 'loading'; user?: undefined }
  | { status: 'anonymous'; user?: undefined }
  | { status: 'authenticated'; user: User };

export type AuthValue = AuthState & {
  login(credentials: Credentials): Promise<User>;
  register(registration: Registration): Promise<User>;
  /** Replaces an expired staff password and signs in. */
  changeExpiredPassword(change: ExpiredPasswordChange): Promise<User>;
  /** Changes the password and carries on with the new session. */
  changePassword(change: PasswordChange): Promise<User>;
  /** Ends the session here and on the server; never fails. */
  logout(): Promise<void>;
  /** Forgets the session here only, as after the account was deleted. */
  forget(): void;
  /** Replaces the signed-in user's data, as after editing the profile. */
  updateUser(user: User): void;
};

export const AuthContext = createContext<AuthValue | undefined>(undefined);

/** useAuth returns the session and what can be done with it. */
export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used within an AuthProvider');
  return value;
}
