import 'server-only';
// For pages (server components): the same rule as actions, with navigation for the outcomes a
// person can act on. Lacking a permission is a 404, never a 403.
import { notFound } from 'next/navigation';
import { getViewer, type Viewer } from '@/lib/auth/viewer';
import { redirect } from '@/lib/i18n/navigation';
import { AppError } from '@/lib/errors';
import { checkAccess, type Access } from './access';
import { signInReturnPath } from './sign-in-return';

export async function requirePageAccess(access: Exclude<Access, 'public'>, page: { locale: string; path: string }): Promise<Viewer> {
  const viewer = await getViewer();
  try {
    checkAccess(viewer, access);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === 'unauthenticated') {
      const next = signInReturnPath(page.path);
      redirect({ href: next ? { pathname: '/sign-in', query: { next } } : '/sign-in', locale: page.locale });
    }
    if (error.code === 'second_factor_required') {
      redirect({ href: { pathname: '/two-factor', query: { next: page.path } }, locale: page.locale });
    }
    notFound();
  }
  return viewer!;
}
