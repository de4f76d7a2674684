export { countUnreadNotifications, listNotifications, markAllNotificationsRead, markNotificationsRead, openNotification, notificationPageSize, type NotificationDto } from './read';
export type { NotificationKind } from './kinds';
