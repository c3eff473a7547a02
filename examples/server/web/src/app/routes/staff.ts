import type { User } from '@/lib/auth/types';

/** Whether the user may see and manage every order: managers and above. */
export function isStaff(user: User): boolean {
  return user.role !== 'customer';
}
