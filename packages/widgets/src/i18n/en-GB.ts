import type { CommonStrings } from './types.ts';

/** British English, in NHS.UK content style: plain words, sentence case, "you". Common strings only. */
export const enGB: CommonStrings = {
  errorGenericBody: 'Something unexpected went wrong. Try again.',
  errorSignedOutTitle: 'You are signed out',
  errorConnectionTitle: 'We could not connect to ESR',
  errorConnectionBody: 'Check your internet connection and try again.',
  errorTimeoutTitle: 'ESR took too long to respond',
  errorTimeoutBody: 'The service may be busy. Try again in a minute.',
  errorRateLimitedTitle: 'Too many requests',
  errorRateLimitedBody: 'Wait a minute, then try again.',
  errorServerTitle: 'Sorry, there is a problem with ESR',
  errorServerBody: 'This is not your fault. Try again in a few minutes.',
  errorNoClientBody: 'The page has not set up a connection to ESR. Contact the website owner.',
  errorReference: 'Reference: %{requestId}',
  retry: 'Try again',
  hoursValue: '%{hours} hours',
  hoursValueOne: '%{hours} hour',
  errorSignInAgain: 'Sign in again to continue.',
  errorNotConnectedTitle: 'This page is not connected to ESR',
  errorNoPermissionTitle: 'You do not have permission to do this',
  errorNoPermissionBody: 'Contact your HR team if you think this is wrong.',
  errorSummaryTitle: 'There is a problem',
  errorPrefix: 'Error:',
  dateRange: '%{start} to %{end}',
};
