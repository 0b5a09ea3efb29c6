import { NotificationOptOut } from './entities/notification-opt-out.entity.js';
import { Notification } from './entities/notification.entity.js';

/** Every entity of this context, for the database's entity list. */
export const NOTIFICATION_ENTITIES = [Notification, NotificationOptOut];
