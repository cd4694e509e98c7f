import { Column, Entity } from 'typeorm';
import { TenantOwnedEntity } from './base';
import type { NotificationCategoryValue } from './enums-bookings';

/** What one recipient (by email address, in one hub) has opted out of. No row = everything on. */
@Entity({ name: 'notification_preferences' })
export class NotificationPreference extends TenantOwnedEntity {
  @Column({ name: 'email', type: 'citext' })
  email!: string;

  @Column({ name: 'muted', type: 'text', array: true, default: () => "'{}'" })
  muted!: NotificationCategoryValue[];
}
