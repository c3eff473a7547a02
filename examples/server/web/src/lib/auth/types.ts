// Shapes of the accounts API (issue 3) that more than one feature reads.

export type Role = 'customer' | 'manager' | 'admin' | 'super_admin';

/** The signed-in user, as /auth/login and GET /me return it. */
export interface User {
  id: number;
  email: string;
  name: string;
  phone?: string;
  role: Role;
  email_verified: boolean;
  active?: boolean;
}

/** The answer of /auth/login, /auth/register and /auth/refresh. */
export interface AuthResponse {
  access_token: string;
  token_type: string;
  expires_in: number;
  user: User;
}

/** The Spanish name of each role. */
export const roleNames: Record<Role, string> = {
  customer: 'Cliente',
  manager: 'Encargado',
  admin: 'Administrador',
  super_admin: 'Superadministrador',
};

/** Whether the user may list and manage accounts (admin and above). */
export function canManageUsers(user: User | undefined): boolean {
  return user?.role === 'admin' || user?.role === 'super_admin';
}

/** Whether the user may give roles (super admin only). */
export function canManageRoles(user: User | undefined): boolean {
  return user?.role === 'super_admin';
}
