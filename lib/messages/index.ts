// The follow-up channel between moderators and a submitter (PRODUCT.md §3 "Message").
export { listThread, markThreadRead, unreadForSubmitter, unreadRepliesForStaff, type MessageDto, type ThreadDto } from './thread';
export { replyAsSubmitter, sendStaffMessage, type SendRefusal, type SendResult } from './send';
