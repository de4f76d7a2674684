// Refusals an admin can act on, told apart from other conflicts so the page can say why.
import { AppError } from '@/lib/errors';

export type RefusalReason = 'self' | 'last_admin';

export class UserChangeRefused extends AppError {
  constructor(readonly reason: RefusalReason) {
    super('conflict');
    this.name = 'UserChangeRefused';
  }
}
