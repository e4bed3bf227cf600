import { ApiProblem, problems } from '../../http/problem.ts';
import { etagFor } from '../../http/etag.ts';

export const approvalProblems = {
  notFound: (id: string) => problems.notFound(`Approval request ${id}`),
  alreadyDecided: (status: string) =>
    new ApiProblem(409, 'already_decided', 'Already decided', `This request is already ${status}: a decision happens exactly once.`),
  awaitingInformation: () =>
    new ApiProblem(409, 'awaiting_information', 'Waiting for the requester', 'More information was requested: the requester must respond before a decision.'),
  notAwaitingInformation: () =>
    new ApiProblem(409, 'not_awaiting_information', 'No information was requested', 'This request is not waiting for information from you.'),
  versionMoved: (version: number) =>
    new ApiProblem(412, 'precondition_failed', 'The record has changed', 'The request changed since you read it (If-Match does not match): read it again.', {
      headers: { ETag: etagFor(version) },
    }),
  selfApproval: () => problems.forbidden('You cannot decide a request you made or that is about you.'),
  notYourStep: () => problems.forbidden('This request is not waiting for your decision.'),
  requesterOnly: () => problems.forbidden('Only the person who made the request may do this.'),
};
