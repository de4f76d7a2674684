export { countUnreadNotifications, listNotifications, markNotificationsRead, notificationPageSize, type NotificationDto } from './read';
export type { NotificationKind } from './kinds';
