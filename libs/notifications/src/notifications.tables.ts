import type { EntityTable } from '@suara/core';
import type { NotificationOptOut } from './entities/notification-opt-out.entity.js';
import type { Notification } from './entities/notification.entity.js';

/** Notifications' tables for the typed query builder, inferred from its entities. */
export interface NotificationTables {
  notification: EntityTable<typeof Notification, 'sent_at'>;
  notification_opt_out: EntityTable<typeof NotificationOptOut, 'stopped_at'>;
}
