import { createErrorFactory } from '../platform/errors';

/** Refusals of the list and conversation actions (assign, transfer, snooze, labels, bulk). */
export const createUnknownAssigneeError = createErrorFactory({ code: 'conversations.unknown_assignee', status: 422, messageKey: 'list.error.unknownAssignee' });
export const createUnknownTeamError = createErrorFactory({ code: 'conversations.unknown_team', status: 422, messageKey: 'list.error.unknownTeam' });
export const createAtCapacityError = createErrorFactory({ code: 'conversations.at_capacity', status: 409, messageKey: 'list.error.atCapacity' });
export const createSnoozeInPastError = createErrorFactory({ code: 'conversations.snooze_in_past', status: 422, messageKey: 'list.error.snoozeInPast' });
export const createUnknownLabelError = createErrorFactory({ code: 'conversations.unknown_label', status: 422, messageKey: 'list.error.unknownLabel' });
export const createTransferTargetError = createErrorFactory({ code: 'conversations.transfer_target', status: 422, messageKey: 'list.error.transferTarget' });
